/**
 * One engine host on one workspace, as the shell, the harness and the workspace switcher use it: started, ready
 * (or refused with the host's own error), called, closed. Wraps EngineClient around any way of spawning the
 * host (utilityProcess in the app, child_process.fork in the harness and tests). No Electron import.
 */
import type { Channel, EventName } from '../../shared/channels'
import type { AppError, Result } from '../../shared/result'
import { EngineClient, type Logger, type SpawnHost } from './engineClient'

/** The host refused to start (workspace in use, unwritable...): its own error, as the app would show it. */
export class HostFatal extends Error {
  constructor(readonly error: AppError) {
    super(`${error.code}: ${error.message}`)
    this.name = 'HostFatal'
  }
}

export interface ForkedHost {
  /** Resolves once the host has opened the workspace; rejects with HostFatal, or an Error if it died first. */
  ready: Promise<void>
  call(channel: Channel, input: unknown): Promise<Result<unknown>>
  onEvent(listener: (event: EventName, payload: unknown) => void): () => void
  /** Polite shutdown (DuckDB checkpoints on close); killed if it takes longer than `timeoutMs`. */
  close(timeoutMs?: number): Promise<void>
}

const quiet: Logger = { info() {}, warn() {}, error() {} }

export interface ClientHostOptions {
  maxRestarts?: number
  log?: Logger
  /** After a crash: back (true) or given up on (false). */
  onRestart?(recovered: boolean): void
}

export function startClientHost(spawn: SpawnHost, options: ClientHostOptions = {}): ForkedHost {
  const listeners = new Set<(event: EventName, payload: unknown) => void>()
  let fatal: AppError | null = null
  const client = new EngineClient({
    spawn,
    log: options.log ?? quiet,
    onEvent: (event, payload) => listeners.forEach((l) => l(event, payload)),
    onRestart: (recovered) => options.onRestart?.(recovered),
    onFatal: (error) => (fatal = error),
    maxRestarts: options.maxRestarts ?? 0
  })
  client.start()
  const ready = client.whenReady().then((ok) => {
    // onFatal runs before the waiters' callbacks, so a refusal is known here.
    if (!ok) throw fatal ? new HostFatal(fatal) : new Error('The engine host exited before it was ready.')
  })
  // A caller that only waits for the exit must not see an unhandled rejection.
  ready.catch(() => undefined)
  return {
    ready,
    call: (channel, input) => client.call(channel, input),
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: (timeoutMs = 10_000) => client.stop(timeoutMs)
  }
}
