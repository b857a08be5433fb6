/**
 * The numbers the dashboard is drawn from, one row per institution: posts, interactions, cadence, the five
 * engagement conventions, follower growth and share of voice. Rates are fractions; null where data cannot give a value.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { InstitutionSummary } from '../../../shared/benchmark'
import { CHANNEL_METRICS } from '../../../shared/metrics'
import { literal } from '../db/sql'
import { dayAvg } from './daySeries'
import { daysInScope, withScope, type Scope } from './scope'

export type { InstitutionSummary }

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

export function summarySql(scope: Scope): string {
  const weeks = daysInScope(scope) / 7
  const ids = scope.institutionIds.length ? scope.institutionIds.join(', ') : 'NULL'
  const per =
    scope.posts === 'days'
      ? `SELECT institution_id,
           sum(posts)::BIGINT AS posts,
           sum(interactions_sum) AS interactions,
           sum(interactions_n)::BIGINT AS posts_with_interactions,
           sum(views_total) AS views,
           ${dayAvg('rate_followers_at_post')} AS er_fap,
           ${dayAvg('rate_reach')} AS er_reach,
           ${dayAvg('rate_impressions')} AS er_impressions,
           ${dayAvg('rate_views')} AS er_views
    FROM spd GROUP BY institution_id`
      : `SELECT institution_id,
           count(*) AS posts,
           sum(interactions) AS interactions,
           count(interactions) AS posts_with_interactions,
           sum(views) AS views,
           avg(rate_followers_at_post) AS er_fap,
           avg(rate_reach) AS er_reach,
           avg(rate_impressions) AS er_impressions,
           avg(rate_views) AS er_views
    FROM sp GROUP BY institution_id`
  return `${withScope(
    scope,
    `  per AS (
    ${per}
  ),
  fol AS (
    SELECT institution_id,
           avg(followers) AS avg_followers,
           arg_min(followers, day) FILTER (WHERE followers IS NOT NULL) AS f_start,
           arg_max(followers, day) FILTER (WHERE followers IS NOT NULL) AS f_end
    FROM itot GROUP BY institution_id
  ),
  ch AS (
    SELECT acc.institution_id, ${CHANNEL_METRICS.map((m) => `sum(d.${m}) AS ch_${m}`).join(', ')}
    FROM account_daily d JOIN acc USING (account_id)
    WHERE d.day BETWEEN DATE ${literal(scope.from)} AND DATE ${literal(scope.to)} GROUP BY acc.institution_id
  ),
  tot AS (SELECT sum(posts) AS posts, sum(interactions) AS interactions, sum(views) AS views FROM per)`
  )}
  SELECT i.institution_id, i.name, i.color,
         coalesce(per.posts, 0) AS posts,
         per.interactions,
         coalesce(per.posts, 0) / ${weeks} AS posts_per_week,
         CASE WHEN per.posts_with_interactions > 0 THEN per.interactions / per.posts_with_interactions END AS interactions_per_post,
         CASE WHEN per.posts_with_interactions > 0 AND fol.avg_followers > 0
              THEN per.interactions / per.posts_with_interactions / fol.avg_followers * 1000 END AS interactions_per_1k_followers,
         fol.avg_followers,
         per.er_fap,
         CASE WHEN per.posts_with_interactions > 0 AND fol.avg_followers > 0
              THEN per.interactions / per.posts_with_interactions / fol.avg_followers END AS er_avg_followers,
         per.er_reach, per.er_impressions, per.er_views,
         fol.f_end - fol.f_start AS growth_abs,
         CASE WHEN fol.f_start > 0 THEN (fol.f_end - fol.f_start) / fol.f_start END AS growth_pct,
         CASE WHEN fol.f_start > 0 THEN 100.0 * fol.f_end / fol.f_start END AS indexed_end,
         CASE WHEN tot.posts > 0 THEN coalesce(per.posts, 0) / tot.posts END AS sov_posts,
         CASE WHEN tot.interactions > 0 AND per.interactions IS NOT NULL THEN per.interactions / tot.interactions END AS sov_interactions,
         CASE WHEN tot.views > 0 AND per.views IS NOT NULL THEN per.views / tot.views END AS sov_views,
         ${CHANNEL_METRICS.map((m) => `ch.ch_${m}`).join(', ')}
  FROM institutions i
  LEFT JOIN per ON per.institution_id = i.institution_id
  LEFT JOIN fol ON fol.institution_id = i.institution_id
  LEFT JOIN ch ON ch.institution_id = i.institution_id
  CROSS JOIN tot
  WHERE i.institution_id IN (${ids})
  ORDER BY i.name`
}

export async function benchmarkSummary(conn: DuckDBConnection, scope: Scope): Promise<InstitutionSummary[]> {
  const rows = (await conn.runAndReadAll(summarySql(scope))).getRowObjectsJson() as Record<string, unknown>[]
  return rows.map((r) => ({
    institution_id: Number(r.institution_id),
    name: String(r.name),
    color: String(r.color),
    posts: Number(r.posts),
    interactions: num(r.interactions),
    posts_per_week: num(r.posts_per_week),
    interactions_per_post: num(r.interactions_per_post),
    interactions_per_1k_followers: num(r.interactions_per_1k_followers),
    avg_followers: num(r.avg_followers),
    engagement_rate: {
      followers_at_post: num(r.er_fap),
      avg_followers: num(r.er_avg_followers),
      reach: num(r.er_reach),
      impressions: num(r.er_impressions),
      views: num(r.er_views)
    },
    follower_growth: { abs: num(r.growth_abs), pct: num(r.growth_pct), indexed_end: num(r.indexed_end) },
    share_of_voice: { posts: num(r.sov_posts), interactions: num(r.sov_interactions), views: num(r.sov_views) },
    channel: Object.fromEntries(CHANNEL_METRICS.map((m) => [m, num(r[`ch_${m}`])])) as InstitutionSummary['channel']
  }))
}
