/**
 * One ipcMain.handle per channel. The shell only checks WHO is asking (our main frame, our page);
 * WHAT is asked is validated by the engine host with the zod inputs, so there is one validator.
 * Handlers never throw: a rejected handle would pass only `message` to the renderer.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS, wire } from '../../shared/channels'
import { fail, toFailure, type Result } from '../../shared/result'
import type { EngineClient } from './engineClient'
import { isOurRendererUrl } from './security-policy'
import { log } from './log'

export interface IpcOptions {
  engine: EngineClient
  /** The current main window (it may be recreated on macOS). */
  mainWindow(): BrowserWindow | null
  devUrl: string | null
  rendererFileUrl: string
}

export function registerIpc(opts: IpcOptions): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(wire(channel), async (e, raw: unknown): Promise<Result<unknown>> => {
      if (!isOurSender(e, opts)) {
        log.warn('ipc: refused', channel, 'from', e.senderFrame?.url ?? '(gone)')
        return fail('FORBIDDEN', 'Unknown sender')
      }
      try {
        return await opts.engine.call(channel, raw)
      } catch (err) {
        log.error('ipc:', channel, err)
        return toFailure(err)
      }
    })
  }
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
