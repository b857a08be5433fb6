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
import type { WorkspaceState } from '../../shared/workspaces'
import type { workspaceActions } from './workspaceActions'

export interface MenuOptions {
  mainWindow(): BrowserWindow | null
  /** The folder of the local log file, for Help > Open log folder. */
  logDir: string | null
  /** Files picked in our own open dialog are granted here, before the renderer hears of them. */
  grants: PathGrants
  /** File > New/Open/Open Recent/Reveal/Duplicate/.sbw: the same calls the window's workspace menu makes. */
  workspaces?: {
    state: WorkspaceState
    actions: ReturnType<typeof workspaceActions>
    /** After a switch: the window reloads to show the other workspace. */
    reload(): void
    clearRecent(): Promise<void>
  }
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

  // Thin: every item is a call of workspaceActions (tested through the browser harness, which answers the same).
  const ws = opts.workspaces
  const report = (title: string, r: { ok: true } | { ok: false; error: { message: string } }): boolean => {
    if (!r.ok) dialog.showErrorBox(title, r.error.message)
    return r.ok
  }
  const switchTo = async (title: string, path: string | null, create: boolean): Promise<void> => {
    if (!ws || !path) return
    if (report(title, await ws.actions.openWorkspace({ path, create }))) ws.reload()
  }
  const chosenFolder = async (purpose: 'new' | 'open' | 'duplicate' | 'into'): Promise<string | null> => {
    const r = await ws?.actions.chooseWorkspaceFolder({ purpose })
    return r?.ok ? r.value.path : null
  }
  const run = (f: () => Promise<void>) => (): void => void f().catch((e) => log.error('menu: workspace', e))
  const workspaceItems: MenuItemConstructorOptions[] = ws
    ? [
        {
          label: 'New Workspace…',
          click: run(async () => switchTo('New workspace', await chosenFolder('new'), true))
        },
        {
          label: 'Open Workspace…',
          click: run(async () => switchTo('Open workspace', await chosenFolder('open'), false))
        },
        {
          label: 'Open Recent',
          submenu: ws.state.recent.length
            ? [
                ...ws.state.recent.map((r) => ({
                  label: `${r.name} — ${r.path}`,
                  enabled: r.exists,
                  click: run(() => switchTo('Open workspace', r.path, false))
                })),
                { type: 'separator' as const },
                { label: 'Clear Recent', click: run(() => ws.clearRecent()) }
              ]
            : [{ label: 'No recent workspaces', enabled: false }]
        },
        {
          label: 'Reveal Workspace in File Manager',
          click: run(async () => void (await ws.actions.revealWorkspace(undefined)))
        },
        { type: 'separator' },
        {
          label: 'Duplicate Workspace…',
          click: run(async () => {
            const into = await chosenFolder('duplicate')
            if (into) report('Duplicate workspace', await ws.actions.duplicateWorkspaceTo({ into }))
          })
        },
        {
          label: 'Export Workspace as .sbw…',
          click: run(async () => void report('Export workspace', await ws.actions.exportWorkspaceFile(undefined)))
        },
        {
          label: 'Open .sbw File…',
          click: run(async () => {
            const archive = await ws.actions.chooseWorkspaceArchive(undefined)
            if (!archive.ok || !archive.value.path) return
            const into = await chosenFolder('into')
            if (!into) return
            const r = await ws.actions.openWorkspaceFile({ archive: archive.value.path, into })
            if (report('Open .sbw file', r)) ws.reload()
          })
        },
        { type: 'separator' }
      ]
    : []

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
      submenu: [
        ...workspaceItems,
        ...shortcutItems('File'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    {
      label: '&Edit',
      submenu: [
        // Undo is the app's (a delete, a merge...), or the text field's when one has focus: the renderer decides.
        ...shortcutItems('Edit'),
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
