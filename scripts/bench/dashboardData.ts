/**
 * Item 4-6 data, written straight into a workspace's canonical tables by SQL (no import): 20 institutions x 5
 * platforms, 5 years of daily followers (with a few short gaps), `posts` posts spread evenly over the five years,
 * plus grid datasets (a `ds_` table and its catalogue row). Integer-hash values: the same workspace every run.
 */
import type { Database } from '../../src/main/engine/db/duckdb'
import { rebuildPostDays } from '../../src/main/engine/canonical/postDays'

export const INSTITUTIONS = 20
export const BENCH_PLATFORMS = ['x', 'facebook', 'instagram', 'youtube', 'linkedin'] as const
export const FROM = '2020-01-01'
export const DAYS = 5 * 365
const COLORS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
  '#999999',
  '#882255'
]

const h = (expr: string, salt: number, mod: number) =>
  `((${expr} * 2654435761 + ${salt * 40503}) % 4294967296 % ${mod})`

/** `days`: the span of follower history and posts (5 years; bench --quick uses one). */
export async function generateDashboardData(db: Database, posts: number, days = DAYS): Promise<void> {
  const platforms = BENCH_PLATFORMS.map((p, i) => `('${p}', ${i})`).join(', ')
  const step = Math.max(1, Math.floor((days * 86_400) / posts))
  await db.write(async (c) => {
    await c.run(`INSERT INTO institutions (institution_id, name, color, kind)
      SELECT n, 'Bench Institution ' || lpad(n::VARCHAR, 2, '0'), [${COLORS.map((x) => `'${x}'`).join(', ')}][(n - 1) % ${COLORS.length} + 1], 'hospital'
      FROM range(1, ${INSTITUTIONS + 1}) t(n)`)
    await c.run(`INSERT INTO accounts (account_id, institution_id, platform, handle, display_name, time_zone)
      SELECT p.name || ':bench' || n, n, p.name, 'bench' || n, 'Bench Institution ' || n,
             CASE n % 3 WHEN 0 THEN 'UTC' WHEN 1 THEN 'America/New_York' ELSE 'Europe/Berlin' END
      FROM range(1, ${INSTITUTIONS + 1}) t(n), (VALUES ${platforms}) p(name, k)`)
    // Followers grow per account; about 1 day in 40 has no snapshot, so carry-forward and gaps are exercised.
    await c.run(`INSERT INTO account_daily (account_id, platform, day, followers, followers_gained, import_id)
      SELECT a.account_id, a.platform, DATE '${FROM}' + d::INTEGER, 1000 * a.institution_id + 10 * d + ${h('d', 1, 50)}, ${h('d', 2, 30)}, 0
      FROM accounts a, range(${days}) t(d)
      WHERE ${h('d + a.institution_id * 7', 3, 40)} <> 0`)
    // Post i belongs to account i % 100; facebook posts carry their own followers-at-post (as CrowdTangle does).
    await c.run(`INSERT INTO posts (account_id, platform, post_id, published_at, post_type, text, url, impressions, reach, views,
                                    likes, comments, shares, interactions, followers_at_post, import_id)
      SELECT a.account_id, a.platform, 'p' || i, TIMESTAMPTZ '${FROM} 00:00:00+00' + to_seconds(i * ${step}),
             CASE ${h('i', 4, 3)} WHEN 0 THEN 'photo' WHEN 1 THEN 'video' ELSE 'link' END,
             'Bench post ' || i, 'https://example.org/p/' || i,
             ${h('i', 5, 50000)} + 100, ${h('i', 6, 30000)} + 50, CASE WHEN ${h('i', 4, 3)} = 1 THEN ${h('i', 7, 90000)} END,
             ${h('i', 8, 2000)}, ${h('i', 9, 300)}, ${h('i', 10, 200)}, ${h('i', 11, 2500)},
             CASE WHEN a.platform = 'facebook' THEN 1000 * a.institution_id + (i * ${step}) // 8640 END, 0
      FROM range(${posts}) t(i)
      JOIN (SELECT account_id, platform, institution_id, row_number() OVER (ORDER BY account_id) - 1 AS k FROM accounts) a
        ON a.k = i % ${INSTITUTIONS * BENCH_PLATFORMS.length}`)
    // Written by SQL, not by an import: the dashboard's day sums are built as an import would.
    await rebuildPostDays(c)
  })
}

/** A grid dataset of `rows` rows as the import would leave it: a ds_<id> table and its catalogue row. */
export async function generateGridDataset(db: Database, id: number, rows: number, name: string): Promise<void> {
  await db.write(async (c) => {
    await c.run(`CREATE TABLE ds_${id} AS
      SELECT i AS row_id, 'Bench post ' || i AS text, TIMESTAMP '2020-01-01' + to_seconds(i) AS created,
             ${h('i', 1, 100000)} AS likes, ${h('i', 2, 5000)} AS comments, 'https://example.org/p/' || i AS url
      FROM range(${rows}) t(i)`)
    await c.run(
      `INSERT INTO datasets (id, name, table_name, file_name, source_path, format, row_count, size_bytes, sha256, settings, warnings)
       VALUES ($1, $2, $3, $4, '/bench', 'csv', $5, 0, $6, '{}', '[]')`,
      [id, name, `ds_${id}`, `${name}.csv`, rows, `bench-${id}`]
    )
  })
}
