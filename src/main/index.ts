/**
 * The Electron main process: wiring only. security → engine host → IPC → menu → window.
 * All data work happens in the engine host process (src/main/engine/hostEntry.ts), never here.
 */
import { app, dialog, type BrowserWindow } from 'electron'
import { dirname, join } from 'node:path'
import { wire } from '../shared/channels'
import type { WorkspaceRef } from '../shared/workspaces'
import { startClientHost } from './shell/clientHost'
import { utilityHost } from './shell/hostProcess'
import { registerIpc } from './shell/ipc'
import { registerSaveFile } from './shell/saveFile'
import { log, setupLog } from './shell/log'
import { buildMenu } from './shell/menu'
import { PathGrants } from './shell/pathGrants'
import { launchOptions, resolvePaths } from './shell/paths'
import { applySecurity } from './shell/security'
import { parseDevUrl } from './shell/security-policy'
import { createMainWindow, rendererFileUrl } from './shell/window'
import { RecentWorkspaces } from './shell/recentWorkspaces'
import { workspaceActions } from './shell/workspaceActions'
import { electronWorkspaceDialogs } from './shell/workspaceDialogs'
import { WorkspaceSwitcher } from './shell/workspaceSwitcher'

// Before anything else: this may move userData, which decides the single-instance lock and the log folder.
const paths = resolvePaths()

if (!app.requestSingleInstanceLock()) {
  // Another Socialbench owns this profile: it gets focused (second-instance below) and we leave.
  app.quit()
} else {
  main()
}

function main(): void {
  const launch = launchOptions()
  const logFile = setupLog()
  // The dev server only when not packaged, and only on loopback (parseDevUrl): a packaged app loads files.
  const devUrl =
    !app.isPackaged && parseDevUrl(process.env.ELECTRON_RENDERER_URL) ? process.env.ELECTRON_RENDERER_URL! : null
  log.info('app: starting', app.getVersion(), 'workspace', paths.workspace, devUrl ? `dev ${devUrl}` : '')

  let win: BrowserWindow | null = null
  let quitting = false
  let engineStopped = false
  const mainWindow = (): BrowserWindow | null => (win && !win.isDestroyed() ? win : null)

  applySecurity({ devUrl, rendererDir: devUrl ? null : paths.rendererDir })

  // One engine host per open workspace; File > New/Open/Open Recent switch it (shell/workspaceSwitcher.ts).
  const titleFor = (ref: WorkspaceRef | null): string => (ref ? `${ref.name} — Socialbench` : 'Socialbench')
  // Open Recent lives in the app's user data, never in a workspace (a workspace may be shared or deleted).
  const recent = new RecentWorkspaces(join(app.getPath('userData'), 'recent-workspaces.json'))
  const switcher = new WorkspaceSwitcher({
    // The host finds the bundled sample itself (process.resourcesPath when packaged).
    startHost: (dir) =>
      startClientHost(
        utilityHost(paths.engineHost, ['--workspace', dir, ...(logFile ? ['--log-file', logFile] : [])]),
        {
          log,
          maxRestarts: 5,
          onRestart: (recovered) =>
            mainWindow()?.webContents.send(wire('engineStatus'), { state: recovered ? 'restarted' : 'stopped' })
        }
      ),
    recent,
    onEvent: (event, payload) => mainWindow()?.webContents.send(wire(event), payload),
    onSwitched: (ref) => {
      mainWindow()?.setTitle(titleFor(ref))
      void rebuildMenu()
    },
    nativeDialogs: true
  })
  const engine = switcher

  // The engine reads only files the user chose this session: our open dialog, a drop, the window's file picker.
  const grants = new PathGrants('choose it with Import… or drop it on the window')
  const actions = workspaceActions(switcher, grants, electronWorkspaceDialogs(mainWindow, grants))
  const ipcOptions = {
    engine,
    workspaceActions: actions,
    mainWindow,
    devUrl,
    rendererFileUrl: rendererFileUrl(paths.rendererIndex),
    grants
  }
  registerIpc(ipcOptions)
  registerSaveFile(ipcOptions)

  const openWindow = (): void => {
    win = createMainWindow({
      preload: paths.preload,
      rendererIndex: paths.rendererIndex,
      devUrl,
      windowState: paths.windowState
    })
  }

  app.on('second-instance', () => {
    const w = mainWindow()
    if (!w) return
    if (w.isMinimized()) w.restore()
    w.focus()
  })

  // The menu lists the recent workspaces, so it is rebuilt after every switch.
  const rebuildMenu = async (): Promise<void> => {
    const state = await switcher.state()
    buildMenu({
      mainWindow,
      logDir: logFile ? dirname(logFile) : null,
      grants,
      workspaces: {
        state,
        actions,
        reload: () => mainWindow()?.webContents.reload(),
        clearRecent: async () => {
          await recent.clear()
          await rebuildMenu()
        }
      }
    })
  }

  app
    .whenReady()
    .then(async () => {
      const opened = await switcher.open(paths.workspace, { asGiven: true })
      if (!opened.ok) {
        dialog.showErrorBox(
          'Socialbench cannot open its workspace',
          `${opened.error.message}\n\n(${opened.error.code})`
        )
        app.quit()
        return
      }
      await rebuildMenu()
      // --sample fills an empty workspace before the window asks for its datasets, so they show at once.
      if (launch.sample) await loadSampleIfEmpty(engine)
      if (!quitting) openWindow()
    })
    .catch((err) => {
      log.error('app: startup failed', err)
      dialog.showErrorBox('Socialbench failed to start', String(err))
      app.quit()
    })

  // macOS keeps the app alive without windows and reopens one from the dock.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (app.isReady() && !mainWindow() && !quitting) openWindow()
  })

  // Let the engine host close DuckDB (checkpoint, release the workspace lock) before we exit.
  app.on('before-quit', () => {
    quitting = true
  })
  app.on('will-quit', (e) => {
    if (engineStopped) return
    e.preventDefault()
    void switcher.close().finally(() => {
      engineStopped = true
      app.quit()
    })
  })
}

async function loadSampleIfEmpty(engine: WorkspaceSwitcher): Promise<void> {
  const info = await engine.call('workspaceInfo', undefined)
  if (!info.ok) return void log.warn('sample: workspaceInfo failed', info.error)
  if (!(info.value as { isEmpty?: boolean }).isEmpty) return
  const r = await engine.call('loadSample', undefined)
  if (r.ok) log.info('sample: loaded')
  else log.warn('sample: loadSample failed', r.error)
}
