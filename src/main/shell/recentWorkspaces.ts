/**
 * File > Open Recent: the last MAX_RECENT_WORKSPACES workspaces opened, newest first, kept in a small JSON file in
 * the app's user-data folder (never in a workspace, which may be shared or deleted). No Electron import: the
 * browser harness and the tests use it too.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { basename, dirname, resolve } from 'node:path'
import { MAX_RECENT_WORKSPACES, type RecentWorkspace } from '../../shared/workspaces'

interface Stored {
  path: string
  openedAt: string
}

/** A workspace folder's database file; a folder without one is not (or no longer) a workspace. */
export const WORKSPACE_DB = 'workspace.duckdb'

export const workspaceName = (path: string): string => basename(resolve(path)) || resolve(path)

export class RecentWorkspaces {
  /** Writes in this process, in order: two quick opens must not lose one. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    readonly file: string,
    private readonly max = MAX_RECENT_WORKSPACES,
    private readonly now: () => Date = () => new Date()
  ) {}

  /** Newest first; `exists` says whether the folder still holds a workspace (the menu greys it out otherwise). */
  async list(): Promise<RecentWorkspace[]> {
    await this.queue
    return (await this.read()).map((s) => ({
      path: s.path,
      name: workspaceName(s.path),
      openedAt: s.openedAt,
      exists: existsSync(resolve(s.path, WORKSPACE_DB))
    }))
  }

  /** Put `path` first (once), dropping the oldest past the limit. */
  add(path: string): Promise<void> {
    const abs = resolve(path)
    return this.update((list) => [
      { path: abs, openedAt: this.now().toISOString() },
      ...list.filter((s) => s.path !== abs)
    ])
  }

  remove(path: string): Promise<void> {
    const abs = resolve(path)
    return this.update((list) => list.filter((s) => s.path !== abs))
  }

  clear(): Promise<void> {
    return this.update(() => [])
  }

  private update(change: (list: Stored[]) => Stored[]): Promise<void> {
    const next = this.queue.then(async () => {
      const list = change(await this.read()).slice(0, this.max)
      await mkdir(dirname(this.file), { recursive: true })
      // Written whole then renamed: a crash mid-write leaves the previous list, not half a file.
      const tmp = `${this.file}.${process.pid}.tmp`
      await writeFile(tmp, `${JSON.stringify({ version: 1, workspaces: list }, null, 2)}\n`)
      await rename(tmp, this.file)
    })
    this.queue = next.catch(() => undefined)
    return next
  }

  /** What is stored; a missing or damaged file is an empty list (it is only a convenience), never a failure. */
  private async read(): Promise<Stored[]> {
    try {
      const data = JSON.parse(await readFile(this.file, 'utf8')) as { workspaces?: unknown }
      if (!Array.isArray(data.workspaces)) return []
      return data.workspaces
        .filter(
          (w): w is Stored =>
            !!w && typeof (w as Stored).path === 'string' && typeof (w as Stored).openedAt === 'string'
        )
        .slice(0, this.max)
    } catch {
      return []
    }
  }
}
