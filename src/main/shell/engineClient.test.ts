import { afterEach, describe, expect, it } from 'vitest'
import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EngineClient, type EngineClientOptions, type SpawnHost } from './engineClient'

const FAKE_HOST = join(__dirname, 'fixtures', 'fakeHost.mjs')
const quiet = { info() {}, warn() {}, error() {} }
const children: ChildProcess[] = []
const dirs: string[] = []

afterEach(() => {
  for (const c of children.splice(0)) c.kill()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** child_process.fork plays the part utilityProcess.fork plays in the app. */
function forkHost(args: string[]): SpawnHost {
  return ({ onMessage, onExit }) => {
    const child = fork(FAKE_HOST, args, { stdio: 'ignore' })
    children.push(child)
    child.on('message', (m) => onMessage(m as never))
    child.on('exit', (code) => onExit(code))
    return { post: (m) => void child.send(m), kill: () => void child.kill() }
  }
}

function client(args: string[], extra: Partial<EngineClientOptions> = {}) {
  const events: Array<[string, unknown]> = []
  const restarts: boolean[] = []
  const fatals: string[] = []
  const restartWaiters: Array<(recovered: boolean) => void> = []
  const engine = new EngineClient({
    spawn: forkHost(args),
    log: quiet,
    onEvent: (e, p) => events.push([e, p]),
    onRestart: (r) => {
      restarts.push(r)
      for (const w of restartWaiters.splice(0)) w(r)
    },
    onFatal: (e) => fatals.push(e.code),
    backoffMs: () => 10,
    ...extra
  })
  /**
   * The next onRestart, however long the forks take: a loaded machine makes each start slow, so the test waits for
   * the client's own signal rather than polling against a deadline (vitest's timeout is the only backstop).
   */
  const nextRestart = (): Promise<boolean> => new Promise((done) => restartWaiters.push(done))
  return { engine, events, restarts, fatals, nextRestart }
}

function counterFile(): string {
  const d = mkdtempSync(join(tmpdir(), 'sb-engine-'))
  dirs.push(d)
  return join(d, 'starts')
}

describe('EngineClient', () => {
  it('queues calls until ready and matches out-of-order results by id', async () => {
    const { engine } = client(['--workspace', '/ws'])
    engine.start()
    const slow = engine.call('appInfo', undefined)
    const fast = engine.call('listDatasets', { x: 1 })
    expect(await fast).toEqual({ ok: true, value: { channel: 'listDatasets', input: { x: 1 } } })
    expect(await slow).toEqual({ ok: true, value: { channel: 'appInfo' } })
    expect(await engine.whenReady()).toBe(true)
    await engine.stop()
  })

  it('forwards known events only', async () => {
    const { engine, events } = client([])
    engine.start()
    await engine.call('cancelImport', { jobId: 'j' })
    expect(events.map(([e]) => e)).toEqual(['importProgress'])
    await engine.stop()
  })

  it('fails the call in flight with ENGINE_DIED, restarts, and tells about it', async () => {
    const { engine, restarts, nextRestart } = client([])
    engine.start()
    const restarted = nextRestart()
    const r = await engine.call('deleteDataset', { datasetId: 1 })
    expect(r).toMatchObject({ ok: false, error: { code: 'ENGINE_DIED' } })
    expect(await restarted).toBe(true)
    expect(restarts).toEqual([true])
    expect(await engine.call('listDatasets', undefined)).toMatchObject({ ok: true })
    await engine.stop()
  })

  it('gives up after maxRestarts when the host keeps dying, instead of looping', async () => {
    const counter = counterFile()
    const { engine, restarts, nextRestart } = client(['--mode', 'crash-on-start', '--counter', counter], {
      maxRestarts: 3
    })
    const gaveUp = nextRestart()
    engine.start()
    const ready = engine.whenReady()
    const pending = engine.call('listDatasets', undefined)
    expect(await gaveUp).toBe(false)
    expect(restarts).toEqual([false])
    expect(await ready).toBe(false)
    expect(await pending).toMatchObject({ ok: false, error: { code: 'ENGINE_DIED' } })
    expect(await engine.call('listDatasets', undefined)).toMatchObject({ ok: false, error: { code: 'ENGINE_DIED' } })
    expect(readFileSync(counter, 'utf8')).toBe('xxxx') // first start + 3 restarts
  })

  it('reports fatal errors once and does not restart', async () => {
    const counter = counterFile()
    const { engine, fatals, restarts } = client(['--mode', 'fatal', '--counter', counter])
    engine.start()
    const pending = engine.call('listDatasets', undefined)
    expect(await pending).toMatchObject({ ok: false, error: { code: 'WORKSPACE_IN_USE' } })
    expect(fatals).toEqual(['WORKSPACE_IN_USE'])
    await new Promise((r) => setTimeout(r, 150))
    expect(restarts).toEqual([])
    expect(readFileSync(counter, 'utf8')).toBe('x')
  })

  it('stops the host with a shutdown message and refuses later calls', async () => {
    const { engine, restarts } = client([])
    engine.start()
    await engine.whenReady()
    await engine.stop()
    expect(children.at(-1)?.exitCode).toBe(0)
    expect(restarts).toEqual([])
    expect(await engine.call('listDatasets', undefined)).toMatchObject({ ok: false, error: { code: 'ENGINE_DIED' } })
  })
})
