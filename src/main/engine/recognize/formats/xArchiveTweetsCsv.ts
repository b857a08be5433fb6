/**
 * The legacy X/Twitter archive (2012-2018, "Your Twitter archive" with index.html): tweets.csv, one row per tweet,
 * every field quoted, "timestamp" = "2017-10-11 22:18:59 +0000". Two column orders were shipped: 2012-2013
 * `tweet_id, in_reply_to_status_id, in_reply_to_user_id, retweeted_status_id, retweeted_status_user_id, timestamp,
 * source, text, expanded_urls`, and from 2014 `…, timestamp, source, text, retweeted_status_id,
 * retweeted_status_user_id, retweeted_status_timestamp, expanded_urls`; columns are looked up by name.
 * Like tweets.js, it has no counts at all (no likes, retweets, replies or impressions): posts carry the cadence and
 * the text only. It does not name its account: the import's, else a handle in the file name, else ACCOUNT_REQUIRED.
 */
import { literal } from '../../db/sql'
import { hasFields, resolveFields, UnmappedFileError, type FieldTable } from '../fields'
import { textSql, timestampSql } from '../parseSql'
import type { AccountInName, Recognizer } from '../types'
import { fileAccount, fixedAccountSql } from './fileAccount'

export const X_ARCHIVE_CSV_FIELDS = {
  post_id: { names: ['tweet_id'], required: true },
  published_at: { names: ['timestamp'], required: true },
  text: { names: ['text'], required: true },
  in_reply_to: { names: ['in_reply_to_status_id'] },
  retweet_of: { names: ['retweeted_status_id'] },
  source: { names: ['source'] }
} satisfies FieldTable

/** "<handle>_tweets.csv" names its account; the archive's own "tweets.csv" does not (generic names are dropped). */
const archiveHandle: AccountInName = ({ stem }) => stem.replace(/[-_. ]?tweets?$/i, '') || null

export const xArchiveTweetsCsv: Recognizer = {
  id: 'x-archive-tweets-csv',
  label: 'X (Twitter) legacy archive tweets.csv',
  platform: 'x',
  needsAccount: true,
  accountInName: archiveHandle,
  fields: X_ARCHIVE_CSV_FIELDS,
  privacy: { text: X_ARCHIVE_CSV_FIELDS.text.names },
  // tweet_id, timestamp and text with either archive-only column: no analytics export has those names.
  detect: ({ columns }) =>
    hasFields(X_ARCHIVE_CSV_FIELDS, columns, ['post_id', 'published_at', 'text']) &&
    (hasFields(X_ARCHIVE_CSV_FIELDS, columns, ['in_reply_to']) ||
      hasFields(X_ARCHIVE_CSV_FIELDS, columns, ['retweet_of'])),
  normalize(ctx) {
    const f = resolveFields(X_ARCHIVE_CSV_FIELDS, ctx.columns)
    if (f.missing.length) throw new UnmappedFileError(f.missing)
    const account = fileAccount(ctx, 'x', archiveHandle)
    const id = textSql(f.sql('post_id'))
    const published = timestampSql(f.sql('published_at'), ctx.timeZoneSql)
    return {
      accounts: fixedAccountSql(account, 'x'),
      posts: `SELECT _row,
          CASE WHEN ${published} IS NULL THEN 'unreadable timestamp "' || coalesce(${f.sql('published_at')}, '') || '"'
               WHEN ${id} IS NULL THEN 'no tweet_id' END AS _reject,
          ${literal(account.id)} AS account_id, 'x' AS platform,
          ${id} AS post_id,
          ${published} AS published_at,
          CASE WHEN ${textSql(f.sql('retweet_of'))} IS NOT NULL OR ${f.sql('text')} LIKE 'RT @%' THEN 'retweet'
               WHEN ${textSql(f.sql('in_reply_to'))} IS NOT NULL THEN 'reply'
               ELSE 'tweet' END AS post_type,
          ${f.sql('text')} AS text,
          -- x.com/i/web/status/<id> opens any tweet without knowing its handle.
          'https://x.com/i/web/status/' || ${id} AS url
        FROM ${ctx.raw}`
    }
  }
}
