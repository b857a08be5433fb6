/**
 * The post-based chart series drawn from spd, the per-account-day sums (canonical/postDays.ts), instead of sp, every
 * post: the same numbers in a fraction of the time (an account-day holds ten posts or more). series.ts and
 * summary.ts call these when the scope says `posts: 'days'`; the property test compares both ways.
 *
 * An average of per-post rates is the sum of the rates over their count; a standard deviation comes from the sums of
 * rates and of their squares. The two posts lists (top posts, breakouts) need the posts themselves: only the
 * account-days whose best rate can reach the list are opened (candidates), found with the per-day maximum. The
 * listed posts' text is fetched by rowid, in the same statement (a join on rowid reads only the rows it names;
 * one on (platform, post_id) read both columns of every post: most of the lists' time at 10M posts).
 */
import type { EngagementConvention } from '../../../shared/metrics'
import { HOURS, hourColumn } from '../canonical/postDays'
import { localTimeSql, withScope, type Scope } from './scope'

/** The spd columns of a convention's per-post rate (avg_followers lists posts by their rate at post time too). */
export const DAY_RATE: Record<EngagementConvention, string> = {
  followers_at_post: 'rate_followers_at_post',
  avg_followers: 'rate_followers_at_post',
  reach: 'rate_reach',
  impressions: 'rate_impressions',
  views: 'rate_views'
}

/** avg() of a per-post rate over a group of spd rows. */
export const dayAvg = (rate: string, p = '') =>
  `CASE WHEN sum(${p}${rate}_n) > 0 THEN sum(${p}${rate}_sum) / sum(${p}${rate}_n) END`

/** The per-post rate of posts p of a candidate account-day c, written as sp writes it (scope.ts). */
function postRate(convention: EngagementConvention): string {
  if (DAY_RATE[convention] === 'rate_followers_at_post') {
    return `CASE WHEN coalesce(p.followers_at_post, c.kf) > 0 AND p.interactions IS NOT NULL
                 THEN p.interactions / coalesce(p.followers_at_post, c.kf) END`
  }
  const d = DAY_RATE[convention].slice('rate_'.length)
  return `CASE WHEN p.${d} > 0 THEN p.interactions / p.${d} END`
}

/**
 * The posts of the spd rows `cand` selects, each with its rate: matched on account, import and instant span, and
 * kept only if its local day is the row's (a post of the neighbouring day can fall inside the span).
 */
function candidatePosts(s: Scope, convention: EngagementConvention, cand: string): string {
  return `SELECT c.institution, p.platform, p.post_id, p.published_at, p.interactions, ${postRate(convention)} AS rate,
           p.rowid AS post_rowid
    FROM posts p JOIN (${cand}) c ON p.account_id = c.account_id AND p.import_id = c.import_id
      AND p.published_at BETWEEN c.first_at AND c.last_at
    WHERE CAST(${localTimeSql('p.published_at', 'c.time_zone', s.timeZones)} AS DATE) = c.day`
}

export function engagementWeeklyDaysSql(s: Scope, convention: EngagementConvention): string {
  const value =
    convention === 'avg_followers'
      ? `CASE WHEN sum(p.interactions_n) > 0 AND avg(w.followers) > 0 THEN sum(p.interactions_sum) / sum(p.interactions_n) / avg(w.followers) END`
      : dayAvg(DAY_RATE[convention], 'p.')
  return `${withScope(
    s,
    `  wk AS (SELECT institution_id, date_trunc('week', day)::DATE AS week, avg(followers) AS followers FROM itot GROUP BY ALL),
  pw AS (SELECT *, date_trunc('week', day)::DATE AS week FROM spd)`
  )}
  SELECT p.institution, p.week, ${value} AS rate, sum(p.posts)::BIGINT AS posts
  FROM pw p LEFT JOIN wk w ON w.institution_id = p.institution_id AND w.week = p.week
  GROUP BY p.institution, p.week ORDER BY p.institution, p.week`
}

export function cadenceHeatmapDaysSql(s: Scope): string {
  const cols = HOURS.map(hourColumn)
  return `${withScope(s)}
  SELECT institution, weekday, CAST(substr(h, 2) AS INTEGER) AS hour, posts FROM (
    UNPIVOT (SELECT institution, (isodow(day) - 1)::INTEGER AS weekday, ${cols.map((c) => `sum(${c})::BIGINT AS ${c}`).join(', ')}
             FROM spd GROUP BY ALL)
    ON ${cols.join(', ')} INTO NAME h VALUE posts)
  WHERE posts > 0 ORDER BY institution, weekday, hour`
}

export function postsWeeklyDaysSql(s: Scope): string {
  return `${withScope(s)}
  SELECT institution, date_trunc('week', day)::DATE AS week, sum(posts)::BIGINT AS posts FROM spd GROUP BY ALL ORDER BY institution, week`
}

/** How many posts in scope have a rate under this convention (top posts fall back to every post below the limit). */
export function ratedPostsDaysSql(s: Scope, convention: EngagementConvention): string {
  return `${withScope(s)} SELECT coalesce(sum(${DAY_RATE[convention]}_n), 0)::BIGINT AS n FROM spd`
}

/**
 * The top posts when at least `limit` posts have a rate (ratedPostsDaysSql): the limit-th best per-day maximum is a
 * floor for the limit-th best post (that many days each hold a post at least as good), so only days at or above it
 * can hold a listed post.
 */
export function topPostsDaysSql(s: Scope, convention: EngagementConvention, limit: number): string {
  const rate = DAY_RATE[convention]
  const n = Math.max(1, Math.min(100, Math.floor(limit)))
  return `${withScope(
    s,
    `  cut AS (SELECT min(m) AS m FROM (SELECT ${rate}_max AS m FROM spd WHERE ${rate}_max IS NOT NULL ORDER BY m DESC LIMIT ${n})),
  top AS (SELECT institution, platform, post_id, published_at, interactions, rate, post_rowid
    FROM (${candidatePosts(s, convention, `SELECT * FROM spd WHERE ${rate}_max >= (SELECT m FROM cut)`)})
    WHERE interactions IS NOT NULL
    ORDER BY rate DESC NULLS LAST, interactions DESC, post_id LIMIT ${n})`
  )}
  SELECT top.institution, top.platform, top.post_id, strftime(top.published_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS published_at,
         left(coalesce(p.text, ''), 280) AS text, p.url, top.interactions, top.rate
  FROM top JOIN posts p ON p.rowid = top.post_rowid
  ORDER BY top.rate DESC NULLS LAST, top.interactions DESC, top.post_id`
}

/**
 * Breakouts: the mean and sample standard deviation of the per-post rates from the day sums, then the best 100
 * posts above mean + k sd, from the days whose maximum is above it (and among the 100 best such days).
 */
export function breakoutsDaysSql(s: Scope, convention: EngagementConvention, k: number): string {
  const rate = DAY_RATE[convention]
  return `${withScope(
    s,
    `  sums AS (SELECT sum(${rate}_n) AS n, sum(${rate}_sum) AS s, sum(${rate}_ss) AS ss FROM spd),
  stats AS (SELECT CASE WHEN n > 0 THEN s / n END AS mean,
                   CASE WHEN n > 1 THEN sqrt(greatest(0, (ss - s * s / n) / (n - 1))) END AS sd FROM sums),
  lim AS (SELECT stats.mean + ${Number(k)} * stats.sd AS threshold FROM stats),
  cut AS (SELECT min(m) AS m FROM (SELECT ${rate}_max AS m FROM spd, lim WHERE ${rate}_max > lim.threshold ORDER BY m DESC LIMIT 100)),
  hits AS (SELECT c.institution, c.platform, c.post_id, c.published_at, c.interactions, c.rate, c.post_rowid,
                  stats.mean, stats.sd, lim.threshold
           FROM (${candidatePosts(s, convention, `SELECT spd.* FROM spd, lim WHERE ${rate}_max > lim.threshold AND ${rate}_max >= (SELECT m FROM cut)`)}) c, stats, lim
           WHERE c.rate > lim.threshold
           ORDER BY c.rate DESC LIMIT 100)`
  )}
  SELECT hits.institution, hits.platform, hits.post_id, strftime(hits.published_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS published_at,
         left(coalesce(p.text, ''), 280) AS text, p.url, hits.interactions, hits.rate, hits.mean, hits.sd, hits.threshold
  FROM hits JOIN posts p ON p.rowid = hits.post_rowid
  ORDER BY hits.rate DESC`
}
