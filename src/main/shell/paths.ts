/**
 * Where things live. Resolved once at startup from argv and env so every module agrees.
 * Call resolvePaths() before app 'ready' and before requestSingleInstanceLock: it may move userData.
 */
import { app } from 'electron'
import { isAbsolute, join, resolve } from 'node:path'

export interface ShellPaths {
  /** The DuckDB workspace folder the engine host opens. */
  workspace: string
  /** Our built files, next to out/main/index.js. */
  preload: string
  rendererIndex: string
  rendererDir: string
  engineHost: string
  windowState: string
}

export interface LaunchOptions {
  /** --sample: load the bundled sample into an empty workspace before showing it. */
  sample: boolean
}

/** The value after `--name` or in `--name=value`, if present. */
export function argValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === name) return argv[i + 1]
    if (a.startsWith(`${name}=`)) return a.slice(name.length + 1)
  }
  return undefined
}

export function launchOptions(argv: readonly string[] = process.argv): LaunchOptions {
  return { sample: argv.includes('--sample') }
}

export function resolvePaths(argv: readonly string[] = process.argv, env = process.env): ShellPaths {
  // Tests run several apps side by side; each needs its own userData, or the single-instance lock
  // (which is per userData folder) would make all but one quit.
  const userData = env.SOCIALBENCH_USER_DATA
  if (userData) app.setPath('userData', absolute(userData))

  const ws = argValue(argv, '--workspace') ?? env.SOCIALBENCH_WORKSPACE
  const workspace = ws ? absolute(ws) : join(app.getPath('userData'), 'workspace')
  const rendererDir = join(__dirname, '../renderer')
  return {
    workspace,
    preload: join(__dirname, '../preload/index.js'),
    rendererIndex: join(rendererDir, 'index.html'),
    rendererDir,
    engineHost: join(__dirname, 'engineHost.js'),
    windowState: join(app.getPath('userData'), 'window-state.json')
  }
}

/** Relative paths are taken from the directory the app was started in, as a user would expect. */
const absolute = (p: string): string => (isAbsolute(p) ? p : resolve(process.cwd(), p))
