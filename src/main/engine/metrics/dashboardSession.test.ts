/**
 * The dashboard session (dashboardSession.ts) redoes only what a control change changes, and nothing it kept
 * survives a write to the data: counted by the statements it runs on the real workspace, with the channel's
 * numbers equal to a fresh run's each time (the property test covers random workspaces).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { tableFromIPC } from 'apache-arrow'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BenchmarkRequest, BenchmarkResult } from '../../../shared/benchmark'
import { databaseForTests, openEngine, type Engine } from '../engine'
import { invoke } from '../invoke'
import { runBenchmark } from './benchmark'
import { dashboardSession } from './dashboardSession'
import { loadMetricsFixture } from './fixture.testdata'

let dir: string
let engine: Engine
// Opening a workspace took over 10 s (vitest's hook default) at a load of 20 on the 2-core machine.
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-session-'))
  engine = await openEngine(dir)
  await loadMetricsFixture(databaseForTests(engine))
}, 60_000)
afterEach(async () => {
  engine.close()
  await rm(dir, { recursive: true, force: true })
})

const REQUEST: BenchmarkRequest = {
  institutionIds: [1, 2, 3],
  preset: 'all',
  convention: 'followers_at_post',
  resolution: 'screen',
  events: false
}

/** The result without its timing, charts as rows (Arrow bytes differ in their dictionary ids from run to run). */
function comparable({ queryMs: _ms, charts, ...rest }: BenchmarkResult) {
  const rows = (bytes: Uint8Array) =>
    tableFromIPC(bytes)
      .toArray()
      .map((r) => r.toJSON() as unknown)
  return { ...rest, charts: Object.fromEntries(Object.entries(charts).map(([k, v]) => [k, rows(v)])) }
}

/** What a fresh connection computes for the request: the channel must say the same. */
async function fresh(req: BenchmarkRequest) {
  return comparable(await databaseForTests(engine).withConnection((c) => runBenchmark(c, req)))
}

async function viaChannel(req: BenchmarkRequest) {
  const s = dashboardSession(databaseForTests(engine)).stats
  const before = { ...s }
  const result = comparable(await invoke(engine, 'benchmark', req))
  return {
    result,
    built: s.tablesBuilt - before.tablesBuilt,
    run: s.readsRun - before.readsRun,
    kept: s.readsKept - before.readsKept
  }
}

describe('the dashboard session', () => {
  it('redoes only what depends on the changed control, and the same request nothing', async () => {
    const first = await viaChannel(REQUEST)
    expect(first.kept).toBe(0)
    expect(first.result).toEqual(await fresh(REQUEST))

    const again = await viaChannel(REQUEST)
    expect([again.built, again.run]).toEqual([0, 0])
    expect(again.result).toEqual(first.result)

    // Another convention: the scope and the follower charts stay; the engagement series and post lists are redone.
    const reach = { ...REQUEST, convention: 'reach' as const }
    const other = await viaChannel(reach)
    expect(other.built).toBe(1) // series_engagement
    expect(other.run).toBeGreaterThan(0)
    expect(other.run).toBeLessThan(first.run / 2)
    expect(other.result).toEqual(await fresh(reach))
  })

  it('keeps what it computed across a settings-only write (the saved last request), not across a data write', async () => {
    await viaChannel(REQUEST)
    await invoke(engine, 'saveLastBenchmark', REQUEST)
    expect((await viaChannel(REQUEST)).run).toBe(0)

    await databaseForTests(engine).write((c) =>
      c.run(`UPDATE account_daily SET followers = followers + 1 WHERE account_id = 'x:beta'`)
    )
    const after = await viaChannel(REQUEST)
    expect(after.kept).toBe(0)
    expect(after.result).toEqual(await fresh(REQUEST))
  })
})
