/**
 * The browser harness's engine: the BUILT engine host (out/main/engineHost.js, what the app ships) as a child
 * process, driven by the app's own EngineClient through startForkedHost (src/main/shell/forkHost.ts), exactly
 * as the Electron main process drives it through utilityProcess.
 */
import type { Channel, EventName } from '../../src/shared/channels'
import { startForkedHost } from '../../src/main/shell/forkHost'
import type { Result } from '../../src/shared/result'

const READY_TIMEOUT_MS = 30_000

export interface EngineHost {
  call(channel: Channel, input: unknown): Promise<Result<unknown>>
  onEvent(listener: (event: EventName, payload: unknown) => void): () => void
  close(): Promise<void>
}

export async function startEngineHost(workspace: string): Promise<EngineHost> {
  // A refusal (WORKSPACE_IN_USE...) rejects `ready` with HostFatal; crashes are logged, routine messages not.
  const host = startForkedHost(workspace, { log: { info() {}, warn: console.warn, error: console.error } })
  let timer: ReturnType<typeof setTimeout> | undefined
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Engine host not ready after ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS)
  })
  try {
    await Promise.race([host.ready, timedOut])
  } catch (err) {
    await host.close(1_000)
    throw err
  } finally {
    clearTimeout(timer)
  }
  return { call: host.call, onEvent: host.onEvent, close: () => host.close(5_000) }
}
