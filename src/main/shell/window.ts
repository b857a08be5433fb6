/**
 * The one main window: locked-down webPreferences, our URL, and remembered bounds.
 */
import { BrowserWindow, screen } from 'electron'
import { pathToFileURL } from 'node:url'
import { DEFAULT_SIZE, MIN_SIZE, loadWindowState, restorableBounds, saveWindowState } from './windowState'

export interface MainWindowOptions {
  preload: string
  rendererIndex: string
  /** The Vite dev server, only when not packaged (index.ts decides). */
  devUrl: string | null
  windowState: string
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const saved = loadWindowState(opts.windowState)
  const bounds = restorableBounds(
    saved,
    screen.getAllDisplays().map((d) => d.workArea)
  )

  const win = new BrowserWindow({
    ...(bounds ?? DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Socialbench',
    show: false, // shown on ready-to-show, so there is no white flash
    backgroundColor: '#1e1e1e',
    autoHideMenuBar: false,
    webPreferences: {
      preload: opts.preload,
      // Written out on purpose (see ARCHITECTURE.md, Security): the renderer gets only the preload's API.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false
    }
  })
  if (saved?.maximized && bounds) win.maximize()

  win.once('ready-to-show', () => win.show())
  win.on('close', () => {
    saveWindowState(opts.windowState, { bounds: win.getNormalBounds(), maximized: win.isMaximized() })
  })

  void (opts.devUrl ? win.loadURL(opts.devUrl) : win.loadFile(opts.rendererIndex))
  return win
}

/** The file: URL our built page has, for checking IPC senders. */
export const rendererFileUrl = (rendererIndex: string): string => pathToFileURL(rendererIndex).href
