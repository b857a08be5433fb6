/**
 * Item 4: the dashboard's queries through the engine's front door (the benchmark channel: scope, every chart's SQL, Arrow packaging)
 * against the same SQL strings run directly with conn.runAndReadAll, in the same process on the same workspace.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { BenchmarkRequest } from '../../src/shared/benchmark'
import type { Engine } from '../../src/main/engine/engine'
import { chartSql, materializeSeries, ratedPosts, resolveScope } from '../../src/main/engine/metrics/benchmark'
import { methodology } from '../../src/main/engine/metrics/methodology'
import { materializeScope } from '../../src/main/engine/metrics/scope'
import { breakoutsSql, topPostsSql } from '../../src/main/engine/metrics/series'
import { summarySql } from '../../src/main/engine/metrics/summary'
import { invoke } from '../../src/main/engine/invoke'
import { INSTITUTIONS } from './dashboardData'
import { median, record, time } from './report'
import { databaseForTests } from '../../src/main/engine/engine'
import { dashboardSession } from '../../src/main/engine/metrics/dashboardSession'

/** The request the Benchmarks view sends for its dashboard (resolution 'screen', as useBenchmark asks). */
export const DASHBOARD_REQUEST: BenchmarkRequest = {
  institutionIds: Array.from({ length: INSTITUTIONS }, (_, i) => i + 1),
  preset: 'all',
  convention: 'followers_at_post',
  resolution: 'screen'
}

/**
 * DuckDB alone: the statements the engine sends for the dashboard, in the same order (the scope's TEMP tables built
 * once, then every chart's aggregate), read with runAndReadAll: no Arrow packaging, no IPC, no rendering. Running
 * the chart SQL over the un-materialised scope instead is not "the query alone" but a slower plan: on 10M posts
 * it did not finish in 600 s.
 */
export async function rawDashboardSql(
  conn: DuckDBConnection,
  req: BenchmarkRequest = DASHBOARD_REQUEST
): Promise<void> {
  // resolveScope runs dataRange (the first/last day with data), as the engine does.
  const scope = await materializeScope(conn, (await resolveScope(conn, req, 'days')).scope)
  await conn.runAndReadAll(
    `SELECT institution_id AS id, name, color FROM institutions WHERE institution_id IN (${scope.institutionIds.join(', ')}) ORDER BY name`
  )
  const charts = chartSql(await materializeSeries(conn, scope, req), req)
  const sqls = [
    summarySql(scope),
    charts.followers,
    charts.indexed,
    charts.engagement,
    charts.heatmap,
    charts.postsWeekly,
    charts.peerIndexed,
    charts.peerEngagement,
    topPostsSql(scope, req.convention, req.topN ?? 10, await ratedPosts(conn, scope, req.convention)),
    breakoutsSql(scope, req.convention, req.k ?? 2)
  ]
  for (const sql of sqls) await conn.runAndReadAll(sql)
  await methodology(conn, scope)
}

/** The engine's limit for anything that reads every post once: one scan of posts, the dashboard's yardstick (item 4b). */
export const POSTS_SCAN_SQL = 'SELECT count(*), sum(interactions) FROM posts'

/**
 * The dashboard's absolute targets (issue 17): all of its data in ≤ 0.3 s at 1M posts and ≤ 2 s at 10M. Between
 * and below those sizes the bound scales linearly from the 1M one, so a --quick run says whether it is on track.
 */
export function dashboardTargetMs(posts: number): number {
  return posts >= 10_000_000 ? 2000 : Math.max(50, (300 * posts) / 1_000_000)
}

/** A call that runs past `ms` is interrupted (DuckDB's conn.interrupt), so one pathological plan cannot stall the bench. */
async function bounded<T>(
  conn: DuckDBConnection,
  ms: number,
  fn: () => Promise<T>
): Promise<{ ms: number; timedOut: boolean }> {
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    conn.interrupt()
  }, ms)
  try {
    const r = await time(() =>
      fn().catch((err: unknown) => {
        if (!timedOut) throw err
      })
    )
    return { ms: r.ms, timedOut }
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Returns the cold (first, in a freshly opened workspace) DuckDB time, the baseline of item 5, or null when it
 * timed out. Slow runs (> 30 s) are measured once instead of three times to keep the bench bounded.
 */
export async function dashboardBench(
  engine: Engine,
  posts: number,
  label: string,
  timeoutMs: number,
  /** bench --quick: one interleaved run each instead of three, over `years` of data. */
  opts: { quick?: boolean; years?: number } = {}
): Promise<{ coldRawMs: number | null }> {
  const conn = databaseForTests(engine).reader
  const name = `dashboard queries, ${label} posts: benchmark channel vs same SQL direct`
  const cold = await bounded(conn, timeoutMs, () => rawDashboardSql(conn))
  if (cold.timedOut) {
    record({
      item: '4',
      name,
      raw: { 'duckdb cold': null },
      ratio: null,
      target: '≤ 1.5',
      pass: false,
      note: `the dashboard SQL alone did not finish within ${timeoutMs / 1000} s (interrupted). Known cause on this DuckDB: the follower ASOF joins of metrics/scope.ts run as nested loops (asof_loop_join_threshold); SET asof_loop_join_threshold = 0 took one query from 40 s to 1.3 s`
    })
    return { coldRawMs: null }
  }
  const reps = cold.ms > 30_000 || opts.quick ? 1 : 3
  // Items 4 and 4b measure the whole computation: the session's remembered results are dropped before each call
  // (item 4c measures control changes with them).
  const session = dashboardSession(databaseForTests(engine))
  const viaFrontDoor = () => {
    session.forget()
    return invoke(engine, 'benchmark', DASHBOARD_REQUEST)
  }
  if (reps > 1) await viaFrontDoor() // warm-up of the engine path too
  const raw: number[] = []
  const eng: number[] = []
  const scan: number[] = []
  for (let i = 0; i < reps; i++) {
    // Interleaved, so drift on a shared machine hits both sides alike.
    raw.push((await time(() => rawDashboardSql(conn))).ms)
    scan.push((await time(() => conn.runAndReadAll(POSTS_SCAN_SQL))).ms)
    const e = await bounded(conn, timeoutMs, viaFrontDoor)
    if (e.timedOut) {
      record({
        item: '4',
        name,
        raw: { duckdb: raw[0], 'duckdb cold': cold.ms },
        ratio: null,
        target: '≤ 1.5',
        pass: false,
        note: `the benchmark channel did not finish within ${timeoutMs / 1000} s (interrupted)`
      })
      return { coldRawMs: cold.ms }
    }
    eng.push(e.ms)
  }
  const r = median(raw)
  const e = median(eng)
  record({
    item: '4',
    name,
    raw: { engine: e, duckdb: r, 'duckdb cold': cold.ms },
    ratio: e / r,
    target: '≤ 1.5',
    pass: e / r <= 1.5,
    note: `median of ${reps} interleaved run(s) each (engine: ${eng.map(Math.round).join('/')} ms, direct: ${raw.map(Math.round).join('/')} ms); ${posts.toLocaleString('en-US')} posts, 20 institutions x 5 platforms x ${opts.years ?? 5} year(s), preset "all"`
  })
  // The distance to the engine's limit, visible on any machine: the dashboard's time in scans of posts.
  const s = median(scan)
  const targetMs = dashboardTargetMs(posts)
  record({
    item: '4b',
    name: `dashboard data, ${label} posts, vs one scan of posts (${POSTS_SCAN_SQL})`,
    raw: { dashboard: e, 'posts scan': s },
    ratio: e / s,
    target: `≤ ${targetMs} ms (0.3 s at 1M, 2 s at 10M)`,
    pass: e <= targetMs,
    note: `the whole computation (nothing remembered from an earlier request); the scan: median of ${reps} run(s), ${scan.map((x) => x.toFixed(1)).join('/')} ms, interleaved with the dashboard's; the ratio is the dashboard's time in posts scans`
  })
  await controlChanges(engine, label, targetMs, timeoutMs)
  return { coldRawMs: cold.ms }
}

/**
 * Item 4c: what a user waits for after changing one control, the dashboard shown before (its session warm, as in
 * the app): each change from the previous request, in the order a user might make them, through the front door.
 */
export const CONTROL_CHANGES: [string, Partial<BenchmarkRequest>][] = [
  ['convention → reach', { convention: 'reach' }],
  ['range → last 90 days', { preset: 'last90' }],
  ['convention → views', { convention: 'views' }],
  ['range → last 12 months', { preset: 'last12m' }],
  ['platforms → x, facebook', { platforms: ['x', 'facebook'] }],
  ['peer set → first 10', { institutionIds: DASHBOARD_REQUEST.institutionIds.slice(0, 10) }],
  ['back to the first request', { ...DASHBOARD_REQUEST, platforms: undefined }]
]

async function controlChanges(engine: Engine, label: string, targetMs: number, timeoutMs: number): Promise<void> {
  const conn = databaseForTests(engine).reader
  dashboardSession(databaseForTests(engine)).forget()
  await invoke(engine, 'benchmark', DASHBOARD_REQUEST)
  let req = DASHBOARD_REQUEST
  const times: [string, number][] = []
  const scan: number[] = []
  // The process's CPU time per change (DuckDB's threads included): on a loaded machine the wall time mostly says how
  // long the work waited for a core; this says how much work there was.
  const cpuMs: number[] = []
  for (const [name, change] of CONTROL_CHANGES) {
    req = { ...req, ...change }
    const cpu = process.cpuUsage()
    const r = await bounded(conn, timeoutMs, () => invoke(engine, 'benchmark', req))
    const used = process.cpuUsage(cpu)
    if (r.timedOut) {
      times.push([name, Number.NaN])
      break
    }
    times.push([name, r.ms])
    cpuMs.push((used.user + used.system) / 1000)
    scan.push((await time(() => conn.runAndReadAll(POSTS_SCAN_SQL))).ms)
  }
  const ms = times.map(([, t]) => t)
  const worst = Math.max(...ms)
  const s = median(scan)
  record({
    item: '4c',
    name: `a control change, ${label} posts: the dashboard's data, slowest of ${CONTROL_CHANGES.length} changes, vs one scan of posts`,
    raw: { slowest: Number.isNaN(worst) ? null : worst, median: median(ms), 'posts scan': s },
    ratio: Number.isNaN(worst) ? null : worst / s,
    target: `≤ ${targetMs} ms`,
    pass: !Number.isNaN(worst) && worst <= targetMs,
    note: `each from the request before (session warm, as in the app): ${times.map(([n, t], i) => `${n} ${Number.isNaN(t) ? 'timed out' : `${Math.round(t)} ms (CPU ${Math.round(cpuMs[i])} ms)`}`).join(', ')}`
  })
}
