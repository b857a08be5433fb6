/**
 * Which workspace is open, and switching to another: File > New workspace…, Open workspace…, Open Recent, and a
 * .sbw opened into a new folder. One engine host per workspace; switching starts the other one, and only once it
 * has opened its workspace is the first closed (politely: DuckDB checkpoints and releases the file's lock), so a
 * refusal (WORKSPACE_IN_USE, a newer schema) leaves the user where they were. The one-process lock is DuckDB's own
 * and is never bypassed. No Electron import: the app, the browser harness and the tests drive this same class.
 */
import { existsSync } from 'node:fs'
import { readdir, realpath, stat } from 'node:fs/promises'
import { isAbsolute, join, resolve } from 'node:path'
import type { Channel, EventName } from '../../shared/channels'
import { fail, ok, type Result } from '../../shared/result'
import type { WorkspaceRef, WorkspaceState } from '../../shared/workspaces'
import { HostFatal, type ForkedHost } from './clientHost'
import { RecentWorkspaces, WORKSPACE_DB, workspaceName } from './recentWorkspaces'

export type StartHost = (workspace: string) => ForkedHost

export interface SwitcherOptions {
  startHost: StartHost
  recent: RecentWorkspaces
  /** Events of the open workspace's host only; a host being closed says nothing more. */
  onEvent?(event: EventName, payload: unknown): void
  /** After every successful open (title bar, menus). */
  onSwitched?(current: WorkspaceRef): void
  nativeDialogs?: boolean
}

/** Files a file manager leaves in any folder; a folder holding only these counts as empty. */
const HARMLESS = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini'])

export class WorkspaceSwitcher {
  private host: ForkedHost | null = null
  private ref: WorkspaceRef | null = null
  private offEvents: (() => void) | null = null
  /** One switch at a time: a second click waits for the first to finish. */
  private switching: Promise<unknown> = Promise.resolve()

  constructor(private readonly opts: SwitcherOptions) {}

  current(): WorkspaceRef | null {
    return this.ref
  }

  /** A call to the open workspace's engine. */
  call(channel: Channel, input: unknown): Promise<Result<unknown>> {
    if (!this.host) return Promise.resolve(fail('ENGINE_DIED', 'No workspace is open.'))
    return this.host.call(channel, input)
  }

  async state(): Promise<WorkspaceState> {
    const current = this.ref ?? { path: '', name: '' }
    const recent = (await this.opts.recent.list()).filter((r) => r.path !== current.path)
    return { current, recent, nativeDialogs: this.opts.nativeDialogs ?? false }
  }

  /**
   * Open the workspace in `path`: an existing one (`create` false: the folder must hold workspace.duckdb) or a new
   * one (`create` true: a new or empty folder). On failure the workspace open before stays open.
   */
  open(path: string, { create = false, asGiven = false }: { create?: boolean; asGiven?: boolean } = {}) {
    // asGiven: the folder named at launch (--workspace, the default), opened as before: created when missing,
    // whatever it holds.
    const run = this.switching.then(() => this.openNow(path, create, asGiven))
    this.switching = run.catch(() => undefined)
    return run
  }

  /** Copy the open workspace into a new folder; the copy joins Open Recent, the open workspace stays open. */
  async duplicate(into: string): Promise<Result<WorkspaceRef>> {
    const r = (await this.call('duplicateWorkspace', { into })) as Result<WorkspaceRef>
    if (r.ok) await this.opts.recent.add(r.value.path)
    return r
  }

  /** Extract a .sbw into a new folder and open it there (its schema is upgraded, with a backup, as it opens). */
  async openArchive(archive: string, into: string): Promise<Result<WorkspaceRef>> {
    const r = (await this.call('openWorkspaceArchive', { archive, into })) as Result<{ path: string }>
    if (!r.ok) return r
    return this.open(r.value.path)
  }

  async close(): Promise<void> {
    await this.switching
    const host = this.host
    this.offEvents?.()
    this.host = null
    this.ref = null
    await host?.close()
  }

  private async openNow(path: string, create: boolean, asGiven: boolean): Promise<Result<WorkspaceRef>> {
    if (!isAbsolute(path)) return fail('BAD_INPUT', `Give the workspace folder as a full path, not “${path}”.`)
    const dir = resolve(path)
    if (this.ref && (await sameFolder(this.ref.path, dir))) {
      return create
        ? fail('BAD_INPUT', `${dir} is the workspace open now; choose a new or empty folder.`)
        : ok(this.ref)
    }
    const refused = asGiven ? null : create ? await refuseNewFolder(dir) : refuseExisting(dir)
    if (refused) return refused

    const next = this.opts.startHost(dir)
    try {
      await next.ready
    } catch (err) {
      await next.close(1_000).catch(() => undefined)
      if (err instanceof HostFatal) return { ok: false, error: err.error }
      return fail('ENGINE_DIED', `The data engine could not open ${dir}: ${(err as Error).message}`)
    }
    const previous = this.host
    this.offEvents?.()
    this.host = next
    this.ref = { path: dir, name: workspaceName(dir) }
    this.offEvents = next.onEvent((event, payload) => this.opts.onEvent?.(event, payload))
    // Closed after the new one is up, and awaited: when open() returns, the old workspace's lock is released.
    await previous?.close()
    await this.opts.recent.add(dir)
    this.opts.onSwitched?.(this.ref)
    return ok(this.ref)
  }
}

function refuseExisting(dir: string): Result<never> | null {
  if (existsSync(join(dir, WORKSPACE_DB))) return null
  return fail(
    'NOT_FOUND',
    existsSync(dir)
      ? `${dir} is not a Socialbench workspace (it has no ${WORKSPACE_DB}). Choose the folder of a workspace, or make a new one there with New workspace….`
      : `The workspace folder ${dir} is gone (moved or deleted).`
  )
}

async function refuseNewFolder(dir: string): Promise<Result<never> | null> {
  const info = await stat(dir).catch(() => null)
  if (!info) return null
  if (!info.isDirectory()) return fail('BAD_INPUT', `${dir} is a file; choose a new or empty folder.`)
  if (existsSync(join(dir, WORKSPACE_DB))) {
    return fail('BAD_INPUT', `${dir} already is a workspace; open it with Open workspace… instead.`)
  }
  const entries = (await readdir(dir)).filter((e) => !HARMLESS.has(e))
  if (entries.length > 0) {
    return fail('BAD_INPUT', `${dir} already holds files; choose a new or empty folder for the new workspace.`)
  }
  return null
}

async function sameFolder(a: string, b: string): Promise<boolean> {
  const real = (p: string) => realpath(p).catch(() => resolve(p))
  return (await real(a)) === (await real(b))
}
