/**
 * Wires the pure predicates of security-policy.ts into Electron. Call before any window exists:
 * `web-contents-created` then covers every webContents the app ever makes, not just the main window.
 */
import { app, session, type Session, type WebContents } from 'electron'
import { isAllowedNavigation, isAllowedPermission, isAllowedRequest } from './security-policy'
import { log } from './log'

export interface SecurityOptions {
  devUrl: string | null
  /** The built renderer folder; file: requests outside it are cancelled. Null in dev. */
  rendererDir: string | null
}

export function applySecurity(opts: SecurityOptions): void {
  app.on('web-contents-created', (_e, contents) => guardContents(contents, opts))
  app.whenReady().then(() => guardSession(session.defaultSession, opts))
}

function guardContents(contents: WebContents, { devUrl }: SecurityOptions): void {
  const refuseNavigation = (e: { preventDefault(): void; url: string }): void => {
    if (isAllowedNavigation(e.url, devUrl)) return
    e.preventDefault()
    log.warn('security: blocked navigation to', e.url)
  }
  contents.on('will-navigate', refuseNavigation)
  contents.on('will-redirect', refuseNavigation)
  contents.on('will-frame-navigate', (e) => {
    // Subframes have no business in this app either (no iframes are used).
    if (!e.isMainFrame && !isAllowedNavigation(e.url, devUrl)) e.preventDefault()
  })
  contents.on('will-attach-webview', (e) => {
    e.preventDefault()
    log.warn('security: blocked <webview>')
  })
  // Links with target=_blank, window.open: nothing opens. External links are not a feature (offline app).
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('security: blocked window.open', url)
    return { action: 'deny' }
  })
}

function guardSession(ses: Session, { devUrl, rendererDir }: SecurityOptions): void {
  // No camera, microphone, notifications, geolocation, clipboard-read, HID, serial...: the app needs none.
  // Clipboard write only (charts copied for slides).
  ses.setPermissionRequestHandler((_wc, permission, callback) => {
    if (isAllowedPermission(permission)) return callback(true)
    log.warn('security: denied permission', permission)
    callback(false)
  })
  ses.setPermissionCheckHandler((_wc, permission) => isAllowedPermission(permission))
  ses.setDevicePermissionHandler(() => false)

  // Data stays on the laptop: the renderer's network requests are cancelled, except the dev server in dev.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, devUrl, rendererDir)
    if (!allowed) log.warn('security: cancelled request', details.url.slice(0, 200))
    callback({ cancel: !allowed })
  })
}
