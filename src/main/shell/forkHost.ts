/**
 * The engine host as a Node child process (child_process.fork): what the browser harness and the tests drive with
 * the same EngineClient the app uses, in place of utilityHost (hostProcess.ts), which needs Electron. The host
 * speaks the same protocol under both (hostEntry.ts).
 *
 * They run the BUILT host, out/main/engineHost.js, the file the app ships: a bundling regression (a module left
 * out, a dynamic import that does not resolve) then fails the tests, not only the packaged app.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Channel, EventName } from '../../shared/channels'
import type { AppError, Result } from '../../shared/result'
import type { HostMessage } from '../engine/protocol'
import { EngineClient, type Logger, type SpawnHost } from './engineClient'

/** Only ever run from the sources (harness, tests), never bundled: __dirname is src/main/shell. */
export const BUILT_ENGINE_HOST = resolve(__dirname, '../../../out/main/engineHost.js')

export interface ForkHostOptions {
  env?: NodeJS.ProcessEnv
  /** Run the host as another user (root only): how a root test sees what an ordinary user's app would. */
  uid?: number
  gid?: number
  /** The host's output: inherited (the default) or ignored; 'pipe' pipes stderr for onChild to read, stdout ignored. */
  stderr?: 'ignore' | 'inherit' | 'pipe'
  /** Each process as it starts: for tests that kill it, watch its exit signal or read its stderr. */
  onChild?(child: ChildProcess): void
}

export function builtEngineHost(): string {
  if (!existsSync(BUILT_ENGINE_HOST)) {
    throw new Error(`${BUILT_ENGINE_HOST} is missing: build it with \`npx electron-vite build\` first.`)
  }
  return BUILT_ENGINE_HOST
}

export function forkHost(workspace: string, options: ForkHostOptions = {}): SpawnHost {
  const entry = builtEngineHost()
  return ({ onMessage, onExit }) => {
    const child = fork(entry, ['--workspace', workspace], {
      // Plain Node on plain JavaScript: not the parent's loaders (tsx, vitest), which the app does not have.
      execArgv: [],
      // Structured clone, like utilityProcess: DataPage.arrow arrives as bytes, not as {"0":..,"1":..}.
      serialization: 'advanced',
      stdio: ['ignore', options.stderr === 'inherit' ? 'inherit' : 'ignore', options.stderr ?? 'inherit', 'ipc'],
      env: options.env ?? process.env,
      uid: options.uid,
      gid: options.gid
    })
    options.onChild?.(child)
    child.on('message', (m) => onMessage(m as HostMessage))
    child.on('exit', (code) => onExit(code))
    return {
      post: (m) => void child.send(m),
      kill: () => void child.kill('SIGKILL')
    }
  }
}

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

/**
 * The built host, forked and driven by the app's own EngineClient (request ids, pending calls, ENGINE_DIED for
 * calls in flight when it dies). No restart by default: a harness or a test wants to see a crash, not recover
 * from it; `maxRestarts` turns the app's restart on.
 */
export function startForkedHost(
  workspace: string,
  options: ForkHostOptions & { maxRestarts?: number; log?: Logger } = {}
): ForkedHost {
  const listeners = new Set<(event: EventName, payload: unknown) => void>()
  let fatal: AppError | null = null
  const client = new EngineClient({
    spawn: forkHost(workspace, options),
    log: options.log ?? quiet,
    onEvent: (event, payload) => listeners.forEach((l) => l(event, payload)),
    onRestart: () => {},
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
