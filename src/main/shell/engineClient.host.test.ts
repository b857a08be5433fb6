/**
 * The shell's client against the REAL engine host (the built out/main/engineHost.js, real DuckDB, real sample files):
 * proves the two sides speak the same protocol and that --sample's sequence (workspaceInfo → loadSample)
 * works. child_process.fork stands in for utilityProcess.fork; the host supports both.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EngineClient } from './engineClient'
import { forkHost } from './forkHost'

const quiet = { info() {}, warn() {}, error() {} }
const dirs: string[] = []

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const spawnRealHost = (workspace: string) => forkHost(workspace, { stderr: 'ignore' })

describe('EngineClient with the real engine host', () => {
  it('opens a workspace, loads the sample into it, and shuts down cleanly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-host-'))
    dirs.push(dir)
    const workspace = join(dir, 'ws')
    let exited: number | null | undefined
    const base = spawnRealHost(workspace)
    const engine = new EngineClient({
      spawn: (h) => base({ ...h, onExit: (c) => ((exited = c), h.onExit(c)) }),
      log: quiet,
      onEvent: () => {},
      onRestart: () => {},
      onFatal: (e) => {
        throw new Error(`fatal: ${e.code} ${e.message}`)
      }
    })
    engine.start()
    expect(await engine.whenReady()).toBe(true)

    const info = await engine.call('workspaceInfo', undefined)
    expect(info).toMatchObject({ ok: true, value: { isEmpty: true } })
    const sample = await engine.call('loadSample', undefined)
    expect(sample.ok).toBe(true)
    const list = await engine.call('listDatasets', undefined)
    expect(list.ok && (list.value as unknown[]).length).toBeGreaterThan(0)

    // The host validates raw input itself; the shell forwards it untouched.
    expect(await engine.call('renameDataset', { datasetId: -1, name: '' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' }
    })

    await engine.stop(10_000)
    expect(exited).toBe(0)
  })
})
