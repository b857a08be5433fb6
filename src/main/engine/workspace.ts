/**
 * A workspace is a folder holding one DuckDB file (workspace.duckdb) and a scratch folder for converted
 * copies of imported files. The folder is chosen by --workspace, SOCIALBENCH_WORKSPACE, or the app's default.
 */
import { access, mkdir, rm, writeFile } from 'node:fs/promises'
import { constants } from 'node:fs'
import { join, resolve } from 'node:path'
import { AppFailure } from '../../shared/result'

export const DB_FILE_NAME = 'workspace.duckdb'

export interface WorkspacePaths {
  dir: string
  dbFile: string
  tmpDir: string
}

export function workspacePaths(dir: string): WorkspacePaths {
  const abs = resolve(dir)
  return { dir: abs, dbFile: join(abs, DB_FILE_NAME), tmpDir: join(abs, 'tmp') }
}

/** The folder from argv (`--workspace DIR`) or env, if either names one. */
export function workspaceFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string | null {
  const i = argv.indexOf('--workspace')
  if (i >= 0 && argv[i + 1]) return argv[i + 1]
  const eq = argv.find((a) => a.startsWith('--workspace='))
  if (eq) return eq.slice('--workspace='.length)
  return env.SOCIALBENCH_WORKSPACE || null
}

/** Create the folder if needed and prove it is writable, so failure is a clear message rather than a DuckDB error. */
export async function prepareWorkspaceDir(paths: WorkspacePaths): Promise<void> {
  try {
    await mkdir(paths.dir, { recursive: true })
    await access(paths.dir, constants.W_OK)
    // Leftovers of an import that was killed mid-way are never needed again.
    await rm(paths.tmpDir, { recursive: true, force: true })
    await mkdir(paths.tmpDir, { recursive: true })
    const probe = join(paths.tmpDir, '.write-probe')
    await writeFile(probe, 'ok')
    await rm(probe, { force: true })
  } catch (err) {
    if (/ENOSPC|EDQUOT/.test((err as NodeJS.ErrnoException).code ?? '')) {
      throw new AppFailure(
        'WORKSPACE_UNWRITABLE',
        `The disk holding the workspace folder ${paths.dir} is full. Free some disk space, then open it again; nothing in it was changed.`
      )
    }
    throw new AppFailure(
      'WORKSPACE_UNWRITABLE',
      `Cannot use the workspace folder ${paths.dir}: ${(err as Error).message}. Choose a folder you can write to.`
    )
  }
}

/**
 * Where the desktop app keeps its workspace when nothing overrides it: Electron's userData folder for the
 * product name "Socialbench", plus /workspace. Computed here too so the CLI finds the same workspace.
 */
export function defaultWorkspaceDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = env.HOME ?? env.USERPROFILE ?? '.'
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'))
  return join(appData, 'Socialbench', 'workspace')
}
