/**
 * The application menu. Commands that the renderer acts on are sent as events (openImport, menuCommand);
 * the menu itself never touches data.
 */
import { app, dialog, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { wire } from '../../shared/channels'
import type { EventPayloads } from '../../shared/contract'
import type { MenuCommand } from '../../shared/types'
import { log } from './log'
import type { PathGrants } from './pathGrants'
import { IMPORT_DIALOG_FILTERS } from '../../shared/importFiles'
import { APP_SHORTCUTS, type AppShortcut } from '../../shared/shortcuts'

export interface MenuOptions {
  mainWindow(): BrowserWindow | null
  /** The folder of the local log file, for Help > Open log folder. */
  logDir: string | null
  /** Files picked in our own open dialog are granted here, before the renderer hears of them. */
  grants: PathGrants
}

export function buildMenu(opts: MenuOptions): void {
  const isMac = process.platform === 'darwin'
  const send = <E extends keyof EventPayloads>(event: E, payload: EventPayloads[E]): void => {
    const win = opts.mainWindow()
    if (win && !win.isDestroyed()) win.webContents.send(wire(event), payload)
  }
  const command = (c: MenuCommand['command']) => (): void => send('menuCommand', { command: c })

  const importFiles = async (): Promise<void> => {
    const win = opts.mainWindow()
    const options: Electron.OpenDialogOptions = {
      title: 'Import exports',
      properties: ['openFile', 'multiSelections'],
      filters: IMPORT_DIALOG_FILTERS
    }
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
    if (r.canceled || r.filePaths.length === 0) return
    const granted: string[] = []
    for (const path of r.filePaths) {
      // A folder or a FIFO cannot be granted: leave it out; the engine would refuse it anyway.
      await opts.grants.grant(path).then(
        () => granted.push(path),
        (err: unknown) => log.warn('menu: not importable:', path, err)
      )
    }
    if (granted.length > 0) send('openImport', { paths: granted })
  }

  // Menu items of the shared shortcut list (src/shared/shortcuts.ts): the renderer matches the same keys in the
  // browser, and the sheet lists them, so label and accelerator are written once.
  const shortcutItems = (menu: AppShortcut['menu']): MenuItemConstructorOptions[] =>
    APP_SHORTCUTS.filter((s) => s.menu === menu).map((s) => ({
      label: s.label,
      accelerator: s.accelerator,
      registerAccelerator: !s.pageFirst,
      click: s.command === 'import' ? () => void importFiles().catch((e) => log.error(e)) : command(s.command)
    }))

  const openLogFolder = (): void => {
    if (!opts.logDir) return
    // shell.openPath opens a local folder in the file manager; nothing leaves the machine.
    void shell.openPath(opts.logDir).then((err) => err && log.warn('menu: open log folder:', err))
  }

  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: app.name,
            submenu: [
              { label: `About ${app.name}`, click: command('about') },
              { type: 'separator' },
              { role: 'services' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' }
            ]
          } satisfies MenuItemConstructorOptions
        ]
      : []),
    {
      label: '&File',
      submenu: [...shortcutItems('File'), { type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' }]
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' }
      ]
    },
    {
      label: '&View',
      submenu: [
        ...shortcutItems('View'),
        { type: 'separator' },
        ...(app.isPackaged
          ? []
          : ([
              { role: 'reload' },
              { role: 'forceReload' },
              { role: 'toggleDevTools' },
              { type: 'separator' }
            ] as const)),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    {
      role: 'help',
      label: '&Help',
      submenu: [
        ...shortcutItems('Help'),
        { type: 'separator' },
        { label: 'About Socialbench', click: command('about') },
        { label: 'Open Log Folder', enabled: !!opts.logDir, click: openLogFolder }
      ]
    }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
