/**
 * The engine reads only files the user chose. The renderer names files by path (previewImport, importFile,
 * readQueryPack); a compromised page could name any path (/etc/passwd, ~/.ssh/id_ed25519) and read it back as
 * preview rows. So each host keeps the files the user granted in this session and refuses every other path
 * before the call reaches the engine, which stays unchanged:
 * - Electron (ipc.ts): files from the main process's own open dialog (menu.ts) and files the preload got
 *   from a drop or the file picker (a File only the browser can make, see preload/index.ts);
 * - the browser harness (e2e/server): only the staged copies of files the page uploaded.
 * No Electron import, so both hosts use this one module.
 */
import { realpath, stat } from 'node:fs/promises'
import { isAbsolute } from 'node:path'
import type { Channel } from '../../shared/channels'
import { fail, ok, type AppError, type Result } from '../../shared/result'

/**
 * The channels whose input names a file the engine opens, and the field that names it. pathGrants.test.ts checks
 * this against every input schema in the contract, so a new channel with a `path` cannot skip the gate.
 */
export const PATH_FIELDS: Partial<Record<Channel, string>> = {
  previewImport: 'path',
  importFile: 'path',
  readQueryPack: 'path',
  importEvents: 'path',
  reproduce: 'path'
}

/**
 * Channels only the shell itself calls, after its own dialogs: they write wherever they are told (a .sbw, a new
 * workspace folder), so a page naming the target itself is refused, whatever it names.
 */
export const SHELL_ONLY_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'exportWorkspace',
  'duplicateWorkspace',
  'openWorkspaceArchive'
])

export class PathGrants {
  /** Canonical (realpath) names: a symlink or `..` spelling of a granted file is the same file. */
  private readonly granted = new Set<string>()

  /** @param howToChoose ends the refusal message: how the user grants a file on this host. */
  constructor(private readonly howToChoose: string) {}

  /** Grant a file the user chose. Only existing regular files: never a folder, a device or a FIFO. */
  async grant(path: string): Promise<void> {
    const canonical = await canonicalFile(path)
    if (!canonical) throw new Error(`Not a readable file: ${path}`)
    this.granted.add(canonical)
  }

  /**
   * A grant asked for over IPC (Electron's preload, for a dropped or picked file): the same rules as grant(),
   * answered as a Result because it crosses a process boundary.
   */
  async grantFromRenderer(raw: unknown): Promise<Result<null>> {
    if (typeof raw !== 'string' || !isAbsolute(raw))
      return fail('BAD_INPUT', 'grantFile takes the absolute path of a file')
    try {
      await this.grant(raw)
      return ok(null)
    } catch {
      return fail('NOT_FOUND', `${raw} is not a readable file (a folder, a device or gone)`)
    }
  }

  async isGranted(path: string): Promise<boolean> {
    if (!isAbsolute(path)) return false
    const canonical = await canonicalFile(path)
    return canonical !== null && this.granted.has(canonical)
  }

  /**
   * The FORBIDDEN failure to answer instead of calling the engine, or null when the call names no file or only
   * granted ones. A malformed input (the field is not a string) passes: the engine's schema refuses it.
   */
  async refuse(channel: Channel, input: unknown): Promise<{ ok: false; error: AppError } | null> {
    if (SHELL_ONLY_CHANNELS.has(channel)) {
      return {
        ok: false,
        error: { code: 'FORBIDDEN', message: `${channel}: only the workspace menu can ask for this` }
      }
    }
    const field = PATH_FIELDS[channel]
    if (!field || !input || typeof input !== 'object') return null
    const path = (input as Record<string, unknown>)[field]
    if (typeof path !== 'string' || (await this.isGranted(path))) return null
    return {
      ok: false,
      error: { code: 'FORBIDDEN', message: `${channel}: ${path} is not a file you chose; ${this.howToChoose}` }
    }
  }
}

/** The realpath of an existing regular file, or null. */
async function canonicalFile(path: string): Promise<string | null> {
  try {
    const real = await realpath(path)
    return (await stat(real)).isFile() ? real : null
  } catch {
    return null
  }
}
