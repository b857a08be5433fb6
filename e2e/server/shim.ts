/**
 * Browser stand-in for the Electron preload: installs `window.socialbench` (the `Api` of contract.ts) backed by the
 * harness server over loopback. Calls POST /__api/<channel>; pushes arrive over Server-Sent Events on /__events.
 * Bundled by esbuild at server start and loaded as a classic script before the app's module script.
 * Type-checked with the node project (no DOM lib), hence `globalThis` and the structural MessageEvent type.
 */
import { CHANNELS, EVENTS, type EventName } from '../../src/shared/channels'
import type { Api } from '../../src/shared/contract'
import { fail, type Result } from '../../src/shared/result'
import { decodeJson, encodeJson } from './wire'

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

async function call(channel: string, input: unknown): Promise<Result<unknown>> {
  try {
    const res = await fetch(`/__api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
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

// Opened at once, not on first `on()`, so progress of an import started right after load is not lost.
const source = new EventSource('/__events')
source.onmessage = (msg: { data: string }) => {
  const { event, payload } = decodeJson(msg.data, fromBase64) as { event: EventName; payload: unknown }
  for (const l of listeners.get(event) ?? []) l(payload)
}

async function pathForFile(file: File): Promise<string> {
  const res = await fetch(`/__stage?name=${encodeURIComponent(file.name)}`, { method: 'POST', body: file })
  const body = (await res.json()) as { path?: string; error?: string }
  if (!res.ok || !body.path) throw new Error(body.error ?? `Staging ${file.name} failed (${res.status})`)
  return body.path
}

/** The bits of the DOM saveFile needs (this file is type-checked without the DOM lib). */
interface Anchor { href: string; download: string; rel: string; click(): void; remove(): void }
interface Doc { createElement(tag: 'a'): Anchor; body: { append(node: Anchor): void } }

/** Electron shows a save dialog; a browser downloads (Playwright sees a 'download' event). */
async function saveFile(input: { defaultName: string; bytes: Uint8Array }): Promise<Result<{ saved: boolean; path: string | null }>> {
  const doc = (globalThis as unknown as { document: Doc }).document
  const url = URL.createObjectURL(new Blob([input.bytes as Uint8Array<ArrayBuffer>]))
  const a = doc.createElement('a')
  a.href = url
  a.download = input.defaultName
  a.rel = 'noopener'
  doc.body.append(a)
  a.click()
  a.remove()
  // Revoke later: the download reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return { ok: true, value: { saved: true, path: null } }
}

const api = {
  ...Object.fromEntries(CHANNELS.map((c) => [c, (input: unknown) => call(c, input)])),
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
