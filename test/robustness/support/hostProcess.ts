/**
 * The real engine host (src/main/engine/hostEntry.ts) as a child process, as the app runs it, with the handles the
 * robustness tests need that the e2e harness hides: the child itself (to SIGKILL it), how it exited (a native crash
 * shows as a signal or a non-zero code), and its stderr.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import type { Channel, EventName } from '../../../src/shared/channels'
import type { HostMessage } from '../../../src/main/engine/protocol'
import { fail, type AppError, type Result } from '../../../src/shared/result'

const HOST_ENTRY = resolve(__dirname, '../../../src/main/engine/hostEntry.ts')

export interface HostExit {
  code: number | null
  signal: NodeJS.Signals | null
}

export interface HostProcess {
  child: ChildProcess
  /** Resolves when the host says ready; rejects with its fatal error (WORKSPACE_IN_USE...) or if it dies first. */
  ready: Promise<void>
  call(channel: Channel, input: unknown): Promise<Result<unknown>>
  onEvent(listener: (event: EventName, payload: unknown) => void): () => void
  /** Set once the process has exited, however it exited. */
  exited: Promise<HostExit>
  stderr(): string
  kill9(): Promise<HostExit>
  /** Polite shutdown (DuckDB checkpoints on close); SIGKILL if it takes longer than 10 s. */
  close(): Promise<HostExit>
}

export class HostFatal extends Error {
  constructor(readonly error: AppError) {
    super(`${error.code}: ${error.message}`)
  }
}

export interface HostOptions {
  env?: NodeJS.ProcessEnv
  /** Run the host as another user (root only): how a root test sees what an ordinary user's app would. */
  uid?: number
  gid?: number
}

export function startHost(workspace: string, options: HostOptions = {}): HostProcess {
  const child = fork(HOST_ENTRY, ['--workspace', workspace], {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: options.env ?? process.env,
    uid: options.uid,
    gid: options.gid
  })
  let err = ''
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString()
  })
  const pending = new Map<number, (r: Result<unknown>) => void>()
  const listeners = new Set<(event: EventName, payload: unknown) => void>()
  let nextId = 1
  let exit: HostExit | null = null
  const exited = new Promise<HostExit>((done) => {
    child.on('exit', (code, signal) => {
      exit = { code, signal }
      for (const settle of pending.values()) settle(fail('ENGINE_DIED', `The engine process exited (${signal ?? code})`))
      pending.clear()
      done(exit)
    })
  })
  const ready = new Promise<void>((ok, reject) => {
    child.on('message', (raw) => {
      const msg = raw as HostMessage
      if (msg.type === 'ready') ok()
      else if (msg.type === 'fatal') reject(new HostFatal(msg.error))
      else if (msg.type === 'result') {
        pending.get(msg.id)?.(msg.result)
        pending.delete(msg.id)
      } else if (msg.type === 'event') for (const l of listeners) l(msg.event, msg.payload)
    })
    void exited.then((e) => reject(new Error(`engine host exited before ready (${e.signal ?? e.code}): ${err.slice(-2000)}`)))
  })
  // A test that only looks at `exited` must not see an unhandled rejection from `ready`.
  ready.catch(() => undefined)

  return {
    child,
    ready,
    exited,
    stderr: () => err,
    call(channel, input) {
      if (exit) return Promise.resolve(fail('ENGINE_DIED', 'The engine process exited'))
      const id = nextId++
      return new Promise((settle) => {
        pending.set(id, settle)
        child.send({ type: 'call', id, channel, input })
      })
    },
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    kill9() {
      if (!exit) child.kill('SIGKILL')
      return exited
    },
    close() {
      if (exit) return exited
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      try {
        child.send({ type: 'shutdown' })
      } catch {
        child.kill('SIGKILL')
      }
      return exited.finally(() => clearTimeout(timer))
    }
  }
}
