/**
 * Institutions the range leaves out: they have data on the selected platforms, none of it in the range. "Last 12
 * months" ends on the latest day of the whole peer set, so an institution whose export is older drops out of every
 * chart; the dashboard names it, with its own first and last day, instead of showing a silent "—".
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { BenchmarkResult } from '../../../shared/benchmark'
import { literal } from '../db/sql'
import { withScope, type Scope } from './scope'

export async function outOfRange(conn: DuckDBConnection, s: Scope): Promise<BenchmarkResult['outOfRange']> {
  const from = `DATE ${literal(s.from)}`
  const to = `DATE ${literal(s.to)}`
  // Posts by the account's local day, as the scope counts them: the first and last instant per account zone suffice.
  // The day sums hold each account-day's first and last instant: a scan of post_days, not of every post.
  const ends =
    s.posts === 'days'
      ? `SELECT acc.institution_id, acc.time_zone AS z, min(p.first_at) AS lo, max(p.last_at) AS hi
            FROM post_days p JOIN acc USING (account_id) GROUP BY ALL`
      : `SELECT acc.institution_id, acc.time_zone AS z, min(p.published_at) AS lo, max(p.published_at) AS hi
            FROM posts p JOIN acc USING (account_id) WHERE p.published_at IS NOT NULL GROUP BY ALL`
  // The dashboard session keeps each account's first and last day (scope.ts, spans_all): a post's local day is
  // post_days.day, and within one zone the first instant's day is the first day.
  const spans = s.acrossRequests
    ? `spans AS (SELECT acc.institution_id, a.first_day AS d FROM spans_all a JOIN acc USING (account_id)
            UNION ALL SELECT acc.institution_id, a.last_day FROM spans_all a JOIN acc USING (account_id)),`
    : `ends AS (${ends}),
  spans AS (SELECT institution_id, CAST(timezone(z, lo) AS DATE) AS d FROM ends
            UNION ALL SELECT institution_id, CAST(timezone(z, hi) AS DATE) FROM ends
            UNION ALL SELECT acc.institution_id, ad.day FROM account_daily ad JOIN acc USING (account_id)),`
  const sql = `${withScope(
    s,
    `${spans}
  inside AS (SELECT institution_id FROM ${s.posts === 'days' ? 'spd' : 'sp'}
             UNION SELECT acc.institution_id FROM account_daily ad JOIN acc USING (account_id) WHERE ad.day BETWEEN ${from} AND ${to})`
  )}
  SELECT i.institution_id AS id, i.name, min(spans.d)::VARCHAR AS f, max(spans.d)::VARCHAR AS t
  FROM spans JOIN institutions i USING (institution_id)
  WHERE institution_id NOT IN (SELECT institution_id FROM inside)
  GROUP BY ALL ORDER BY i.name`
  const rows = (await conn.runAndReadAll(sql)).getRowObjectsJson() as {
    id: number
    name: string
    f: string
    t: string
  }[]
  return rows.map((r) => ({ id: Number(r.id), name: String(r.name), from: String(r.f), to: String(r.t) }))
}
