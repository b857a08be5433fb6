/**
 * One ipcMain.handle per channel. The shell checks WHO is asking (our main frame, our page) and that any file a
 * call names was granted by the user (pathGrants.ts); WHAT is asked is validated by the engine host with the zod
 * inputs, so there is one validator. Handlers never throw: a rejected handle would pass only `message` to the renderer.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS, wire, type Channel } from '../../shared/channels'
import { fail, toFailure, type Result } from '../../shared/result'
import type { WorkspaceCallOutputs } from '../../shared/contract'
import { WORKSPACE_CALLS, type WorkspaceCall } from '../../shared/channels'
import type { PathGrants } from './pathGrants'
import { isOurRendererUrl } from './security-policy'
import { log } from './log'

export interface IpcOptions {
  /** The open workspace's engine host (it changes when the user switches workspace). */
  engine: { call(channel: Channel, input: unknown): Promise<Result<unknown>> }
  /** The workspace menu's calls, answered in this process (workspaceActions.ts). */
  workspaceActions?: { [C in WorkspaceCall]: (input: unknown) => Promise<Result<WorkspaceCallOutputs[C]>> }
  /** The current main window (it may be recreated on macOS). */
  mainWindow(): BrowserWindow | null
  devUrl: string | null
  rendererFileUrl: string
  /** The files the user chose this session (open dialog, drop, picker): the only ones the engine may read. */
  grants: PathGrants
}

export function registerIpc(opts: IpcOptions): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(wire(channel), async (e, raw: unknown): Promise<Result<unknown>> => {
      if (!isOurSender(e, opts)) {
        log.warn('ipc: refused', channel, 'from', e.senderFrame?.url ?? '(gone)')
        return fail('FORBIDDEN', 'Unknown sender')
      }
      try {
        const refused = await opts.grants.refuse(channel, raw)
        if (refused) {
          log.warn('ipc: refused a path the user did not choose:', refused.error.message)
          return refused
        }
        return await opts.engine.call(channel, raw)
      } catch (err) {
        log.error('ipc:', channel, err)
        return toFailure(err)
      }
    })
  }
  for (const call of WORKSPACE_CALLS) {
    ipcMain.handle(wire(call), async (e, raw: unknown): Promise<Result<unknown>> => {
      if (!isOurSender(e, opts)) return fail('FORBIDDEN', 'Unknown sender')
      if (!opts.workspaceActions) return fail('NOT_FOUND', `${call} is not available here`)
      return opts.workspaceActions[call](raw)
    })
  }
  // The preload's pathForFile asks for this with the path of a real File (a drop or the picker); a page script
  // cannot make a File with a path, so this is the renderer's one way to add a file, and only one the user gave it.
  ipcMain.handle(wire('grantFile'), async (e, raw: unknown): Promise<Result<null>> => {
    if (!isOurSender(e, opts)) return fail('FORBIDDEN', 'Unknown sender')
    return opts.grants.grantFromRenderer(raw)
  })
}

/** The main frame of our main window, showing our page: not a subframe, not a page it was tricked onto. */
export function isOurSender(e: IpcMainInvokeEvent, opts: IpcOptions): boolean {
  const win = opts.mainWindow()
  const frame = e.senderFrame
  if (!win || win.isDestroyed() || !frame) return false
  // Compare ids rather than wrapper identity: the main frame of our window, never a subframe.
  const main = win.webContents.mainFrame
  if (e.sender.id !== win.webContents.id || frame.processId !== main.processId || frame.routingId !== main.routingId) {
    return false
  }
  return isOurRendererUrl(frame.url, opts.devUrl, opts.rendererFileUrl)
}
