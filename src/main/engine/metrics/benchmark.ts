/** The benchmark channel: resolve the request into a scope, run every chart's query, package the series as Arrow. */
import type { DuckDBConnection, DuckDBResultReader } from '@duckdb/node-api'
import {
  DEFAULT_BREAKOUT_K,
  DEFAULT_MAX_GAP_DAYS,
  type BenchmarkPost,
  type BenchmarkRequest,
  type BenchmarkResult,
  type DatePreset
} from '../../../shared/benchmark'
import { AppFailure } from '../../../shared/result'
import { PLATFORMS, type Platform } from '../../../shared/types'
import { channelDailySql, channelMetricRank, channelPeerSql } from './channelSeries'
import { ratedPostsDaysSql } from './daySeries'
import type { EngagementConvention } from '../../../shared/metrics'
import { methodology } from './methodology'
import { outOfRange } from './outOfRange'
import { daysInScope, materializeScope, type Scope } from './scope'
import {
  breakoutsSql,
  cadenceHeatmapSql,
  engagementWeeklySql,
  followersSql,
  indexedSql,
  peerBandSql,
  peerIndexedSql,
  postsWeeklySql,
  screenDayStride,
  thinDays,
  topPostsSql
} from './series'
import { benchmarkSummary } from './summary'
import { eventsForCharts } from '../timeline/eventStore'

const iso = (d: Date) => d.toISOString().slice(0, 10)

/**
 * First and last day with any data for these institutions (posts or follower days). 'days': the posts' days from
 * post_days (canonical/postDays.ts), what the benchmark channel asks; 'rows': from every post.
 */
export async function dataRange(
  conn: DuckDBConnection,
  ids: number[],
  source: 'rows' | 'days' = 'rows'
): Promise<{ from: string | null; to: string | null }> {
  const list = ids.length ? ids.join(', ') : 'NULL'
  if (source === 'days') {
    const r = (
      await conn.runAndReadAll(`
      SELECT min(d)::VARCHAR AS f, max(d)::VARCHAR AS t FROM (
        SELECT pd.day AS d FROM post_days pd JOIN accounts a USING (account_id) WHERE a.institution_id IN (${list})
        UNION ALL SELECT d.day FROM account_daily d JOIN accounts a USING (account_id) WHERE a.institution_id IN (${list}))`)
    ).getRowObjectsJson()[0] as { f: string | null; t: string | null }
    return { from: r.f, to: r.t }
  }
  // The first and last instant per time zone, converted to local days afterwards: within one zone the local day never
  // goes backwards, and converting two instants per zone instead of every post's saves seconds per million posts.
  const r = (
    await conn.runAndReadAll(`
    WITH ends AS (
      SELECT coalesce(a.time_zone, 'UTC') AS z, min(p.published_at) AS lo, max(p.published_at) AS hi
      FROM posts p JOIN accounts a USING (account_id) WHERE a.institution_id IN (${list}) GROUP BY 1)
    SELECT min(d)::VARCHAR AS f, max(d)::VARCHAR AS t FROM (
      SELECT CAST(timezone(z, lo) AS DATE) AS d FROM ends
      UNION ALL SELECT CAST(timezone(z, hi) AS DATE) FROM ends
      UNION ALL SELECT d.day FROM account_daily d JOIN accounts a USING (account_id) WHERE a.institution_id IN (${list}))`)
  ).getRowObjectsJson()[0] as {
    f: string | null
    t: string | null
  }
  return { from: r.f, to: r.t }
}

/** The first and last day with data of any account (Scope.allDays); undefined when there is none. */
async function allDataDays(conn: DuckDBConnection): Promise<{ from: string; to: string } | undefined> {
  const r = (
    await conn.runAndReadAll(`SELECT min(f)::VARCHAR AS f, max(t)::VARCHAR AS t FROM (
      SELECT min(day) AS f, max(day) AS t FROM post_days UNION ALL SELECT min(day), max(day) FROM account_daily)`)
  ).getRowObjectsJson()[0] as { f: string | null; t: string | null }
  return r.f && r.t ? { from: r.f, to: r.t } : undefined
}

/** The time zones of the institutions' accounts (Scope.timeZones). */
export async function accountZones(conn: DuckDBConnection, ids: number[]): Promise<string[]> {
  const list = ids.length ? ids.join(', ') : 'NULL'
  const rows = (
    await conn.runAndReadAll(
      `SELECT DISTINCT coalesce(time_zone, 'UTC') AS z FROM accounts WHERE institution_id IN (${list}) ORDER BY 1`
    )
  ).getRowObjectsJson()
  return rows.map((r) => String(r.z))
}

/** Preset ranges end on the latest day with data: exports are historical, so "last 30 days" means of the data. */
export function presetRange(
  preset: DatePreset,
  range: { from: string | null; to: string | null }
): { from: string; to: string } | null {
  if (!range.from || !range.to) return null
  const end = new Date(`${range.to}T00:00:00Z`)
  const back = (days: number) => iso(new Date(end.getTime() - (days - 1) * 86_400_000))
  switch (preset) {
    case 'last30':
      return { from: back(30), to: range.to }
    case 'last90':
      return { from: back(90), to: range.to }
    case 'ytd':
      return { from: `${range.to.slice(0, 4)}-01-01`, to: range.to }
    case 'last12m': {
      const start = new Date(end)
      start.setUTCFullYear(start.getUTCFullYear() - 1)
      start.setUTCDate(start.getUTCDate() + 1)
      return { from: iso(start), to: range.to }
    }
    default:
      return { from: range.from, to: range.to }
  }
}

/** Arrow of each result read: the dashboard session hands back the same reader for a remembered read. */
const arrowOf = new WeakMap<DuckDBResultReader, Uint8Array>()

async function arrow(conn: DuckDBConnection, sql: string): Promise<Uint8Array> {
  // Arrow loads with the first benchmark, not with the engine (see datasets.ts).
  const { rowsToArrowIpc } = await import('../arrowPage')
  const reader = await conn.runAndReadAll(sql)
  let bytes = arrowOf.get(reader)
  if (!bytes) arrowOf.set(reader, (bytes = rowsToArrowIpc(reader, { dictionary: true })))
  return bytes
}

async function postRows(conn: DuckDBConnection, sql: string): Promise<(BenchmarkPost & Record<string, unknown>)[]> {
  return ((await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[]).map((r) => ({
    ...r,
    institution: String(r.institution),
    platform: String(r.platform),
    post_id: String(r.post_id),
    published_at: String(r.published_at),
    text: String(r.text ?? ''),
    url: (r.url as string | null) ?? null,
    interactions: r.interactions === null ? null : Number(r.interactions),
    rate: r.rate === null || r.rate === undefined ? null : Number(r.rate)
  }))
}

/** Posts in scope with a rate under the convention ('days' scopes; top posts need that many to use the day sums). */
export async function ratedPosts(
  conn: DuckDBConnection,
  scope: Scope,
  convention: EngagementConvention
): Promise<number> {
  if (scope.posts !== 'days') return 0
  return Number((await conn.runAndReadAll(ratedPostsDaysSql(scope, convention))).getRowObjectsJson()[0].n)
}

export async function resolveScope(
  conn: DuckDBConnection,
  req: BenchmarkRequest,
  /** 'days' for the benchmark channel (runBenchmark); the per-post channels (compare, conventions...) read rows. */
  posts: 'rows' | 'days' = 'rows'
): Promise<{ scope: Scope; range: { from: string | null; to: string | null } }> {
  const range = await dataRange(conn, req.institutionIds, posts)
  let from = req.from
  let to = req.to
  if (!from || !to || (req.preset && req.preset !== 'custom')) {
    const p = presetRange(req.preset ?? 'all', range)
    from = from && req.preset === 'custom' ? from : (p?.from ?? from)
    to = to && req.preset === 'custom' ? to : (p?.to ?? to)
  }
  if (!from || !to) {
    throw new AppFailure(
      'NOT_FOUND',
      'These institutions have no posts or follower data yet: import their exports and assign the accounts first.'
    )
  }
  if (from > to) throw new AppFailure('BAD_INPUT', `The range starts (${from}) after it ends (${to}).`)
  const platforms = (req.platforms && req.platforms.length ? req.platforms : [...PLATFORMS]) as Platform[]
  const timeZones = await accountZones(conn, req.institutionIds)
  return {
    scope: {
      institutionIds: req.institutionIds,
      platforms,
      from,
      to,
      maxGapDays: req.maxGapDays ?? DEFAULT_MAX_GAP_DAYS,
      timeZones,
      posts
    },
    range
  }
}

/**
 * The three series that feed two charts each (a chart and its peer band): indexed growth, weekly engagement and the
 * daily channel figures. materializeSeries computes them once per request; chartSql then reads them twice.
 */
function sharedSeries(scope: Scope, req: BenchmarkRequest): Record<'indexed' | 'engagement' | 'channel', string> {
  return {
    indexed: indexedSql(scope),
    engagement: engagementWeeklySql(scope, req.convention),
    channel: channelDailySql(scope)
  }
}

/** Create the shared series as TEMP tables on this request's connection (after materializeScope). */
export async function materializeSeries(conn: DuckDBConnection, scope: Scope, req: BenchmarkRequest): Promise<Scope> {
  for (const [name, sql] of Object.entries(sharedSeries(scope, req)))
    await conn.run(`CREATE OR REPLACE TEMP TABLE series_${name} AS ${sql}`)
  return { ...scope, series: true }
}

/**
 * The SQL of every chart series for this scope and request (the bench runs these very strings as its baseline).
 * The screen gets long daily series every Nth day (gaps exact, see thinDays); exports and the CLI get every day.
 */
export function chartSql(
  scope: Scope,
  req: BenchmarkRequest
): Record<keyof BenchmarkResult['charts'], string> & { dayStride: number } {
  const dayStride = req.resolution === 'screen' ? screenDayStride(daysInScope(scope)) : 1
  const byDay = (select: string, partition: string[], day: string, value: string) =>
    thinDays(select, { partition, day, value, stride: dayStride, s: scope })
  // Read back in the order each series' own query gives (a table keeps no order).
  const series = scope.series
    ? {
        indexed: 'SELECT * FROM series_indexed ORDER BY institution, day',
        engagement: 'SELECT * FROM series_engagement ORDER BY institution, week',
        channel: `SELECT * FROM series_channel ORDER BY institution, ${channelMetricRank('metric')}, day`
      }
    : sharedSeries(scope, req)
  return {
    dayStride,
    followers: followersSql(scope, dayStride),
    indexed: byDay(series.indexed, ['institution'], 'day', 'indexed'),
    engagement: series.engagement,
    heatmap: cadenceHeatmapSql(scope),
    postsWeekly: postsWeeklySql(scope),
    peerIndexed: byDay(peerIndexedSql(series.indexed), [], 'x', 'median'),
    peerEngagement: peerBandSql(series.engagement, 'week', 'rate'),
    channelDaily: byDay(series.channel, ['institution', 'metric'], 'day', 'value'),
    peerChannel: thinDays(channelPeerSql(series.channel), {
      partition: ['metric'],
      day: 'x',
      value: 'median',
      stride: dayStride,
      s: scope
    })
  }
}

/**
 * The dashboard's data. `posts`: 'days' (the channel) draws the post figures from the per-account-day sums,
 * 'rows' from every post: the per-post reference the property test holds the channel to.
 */
export async function runBenchmark(
  conn: DuckDBConnection,
  req: BenchmarkRequest,
  posts: 'rows' | 'days' = 'days',
  /** On the dashboard session's connection, which keeps tables for later requests (Scope.acrossRequests). */
  opts: { session?: boolean } = {}
): Promise<BenchmarkResult> {
  const started = performance.now()
  const resolved = await resolveScope(conn, req, posts)
  const range = resolved.range
  const acrossRequests = opts.session === true && posts === 'days' && !!range.to && resolved.scope.to >= range.to
  const allDays = acrossRequests ? await allDataDays(conn) : undefined
  // A dozen queries share this scope: build its tables once (TEMP, on this request's own connection).
  const scope = await materializeScope(conn, { ...resolved.scope, acrossRequests, allDays })
  const k = req.k ?? DEFAULT_BREAKOUT_K
  const institutions = (
    (
      await conn.runAndReadAll(
        `SELECT institution_id AS id, name, color FROM institutions WHERE institution_id IN (${scope.institutionIds.join(', ')}) ORDER BY name`
      )
    ).getRowObjectsJson() as { id: number; name: string; color: string }[]
  ).map((r) => ({ id: Number(r.id), name: r.name, color: r.color }))
  if (institutions.length !== new Set(scope.institutionIds).size)
    throw new AppFailure('NOT_FOUND', 'Some of the chosen institutions no longer exist.')
  const summary = await benchmarkSummary(conn, scope)
  const sql = chartSql(await materializeSeries(conn, scope, req), req)
  const charts = {
    followers: await arrow(conn, sql.followers),
    indexed: await arrow(conn, sql.indexed),
    engagement: await arrow(conn, sql.engagement),
    heatmap: await arrow(conn, sql.heatmap),
    postsWeekly: await arrow(conn, sql.postsWeekly),
    peerIndexed: await arrow(conn, sql.peerIndexed),
    peerEngagement: await arrow(conn, sql.peerEngagement),
    channelDaily: await arrow(conn, sql.channelDaily),
    peerChannel: await arrow(conn, sql.peerChannel)
  }
  const topPosts = await postRows(
    conn,
    topPostsSql(scope, req.convention, req.topN ?? 10, await ratedPosts(conn, scope, req.convention))
  )
  const breakoutRows = await postRows(conn, breakoutsSql(scope, req.convention, k))
  const stats = breakoutRows[0] as Record<string, unknown> | undefined
  const m = await methodology(conn, scope)
  const showEvents = req.events !== false
  return {
    scope: {
      from: scope.from,
      to: scope.to,
      platforms: scope.platforms,
      convention: req.convention,
      maxGapDays: scope.maxGapDays,
      k,
      institutions,
      dayStride: sql.dayStride,
      showEvents
    },
    summary,
    events: showEvents ? await eventsForCharts(conn, scope.from, scope.to, scope.institutionIds) : [],
    charts,
    topPosts,
    breakouts: {
      threshold: stats ? Number(stats.threshold) : null,
      mean: stats ? Number(stats.mean) : null,
      sd: stats ? Number(stats.sd) : null,
      posts: breakoutRows.map(({ institution, platform, post_id, published_at, text, url, interactions, rate }) => ({
        institution,
        platform,
        post_id,
        published_at,
        text,
        url,
        interactions,
        rate
      }))
    },
    methodology: {
      posts: m.posts,
      accounts: m.accounts,
      channelDays: m.channelDays,
      sources: m.sources,
      sourceFiles: m.sourceFiles,
      gaps: m.gaps
    },
    outOfRange: await outOfRange(conn, scope),
    dataRange: range,
    queryMs: Math.round(performance.now() - started)
  }
}
