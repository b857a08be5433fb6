/**
 * Drives the engine host (DuckDB lives there): calls go out as {type:'call'} messages and are matched
 * back by id; events are forwarded. If the host dies, pending calls fail with ENGINE_DIED and the host
 * is restarted with backoff, a bounded number of times, so a host that crashes on start cannot spin forever.
 *
 * No electron import here: the process comes from `spawn` (utilityProcess in the app, see hostProcess.ts;
 * child_process.fork in the unit test), so the restart logic is tested against a real child process.
 */
import { EVENTS, type Channel, type EventName } from '../../shared/channels'
import { fail, type AppError, type Result } from '../../shared/result'
import type { HostMessage, HostRequest } from '../engine/protocol'

export interface HostProcess {
  post(msg: HostRequest): void
  kill(): void
}

export interface HostHandlers {
  onMessage(msg: HostMessage): void
  onExit(code: number | null): void
}

export type SpawnHost = (handlers: HostHandlers) => HostProcess

export interface Logger {
  info(...args: unknown[]): void
  warn(...args: unknown[]): void
  error(...args: unknown[]): void
}

export interface EngineClientOptions {
  spawn: SpawnHost
  log: Logger
  onEvent(event: EventName, payload: unknown): void
  /** The host came back after a crash (true) or crashed too often and was given up on (false). */
  onRestart(recovered: boolean): void
  /** The host cannot run at all (e.g. WORKSPACE_IN_USE): the app should say so and quit. */
  onFatal(error: AppError): void
  maxRestarts?: number
  backoffMs?: (attempt: number) => number
}

/** A host that stayed up this long earns a fresh restart budget. */
const STABLE_MS = 60_000
const defaultBackoff = (attempt: number): number => Math.min(500 * 2 ** attempt, 8_000)

interface Running {
  proc: HostProcess
  exited: Promise<void>
  startedAt: number
}

export class EngineClient {
  private running: Running | null = null
  private ready = false
  private nextId = 1
  private readonly pending = new Map<number, (r: Result<unknown>) => void>()
  /** Calls made before the host said 'ready' (startup, or during a restart). */
  private queue: Array<{ id: number; channel: Channel; input: unknown }> = []
  private readyWaiters: Array<(ready: boolean) => void> = []
  private restarts = 0
  private restarting = false
  private restartTimer: ReturnType<typeof setTimeout> | null = null
  private stopping = false
  private gaveUp = false

  constructor(private readonly opts: EngineClientOptions) {}

  start(): void {
    let markExited!: () => void
    const exited = new Promise<void>((r) => (markExited = r))
    const run: Running = { proc: null as unknown as HostProcess, exited, startedAt: Date.now() }
    run.proc = this.opts.spawn({
      onMessage: (msg) => {
        if (this.running === run) this.onMessage(msg)
      },
      onExit: (code) => {
        markExited()
        if (this.running === run) this.onExit(run, code)
      }
    })
    this.running = run
    this.ready = false
  }

  /** True once the host has opened the workspace; false if it never will (fatal, gave up, stopping). */
  whenReady(): Promise<boolean> {
    if (this.ready) return Promise.resolve(true)
    if (this.stopping || this.gaveUp) return Promise.resolve(false)
    return new Promise((r) => this.readyWaiters.push(r))
  }

  /** Forward one channel call. Never rejects: failures come back as a Result. */
  call(channel: Channel, input: unknown): Promise<Result<unknown>> {
    if (this.stopping) return Promise.resolve(fail('ENGINE_DIED', 'The data engine is not running.'))
    if (this.gaveUp) return Promise.resolve(fail('ENGINE_DIED', 'The data engine stopped. Restart Socialbench.'))
    const id = this.nextId++
    return new Promise((resolve) => {
      this.pending.set(id, resolve)
      if (this.ready) this.send({ type: 'call', id, channel, input })
      else this.queue.push({ id, channel, input })
    })
  }

  /** Ask the host to close DuckDB cleanly; kill it if it takes too long. */
  async stop(timeoutMs = 3_000): Promise<void> {
    this.stopping = true
    if (this.restartTimer) clearTimeout(this.restartTimer)
    this.failAll('The data engine is not running.')
    const run = this.running
    if (!run) return
    this.send({ type: 'shutdown' })
    let timer: ReturnType<typeof setTimeout> | undefined
    const timedOut = new Promise<boolean>((r) => (timer = setTimeout(() => r(true), timeoutMs)))
    if (await Promise.race([run.exited.then(() => false), timedOut])) {
      this.opts.log.warn('engine: host did not exit in time; killing it')
      run.proc.kill()
    }
    clearTimeout(timer)
  }

  private send(req: HostRequest): void {
    try {
      this.running?.proc.post(req)
    } catch (err) {
      // Posting to a process that is going away throws; its exit handler fails the call.
      this.opts.log.warn('engine: post failed', err)
    }
  }

  private onMessage(msg: HostMessage): void {
    switch (msg?.type) {
      case 'ready': {
        this.opts.log.info('engine: host ready, workspace', msg.workspace)
        this.ready = true
        for (const q of this.queue.splice(0)) this.send({ type: 'call', ...q })
        this.settleWaiters(true)
        if (this.restarting) {
          this.restarting = false
          this.opts.onRestart(true)
        }
        break
      }
      case 'result': {
        const resolve = this.pending.get(msg.id)
        this.pending.delete(msg.id)
        resolve?.(msg.result)
        break
      }
      case 'event':
        if ((EVENTS as readonly string[]).includes(msg.event)) this.opts.onEvent(msg.event, msg.payload)
        break
      case 'fatal':
        this.opts.log.error('engine: fatal', msg.error)
        this.stopping = true // the exit that follows is expected: no restart
        this.failAll(msg.error.message, msg.error.code)
        this.opts.onFatal(msg.error)
        break
      default:
        this.opts.log.warn('engine: unknown message from host')
    }
  }

  private onExit(run: Running, code: number | null): void {
    this.running = null
    this.ready = false
    if (this.stopping) return
    this.opts.log.error('engine: host exited unexpectedly, code', code)
    // Calls in flight cannot be known to have run or not: they fail and the user retries.
    this.failInFlight('The data engine stopped unexpectedly and is restarting. Try again.')

    if (Date.now() - run.startedAt > STABLE_MS) this.restarts = 0
    const max = this.opts.maxRestarts ?? 5
    if (this.restarts >= max) {
      this.gaveUp = true
      this.failAll('The data engine stopped. Restart Socialbench.')
      this.opts.log.error('engine: giving up after', max, 'restarts')
      this.opts.onRestart(false)
      return
    }
    this.restarting = true
    const delay = (this.opts.backoffMs ?? defaultBackoff)(this.restarts++)
    this.opts.log.info(`engine: restarting in ${delay} ms (attempt ${this.restarts})`)
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null
      if (!this.stopping) this.start()
    }, delay)
  }

  /** Fail calls already sent to the dead host; queued ones wait for the next host. */
  private failInFlight(message: string): void {
    const queued = new Set(this.queue.map((q) => q.id))
    for (const [id, resolve] of this.pending) {
      if (queued.has(id)) continue
      this.pending.delete(id)
      resolve(fail('ENGINE_DIED', message))
    }
  }

  private failAll(message: string, code: AppError['code'] = 'ENGINE_DIED'): void {
    const all = [...this.pending.values()]
    this.pending.clear()
    this.queue = []
    for (const resolve of all) resolve(fail(code, message))
    this.settleWaiters(false)
  }

  private settleWaiters(ready: boolean): void {
    for (const w of this.readyWaiters.splice(0)) w(ready)
  }
}
