/**
 * A large X "tweet activity" export, written by DuckDB's COPY in a second or two, so the crash tests have an import
 * that takes long enough to be killed in the middle. The header is the real export's, so the import goes through
 * recognition into the canonical posts table (the part a half-finished import could corrupt).
 */
import { DuckDBInstance } from '@duckdb/node-api'

const COLUMNS = [
  'Tweet id',
  'Tweet permalink',
  'Tweet text',
  'time',
  'impressions',
  'engagements',
  'engagement rate',
  'retweets',
  'replies',
  'likes',
  'user profile clicks',
  'url clicks',
  'hashtag clicks',
  'detail expands',
  'permalink clicks',
  'app opens',
  'app installs',
  'follows',
  'email tweet',
  'dial phone',
  'media views',
  'media engagements'
]

/**
 * Write `rows` tweets of handle `handle` to `path`. Ids start at `firstId` so two files never share a post.
 * Deterministic: the same arguments give the same bytes.
 */
export async function writeTweetActivityCsv(
  path: string,
  rows: number,
  handle: string,
  firstId = 1_000_000_000_000_000_000n
): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:')
  const conn = await instance.connect()
  try {
    const n = (expr: string) => `printf('%.1f', (${expr})::DOUBLE)`
    const select = `SELECT
        (${firstId}::HUGEINT + i)::VARCHAR AS "Tweet id",
        'https://twitter.com/${handle}/status/' || (${firstId}::HUGEINT + i)::VARCHAR AS "Tweet permalink",
        'Post number ' || i || ': flu shots, "quoted" words, commas, and
a second line' AS "Tweet text",
        strftime(TIMESTAMP '2020-01-01' + to_minutes(i::BIGINT), '%Y-%m-%d %H:%M +0000') AS "time",
        ${n('(i * 7919) % 50000')} AS impressions, ${n('(i * 31) % 900')} AS engagements,
        printf('%.6f', ((i * 31) % 900) / 50000.0) AS "engagement rate",
        ${n('i % 17')} AS retweets, ${n('i % 5')} AS replies, ${n('i % 101')} AS likes,
        ${n('i % 3')} AS "user profile clicks", ${n('i % 7')} AS "url clicks", '0.0' AS "hashtag clicks",
        ${n('i % 11')} AS "detail expands", '0.0' AS "permalink clicks", '0' AS "app opens", '0' AS "app installs",
        '0' AS follows, '0' AS "email tweet", '0' AS "dial phone", (i % 400)::VARCHAR AS "media views", '0' AS "media engagements"
      FROM range(${rows}) t(i)`
    // Every field quoted, as X writes them; the header row is COPY's own (the aliases above, in COLUMNS order).
    await conn.run(`COPY (${select}) TO '${path.replace(/'/g, "''")}' (HEADER, DELIMITER ',', FORCE_QUOTE *)`)
  } finally {
    conn.closeSync()
    instance.closeSync()
  }
}

export const TWEET_ACTIVITY_COLUMNS = COLUMNS
