/**
 * The comparison a benchmark is about: institutions, platforms and an inclusive date range, as SQL common table
 * expressions every metric query starts from. Values are validated before they reach here (ids are integers,
 * platforms come from a fixed list, dates match YYYY-MM-DD), then quoted with literal() all the same.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import { literal } from '../db/sql'
import { PLATFORMS, type Platform } from '../../../shared/types'
import { RATE_DENOMINATORS } from '../canonical/postDays'

export interface Scope {
  institutionIds: number[]
  platforms: Platform[]
  from: string
  to: string
  /** Carry a follower count forward across at most this many days without data; longer gaps stay gaps. */
  maxGapDays: number
  /** The scope's tables exist as TEMP tables on the connection (see materializeScope). */
  materialized?: boolean
  /** The time zones of the scope's accounts, when known (resolveScope): local times are then computed per zone. */
  timeZones?: string[]
  /**
   * Where the dashboard's post figures come from: 'days', the per-account-day sums in post_days (spd; what the
   * benchmark channel reads), or 'rows' (the default), every post (sp; the per-post reference the property test and
   * the per-post channels use). Both give the same numbers (canonical/postDays.ts).
   */
  posts?: 'rows' | 'days'
  /** The series two charts share exist as TEMP tables on the connection (benchmark.ts, materializeSeries). */
  series?: boolean
  /**
   * The follower history of every account, computed once and kept by the dashboard session (dashboardSession.ts)
   * for every later request: known_all and kd_all, of which the scope takes its accounts' rows. Only where the
   * range ends on or after the last day with data of the scope's institutions, so that no follower day is past it
   * (known is computed from the days up to the range's end) and each account's history is the same.
   */
  acrossRequests?: boolean
  /**
   * With acrossRequests: the first and last day with data of any account (allDataDays). Every account's carried
   * follower count is then kept for each of these days (fday_all), and a range inside them only filters it.
   */
  allDays?: { from: string; to: string }
}

/**
 * An instant as the wall-clock time in a zone held in a column. DuckDB's timezone() with a zone that varies per row
 * looks the zone up for every row (27 s over 10M posts); with a constant zone it takes 2 s, and UTC needs no zone
 * at all (0.1 s). So each known zone gets its own branch with a constant, and UTC plain arithmetic.
 */
export function localTimeSql(ts: string, zoneColumn: string, zones: readonly string[] | undefined): string {
  if (!zones?.length) return `timezone(${zoneColumn}, ${ts})`
  const branches = zones.map(
    (z) =>
      `WHEN ${literal(z)} THEN ${z === 'UTC' ? `make_timestamp(epoch_us(${ts}))` : `timezone(${literal(z)}, ${ts})`}`
  )
  return `(CASE ${zoneColumn} ${branches.join(' ')} ELSE timezone(${zoneColumn}, ${ts}) END)`
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/

export function checkScope(s: Scope): void {
  if (!s.institutionIds.every((i) => Number.isInteger(i))) throw new Error('institution ids must be integers')
  if (!s.platforms.every((p) => (PLATFORMS as readonly string[]).includes(p))) throw new Error('unknown platform')
  if (!DATE_RE.test(s.from) || !DATE_RE.test(s.to)) throw new Error('dates must be YYYY-MM-DD')
  if (!Number.isInteger(s.maxGapDays) || s.maxGapDays < 0) throw new Error('maxGapDays must be a whole number ≥ 0')
}

export function daysInScope(s: Scope): number {
  return Math.round((Date.parse(`${s.to}T00:00:00Z`) - Date.parse(`${s.from}T00:00:00Z`)) / 86_400_000) + 1
}

/**
 * acc: accounts of the chosen institutions on the chosen platforms.
 * sp: their posts in the range (the day is the account's local day), with followers when posted and the rates;
 *   without text and URL, which only the listed top posts need (they read them from posts): the ASOF join sorts
 *   every post in scope, and carrying the text made that 25 s of the dashboard on 10M posts.
 * reported: follower totals as exported; gains, anchors: a total carried through daily follows gained (below);
 * known: follower snapshots, reported or derived from a reported total plus daily gains; fday: per account and day, the carried-forward count (NULL across long gaps);
 * ifol: per institution, platform and day, the sum over its accounts (NULL when any account has a gap).
 */
export function scopeParts(s: Scope): [string, string][] {
  checkScope(s)
  const ids = s.institutionIds.length ? s.institutionIds.join(', ') : 'NULL'
  const platforms = s.platforms.map((p) => literal(p)).join(', ')
  const from = `DATE ${literal(s.from)}`
  const to = `DATE ${literal(s.to)}`
  return [
    [
      'acc',
      `
    SELECT a.account_id, a.platform, coalesce(a.time_zone, 'UTC') AS time_zone, i.institution_id, i.name AS institution, i.color
    FROM accounts a JOIN institutions i ON i.institution_id = a.institution_id
    WHERE a.institution_id IN (${ids}) AND a.platform IN (${platforms})
  `
    ],
    ...(s.acrossRequests
      ? [
          ...followerParts(null, null, '_all'),
          ['known', `SELECT k.* FROM known_all k SEMI JOIN acc USING (account_id)`] as [string, string]
        ]
      : followerParts('acc', to, '')),
    [
      'sp0',
      `
    SELECT *, CAST(local_ts AS DATE) AS day FROM (
      SELECT acc.institution_id, acc.institution, p.account_id, p.platform, p.post_id, p.published_at, p.post_type,
             p.impressions, p.reach, p.views, p.interactions, p.followers_at_post,
             ${localTimeSql('p.published_at', 'acc.time_zone', s.timeZones)} AS local_ts
      FROM posts p JOIN acc USING (account_id)
      WHERE p.published_at IS NOT NULL)
    WHERE CAST(local_ts AS DATE) BETWEEN ${from} AND ${to}
  `
    ],
    [
      'sp',
      `
    SELECT sp0.*, coalesce(sp0.followers_at_post, k.followers) AS followers_when_posted,
           CASE WHEN coalesce(sp0.followers_at_post, k.followers) > 0 AND sp0.interactions IS NOT NULL
                THEN sp0.interactions / coalesce(sp0.followers_at_post, k.followers) END AS rate_followers_at_post,
           CASE WHEN sp0.reach > 0 THEN sp0.interactions / sp0.reach END AS rate_reach,
           CASE WHEN sp0.impressions > 0 THEN sp0.interactions / sp0.impressions END AS rate_impressions,
           CASE WHEN sp0.views > 0 THEN sp0.interactions / sp0.views END AS rate_views
    FROM sp0 LEFT JOIN (
      -- The ASOF join runs once per account and day, not once per post: it sorts its input, and 10M posts made that
      -- 17 s; the days with posts are a few hundred thousand at most.
      SELECT ad.account_id, ad.day, kk.followers
      FROM (SELECT DISTINCT account_id, day FROM sp0) ad ASOF LEFT JOIN known kk ON ad.account_id = kk.account_id AND ad.day >= kk.day
    ) k ON sp0.account_id = k.account_id AND sp0.day = k.day
  `
    ],
    ...((s.acrossRequests
      ? [
          [
            'kd_all',
            `
    SELECT ad.account_id, ad.day, kk.followers AS kf
    FROM (SELECT DISTINCT account_id, day FROM post_days) ad
    ASOF LEFT JOIN known_all kk ON ad.account_id = kk.account_id AND ad.day >= kk.day
  `
          ],
          // Every account-day of post_days with its follower count and rates, once per data (the join with kd_all
          // was most of each request's cost); the scope then only picks its accounts and days.
          ['pd_all', postDaysWithFollowers('kd_all')],
          // Each account's first and last day with data (posts by their local day), for outOfRange.
          [
            'spans_all',
            `
    SELECT account_id, min(d) AS first_day, max(d) AS last_day
    FROM (SELECT account_id, day AS d FROM post_days UNION ALL SELECT account_id, day FROM account_daily)
    GROUP BY account_id
  `
          ]
        ]
      : [
          [
            'kd',
            `
    SELECT ad.account_id, ad.day, kk.followers AS kf
    FROM (SELECT DISTINCT d.account_id, d.day FROM post_days d SEMI JOIN acc USING (account_id)
          WHERE d.day BETWEEN ${from} AND ${to}) ad
    ASOF LEFT JOIN known kk ON ad.account_id = kk.account_id AND ad.day >= kk.day
  `
          ]
        ]) as [string, string][]),
    [
      'spd',
      s.acrossRequests
        ? `SELECT acc.institution_id, acc.institution, acc.platform, acc.time_zone, r.*
    FROM pd_all r JOIN acc USING (account_id) WHERE r.day BETWEEN ${from} AND ${to}`
        : postDaysInScope(from, to)
    ],
    ['days', `SELECT CAST(unnest(generate_series(${from}, ${to}, INTERVAL 1 DAY)) AS DATE) AS day`],
    ...fdayParts(s, from, to),
    [
      'ifol',
      `
    SELECT institution_id, institution, platform, day,
           CASE WHEN count(followers) = count(*) THEN sum(followers) END AS followers
    FROM fday GROUP BY ALL
  `
    ],
    [
      'itot',
      `
    SELECT institution_id, institution, day,
           CASE WHEN count(followers) = count(*) THEN sum(followers) END AS followers
    FROM ifol GROUP BY ALL
  `
    ]
  ]
}

/**
 * The follower history (reported, gains, anchors, known; see scopeParts), per account: of the accounts in `acc`
 * with days up to `to`, or (both null) of every account and day. The names take the suffix `sfx`.
 */
function followerParts(acc: string | null, to: string | null, sfx: string): [string, string][] {
  const join = acc ? ` JOIN ${acc} USING (account_id)` : ''
  const upTo = to ? ` AND d.day <= ${to}` : ''
  return [
    [
      `reported${sfx}`,
      `
    SELECT d.account_id, d.day, d.followers FROM account_daily d${join}
    WHERE d.followers IS NOT NULL${upTo}
  `
    ],
    // Runs of consecutive days with a follows-gained figure; within a run, cum is the running net gain (gained minus
    // lost where the export gives unfollows). A day missing from the series ends the run: nothing is interpolated.
    [
      `gains${sfx}`,
      `
    SELECT *, sum(net) OVER (PARTITION BY account_id, run ORDER BY day) AS cum,
           min(day) OVER (PARTITION BY account_id, run) AS run_start
    FROM (
      SELECT d.account_id, d.day, d.followers_gained - coalesce(d.followers_lost, 0) AS net,
             d.day - CAST(row_number() OVER (PARTITION BY d.account_id ORDER BY d.day) AS INTEGER) AS run
      FROM account_daily d${join}
      WHERE d.followers_gained IS NOT NULL${upTo}
        AND d.account_id IN (SELECT account_id FROM reported${sfx}))
  `
    ],
    // A reported total anchors the run it falls in (followers at the end of its day include that day's gains) or the
    // run starting the day after it. base + cum is then the follower count on every day of the run, exactly.
    [
      `anchors${sfx}`,
      `
    SELECT g.account_id, g.run, r.day AS anchor_day, r.followers - g.cum AS base
    FROM reported${sfx} r JOIN gains${sfx} g ON g.account_id = r.account_id AND g.day = r.day
    UNION ALL
    SELECT g.account_id, g.run, r.day, r.followers
    FROM reported${sfx} r JOIN gains${sfx} g ON g.account_id = r.account_id AND g.day = r.day + 1 AND g.day = g.run_start
  `
    ],
    // known: follower snapshots, reported or derived (a day with a reported total keeps it). A derived day takes the
    // nearest anchor of its run, the earlier one on a tie, so two totals that disagree never blend.
    [
      `known${sfx}`,
      `
    SELECT account_id, day, followers, false AS derived FROM reported${sfx}
    UNION ALL
    SELECT g.account_id, g.day,
           CAST(arg_min(a.base, abs(a.anchor_day - g.day) * 2 + CAST(a.anchor_day > g.day AS INTEGER)) + g.cum AS BIGINT),
           true
    FROM gains${sfx} g JOIN anchors${sfx} a ON a.account_id = g.account_id AND a.run = g.run
    WHERE NOT EXISTS (SELECT 1 FROM reported${sfx} r WHERE r.account_id = g.account_id AND r.day = g.day)
    GROUP BY g.account_id, g.day, g.cum
  `
    ]
  ]
}

/**
 * fday: per account of the scope and day of the range, the carried-forward follower count (NULL across gaps longer
 * than maxGapDays). Where fday_all holds every day of the range (allDays), it is read from there: the ASOF join of
 * every account-day is made once per data (the dashboard session keeps it), not on every change of range or peers.
 */
function fdayParts(s: Scope, from: string, to: string): [string, string][] {
  const gap = (day: string, known: string) => `CASE WHEN ${day} - ${known} <= ${s.maxGapDays}`
  if (s.acrossRequests && s.allDays && s.allDays.from <= s.from && s.to <= s.allDays.to) {
    const allFrom = `DATE ${literal(s.allDays.from)}`
    const allTo = `DATE ${literal(s.allDays.to)}`
    return [
      [
        'fday_all',
        `
    SELECT g.account_id, g.day, k.day AS known_day, k.followers
    FROM (SELECT a.account_id, CAST(unnest(generate_series(${allFrom}, ${allTo}, INTERVAL 1 DAY)) AS DATE) AS day
          FROM (SELECT DISTINCT account_id FROM known_all) a) g
    ASOF LEFT JOIN known_all k ON g.account_id = k.account_id AND g.day >= k.day
  `
      ],
      [
        'fday',
        `
    SELECT acc.institution_id, acc.institution, acc.platform, f.account_id, f.day,
           ${gap('f.day', 'f.known_day')} THEN f.followers END AS followers
    FROM fday_all f JOIN acc USING (account_id) WHERE f.day BETWEEN ${from} AND ${to}
  `
      ]
    ]
  }
  return [
    [
      'fday',
      `
    SELECT g.institution_id, g.institution, g.platform, g.account_id, g.day,
           ${gap('g.day', 'k.day')} THEN k.followers END AS followers
    FROM (SELECT acc.*, days.day FROM acc CROSS JOIN days WHERE acc.account_id IN (SELECT account_id FROM known)) g
    ASOF LEFT JOIN known k ON g.account_id = k.account_id AND g.day >= k.day
  `
    ]
  ]
}

/**
 * spd: the post_days rows of the scope's accounts and days, with the follower count known on that day (kf, the same
 * ASOF lookup sp makes) and, per convention, the count, sum, sum of squares and maximum of the per-post rates. Posts
 * without their own followers-at-post are kept as interaction sums: divided by kf here, exactly where sp divides.
 */
function postDaysInScope(from: string, to: string): string {
  return `
    SELECT acc.institution_id, acc.institution, acc.platform, acc.time_zone, r.*
    FROM (${postDaysWithFollowers('kd')}) r JOIN acc USING (account_id)
    WHERE r.day BETWEEN ${from} AND ${to}
  `
}

/** post_days with kf from `kd` (account_id, day, kf) and the rate columns spd has (postDaysInScope). */
function postDaysWithFollowers(kd: string): string {
  const fap = `CASE WHEN k.kf > 0 THEN r.nofap_n ELSE 0 END`
  const byKf = (col: string, div: string) => `CASE WHEN k.kf > 0 AND r.nofap_n > 0 THEN r.${col} / ${div} END`
  return `
    SELECT r.* EXCLUDE (fap_n, fap_sum, fap_ss, fap_max, nofap_n, nofap_sum, nofap_ss, nofap_max), k.kf,
           r.fap_n + ${fap} AS rate_followers_at_post_n,
           coalesce(r.fap_sum, 0) + coalesce(${byKf('nofap_sum', 'k.kf')}, 0) AS rate_followers_at_post_sum,
           coalesce(r.fap_ss, 0) + coalesce(${byKf('nofap_ss', '(k.kf::DOUBLE * k.kf)')}, 0) AS rate_followers_at_post_ss,
           greatest(r.fap_max, ${byKf('nofap_max', 'k.kf')}) AS rate_followers_at_post_max,
           ${RATE_DENOMINATORS.map((d) => `r.${d}_n AS rate_${d}_n, coalesce(r.${d}_sum, 0) AS rate_${d}_sum, coalesce(r.${d}_ss, 0) AS rate_${d}_ss, r.${d}_max AS rate_${d}_max`).join(',\n           ')}
    FROM post_days r LEFT JOIN ${kd} k ON k.account_id = r.account_id AND k.day = r.day
  `
}

export function scopeCtes(s: Scope): string {
  return scopeParts(s)
    .map(([name, body]) => `${name} AS (${body})`)
    .join(',\n')
}

/**
 * WITH clause for a metric query: the scope CTEs, or nothing when the scope is already materialised as temp tables
 * on this connection (one benchmark request runs a dozen queries over the same scope; planning it once is cheaper).
 */
export function withScope(s: Scope, extra = ''): string {
  if (s.materialized) return extra ? `WITH ${extra}` : ''
  return `WITH ${scopeCtes(s)}${extra ? `,\n${extra}` : ''}`
}

/**
 * Create the scope's tables as TEMP tables on this connection (which must not be shared with other requests): those
 * of its post source (s.posts), not the other's.
 */
export async function materializeScope(conn: DuckDBConnection, s: Scope): Promise<Scope> {
  const skip = s.posts === 'days' ? ['sp0', 'sp'] : ['kd', 'kd_all', 'pd_all', 'spans_all', 'spd']
  for (const [name, body] of scopeParts(s).filter(([n]) => !skip.includes(n))) {
    // spd is a view: its rows are as wide as post_days, and writing them to a table cost more than every query
    // reading post_days again (npm run bench).
    const kind = name === 'spd' ? 'VIEW' : 'TABLE'
    await conn.run(
      `CREATE OR REPLACE TEMP ${kind} ${name} AS ${body.trim().startsWith('SELECT') ? body : `SELECT * FROM (${body})`}`
    )
  }
  return { ...s, materialized: true }
}
