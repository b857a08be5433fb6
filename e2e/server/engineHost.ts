/**
 * Drives the real engine host (src/main/engine/hostEntry.ts) as a child process, speaking protocol.ts,
 * exactly as the Electron main process does through utilityProcess.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import type { Channel, EventName } from '../../src/shared/channels'
import type { HostMessage, HostRequest } from '../../src/main/engine/protocol'
import { fail, type AppError, type Result } from '../../src/shared/result'

const HOST_ENTRY = resolve(__dirname, '../../src/main/engine/hostEntry.ts')
const READY_TIMEOUT_MS = 30_000

export interface EngineHost {
  call(channel: Channel, input: unknown): Promise<Result<unknown>>
  onEvent(listener: (event: EventName, payload: unknown) => void): () => void
  close(): Promise<void>
}

export class EngineStartError extends Error {
  constructor(readonly error: AppError) {
    super(`${error.code}: ${error.message}`)
    this.name = 'EngineStartError'
  }
}

export async function startEngineHost(workspace: string): Promise<EngineHost> {
  const child = fork(HOST_ENTRY, ['--workspace', workspace], {
    execArgv: ['--import', 'tsx'],
    // 'advanced' is structured clone: DataPage.arrow arrives as bytes, not as {"0":..,"1":..}.
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  })
  const pending = new Map<number, (r: Result<unknown>) => void>()
  const listeners = new Set<(event: EventName, payload: unknown) => void>()
  let nextId = 1
  let exited = false

  child.on('message', (raw) => {
    const msg = raw as HostMessage
    if (msg.type === 'result') {
      pending.get(msg.id)?.(msg.result)
      pending.delete(msg.id)
    } else if (msg.type === 'event') {
      for (const l of listeners) l(msg.event, msg.payload)
    }
  })
  child.on('exit', () => {
    exited = true
    for (const settle of pending.values()) settle(fail('ENGINE_DIED', 'The engine process exited'))
    pending.clear()
  })

  await waitReady(child)

  const send = (req: HostRequest): void => {
    child.send(req)
  }
  return {
    call(channel, input) {
      if (exited) return Promise.resolve(fail('ENGINE_DIED', 'The engine process exited'))
      const id = nextId++
      return new Promise((settle) => {
        pending.set(id, settle)
        send({ type: 'call', id, channel, input })
      })
    },
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: () => stopChild(child, () => send({ type: 'shutdown' }))
  }
}

function waitReady(child: ChildProcess): Promise<void> {
  return new Promise((ready, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`Engine host not ready after ${READY_TIMEOUT_MS} ms`))
    }, READY_TIMEOUT_MS)
    const onMessage = (raw: unknown): void => {
      const msg = raw as HostMessage
      if (msg.type === 'ready') done(null)
      else if (msg.type === 'fatal') done(new EngineStartError(msg.error))
    }
    const onExit = (code: number | null): void => done(new Error(`Engine host exited with code ${code} before ready`))
    function done(err: Error | null): void {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)
      if (err) reject(err)
      else ready()
    }
    child.on('message', onMessage)
    child.on('exit', onExit)
  })
}

/** Ask politely (DuckDB checkpoints on close), then kill if the host hangs. */
function stopChild(child: ChildProcess, shutdown: () => void): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((stopped) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(timer)
      stopped()
    })
    try {
      shutdown()
    } catch {
      child.kill('SIGKILL')
    }
  })
}
