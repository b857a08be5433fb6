/**
 * The BUILT engine host (out/main/engineHost.js) as a child process, driven by the app's own EngineClient
 * (startForkedHost in src/main/shell/forkHost.ts), with the handles the robustness tests need that the e2e harness
 * hides: the child itself (to SIGKILL it), how it exited (a native crash shows as a signal or a non-zero code),
 * and its stderr.
 */
import type { ChildProcess } from 'node:child_process'
import type { Channel, EventName } from '../../../src/shared/channels'
import type { Result } from '../../../src/shared/result'
import { startForkedHost, type ForkHostOptions } from '../../../src/main/shell/forkHost'

export { HostFatal } from '../../../src/main/shell/forkHost'

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

export type HostOptions = Pick<ForkHostOptions, 'env' | 'uid' | 'gid'>

export function startHost(workspace: string, options: HostOptions = {}): HostProcess {
  let child: ChildProcess | null = null
  let exit: HostExit | null = null
  let err = ''
  let markExited!: (e: HostExit) => void
  const exited = new Promise<HostExit>((done) => (markExited = done))
  const host = startForkedHost(workspace, {
    ...options,
    stderr: 'pipe',
    onChild(c) {
      child = c
      c.stderr?.on('data', (d: Buffer) => (err += d.toString()))
      c.on('exit', (code, signal) => markExited((exit = { code, signal })))
    }
  })
  if (!child) throw new Error('startForkedHost did not fork a process')
  const ready = host.ready.catch((e: unknown) => {
    if (e instanceof Error && e.name !== 'HostFatal') e.message += ` ${err.slice(-2000)}`
    throw e
  })
  ready.catch(() => undefined)

  return {
    child,
    ready,
    exited,
    stderr: () => err,
    call: host.call,
    onEvent: host.onEvent,
    kill9() {
      if (!exit) child?.kill('SIGKILL')
      return exited
    },
    async close() {
      if (!exit) await host.close(10_000)
      return exited
    }
  }
}
