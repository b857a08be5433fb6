import { describe, expect, it } from 'vitest'
import { pathToFileURL } from 'node:url'
import { join, resolve } from 'node:path'
import {
  isAllowedNavigation,
  isAllowedPermission,
  isAllowedRequest,
  isOurRendererUrl,
  parseDevUrl
} from './security-policy'

const DEV = 'http://localhost:5173'

// Tricks that aim to look like the dev server or our own page while being something else.
const HOSTILE = [
  'https://example.com/',
  'http://evil.com/?http://localhost:5173',
  'http://localhost:5173@evil.com/',
  'http://localhost:5173.evil.com/',
  'http://evil.com#http://localhost:5173',
  'http://user:pass@localhost:5173/',
  'http://localhost:5174/',
  'https://localhost:5173/',
  'http://127.0.0.1:5173/',
  'http://0.0.0.0:5173/',
  'http://[::1]:5173/',
  'HTTP://EVIL.COM/',
  'ws://evil.com/',
  'wss://localhost:5173/',
  'ftp://localhost:5173/',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'vbscript:msgbox(1)',
  'chrome://settings',
  'chrome-extension://abcdef/page.html',
  'socialbench://whatever',
  '//evil.com/',
  '',
  'not a url'
]

describe('parseDevUrl', () => {
  it('accepts loopback http(s) only', () => {
    expect(parseDevUrl(DEV)?.origin).toBe('http://localhost:5173')
    expect(parseDevUrl('http://127.0.0.1:5173')).not.toBeNull()
    expect(parseDevUrl('http://[::1]:5173')).not.toBeNull()
    expect(parseDevUrl(undefined)).toBeNull()
    expect(parseDevUrl('')).toBeNull()
    expect(parseDevUrl('https://evil.com')).toBeNull()
    expect(parseDevUrl('http://localhost.evil.com:5173')).toBeNull()
    expect(parseDevUrl('http://user@localhost:5173')).toBeNull()
    expect(parseDevUrl('file:///etc/passwd')).toBeNull()
    expect(parseDevUrl('javascript:alert(1)')).toBeNull()
  })
})

describe('isAllowedNavigation', () => {
  it('allows only the dev server origin, in dev', () => {
    expect(isAllowedNavigation('http://localhost:5173/', DEV)).toBe(true)
    expect(isAllowedNavigation('http://localhost:5173/index.html?x#y', DEV)).toBe(true)
    expect(isAllowedNavigation('http://LOCALHOST:5173/', DEV)).toBe(true)
  })

  it.each(HOSTILE)('refuses %j in dev', (url) => {
    expect(isAllowedNavigation(url, DEV)).toBe(false)
  })

  it('refuses everything without a dev server (packaged app)', () => {
    for (const url of [
      ...HOSTILE,
      'http://localhost:5173/',
      'file:///etc/passwd',
      'about:blank',
      'data:text/html,<b>x</b>'
    ]) {
      expect(isAllowedNavigation(url, undefined)).toBe(false)
    }
  })

  it('refuses local schemes in dev too', () => {
    for (const url of [
      'file:///etc/passwd',
      'about:blank',
      'data:text/html,<script>1</script>',
      'blob:http://localhost:5173/x'
    ]) {
      expect(isAllowedNavigation(url, DEV)).toBe(false)
    }
  })

  it('ignores a dev URL that is not loopback', () => {
    expect(isAllowedNavigation('https://evil.com/', 'https://evil.com')).toBe(false)
  })
})

describe('isAllowedRequest', () => {
  const rendererDir = resolve('/app/out/renderer')
  const inside = pathToFileURL(join(rendererDir, 'assets/index.js')).href

  it('allows the dev server and its HMR websocket, in dev', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', DEV)).toBe(true)
    expect(isAllowedRequest('ws://localhost:5173/?token=abc', DEV)).toBe(true)
  })

  it.each(HOSTILE)('refuses %j in dev', (url) => {
    expect(isAllowedRequest(url, DEV)).toBe(false)
  })

  it('refuses all network requests in a packaged app', () => {
    for (const url of ['http://localhost:5173/', 'https://example.com/', 'ws://localhost:5173/', 'wss://x.org/']) {
      expect(isAllowedRequest(url, undefined, rendererDir)).toBe(false)
    }
  })

  it('allows local page resources', () => {
    expect(isAllowedRequest(inside, undefined, rendererDir)).toBe(true)
    expect(isAllowedRequest('data:image/png;base64,AAAA', undefined, rendererDir)).toBe(true)
    expect(isAllowedRequest('blob:file:///1234', undefined, rendererDir)).toBe(true)
    expect(isAllowedRequest('devtools://devtools/bundled/index.html', undefined)).toBe(true)
  })

  it('confines file: to the renderer folder', () => {
    const hostile = [
      'file:///etc/passwd',
      pathToFileURL(resolve(rendererDir, '../main/index.js')).href,
      `${pathToFileURL(rendererDir).href}/../../secret.txt`,
      `${pathToFileURL(rendererDir).href}/%2e%2e/%2e%2e/secret.txt`,
      `${pathToFileURL(rendererDir).href}-evil/x.js`,
      'file://evil.com/share/x.js'
    ]
    for (const url of hostile) expect(isAllowedRequest(url, undefined, rendererDir), url).toBe(false)
  })

  it('refuses unknown schemes', () => {
    expect(isAllowedRequest('chrome://gpu', undefined)).toBe(false)
    expect(isAllowedRequest('ftp://example.com/x', undefined)).toBe(false)
    expect(isAllowedRequest('javascript:alert(1)', undefined)).toBe(false)
  })
})

describe('isOurRendererUrl', () => {
  const index = pathToFileURL(resolve('/app/out/renderer/index.html')).href

  it('accepts our built page, with or without a hash', () => {
    expect(isOurRendererUrl(index, undefined, index)).toBe(true)
    expect(isOurRendererUrl(`${index}#/datasets/3`, undefined, index)).toBe(true)
  })

  it('accepts the dev server origin in dev', () => {
    expect(isOurRendererUrl('http://localhost:5173/', DEV, index)).toBe(true)
  })

  it.each([...HOSTILE, 'file:///etc/passwd', 'file:///app/out/renderer/other.html', 'about:blank', 'data:text/html,x'])(
    'refuses %j',
    (url) => {
      expect(isOurRendererUrl(url, undefined, index)).toBe(false)
      expect(isOurRendererUrl(url, DEV, index)).toBe(false)
    }
  )

  it('refuses our file page when running against the dev server', () => {
    expect(isOurRendererUrl(index, DEV, index)).toBe(false)
  })
})

describe('isAllowedPermission', () => {
  it('allows writing to the clipboard and nothing else', () => {
    expect(isAllowedPermission('clipboard-sanitized-write')).toBe(true)
    for (const p of [
      'clipboard-read',
      'media',
      'notifications',
      'geolocation',
      'openExternal',
      'fullscreen',
      'hid',
      'serial',
      ''
    ]) {
      expect(isAllowedPermission(p)).toBe(false)
    }
  })
})
