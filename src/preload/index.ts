/**
 * The sandboxed preload: builds `window.socialbench` from CHANNELS and nothing else.
 * It imports only electron and shared/channels.ts, so it bundles into one CommonJS file that runs
 * with sandbox: true. ipcRenderer itself is never exposed, and listeners never see the IpcRendererEvent.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { CHANNELS, EVENTS, wire, type EventName } from '../shared/channels'
import type { Api } from '../shared/contract' // type-only: erased, so zod is not bundled

const calls = Object.fromEntries(
  CHANNELS.map((c) => [c, (input?: unknown) => ipcRenderer.invoke(wire(c), input)])
)

const api = {
  ...calls,
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
  pathForFile(file: Parameters<typeof webUtils.getPathForFile>[0]): Promise<string> {
    // A Promise because the browser harness has to upload the file to get a path.
    try {
      return Promise.resolve(webUtils.getPathForFile(file))
    } catch (err) {
      return Promise.reject(err)
    }
  }
} as unknown as Api

contextBridge.exposeInMainWorld('socialbench', api)
