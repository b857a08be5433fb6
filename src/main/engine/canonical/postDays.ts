/**
 * `post_days`: per account, local day and import, the sums the dashboard draws from posts (counts, interactions,
 * the per-post engagement rates of every convention with their squares and maxima, posts per local hour). The
 * dashboard reads these instead of every post: 1M posts are ~180k account-days, and the per-post local time (a zone
 * lookup per row) is paid once, when the posts are written, not on every click.
 *
 * The rows are a pure function of `posts` and the accounts' time zones, and are kept so in the same transaction as
 * every change to posts: the import's upsert (refreshTouched, for the days of the accounts it touched), an account
 * merge and the removal of an unfinished import (refreshAccounts / rebuildPostDays). test/…/postDays.property.test
 * compares the dashboard drawn from them with the per-post SQL on random workspaces.
 *
 * Rates of posts without their own followers-at-post depend on account_daily (the last follower count known on
 * that day), which later imports change: those posts are kept as interaction sums (nofap_*) and divided by the
 * follower count when the dashboard is asked, so a follower import needs no refresh here.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { WriteConn } from '../db/duckdb'
import { literal } from '../db/sql'

export const HOURS = Array.from({ length: 24 }, (_, h) => h)
export const hourColumn = (h: number) => `h${String(h).padStart(2, '0')}`

/** The per-post rates whose sums are kept: the dashboard's conventions other than by followers at post time. */
export const RATE_DENOMINATORS = ['reach', 'impressions', 'views'] as const

export const POST_DAYS_DDL = `CREATE TABLE post_days (
  account_id VARCHAR NOT NULL,
  day DATE NOT NULL,
  import_id INTEGER NOT NULL,
  posts BIGINT NOT NULL,
  first_at TIMESTAMPTZ NOT NULL,
  last_at TIMESTAMPTZ NOT NULL,
  interactions_n BIGINT NOT NULL,
  interactions_sum BIGINT,
  views_total BIGINT,
  fap_n BIGINT NOT NULL, fap_sum DOUBLE, fap_ss DOUBLE, fap_max DOUBLE,
  nofap_n BIGINT NOT NULL, nofap_sum BIGINT, nofap_ss DOUBLE, nofap_max BIGINT,
  ${RATE_DENOMINATORS.map((d) => `${d}_n BIGINT NOT NULL, ${d}_sum DOUBLE, ${d}_ss DOUBLE, ${d}_max DOUBLE`).join(',\n  ')},
  ${HOURS.map((h) => `${hourColumn(h)} INTEGER NOT NULL`).join(', ')}
)`

/**
 * The local wall-clock time of each post. A zone held in a column is looked up per row (slow); each zone the
 * accounts use gets a branch with a constant, UTC plain arithmetic (as metrics/scope.ts localTimeSql).
 */
function localTs(zones: readonly string[] | null): string {
  if (!zones) return `timezone(z, p.published_at)`
  const branches = zones.map(
    (z) =>
      `WHEN ${literal(z)} THEN ${z === 'UTC' ? 'make_timestamp(epoch_us(p.published_at))' : `timezone(${literal(z)}, p.published_at)`}`
  )
  return `(CASE z ${branches.join(' ')} ELSE timezone(z, p.published_at) END)`
}

/**
 * The post_days rows of the posts `where` selects (a condition on p.* and z, the account's zone). `zones`: the
 * zones in play, each given its own constant branch; null for a per-row lookup.
 */
export function postDaysSelect(where: string, zones: readonly string[] | null, dayFilter = 'true'): string {
  const rate = (d: string) => `CASE WHEN p.${d} > 0 THEN p.interactions / p.${d} END`
  return `
    SELECT account_id, day, import_id, count(*) AS posts, min(published_at) AS first_at, max(published_at) AS last_at,
           count(interactions) AS interactions_n, sum(interactions) AS interactions_sum, sum(views) AS views_total,
           count(r_fap) AS fap_n, sum(r_fap) AS fap_sum, sum(r_fap * r_fap) AS fap_ss, max(r_fap) AS fap_max,
           count(i_nofap) AS nofap_n, sum(i_nofap) AS nofap_sum, sum(i_nofap::DOUBLE * i_nofap) AS nofap_ss,
           max(i_nofap) AS nofap_max,
           ${RATE_DENOMINATORS.map((d) => `count(r_${d}) AS ${d}_n, sum(r_${d}) AS ${d}_sum, sum(r_${d} * r_${d}) AS ${d}_ss, max(r_${d}) AS ${d}_max`).join(',\n           ')},
           ${HOURS.map((h) => `count(*) FILTER (WHERE hr = ${h})::INTEGER AS ${hourColumn(h)}`).join(', ')}
    FROM (
      SELECT p.account_id, p.import_id, p.published_at, p.interactions, p.views,
             CAST(lt AS DATE) AS day, hour(lt) AS hr,
             CASE WHEN p.followers_at_post > 0 THEN p.interactions / p.followers_at_post END AS r_fap,
             CASE WHEN p.followers_at_post IS NULL THEN p.interactions END AS i_nofap,
             ${RATE_DENOMINATORS.map((d) => `${rate(d)} AS r_${d}`).join(', ')}
      FROM (SELECT p.*, ${localTs(zones)} AS lt
            FROM (SELECT p.*, coalesce(a.time_zone, 'UTC') AS z FROM posts p LEFT JOIN accounts a USING (account_id)) p
            WHERE p.published_at IS NOT NULL AND (${where})) p
      WHERE ${dayFilter})
    GROUP BY account_id, day, import_id`
}

async function zonesOf(conn: DuckDBConnection, accountFilter: string): Promise<string[]> {
  const r = await conn.runAndReadAll(
    `SELECT DISTINCT coalesce(time_zone, 'UTC') AS z FROM accounts WHERE ${accountFilter} ORDER BY 1`
  )
  return (r.getRowObjectsJson() as { z: string }[]).map((x) => String(x.z))
}

/** Every row again from posts (a migration, an unfinished import removed, a test). */
export async function rebuildPostDays(conn: WriteConn): Promise<void> {
  await conn.run(`DELETE FROM post_days`)
  await conn.run(`INSERT INTO post_days ${postDaysSelect('true', await zonesOf(conn, 'true'))}`)
}

/** The rows of these accounts again from posts (an account merge moves every post of one account to another). */
export async function refreshAccounts(conn: WriteConn, accountIds: string[]): Promise<void> {
  if (!accountIds.length) return
  const list = accountIds.map((a) => literal(a)).join(', ')
  await conn.run(`DELETE FROM post_days WHERE account_id IN (${list})`)
  await conn.run(
    `INSERT INTO post_days ${postDaysSelect(`p.account_id IN (${list})`, await zonesOf(conn, `account_id IN (${list})`))}`
  )
}

const TOUCHED = 'post_days_touched'

/**
 * Before an upsert into posts: note, per account, the span of instants of the posts it is about to change, both as
 * stored (their old account and time) and as they will be (`source`: rows with account_id, platform, post_id,
 * published_at; `keys`: those changing, or null for all of source). refreshTouched recomputes these spans after.
 */
export async function noteTouched(conn: WriteConn, source: string, keys: string | null): Promise<void> {
  const changing = keys ? `(SELECT s.* FROM ${source} s SEMI JOIN ${keys} k USING (platform, post_id))` : source
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${TOUCHED} AS
    SELECT account_id, min(published_at) AS lo, max(published_at) AS hi FROM (
      -- A row without a time keeps the stored one (the upsert's coalesce), on the account the row names.
      SELECT CAST(s.account_id AS VARCHAR) AS account_id, coalesce(s.published_at, p.published_at) AS published_at
      FROM ${changing} s LEFT JOIN posts p ON p.platform = s.platform AND p.post_id = s.post_id
      UNION ALL
      SELECT p.account_id, p.published_at FROM posts p SEMI JOIN ${changing} s ON p.platform = s.platform AND p.post_id = s.post_id)
    WHERE published_at IS NOT NULL AND account_id IS NOT NULL GROUP BY account_id`)
}

/**
 * After the upsert: the touched accounts' rows over the local days of their span, a day either side (a zone whose
 * clocks go back at midnight repeats a day), recomputed from posts. Posts are read in a window of instants three days
 * wider than the span, which holds every post of those days in any zone (offsets are within ±26 h).
 */
export async function refreshTouched(conn: WriteConn): Promise<void> {
  const span = `SELECT t.account_id, CAST(timezone(coalesce(a.time_zone, 'UTC'), t.lo) AS DATE) - 1 AS dlo,
           CAST(timezone(coalesce(a.time_zone, 'UTC'), t.hi) AS DATE) + 1 AS dhi,
           t.lo - INTERVAL 3 DAY AS tlo, t.hi + INTERVAL 3 DAY AS thi
    FROM ${TOUCHED} t LEFT JOIN accounts a USING (account_id)`
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${TOUCHED}_span AS ${span}`)
  const n = (await conn.runAndReadAll(`SELECT count(*) AS n FROM ${TOUCHED}_span`)).getRowObjectsJson()[0].n
  if (Number(n) > 0) {
    await conn.run(`DELETE FROM post_days d USING ${TOUCHED}_span s
      WHERE d.account_id = s.account_id AND d.day BETWEEN s.dlo AND s.dhi`)
    const zones = await zonesOf(conn, `account_id IN (SELECT account_id FROM ${TOUCHED}_span)`)
    await conn.run(
      `INSERT INTO post_days ${postDaysSelect(
        `EXISTS (SELECT 1 FROM ${TOUCHED}_span s WHERE s.account_id = p.account_id AND p.published_at BETWEEN s.tlo AND s.thi)`,
        zones,
        `EXISTS (SELECT 1 FROM ${TOUCHED}_span s WHERE s.account_id = p.account_id AND CAST(lt AS DATE) BETWEEN s.dlo AND s.dhi)`
      )}`
    )
  }
  await conn.run(`DROP TABLE IF EXISTS ${TOUCHED}_span`)
  await conn.run(`DROP TABLE IF EXISTS ${TOUCHED}`)
}
