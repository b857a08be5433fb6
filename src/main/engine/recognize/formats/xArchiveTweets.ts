/**
 * The X/Twitter data archive's data/tweets.js (older archives: tweet.js): `window.YTD.tweets.part0 = [...]`, an
 * array of {"tweet": {...}} (very old archives: the tweet objects themselves). The import path strips the JS
 * prefix and reads the JSON array, so the raw table has one STRUCT column "tweet" (or the tweet's own fields).
 * Every number is a string ("favorite_count": "6"); created_at = "Wed Oct 10 20:19:24 +0000 2018" (UTC).
 * The archive does not name its account in tweets.js (account.js does): the import's account, else the file name.
 * Mapped: likes = favorite_count, shares = retweet_count, language = "lang" (X's guess: "und" and "qme" are none). The archive has no reply counts or impressions, so
 * comments, impressions and interactions (= retweets + replies + likes, as for X elsewhere) stay NULL.
 * Privacy: the text lives inside the JSON record, so text redaction does not reach the raw table here (known gap).
 */
import { postLanguageSql } from '../../canonical/postLanguage'
import { ident, literal } from '../../db/sql'
import { normalizeHeader } from '../headers'
import { countSql } from '../parseSql'
import type { AccountInName, NormalizeContext, Recognizer } from '../types'
import { accountNamedBy, chosenAccount, fileAccount, fixedAccountSql, type FileAccount } from './fileAccount'

const FLAT = ['id_str', 'created_at', 'full_text', 'favorite_count', 'retweet_count']
/** A Grailbird month file's tweet: the API v1.1 object of its day, without counts. */
const GRAILBIRD = ['id_str', 'created_at', 'text', 'user']

function isWrapped(columns: string[]): boolean {
  return columns.length === 1 && normalizeHeader(columns[0]) === 'tweet'
}

/** "<handle>_tweets.js" names its account; the archive's own "tweets.js" does not (generic names are dropped). */
const archiveHandle: AccountInName = ({ stem }) => stem.replace(/[-_. ]?tweets?$/i, '') || null

/**
 * The import's account, else a handle in the file name, else the one `user.screen_name` every tweet of a Grailbird
 * file carries (the archive owner's; a retweet's original author is inside retweeted_status), else ACCOUNT_REQUIRED.
 */
async function archiveAccount(ctx: NormalizeContext): Promise<FileAccount> {
  const user = ctx.columns.find((c) => normalizeHeader(c) === 'user')
  const named =
    chosenAccount(ctx.accountHint, 'x') ?? accountNamedBy(archiveHandle, ctx.fileName, ctx.folderName ?? null)
  if (named !== null || user === undefined) return fileAccount(ctx, 'x', archiveHandle)
  const rows = (
    await ctx.conn.runAndReadAll(
      `SELECT DISTINCT h FROM (SELECT json_extract_string(to_json(${ident(user)}), '$.screen_name') AS h FROM ${ctx.raw})
       WHERE h IS NOT NULL LIMIT 2`
    )
  ).getRowObjectsJson()
  if (rows.length !== 1) return fileAccount(ctx, 'x', archiveHandle)
  const handle = String(rows[0].h)
  return { id: `x:${handle.toLowerCase()}`, handle }
}

export const xArchiveTweets: Recognizer = {
  id: 'x-archive-tweets',
  label: 'X (Twitter) archive tweets.js',
  platform: 'x',
  needsAccount: true,
  accountInName: archiveHandle,
  detect: ({ columns, sample, format }) => {
    if (format !== 'json') return false
    if (isWrapped(columns)) {
      const first = sample.find((r) => r[0] !== null)?.[0] ?? ''
      return first.includes('"created_at"') && (first.includes('"id_str"') || first.includes('"id"'))
    }
    const set = new Set(columns.map(normalizeHeader))
    return FLAT.every((c) => set.has(c)) || GRAILBIRD.every((c) => set.has(c))
  },
  async normalize(ctx) {
    const account = await archiveAccount(ctx)
    // The record as JSON, whichever shape the archive has: fields that some tweets lack are then simply NULL.
    const rec = isWrapped(ctx.columns) ? `to_json(r.${ident(ctx.columns[0])})` : `to_json(r)`
    const f = (path: string) => `json_extract_string(${rec}, ${literal(`$.${path}`)})`
    const id = `coalesce(${f('id_str')}, ${f('id')})`
    const text = `coalesce(${f('full_text')}, ${f('text')})`
    // "Wed Oct 10 20:19:24 +0000 2018" since 2019; "2015-01-24 02:02:37 +0000" in Grailbird month files.
    const published = `try_strptime(${f('created_at')}, ['%a %b %d %H:%M:%S %z %Y', '%Y-%m-%d %H:%M:%S %z'])`
    return {
      accounts: fixedAccountSql(account, 'x'),
      posts: `SELECT r._row AS _row,
          CASE WHEN ${published} IS NULL THEN 'unreadable created_at "' || coalesce(${f('created_at')}, '') || '"' END AS _reject,
          ${literal(account.id)} AS account_id, 'x' AS platform,
          ${id} AS post_id,
          ${published} AS published_at,
          CASE WHEN ${text} LIKE 'RT @%' OR json_extract_string(${rec}, '$.retweeted_status.id_str') IS NOT NULL THEN 'retweet'
               WHEN coalesce(${f('in_reply_to_status_id_str')}, ${f('in_reply_to_status_id')}) IS NOT NULL THEN 'reply'
               ELSE 'tweet' END AS post_type,
          ${text} AS text,
          ${postLanguageSql(f('lang'))} AS language,
          -- x.com/i/web/status/<id> opens any tweet without knowing its handle (the file name may not give it).
          'https://x.com/i/web/status/' || ${id} AS url,
          ${countSql(f('favorite_count'))} AS likes,
          ${countSql(f('retweet_count'))} AS shares
        FROM ${ctx.raw} AS r`
    }
  }
}
