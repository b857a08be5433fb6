/**
 * The sandboxed preload: builds `window.socialbench` from CHANNELS and nothing else.
 * It imports only electron and shared/channels.ts, so it bundles into one CommonJS file that runs
 * with sandbox: true. ipcRenderer itself is never exposed, and listeners never see the IpcRendererEvent.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { CHANNELS, EVENTS, WORKSPACE_CALLS, wire, type EventName } from '../shared/channels'
import type { Api } from '../shared/contract' // type-only: erased, so zod is not bundled

const calls = Object.fromEntries(CHANNELS.map((c) => [c, (input?: unknown) => ipcRenderer.invoke(wire(c), input)]))

// The workspace menu's calls are answered by the main process itself (it starts and stops engine hosts).
const workspaceCalls = Object.fromEntries(
  WORKSPACE_CALLS.map((c) => [c, (input?: unknown) => ipcRenderer.invoke(wire(c), input)])
)

const api = {
  ...calls,
  ...workspaceCalls,
  on(event: EventName, listener: (payload: unknown) => void): () => void {
    // Only our events: a page cannot use `on` to listen to arbitrary Electron channels.
    if (!(EVENTS as readonly string[]).includes(event)) throw new Error(`Unknown event: ${String(event)}`)
    if (typeof listener !== 'function') throw new Error('listener must be a function')
    const handler = (_e: IpcRendererEvent, payload: unknown): void => listener(payload)
    ipcRenderer.on(wire(event), handler)
    return () => {
      ipcRenderer.removeListener(wire(event), handler)
    }
  },
  // The main process shows the save dialog and writes; bytes cross by structured clone, the input is checked there.
  saveFile(input: unknown): Promise<unknown> {
    return ipcRenderer.invoke(wire('saveFile'), input)
  },
  // A Promise because the browser harness has to upload the file to get a path. The main process reads only
  // files granted to it, so the path is granted here: only a File from a drop or the picker has one (a File a
  // page script makes gets ''), and this world, not the page's, holds ipcRenderer.
  async pathForFile(file: Parameters<typeof webUtils.getPathForFile>[0]): Promise<string> {
    const path = webUtils.getPathForFile(file)
    if (!path) throw new Error(`${file.name} has no path on disk: drop it on the window or pick it with Import…`)
    const granted = (await ipcRenderer.invoke(wire('grantFile'), path)) as { ok: boolean; error?: { message: string } }
    if (!granted.ok) throw new Error(granted.error?.message ?? `Could not open ${path}`)
    return path
  }
} as unknown as Api

contextBridge.exposeInMainWorld('socialbench', api)
