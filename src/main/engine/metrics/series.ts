/**
 * The aggregated series behind each benchmark chart. Everything is aggregated in DuckDB; only these series
 * (hundreds to a few thousand rows, however many posts there are) cross to the renderer, as Arrow.
 */
import type { EngagementConvention } from '../../../shared/metrics'
import { literal } from '../db/sql'
import {
  breakoutsDaysSql,
  cadenceHeatmapDaysSql,
  engagementWeeklyDaysSql,
  postsWeeklyDaysSql,
  topPostsDaysSql
} from './daySeries'
import { withScope, type Scope } from './scope'

const RATE_COLUMN: Record<EngagementConvention, string> = {
  followers_at_post: 'rate_followers_at_post',
  avg_followers: 'rate_followers_at_post', // per-post stand-in for top posts and breakouts; weekly series below use I-Rate
  reach: 'rate_reach',
  impressions: 'rate_impressions',
  views: 'rate_views'
}

/** Days in a range that a screen shows one by one; longer ranges are drawn every Nth day (screenDayStride). */
export const SCREEN_DAYS = 366

/** 1 for a range of up to a year, else the stride that leaves about a year's worth of points per line. */
export function screenDayStride(days: number): number {
  return days <= SCREEN_DAYS ? 1 : Math.ceil(days / SCREEN_DAYS)
}

/**
 * A daily series drawn every `stride` days for the screen: 20 institutions × 5 platforms × 5 years is 180k points
 * for a chart 1,100 px wide. Gaps stay exact: every NULL day is kept, and so is every day next to one (and the first
 * and last of each line), so lines break and end on the same days as in the full series and an isolated day is
 * still isolated. Every value drawn is a real daily value; exports ask for stride 1.
 */
export function thinDays(
  select: string,
  o: { partition: string[]; day: string; value: string; stride: number; s: Scope }
): string {
  if (!(o.stride > 1)) return select
  const stride = Math.floor(o.stride)
  const over = `${o.partition.length ? `PARTITION BY ${o.partition.join(', ')} ` : ''}ORDER BY ${o.day}`
  return `SELECT * EXCLUDE (_prev, _next) FROM (
    SELECT *, lag(${o.value}) OVER w AS _prev, lead(${o.value}) OVER w AS _next FROM (${select}) WINDOW w AS (${over}))
  WHERE (${o.day} - DATE ${literal(o.s.from)}) % ${stride} = 0 OR ${o.day} = DATE ${literal(o.s.to)}
     OR ${o.value} IS NULL OR _prev IS NULL OR _next IS NULL
  ORDER BY ${[...o.partition, o.day].join(', ')}`
}

/** Followers per institution, platform and day; NULL marks a gap longer than the allowed carry-forward. */
export function followersSql(s: Scope, stride = 1): string {
  return `${withScope(s)}
  ${thinDays('SELECT institution, platform, day, followers FROM ifol ORDER BY institution, platform, day', { partition: ['institution', 'platform'], day: 'day', value: 'followers', stride, s })}`
}

/** Indexed growth: 100 × followers ÷ followers on the first day with data, per institution (selected platforms summed). */
export function indexedSql(s: Scope): string {
  return `${withScope(s, `  base AS (SELECT institution_id, arg_min(followers, day) FILTER (WHERE followers IS NOT NULL) AS f0 FROM itot GROUP BY ALL)`)}
  SELECT t.institution, t.day, CASE WHEN b.f0 > 0 THEN 100.0 * t.followers / b.f0 END AS indexed, t.followers
  FROM itot t JOIN base b USING (institution_id) ORDER BY t.institution, t.day`
}

/** Weekly engagement rate per institution under the chosen convention. */
export function engagementWeeklySql(s: Scope, convention: EngagementConvention): string {
  if (s.posts === 'days') return engagementWeeklyDaysSql(s, convention)
  const value =
    convention === 'avg_followers'
      ? `CASE WHEN count(p.interactions) > 0 AND avg(w.followers) > 0 THEN sum(p.interactions) / count(p.interactions) / avg(w.followers) END`
      : `avg(p.${RATE_COLUMN[convention]})`
  return `${withScope(
    s,
    `  wk AS (SELECT institution_id, date_trunc('week', day)::DATE AS week, avg(followers) AS followers FROM itot GROUP BY ALL),
  pw AS (SELECT *, date_trunc('week', day)::DATE AS week FROM sp)`
  )}
  SELECT p.institution, p.week, ${value} AS rate, count(*) AS posts
  FROM pw p LEFT JOIN wk w ON w.institution_id = p.institution_id AND w.week = p.week
  GROUP BY p.institution, p.week ORDER BY p.institution, p.week`
}

/** Posts per weekday (0 = Monday) and hour, in each account's own time zone. */
export function cadenceHeatmapSql(s: Scope): string {
  if (s.posts === 'days') return cadenceHeatmapDaysSql(s)
  return `${withScope(s)}
  SELECT institution, (isodow(local_ts) - 1)::INTEGER AS weekday, hour(local_ts)::INTEGER AS hour, count(*) AS posts
  FROM sp GROUP BY ALL ORDER BY institution, weekday, hour`
}

/** Posts per institution and week, for the cadence line. */
export function postsWeeklySql(s: Scope): string {
  if (s.posts === 'days') return postsWeeklyDaysSql(s)
  return `${withScope(s)}
  SELECT institution, date_trunc('week', day)::DATE AS week, count(*) AS posts FROM sp GROUP BY ALL ORDER BY institution, week`
}

/**
 * The best posts by the chosen convention's per-post rate (interactions break ties and stand in where no rate exists).
 * From the day sums only when at least `limit` posts have a rate (`rated`, daySeries ratedPostsDaysSql); else from
 * every post, where the posts without a rate fill the list.
 */
export function topPostsSql(s: Scope, convention: EngagementConvention, limit: number, rated = 0): string {
  if (s.posts === 'days') {
    if (rated >= Math.max(1, Math.min(100, Math.floor(limit)))) return topPostsDaysSql(s, convention, limit)
    s = { ...s, posts: 'rows', materialized: false }
  }
  const rate = RATE_COLUMN[convention]
  // The scope keeps no post text (see scope.ts, sp0): the few posts shown fetch theirs from posts.
  return `${withScope(
    s,
    `  top AS (SELECT institution, platform, post_id, published_at, interactions, ${rate} AS rate FROM sp WHERE interactions IS NOT NULL
    ORDER BY ${rate} DESC NULLS LAST, interactions DESC, post_id LIMIT ${Math.max(1, Math.min(100, Math.floor(limit)))})`
  )}
  SELECT top.institution, top.platform, top.post_id, strftime(top.published_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS published_at,
         left(coalesce(p.text, ''), 280) AS text, p.url, top.interactions, top.rate
  FROM top JOIN posts p USING (platform, post_id)
  ORDER BY top.rate DESC NULLS LAST, top.interactions DESC, top.post_id`
}

/** Posts above the peer set's mean + k standard deviations of the per-post rate. */
export function breakoutsSql(s: Scope, convention: EngagementConvention, k: number): string {
  if (s.posts === 'days') return breakoutsDaysSql(s, convention, k)
  const rate = RATE_COLUMN[convention]
  return `${withScope(
    s,
    `  stats AS (SELECT avg(${rate}) AS mean, stddev_samp(${rate}) AS sd FROM sp WHERE ${rate} IS NOT NULL),
  hits AS (SELECT sp.institution, sp.platform, sp.post_id, sp.published_at, sp.interactions, sp.${rate} AS rate,
                  stats.mean, stats.sd, stats.mean + ${Number(k)} * stats.sd AS threshold
           FROM sp, stats WHERE sp.${rate} > stats.mean + ${Number(k)} * stats.sd
           ORDER BY sp.${rate} DESC LIMIT 100)`
  )}
  SELECT hits.institution, hits.platform, hits.post_id, strftime(hits.published_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS published_at,
         left(coalesce(p.text, ''), 280) AS text, p.url, hits.interactions, hits.rate, hits.mean, hits.sd, hits.threshold
  FROM hits JOIN posts p USING (platform, post_id)
  ORDER BY hits.rate DESC`
}

/**
 * The indexed chart's peer band over a stable peer set: an institution counts on every day from its first to its last
 * indexed value in the range, with its last value carried across its own gaps. Per day over whoever had a count that
 * day, the median jumped each time an account with weekly snapshots (the sample's Corvale and Halvern) fell past the
 * carry-forward limit for a day or two and left the set. Its own line still breaks there; only the median carries it.
 * The set changes only where an institution's data starts or ends inside the range (the chart's notes say where).
 */
export function peerIndexedSql(seriesSql: string): string {
  return peerBandSql(
    `SELECT day, CASE WHEN seen_after IS NOT NULL THEN carried END AS indexed FROM (
       SELECT day,
              last_value(indexed IGNORE NULLS) OVER (PARTITION BY institution ORDER BY day
                ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS carried,
              first_value(indexed IGNORE NULLS) OVER (PARTITION BY institution ORDER BY day
                ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS seen_after
       FROM (${seriesSql}))`,
    'day',
    'indexed'
  )
}

/** Median and interquartile band of the peer set, per day (followers, indexed) or per week (engagement). */
export function peerBandSql(seriesSql: string, xColumn: string, valueColumn: string): string {
  return `SELECT ${xColumn} AS x, median(${valueColumn}) AS median, quantile_cont(${valueColumn}, 0.25) AS q1,
                 quantile_cont(${valueColumn}, 0.75) AS q3, count(${valueColumn}) AS n
          FROM (${seriesSql}) GROUP BY ${xColumn} ORDER BY ${xColumn}`
}
