/** Serves the built renderer (out/renderer) and injects the shim script into index.html. */
import { readFile, stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'

export const SHIM_PATH = '/__socialbench_shim.js'
export const RENDERER_DIR = resolve(__dirname, '../../out/renderer')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm'
}

/**
 * The shim goes in as a classic script right before the first <script>: it runs synchronously, so
 * `window.socialbench` exists before the app's (deferred) module script. The CSP meta is left untouched;
 * script-src 'self' already allows a same-origin script.
 */
export function injectShim(html: string): string {
  const tag = `<script src="${SHIM_PATH}"></script>`
  const at = html.search(/<script\b/i)
  if (at >= 0) return html.slice(0, at) + tag + '\n    ' + html.slice(at)
  return html.replace(/<\/head>/i, `${tag}\n</head>`)
}

export async function serveStatic(urlPath: string, res: ServerResponse, root = RENDERER_DIR): Promise<void> {
  const rel = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath).replace(/^\/+/, '')
  const file = normalize(join(root, rel))
  if (file !== root && !file.startsWith(root + sep)) return sendText(res, 403, 'Forbidden')
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) return sendText(res, 404, 'Not found')
  const type = TYPES[extname(file)] ?? 'application/octet-stream'
  let body: Buffer | string = await readFile(file)
  if (rel === 'index.html') body = injectShim(body.toString('utf8'))
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' })
  res.end(body)
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
  res.end(text)
}
