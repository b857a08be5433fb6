/** The app's WorkspaceDialogs (workspaceActions.ts): native folder, open and save dialogs and the file manager. */
import { app, dialog, shell, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import { WORKSPACE_ARCHIVE_EXTENSION } from '../../shared/workspaces'
import { log } from './log'
import type { PathGrants } from './pathGrants'
import type { WorkspaceDialogs } from './workspaceActions'

const TITLES = {
  new: 'New workspace: choose an empty folder',
  open: 'Open workspace',
  duplicate: 'Duplicate workspace into an empty folder',
  into: 'Open .sbw into an empty folder'
} as const

export function electronWorkspaceDialogs(mainWindow: () => BrowserWindow | null, grants: PathGrants): WorkspaceDialogs {
  const open = (options: Electron.OpenDialogOptions) => {
    const win = mainWindow()
    return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options)
  }
  const archiveFilter = [{ name: 'Socialbench workspace', extensions: [WORKSPACE_ARCHIVE_EXTENSION] }]
  return {
    async chooseFolder(purpose) {
      const r = await open({ title: TITLES[purpose], properties: ['openDirectory', 'createDirectory'] })
      return r.canceled ? null : (r.filePaths[0] ?? null)
    },
    async chooseArchive() {
      const r = await open({ title: 'Open a .sbw workspace file', properties: ['openFile'], filters: archiveFilter })
      const path = r.canceled ? null : (r.filePaths[0] ?? null)
      if (path) await grants.grant(path)
      return path
    },
    async saveArchivePath(defaultName) {
      const win = mainWindow()
      const options = {
        title: 'Export workspace as .sbw',
        defaultPath: join(app.getPath('documents'), defaultName),
        filters: archiveFilter
      }
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      return r.canceled ? null : (r.filePath ?? null)
    },
    async reveal(path) {
      // A local folder in the file manager; nothing leaves the machine.
      shell.showItemInFolder(join(path, 'workspace.duckdb'))
      log.info('workspace: revealed', path)
      return true
    }
  }
}
