/**
 * The `vendorConventions` channel: the institutions' engagement rates per platform as Rival IQ, Socialinsider and
 * Fanpage Karma compute them, and by reach, impressions and views (src/shared/vendorConventions.ts says each
 * formula and its source). Reads the benchmark's scope (scope.ts) and the posts' own counts.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { BenchmarkRequest } from '../../../shared/benchmark'
import type { Platform } from '../../../shared/types'
import {
  VENDOR_COLUMNS,
  VENDOR_CONVENTIONS,
  type VendorComparison,
  type VendorRates,
  type VendorRow,
  type VendorTable
} from '../../../shared/vendorConventions'
import { resolveScope } from './benchmark'
import { materializeScope, withScope, type Scope } from './scope'

/** The sum of the counts given, null when none is (a count an export does not have is NULL, never 0). */
const sumOf = (...cols: string[]) =>
  `CASE WHEN coalesce(${cols.join(', ')}) IS NULL THEN NULL ELSE ${cols.map((c) => `coalesce(${c}, 0)`).join(' + ')} END`

/** Socialinsider's engagement per platform (its guide, linked from VENDOR_CONVENTIONS.socialinsider). */
const SOCIALINSIDER_ENGAGEMENT = `CASE p.platform
  WHEN 'facebook' THEN ${sumOf('coalesce(p.reactions, p.likes)', 'p.comments', 'p.shares')}
  WHEN 'instagram' THEN ${sumOf('p.likes', 'p.comments')}
  WHEN 'linkedin' THEN ${sumOf('coalesce(p.reactions, p.likes)', 'p.comments', 'p.shares', 'p.clicks')}
  WHEN 'youtube' THEN ${sumOf('p.likes', 'p.comments')}
  WHEN 'tiktok' THEN ${sumOf('p.likes', 'p.comments', 'p.shares', 'p.saves')}
  WHEN 'x' THEN ${sumOf('p.likes', 'p.comments', 'p.shares')}
  END`

export function vendorConventionsSql(s: Scope): string {
  return `${withScope(
    s,
    `  comp AS (
    SELECT sp.institution_id, sp.platform, sp.day, sp.post_id, sp.interactions, sp.followers_when_posted AS f,
           sp.rate_followers_at_post, sp.rate_reach, sp.rate_impressions, sp.rate_views, ${SOCIALINSIDER_ENGAGEMENT} AS si_eng
    FROM sp JOIN posts p USING (platform, post_id)),
  per AS (
    -- Ordered averages: a float sum depends on the order it is added in, and in parallel that order varies from run
    -- to run, so an exported table's digest did not always reproduce (reproduce/dataExports.test) on a bigger sample.
    SELECT institution_id, platform, count(*) AS posts, avg(rate_followers_at_post ORDER BY day, post_id) AS rivaliq,
           avg(CASE WHEN f > 0 THEN si_eng / f END ORDER BY day, post_id) AS socialinsider,
           avg(rate_reach ORDER BY day, post_id) AS reach, avg(rate_impressions ORDER BY day, post_id) AS impressions,
           avg(rate_views ORDER BY day, post_id) AS views
    FROM comp GROUP BY ALL),
  day_int AS (SELECT institution_id, platform, day, sum(interactions) AS inter FROM comp GROUP BY ALL),
  -- Fanpage Karma averages daily rates over the days, so a day without posts counts as 0.
  fk AS (
    SELECT f.institution_id, f.platform, avg(coalesce(d.inter, 0) / f.followers ORDER BY f.day) AS fanpagekarma
    FROM ifol f LEFT JOIN day_int d USING (institution_id, platform, day)
    WHERE f.followers > 0 GROUP BY ALL),
  pairs AS (SELECT DISTINCT institution_id, platform FROM acc)`
  )}
  SELECT i.institution_id, i.name, i.color, pairs.platform, coalesce(per.posts, 0) AS posts,
         per.rivaliq, per.socialinsider, fk.fanpagekarma, per.reach, per.impressions, per.views
  FROM pairs JOIN institutions i USING (institution_id)
  LEFT JOIN per USING (institution_id, platform) LEFT JOIN fk USING (institution_id, platform)
  ORDER BY pairs.platform, i.name`
}

function median(xs: number[]): number | null {
  if (!xs.length) return null
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

export async function vendorConventions(conn: DuckDBConnection, request: BenchmarkRequest): Promise<VendorComparison> {
  const scope = await materializeScope(conn, (await resolveScope(conn, request)).scope)
  const rows = (await conn.runAndReadAll(vendorConventionsSql(scope))).getRowObjectsJson()
  const tables = new Map<Platform, VendorRow[]>()
  for (const r of rows) {
    const platform = String(r.platform) as Platform
    const row = {
      institution_id: Number(r.institution_id),
      name: String(r.name),
      color: String(r.color),
      posts: Number(r.posts),
      ...(Object.fromEntries(VENDOR_COLUMNS.map((k) => [k, num(r[k])])) as VendorRates)
    }
    tables.set(platform, [...(tables.get(platform) ?? []), row])
  }
  const out: VendorTable[] = [...tables].map(([platform, list]) => ({
    platform,
    rows: list,
    median: Object.fromEntries(
      VENDOR_COLUMNS.map((k) => [k, median(list.map((r) => r[k]).filter((v): v is number => v !== null))])
    ) as VendorRates
  }))
  return { from: scope.from, to: scope.to, tables: out, conventions: VENDOR_COLUMNS.map((k) => VENDOR_CONVENTIONS[k]) }
}
