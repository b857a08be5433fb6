/**
 * The browser harness's engine: the BUILT engine host (out/main/engineHost.js, what the app ships) as a child
 * process, driven by the app's own EngineClient through startForkedHost (src/main/shell/forkHost.ts), exactly
 * as the Electron main process drives it through utilityProcess. The workspace menu's New/Open/Open Recent switch
 * it with the app's own WorkspaceSwitcher, so `call` always reaches the workspace open now.
 */
import type { Channel, EventName } from '../../src/shared/channels'
import { startForkedHost } from '../../src/main/shell/forkHost'
import { RecentWorkspaces } from '../../src/main/shell/recentWorkspaces'
import { WorkspaceSwitcher } from '../../src/main/shell/workspaceSwitcher'
import type { Result } from '../../src/shared/result'

const READY_TIMEOUT_MS = 30_000

export interface EngineHost {
  call(channel: Channel, input: unknown): Promise<Result<unknown>>
  onEvent(listener: (event: EventName, payload: unknown) => void): () => void
  close(): Promise<void>
}

export interface HarnessEngine extends EngineHost {
  switcher: WorkspaceSwitcher
}

export async function startEngineHost(workspace: string, recentFile: string): Promise<HarnessEngine> {
  const listeners = new Set<(event: EventName, payload: unknown) => void>()
  const switcher = new WorkspaceSwitcher({
    // A refusal (WORKSPACE_IN_USE...) comes back as the host's own error; crashes are logged, routine messages not.
    startHost: (dir) => startForkedHost(dir, { log: { info() {}, warn: console.warn, error: console.error } }),
    recent: new RecentWorkspaces(recentFile),
    onEvent: (event, payload) => listeners.forEach((l) => l(event, payload)),
    nativeDialogs: false
  })
  let timer: ReturnType<typeof setTimeout> | undefined
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Engine host not ready after ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS)
  })
  try {
    const opened = await Promise.race([switcher.open(workspace, { asGiven: true }), timedOut])
    if (!opened.ok) throw new Error(`${opened.error.code}: ${opened.error.message}`)
  } catch (err) {
    await switcher.close()
    throw err
  } finally {
    clearTimeout(timer)
  }
  return {
    switcher,
    call: (channel, input) => switcher.call(channel, input),
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: () => switcher.close()
  }
}
