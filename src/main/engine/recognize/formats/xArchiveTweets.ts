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
import type { AccountInName, Recognizer } from '../types'
import { fileAccount, fixedAccountSql } from './fileAccount'

const FLAT = ['id_str', 'created_at', 'full_text', 'favorite_count', 'retweet_count']

function isWrapped(columns: string[]): boolean {
  return columns.length === 1 && normalizeHeader(columns[0]) === 'tweet'
}

/** "<handle>_tweets.js" names its account; the archive's own "tweets.js" does not (generic names are dropped). */
const archiveHandle: AccountInName = ({ stem }) => stem.replace(/[-_. ]?tweets?$/i, '') || null

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
    return FLAT.every((c) => set.has(c))
  },
  normalize(ctx) {
    const account = fileAccount(ctx, 'x', archiveHandle)
    // The record as JSON, whichever shape the archive has: fields that some tweets lack are then simply NULL.
    const rec = isWrapped(ctx.columns) ? `to_json(r.${ident(ctx.columns[0])})` : `to_json(r)`
    const f = (path: string) => `json_extract_string(${rec}, ${literal(`$.${path}`)})`
    const id = `coalesce(${f('id_str')}, ${f('id')})`
    const text = `coalesce(${f('full_text')}, ${f('text')})`
    const published = `try_strptime(${f('created_at')}, '%a %b %d %H:%M:%S %z %Y')`
    return {
      accounts: fixedAccountSql(account, 'x'),
      posts: `SELECT r._row AS _row,
          CASE WHEN ${published} IS NULL THEN 'unreadable created_at "' || coalesce(${f('created_at')}, '') || '"' END AS _reject,
          ${literal(account.id)} AS account_id, 'x' AS platform,
          ${id} AS post_id,
          ${published} AS published_at,
          CASE WHEN ${text} LIKE 'RT @%' THEN 'retweet'
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
