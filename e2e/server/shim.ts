/**
 * Browser stand-in for the Electron preload: installs `window.socialbench` (the `Api` of contract.ts) backed by the
 * harness server over loopback. Calls POST /__api/<channel>; pushes arrive as a Server-Sent Events stream on
 * /__events. Every request carries the launch's token (auth.ts) in a header.
 * Bundled by esbuild at server start and loaded as a classic script before the app's module script.
 * Type-checked with the node project (no DOM lib), hence `globalThis` and the structural DOM types below.
 */
import { CHANNELS, EVENTS, WORKSPACE_CALLS, type EventName } from '../../src/shared/channels'
import type { Api } from '../../src/shared/contract'
import { fail, type Result } from '../../src/shared/result'
import { decodeJson, encodeJson, TOKEN_HEADER, TOKEN_KEY } from './wire'

/** The bits of the DOM this file needs (it is type-checked without the DOM lib). */
interface Anchor {
  href: string
  download: string
  rel: string
  click(): void
  remove(): void
}
interface Win {
  document: { createElement(tag: 'a'): Anchor; body: { append(node: Anchor): void } }
  location: { hash: string; pathname: string; search: string }
  history: { replaceState(data: null, unused: string, url: string): void }
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void }
}
const win = globalThis as unknown as Win

/**
 * The token arrives in the fragment of the printed URL. It moves to sessionStorage (this tab only; a reload
 * keeps it) and leaves the address bar, so it is not kept in the browser's history or shown on a shared screen.
 */
function takeToken(): string {
  const KEY = 'socialbench.harnessToken'
  const fromUrl = new URLSearchParams(win.location.hash.slice(1)).get(TOKEN_KEY)
  if (fromUrl) {
    win.sessionStorage.setItem(KEY, fromUrl)
    win.history.replaceState(null, '', win.location.pathname + win.location.search)
  }
  return fromUrl ?? win.sessionStorage.getItem(KEY) ?? ''
}
const authHeaders = { [TOKEN_HEADER]: takeToken() }

function toBase64(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}

function fromBase64(b64: string): Uint8Array {
  const s = atob(b64)
  const bytes = new Uint8Array(s.length)
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i)
  return bytes
}

async function call(channel: string, input: unknown, route = '/__api/'): Promise<Result<unknown>> {
  try {
    const res = await fetch(`${route}${channel}`, {
      method: 'POST',
      headers: { ...authHeaders, 'content-type': 'application/json' },
      // `undefined` (void channels) is not JSON; send null and let the server turn it back into undefined.
      body: encodeJson(input === undefined ? null : input, toBase64)
    })
    return decodeJson(await res.text(), fromBase64) as Result<unknown>
  } catch (err) {
    return fail('ENGINE_DIED', `Harness server unreachable: ${err instanceof Error ? err.message : String(err)}`)
  }
}

type Listener = (payload: unknown) => void
const listeners = new Map<EventName, Set<Listener>>(EVENTS.map((e) => [e, new Set<Listener>()]))

function dispatch(frame: string): void {
  for (const line of frame.split('\n')) {
    if (!line.startsWith('data: ')) continue // ": connected" and other comments
    const { event, payload } = decodeJson(line.slice('data: '.length), fromBase64) as {
      event: EventName
      payload: unknown
    }
    for (const l of listeners.get(event) ?? []) l(payload)
  }
}

/**
 * The event stream is read with fetch, not EventSource: EventSource cannot send a header, and the alternative,
 * the token in this one URL's query, would leave it in logs and history. Reconnects as EventSource would,
 * except after a 403 (a wrong token stays wrong).
 */
async function listen(): Promise<void> {
  for (;;) {
    try {
      const res = await fetch('/__events', { headers: authHeaders, cache: 'no-store' })
      if (res.status === 403) return
      if (res.ok && res.body) {
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
        let buffered = ''
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          buffered += value
          let end: number
          while ((end = buffered.indexOf('\n\n')) >= 0) {
            dispatch(buffered.slice(0, end))
            buffered = buffered.slice(end + 2)
          }
        }
      }
    } catch {
      // The server went away (restart, closed tab): try again below.
    }
    await new Promise((again) => setTimeout(again, 1000))
  }
}
// Opened at once, not on first `on()`, so progress of an import started right after load is not lost.
void listen()

async function pathForFile(file: File): Promise<string> {
  const res = await fetch(`/__stage?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: authHeaders,
    body: file
  })
  const body = (await res.json().catch(() => ({}))) as { path?: string; error?: string | { message?: string } }
  const error = typeof body.error === 'string' ? body.error : body.error?.message
  if (!res.ok || !body.path) throw new Error(error ?? `Staging ${file.name} failed (${res.status})`)
  return body.path
}

/** A click on a temporary link to `url`: the browser downloads it as `name` (Playwright sees a 'download' event). */
function download(url: string, name: string): void {
  const a = win.document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  win.document.body.append(a)
  a.click()
  a.remove()
}

/**
 * The workspace menu's calls go to the harness's /__workspace/ route. An exported .sbw stays on the harness's side
 * until fetched here (with the token) and handed to the browser as a download.
 */
const workspaceCalls = Object.fromEntries(
  WORKSPACE_CALLS.map((c) => [
    c,
    async (input: unknown) => {
      const r = await call(c, input, '/__workspace/')
      const value = r.ok ? (r.value as { downloadUrl?: string; path?: string | null }) : null
      if (c === 'exportWorkspaceFile' && value?.downloadUrl) {
        const res = await fetch(value.downloadUrl, { headers: authHeaders })
        if (!res.ok) return fail('NOT_FOUND', `The exported file could not be fetched (${res.status})`)
        const url = URL.createObjectURL(await res.blob())
        download(url, (value.path ?? 'workspace.sbw').split(/[\\/]/).pop() ?? 'workspace.sbw')
        setTimeout(() => URL.revokeObjectURL(url), 60_000)
      }
      return r
    }
  ])
)

/** The bytes as a download named `name`; the blob URL is revoked later (the download reads it after the click). */
function downloadBytes(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]))
  download(url, name)
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** Electron shows a save dialog; a browser downloads (Playwright sees a 'download' event; a sidecar is a second). */
async function saveFile(input: {
  defaultName: string
  bytes: Uint8Array
  sidecar?: { suffix: string; bytes: Uint8Array }
}): Promise<Result<{ saved: boolean; path: string | null }>> {
  downloadBytes(input.bytes, input.defaultName)
  if (input.sidecar) downloadBytes(input.sidecar.bytes, `${input.defaultName}${input.sidecar.suffix}`)
  return { ok: true, value: { saved: true, path: null } }
}

const api = {
  ...Object.fromEntries(CHANNELS.map((c) => [c, (input: unknown) => call(c, input)])),
  ...workspaceCalls,
  on(event: EventName, listener: Listener) {
    const set = listeners.get(event)
    if (!set) throw new Error(`Unknown event: ${event}`)
    set.add(listener)
    return () => void set.delete(listener)
  },
  pathForFile,
  saveFile
} as unknown as Api

Object.defineProperty(globalThis, 'socialbench', { value: Object.freeze(api), enumerable: true })
