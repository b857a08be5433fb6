/**
 * `saveFile`: the one IPC the main process answers itself. Exports come back from the engine as bytes; where they go
 * is the user's choice in a native save dialog, so the renderer never names a path and the engine never writes
 * outside its workspace.
 */
import { app, dialog, ipcMain } from 'electron'
import { writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { wire } from '../../shared/channels'
import { saveFileInput, type SavedFile } from '../../shared/contract'
import { fail, toFailure, type Result } from '../../shared/result'
import { safeFileName } from './fileNames'
import { isOurSender, type IpcOptions } from './ipc'
import { log } from './log'

export function registerSaveFile(opts: IpcOptions): void {
  // The folder last saved into, for the session: a presenter exporting ten charts picks it once.
  let lastDir: string | null = null
  ipcMain.handle(wire('saveFile'), async (e, raw: unknown): Promise<Result<SavedFile>> => {
    if (!isOurSender(e, opts)) return fail('FORBIDDEN', 'Unknown sender')
    const p = saveFileInput.safeParse(raw)
    if (!p.success) return fail('BAD_INPUT', p.error.issues[0]?.message ?? 'Invalid input')
    const { defaultName, bytes, filters, sidecar } = p.data
    try {
      const win = opts.mainWindow()
      const options = { defaultPath: join(lastDir ?? app.getPath('documents'), safeFileName(defaultName)), filters }
      const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: false, path: null } }
      await writeFile(choice.filePath, bytes)
      // The path the user chose plus a fixed suffix: beside the file, never a name the renderer picked.
      if (sidecar) await writeFile(`${choice.filePath}${sidecar.suffix}`, sidecar.bytes)
      lastDir = dirname(choice.filePath)
      log.info('saveFile: wrote', bytes.byteLength, 'bytes to', choice.filePath)
      return { ok: true, value: { saved: true, path: choice.filePath } }
    } catch (err) {
      log.error('saveFile:', err)
      return toFailure(err)
    }
  })
}
