/**
 * The `explainPeriod` channel: why one institution's week (or day) on the engagement or a channel chart is where it
 * is. The period's value is computed exactly as the chart computes it (series.ts, channelSeries.ts), then taken
 * apart: the posts behind it ranked by their contribution, a robust z-score against the institution's own periods
 * in the range, the events of the period and its post types. Aggregated in DuckDB; only the listed posts cross.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { BenchmarkRequest } from '../../../shared/benchmark'
import {
  MAD_ZERO_NOTE,
  MAX_EXPLAINED_POSTS,
  NO_VALUE_NOTE,
  robustZ,
  type ExplainMetric,
  type ExplainUnit,
  type ExplainedPeriod,
  type ExplainedPost,
  type PostTypeShare,
  type RobustBaseline
} from '../../../shared/explain'
import { CHANNEL_METRIC_LABELS, type ChannelMetric } from '../../../shared/metrics'
import { AppFailure } from '../../../shared/result'
import { literal } from '../db/sql'
import { eventsForCharts } from '../timeline/eventStore'
import { resolveScope } from './benchmark'
import { materializeScope, withScope, type Scope } from './scope'

export interface ExplainInput {
  request: BenchmarkRequest
  institutionId: number
  metric: ExplainMetric
  unit: ExplainUnit
  /** Any day of the period: a week is the Monday-to-Sunday ISO week holding it. */
  day: string
}

const RATE_COLUMN = {
  followers_at_post: 'rate_followers_at_post',
  reach: 'rate_reach',
  impressions: 'rate_impressions',
  views: 'rate_views'
} as const

/** The post's own figure of a channel metric, where posts have one (profile visits and follows gained are channel-only). */
const POST_FIGURE: Partial<Record<ChannelMetric, string>> = {
  views: 'views',
  reach: 'reach',
  impressions: 'impressions'
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

/** The period holding `day`: its ISO week (Monday first, as DuckDB's date_trunc('week')) or the day itself. */
export function periodOf(day: string, unit: ExplainUnit): { start: string; end: string } {
  if (unit === 'day') return { start: day, end: day }
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7 // 0 = Monday
  const start = addDays(day, -weekday)
  return { start, end: addDays(start, 6) }
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

/**
 * One row per period of the range for this institution: `value` as the chart draws it, `full` when the period lies
 * wholly in the range (only those enter the median of a channel sum: a clipped edge week would look like a drop).
 */
function periodSeriesSql(s: Scope, id: number, metric: ExplainMetric, unit: ExplainUnit, convention: string): string {
  const trunc = (col: string) => `date_trunc(${literal(unit)}, ${col})::DATE`
  const length = unit === 'week' ? 7 : 1
  if (metric === 'engagement') {
    const value =
      convention === 'avg_followers'
        ? `CASE WHEN count(p.interactions) > 0 AND avg(w.followers) > 0 THEN sum(p.interactions) / count(p.interactions) / avg(w.followers) END`
        : `avg(p.${RATE_COLUMN[convention as keyof typeof RATE_COLUMN]})`
    return `${withScope(
      s,
      `  pf AS (SELECT ${trunc('day')} AS period, avg(followers) AS followers FROM itot WHERE institution_id = ${id} GROUP BY ALL),
  pp AS (SELECT *, ${trunc('day')} AS period FROM sp WHERE institution_id = ${id})`
    )}
  SELECT p.period, ${value} AS value, any_value(w.followers) AS followers, true AS full
  FROM pp p LEFT JOIN pf w USING (period) GROUP BY p.period ORDER BY p.period`
  }
  return `${withScope(
    s,
    `  cd AS (SELECT d.account_id, d.day, d.${metric}::DOUBLE AS v FROM account_daily d JOIN acc USING (account_id)
          WHERE acc.institution_id = ${id} AND d.day BETWEEN DATE ${literal(s.from)} AND DATE ${literal(s.to)}),
  ca AS (SELECT DISTINCT account_id FROM cd WHERE v IS NOT NULL),
  daily AS (SELECT days.day, CASE WHEN count(cd.v) = count(*) THEN sum(cd.v) END AS value
            FROM ca CROSS JOIN days LEFT JOIN cd ON cd.account_id = ca.account_id AND cd.day = days.day GROUP BY days.day)`
  )}
  SELECT ${trunc('day')} AS period, CASE WHEN count(value) = count(*) THEN sum(value) END AS value, NULL AS followers,
         count(*) = ${length} AS full
  FROM daily GROUP BY 1 ORDER BY 1`
}

function baselineOf(series: { value: number | null; full: boolean }[], value: number | null): RobustBaseline {
  const xs = series.filter((r) => r.full && r.value !== null).map((r) => r.value as number)
  const median = medianOf(xs)
  const mad = median === null ? null : medianOf(xs.map((x) => Math.abs(x - median)))
  const z = value === null || median === null || mad === null ? null : robustZ(value, median, mad)
  return {
    periods: xs.length,
    median,
    mad,
    z,
    zNote: value === null || median === null ? NO_VALUE_NOTE : mad === 0 ? MAD_ZERO_NOTE : null,
    change: value === null || median === null ? null : value - median,
    changePct: value === null || median === null || median === 0 ? null : (value - median) / median
  }
}

/** The median as DuckDB's median() takes it: the middle value, or the mean of the two middle ones. */
function medianOf(xs: number[]): number | null {
  if (!xs.length) return null
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** Each post of the period with its figure and its contribution to the period's value (see ExplainedPost). */
function periodPostsSql(
  s: Scope,
  id: number,
  period: { start: string; end: string },
  metric: ExplainMetric,
  convention: string,
  followers: number | null
): string {
  let figure: string
  let contribution: string
  if (metric === 'engagement' && convention === 'avg_followers') {
    // I-Rate: Σ interactions ÷ posts with interactions ÷ the period's average followers; each post's part is its own term.
    const f = followers && followers > 0 ? String(followers) : 'NULL'
    figure = `interactions / ${f}`
    contribution = `coalesce(interactions / count(interactions) OVER () / ${f}, 0)`
  } else if (metric === 'engagement') {
    // A mean of per-post rates: each post with a rate contributes its rate ÷ the number of posts with one.
    const rate = RATE_COLUMN[convention as keyof typeof RATE_COLUMN]
    figure = rate
    contribution = `coalesce(${rate} / count(${rate}) OVER (), 0)`
  } else {
    const col = POST_FIGURE[metric]
    figure = col ? `${col}::DOUBLE` : 'NULL::DOUBLE'
    contribution = col ? `coalesce(${col}::DOUBLE, 0)` : '0'
  }
  return `${withScope(s)}
  SELECT platform, post_id, published_at, post_type, interactions, ${figure} AS value, ${contribution} AS contribution
  FROM sp WHERE institution_id = ${id} AND day BETWEEN DATE ${literal(period.start)} AND DATE ${literal(period.end)}`
}

export async function explainPeriod(conn: DuckDBConnection, input: ExplainInput): Promise<ExplainedPeriod> {
  const { request, institutionId: id, metric, unit } = input
  if (!request.institutionIds.includes(id)) {
    throw new AppFailure('BAD_INPUT', `institutionId: institution ${id} is not one of the benchmark's institutions.`)
  }
  const scope = await materializeScope(conn, (await resolveScope(conn, request)).scope)
  const whole = periodOf(input.day, unit)
  if (whole.end < scope.from || whole.start > scope.to) {
    throw new AppFailure(
      'BAD_INPUT',
      `day: ${input.day} is outside the benchmark's range (${scope.from} to ${scope.to}).`
    )
  }
  const period = {
    start: whole.start < scope.from ? scope.from : whole.start,
    end: whole.end > scope.to ? scope.to : whole.end
  }
  const inst = (
    await conn.runAndReadAll(`SELECT name, color FROM institutions WHERE institution_id = ${id}`)
  ).getRowObjectsJson()[0]
  if (!inst) throw new AppFailure('NOT_FOUND', `Institution ${id} does not exist (it may have been deleted).`)

  const series = (await conn.runAndReadAll(periodSeriesSql(scope, id, metric, unit, request.convention)))
    .getRowObjectsJson()
    .map((r) => ({
      period: String(r.period),
      value: num(r.value),
      followers: num(r.followers),
      full: Boolean(r.full)
    }))
  const row = series.find((r) => r.period === whole.start)
  const value = row?.value ?? null
  const baseline = baselineOf(series, value)

  const rows = (
    await conn.runAndReadAll(
      `WITH pp AS (${periodPostsSql(scope, id, period, metric, request.convention, row?.followers ?? null)})
       SELECT pp.platform, pp.post_id, strftime(pp.published_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS published_at,
              pp.post_type, left(coalesce(p.text, ''), 280) AS text, p.url, pp.interactions, pp.value, pp.contribution
       FROM pp JOIN posts p USING (platform, post_id)
       ORDER BY pp.contribution DESC, pp.interactions DESC NULLS LAST, pp.published_at, pp.post_id`
    )
  ).getRowObjectsJson()
  const shareOf = (c: number) => (value && value > 0 ? c / value : 0)
  const all: ExplainedPost[] = rows.map((r) => ({
    platform: String(r.platform),
    post_id: String(r.post_id),
    published_at: String(r.published_at),
    post_type: (r.post_type as string | null) ?? null,
    text: String(r.text ?? ''),
    url: (r.url as string | null) ?? null,
    interactions: num(r.interactions),
    value: num(r.value),
    contribution: Number(r.contribution),
    share: shareOf(Number(r.contribution))
  }))

  const types = new Map<string, PostTypeShare>()
  for (const p of all) {
    const key = p.post_type ?? 'unknown'
    const t = types.get(key) ?? { postType: key, posts: 0, interactions: null, contribution: 0, share: 0 }
    t.posts += 1
    if (p.interactions !== null) t.interactions = (t.interactions ?? 0) + p.interactions
    t.contribution += p.contribution
    t.share = shareOf(t.contribution)
    types.set(key, t)
  }
  const postTypes = [...types.values()].sort(
    (a, b) => b.contribution - a.contribution || b.posts - a.posts || a.postType.localeCompare(b.postType)
  )

  const notes: string[] = []
  if (metric !== 'engagement') {
    const label = CHANNEL_METRIC_LABELS[metric].toLowerCase()
    notes.push(
      POST_FIGURE[metric]
        ? `The channel's ${label} count every post and surface, older posts included; a post's share is its own ${label} ÷ the channel's.`
        : `Posts carry no ${label} of their own: they are listed by interactions.`
    )
    if (row && !row.full) notes.push('This week is cut by the range, so it is left out of the median.')
  }
  if (whole.start !== period.start || whole.end !== period.end)
    notes.push(`Only the days ${period.start} to ${period.end} of this week are in the range.`)

  return {
    institution: { id, name: String(inst.name), color: String(inst.color) },
    metric,
    convention: request.convention,
    unit,
    period,
    value,
    baseline,
    postCount: all.length,
    posts: all.slice(0, MAX_EXPLAINED_POSTS),
    postTypes,
    events: await eventsForCharts(conn, period.start, period.end, [id]),
    notes
  }
}
