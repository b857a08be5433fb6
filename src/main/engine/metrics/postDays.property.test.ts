/**
 * The dashboard drawn from the per-account-day sums (post_days, canonical/postDays.ts) gives today's numbers: on
 * random workspaces (accounts in zones with DST and half-hour offsets, follower gaps, posts with missing or zero
 * denominators, posts without a time), written through the import's own upsert in several batches that move posts
 * in time and between accounts, plus account merges, the benchmark channel ('days') equals the per-post SQL
 * ('rows') for random requests under every convention, and for the preset ranges and peer sets a user then picks. Counts and integer sums are equal exactly; rates to 1e-9
 * relative (the sums are added in another order, as DuckDB's parallel sums already are from run to run).
 * The maintained post_days is also equal, row for row, to one rebuilt from scratch.
 * SEED=<n> replays a run.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { tableFromIPC } from 'apache-arrow'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BenchmarkRequest, BenchmarkResult } from '../../../shared/benchmark'
import { POST_VALUE_COLUMNS, POSTS_COLUMNS } from '../../../shared/canonical'
import { ENGAGEMENT_CONVENTIONS } from '../../../shared/metrics'
import { rebuildPostDays } from '../canonical/postDays'
import { databaseForTests, openEngine, type Engine } from '../engine'
import { invoke } from '../invoke'
import { POST_KEYS, upsert } from '../recognize/normalize'
import { runBenchmark } from './benchmark'

const SEED = Number(process.env.SEED ?? Date.now() % 1_000_000)
const RUNS = Number(process.env.PROPERTY_RUNS ?? 12)
const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham']
const PLATFORMS = ['x', 'facebook', 'instagram'] as const
const START = Date.parse('2024-03-20T00:00:00Z') // spans the March/April DST changes of both hemispheres
const DAYS = 40

const maybe = <T>(arb: fc.Arbitrary<T>, nullFreq = 3) => fc.option(arb, { freq: nullFreq })
const metric = maybe(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50_000 })))

const postArb = fc.record({
  account: fc.nat(),
  post: fc.nat({ max: 59 }),
  /** Hours after START; null: a post without a time (never in a range). */
  hour: maybe(fc.integer({ min: 0, max: DAYS * 24 - 1 }), 12),
  minute: fc.nat({ max: 59 }),
  interactions: maybe(fc.integer({ min: 0, max: 3000 }), 6),
  followersAtPost: maybe(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 90_000 })), 1),
  reach: metric,
  impressions: metric,
  views: metric
})

const workspaceArb = fc.record({
  institutions: fc.integer({ min: 1, max: 5 }),
  accounts: fc.array(
    fc.record({ institution: fc.nat(), platform: fc.constantFrom(...PLATFORMS), zone: fc.constantFrom(...ZONES) }),
    { minLength: 1, maxLength: 7 }
  ),
  /**
   * Follower snapshots: per account, the days that have one (gaps elsewhere), a few with a NULL count; most with
   * the follows gained, so days without a count are derived from a neighbouring total (scope.ts, known).
   */
  followerDays: fc.array(
    fc.record({
      account: fc.nat(),
      day: fc.nat({ max: DAYS - 1 }),
      empty: fc.boolean(),
      gained: maybe(fc.integer({ min: -5, max: 40 }), 1)
    }),
    { maxLength: 120 }
  ),
  batches: fc.array(fc.array(postArb, { minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 4 }),
  merges: fc.array(fc.record({ from: fc.nat(), into: fc.nat() }), { maxLength: 2 }),
  requests: fc.array(
    fc.record({
      convention: fc.constantFrom(...ENGAGEMENT_CONVENTIONS),
      range: fc.option(fc.tuple(fc.nat({ max: DAYS }), fc.nat({ max: 20 })), { freq: 2 }),
      /** A control change the dashboard then gets: a preset range (they end on the last day with data) and peers. */
      preset: fc.constantFrom('last30' as const, 'last90' as const, 'ytd' as const, 'all' as const),
      peers: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      platforms: fc.subarray([...PLATFORMS]),
      maxGapDays: fc.integer({ min: 0, max: 10 }),
      k: fc.constantFrom(1, 1.5, 2, 2.5),
      topN: fc.integer({ min: 1, max: 12 }),
      resolution: fc.constantFrom('screen' as const, 'full' as const)
    }),
    { minLength: 1, maxLength: 3 }
  )
})

type Workspace = typeof workspaceArb extends fc.Arbitrary<infer T> ? T : never

/** A posts column's type as the canonical model declares it (a column added there is typed here too). */
const columnType = (col: string) => POSTS_COLUMNS.find((c) => c.name === col)?.type ?? 'VARCHAR'

const day = (d: number) => new Date(START + d * 86_400_000).toISOString().slice(0, 10)
const sqlValue = (v: string | number | null) =>
  v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`

let dir: string
let engine: Engine
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-postdays-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function build(w: Workspace, runDir: string): Promise<{ accounts: { id: string; platform: string }[] }> {
  engine = await openEngine(runDir)
  const db = databaseForTests(engine)
  const accounts = w.accounts.map((a, i) => ({
    id: `${a.platform}:acct${i}`,
    platform: a.platform,
    institution: (a.institution % w.institutions) + 1,
    zone: a.zone
  }))
  await db.write(async (c) => {
    for (let i = 1; i <= w.institutions; i++)
      await c.run(`INSERT INTO institutions (institution_id, name, color) VALUES (${i}, 'Inst ${i}', '#0072B2')`)
    for (const a of accounts)
      await c.run(
        `INSERT INTO accounts (account_id, institution_id, platform, handle, time_zone) VALUES ($1, $2, $3, $1, $4)`,
        [a.id, a.institution, a.platform, a.zone]
      )
    const seen = new Set<string>()
    for (const f of w.followerDays) {
      const a = accounts[f.account % accounts.length]
      if (seen.has(`${a.id}|${f.day}`)) continue
      seen.add(`${a.id}|${f.day}`)
      await c.run(
        `INSERT INTO account_daily (account_id, platform, day, followers, followers_gained, views, import_id) VALUES ($1, $2, DATE '${day(f.day)}', ${f.empty ? 'NULL' : 1000 + 37 * f.day + f.account}, ${f.gained ?? 'NULL'}, ${f.day % 3 ? 10 * f.day : 'NULL'}, 0)`,
        [a.id, a.platform]
      )
    }
  })
  // Each batch goes through the import's own upsert: later batches update posts (new times, other accounts of
  // the platform, new values where given) and add others.
  for (const [b, batch] of w.batches.entries()) {
    const rows = new Map<string, string>()
    for (const p of batch) {
      const a = accounts[p.account % accounts.length]
      const ts = p.hour === null ? null : new Date(START + p.hour * 3_600_000 + p.minute * 60_000).toISOString()
      const values: Record<string, string | number | null> = {
        published_at: ts,
        interactions: p.interactions,
        followers_at_post: p.followersAtPost,
        reach: p.reach,
        impressions: p.impressions,
        views: p.views,
        text: `post ${p.post}`
      }
      const cols = POST_VALUE_COLUMNS.map((c) =>
        c === 'published_at' ? `${sqlValue(values[c] ?? null)}::TIMESTAMPTZ` : `${sqlValue(values[c] ?? null)}`
      )
      rows.set(
        `${a.platform}|${p.post}`,
        `(${[sqlValue(a.id), sqlValue(a.platform), sqlValue(`p${p.post}`), ...cols].join(', ')})`
      )
    }
    await db.write(async (c) => {
      const cols = [...POST_KEYS, ...POST_VALUE_COLUMNS]
      await c.run(
        `CREATE OR REPLACE TEMP TABLE batch_ok AS SELECT * FROM (VALUES ${[...rows.values()].join(', ')}) v(${cols.join(', ')})`
      )
      await c.run(
        `CREATE OR REPLACE TEMP TABLE batch_ok AS SELECT ${cols
          .map((col) => (col === 'published_at' ? 'published_at' : `CAST(${col} AS ${columnType(col)}) AS ${col}`))
          .join(', ')} FROM batch_ok`
      )
      await upsert(c, 'batch', 'posts', POST_KEYS, POST_VALUE_COLUMNS, 100 + b, rows.size)
      await c.run(`DROP TABLE batch_ok`)
    })
  }
  for (const m of w.merges) {
    const from = accounts[m.from % accounts.length]
    const into = accounts[m.into % accounts.length]
    const present = await db.all(`SELECT count(*) AS n FROM accounts WHERE account_id IN ($1, $2)`, [from.id, into.id])
    if (from.id === into.id || from.platform !== into.platform || Number(present[0].n) < 2) continue
    await invoke(engine, 'mergeAccounts', { fromId: from.id, intoId: into.id })
  }
  return { accounts }
}

/** Arrow tables and post lists as plain rows, numbers as numbers (BIGINT arrives as bigint). */
function plain(r: BenchmarkResult): Record<string, unknown> {
  const rows = (bytes: Uint8Array) =>
    tableFromIPC(bytes)
      .toArray()
      .map((row) =>
        Object.fromEntries(
          Object.entries(row.toJSON() as Record<string, unknown>).map(([k, v]) => [
            k,
            typeof v === 'bigint' ? Number(v) : v
          ])
        )
      )
  const byRate = <T extends { rate: number | null; post_id: string }>(xs: T[]) =>
    [...xs].sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || a.post_id.localeCompare(b.post_id))
  return {
    scope: r.scope,
    dataRange: r.dataRange,
    summary: r.summary,
    charts: Object.fromEntries(Object.entries(r.charts).map(([k, v]) => [k, rows(v)])),
    topPosts: r.topPosts,
    breakouts: { ...r.breakouts, posts: byRate(r.breakouts.posts) },
    methodology: r.methodology,
    outOfRange: r.outOfRange
  }
}

/** Equal, with numbers that are not whole equal to 1e-9 relative; returns the first difference's path. */
function diff(a: unknown, b: unknown, path = ''): string | null {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return null
    const tol = 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-12)
    return Math.abs(a - b) <= tol ? null : `${path}: ${a} vs ${b}`
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: length ${a.length} vs ${b.length}`
    for (let i = 0; i < a.length; i++) {
      const d = diff(a[i], b[i], `${path}[${i}]`)
      if (d) return d
    }
    return null
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    for (const k of keys) {
      const d = diff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`)
      if (d) return d
    }
    return null
  }
  return Object.is(a, b) ? null : `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`
}

/** The first difference between two results (or refusals, as their messages), or null. */
function same(a: BenchmarkResult | string, b: BenchmarkResult | string): string | null {
  return typeof a === 'string' || typeof b === 'string' ? diff(a, b) : diff(plain(a), plain(b))
}

const channel = (req: BenchmarkRequest) =>
  invoke(engine, 'benchmark', req).catch((e: Error) => e.message) as Promise<BenchmarkResult | string>

describe('the dashboard from post_days equals the per-post SQL', () => {
  it(`on random workspaces and requests (seed ${SEED}, ${RUNS} runs)`, { timeout: 600_000 }, async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(workspaceArb, async (w) => {
        const runDir = join(dir, `run-${run++}`)
        await build(w, runDir)
        const db = databaseForTests(engine)
        try {
          // What every write kept equals a rebuild from scratch.
          const kept = await db.all(`SELECT * FROM post_days ORDER BY ALL`)
          await db.write((c) => rebuildPostDays(c))
          expect(diff(kept, await db.all(`SELECT * FROM post_days ORDER BY ALL`))).toBeNull()
          const ids = Array.from({ length: w.institutions }, (_, i) => i + 1)
          const asked: BenchmarkRequest[] = []
          for (const r of w.requests) {
            const req: BenchmarkRequest = {
              institutionIds: ids,
              convention: r.convention,
              platforms: r.platforms.length ? r.platforms : undefined,
              maxGapDays: r.maxGapDays,
              k: r.k,
              topN: r.topN,
              resolution: r.resolution,
              events: false,
              ...(r.range
                ? { preset: 'custom', from: day(r.range[0] - 3), to: day(r.range[0] - 3 + r.range[1]) }
                : { preset: 'all' })
            }
            const reference = await runBenchmark(db.reader, req, 'rows').catch((e: Error) => e.message)
            const days = await runBenchmark(db.reader, req, 'days').catch((e: Error) => e.message)
            expect(same(reference, days), `request ${JSON.stringify(req)}`).toBeNull()
            // The channel, whose session keeps what an earlier request computed: the same numbers, request after
            // request, and for the same request under the next convention (only what depends on it redone).
            const next = ENGAGEMENT_CONVENTIONS[(ENGAGEMENT_CONVENTIONS.indexOf(r.convention) + 1) % 5]
            // Then a preset range and another peer set, as the dashboard's controls send them: the session reads
            // these from what it keeps across requests (fday_all, pd_all: metrics/scope.ts).
            const peers = ids.filter((_, i) => r.peers[i])
            const change: BenchmarkRequest = {
              ...req,
              preset: r.preset,
              from: undefined,
              to: undefined,
              institutionIds: peers.length ? peers : ids
            }
            for (const q of [req, { ...req, convention: next }, change]) {
              const ref = await runBenchmark(db.reader, q, 'rows').catch((e: Error) => e.message)
              expect(same(ref, await channel(q)), `channel, request ${JSON.stringify(q)}`).toBeNull()
              asked.push(q)
            }
          }
          // A write changes what was kept: later follower counts (as a follower import gives) and a post's numbers.
          await db.write(async (c) => {
            await c.run(`UPDATE account_daily SET followers = followers + 7 * (hash(account_id, day) % 3)`)
            await c.run(`UPDATE posts SET interactions = interactions + 1 WHERE hash(post_id) % 2 = 0`)
            await rebuildPostDays(c)
          })
          for (const q of asked.slice(-2)) {
            const ref = await runBenchmark(db.reader, q, 'rows').catch((e: Error) => e.message)
            expect(same(ref, await channel(q)), `channel after a write, request ${JSON.stringify(q)}`).toBeNull()
          }
        } finally {
          engine.close()
          await rm(runDir, { recursive: true, force: true })
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true }
    )
  })
})
