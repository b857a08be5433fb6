/**
 * The security decisions of the shell as pure predicates, so they can be tested against hostile URLs
 * without Electron. security.ts wires them into Electron; nothing here may import electron.
 *
 * The rule is simple because the app is offline: the renderer may talk to nothing on the network, except
 * the Vite dev server while developing (never in a packaged app; index.ts passes no dev URL there).
 */
import { fileURLToPath } from 'node:url'
import { isAbsolute, relative } from 'node:path'

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The dev server URL, only if it is a plain http(s) URL on a loopback host; anything else is ignored,
 * so a stray ELECTRON_RENDERER_URL cannot point the window (and its preload API) at a remote site.
 */
export function parseDevUrl(devUrl: string | null | undefined): URL | null {
  if (!devUrl) return null
  const u = safeUrl(devUrl)
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) return null
  if (!LOOPBACK.has(u.hostname) || u.username || u.password) return null
  return u
}

/**
 * The one permission the renderer gets: writing to the clipboard (Copy chart as PNG/SVG). Reading it, and every
 * device or notification permission, stays denied.
 */
export function isAllowedPermission(permission: string): boolean {
  return permission === 'clipboard-sanitized-write'
}

/** Whether the window may navigate to `url` (will-navigate / will-redirect). Only the dev server, in dev. */
export function isAllowedNavigation(url: string, devUrl: string | null | undefined): boolean {
  const dev = parseDevUrl(devUrl)
  const u = safeUrl(url)
  return !!dev && !!u && sameOrigin(u, dev)
}

/**
 * Whether a renderer request may proceed (session.webRequest.onBeforeRequest).
 * Network schemes are refused except the dev server (http + its HMR websocket). Local schemes the page
 * needs to run are allowed; file: only inside `rendererDir` when given (the built renderer folder).
 */
export function isAllowedRequest(url: string, devUrl: string | null | undefined, rendererDir?: string | null): boolean {
  const u = safeUrl(url)
  if (!u) return false
  switch (u.protocol) {
    case 'http:':
    case 'https:':
    case 'ws:':
    case 'wss:': {
      const dev = parseDevUrl(devUrl)
      return !!dev && sameOrigin(u, dev)
    }
    case 'file:':
      return rendererDir ? isFileInside(u, rendererDir) : true
    case 'data:':
    case 'blob:':
    case 'devtools:':
      return true
    default:
      // ftp:, chrome:, chrome-extension:, custom protocols...: nothing we use, so nothing we allow.
      return false
  }
}

/**
 * Whether an IPC sender frame URL is our renderer: the dev server origin in dev, else exactly our
 * built index.html (query and hash ignored; the router may use the hash).
 */
export function isOurRendererUrl(url: string, devUrl: string | null | undefined, indexFileUrl: string): boolean {
  const u = safeUrl(url)
  if (!u) return false
  const dev = parseDevUrl(devUrl)
  if (dev) return (u.protocol === 'http:' || u.protocol === 'https:') && sameOrigin(u, dev)
  const index = safeUrl(indexFileUrl)
  return !!index && u.protocol === 'file:' && u.host === index.host && u.pathname === index.pathname
}

function safeUrl(s: string): URL | null {
  if (typeof s !== 'string') return null
  try {
    return new URL(s)
  } catch {
    return null
  }
}

/** Same scheme family (http~ws, https~wss), same host and port. URL() has already normalised case and ports. */
function sameOrigin(u: URL, dev: URL): boolean {
  const family = (p: string): string => (p === 'ws:' ? 'http:' : p === 'wss:' ? 'https:' : p)
  if (u.username || u.password) return false
  return family(u.protocol) === dev.protocol && u.hostname === dev.hostname && effectivePort(u) === effectivePort(dev)
}

function effectivePort(u: URL): string {
  if (u.port) return u.port
  return u.protocol === 'https:' || u.protocol === 'wss:' ? '443' : '80'
}

function isFileInside(u: URL, dir: string): boolean {
  if (u.host && u.host !== 'localhost') return false // file://server/share: a network path
  let path: string
  try {
    path = fileURLToPath(u)
  } catch {
    return false
  }
  const rel = relative(dir, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}
