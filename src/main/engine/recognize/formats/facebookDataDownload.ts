/**
 * Facebook's "Download your information" JSON: your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json
 * (older downloads: posts/your_posts_1.json, profile_posts_1.json): an array of posts
 * {"timestamp": <unix s>, "data": [{"post": <text>}, {"update_timestamp": …}], "attachments": [{"data": [{"media":
 * {…}} | {"external_context": {"url"}} …]}], "title": "<Page> shared a link."}. Strings are Meta's Latin-1 rendering
 * of UTF-8 ("CafÃ©"), decoded as for Instagram (utf8MojibakeSql). No counts, no permalink and no post id: the id is
 * "ts:<timestamp>" (one Page does not post twice in one second), so a re-import updates instead of duplicating.
 * The account is the import's, else a handle in the file name, else ACCOUNT_REQUIRED.
 */
import { literal } from '../../db/sql'
import { normalizeHeader } from '../headers'
import type { AccountInName, Recognizer } from '../types'
import { fileAccount, fixedAccountSql } from './fileAccount'
import { utf8MojibakeSql } from './instagramDataDownload'

const COLUMNS = new Set(['timestamp', 'data', 'attachments', 'title', 'tags', 'event'])

const accountInName: AccountInName = ({ stem }) =>
  stem.replace(/[-_. ]?(your_posts(__check_ins__photos_and_videos)?|profile_posts)([-_ ]?\d+)?$/i, '') || null

export const facebookDataDownload: Recognizer = {
  id: 'facebook-data-download',
  label: 'Facebook "Download your information" posts (JSON)',
  platform: 'facebook',
  needsAccount: true,
  accountInName,
  privacy: { text: ['data'] },
  detect: ({ columns, sample, format }) => {
    if (format !== 'json') return false
    const names = columns.map(normalizeHeader)
    if (!names.includes('timestamp') || !names.includes('data') || !names.every((n) => COLUMNS.has(n))) return false
    const t = names.indexOf('timestamp')
    const d = names.indexOf('data')
    const rows = sample.filter((r) => r[t] !== null)
    return (
      rows.length > 0 &&
      rows.every((r) => /^\d{9,10}$/.test(r[t] ?? '')) &&
      rows.some((r) => (r[d] ?? '').includes('"post"'))
    )
  },
  normalize(ctx) {
    const account = fileAccount(ctx, 'facebook', accountInName)
    const rec = `to_json(r)`
    const seconds = `TRY_CAST(json_extract_string(${rec}, '$.timestamp') AS BIGINT)`
    // The text is the "post" entry of "data", wherever it is in the list. Every row's JSON has every key the file
    // has somewhere (null where absent), so an attachment kind is a key followed by an object.
    const post = `list_filter(list_transform(json_extract_string(${rec}, '$.data[*].post'), x -> nullif(x, '')), x -> x IS NOT NULL)[1]`
    const attachments = `CAST(json_extract(${rec}, '$.attachments') AS VARCHAR)`
    return {
      accounts: fixedAccountSql(account, 'facebook'),
      posts: `SELECT _row, CASE WHEN published_at IS NULL THEN 'no timestamp' END AS _reject,
          ${literal(account.id)} AS account_id, 'facebook' AS platform,
          'ts:' || CAST(seconds AS VARCHAR) AS post_id, published_at, post_type, text
        FROM (SELECT r._row AS _row, ${seconds} AS seconds, to_timestamp(${seconds}) AS published_at,
            CASE WHEN regexp_matches(lower(coalesce(${attachments}, '')), '"uri":"[^"]*\\.(mp4|mov)"') THEN 'video'
                 WHEN contains(coalesce(${attachments}, ''), '"media":{') THEN 'photo'
                 WHEN contains(coalesce(${attachments}, ''), '"external_context":{') THEN 'link'
                 ELSE 'text' END AS post_type,
            ${utf8MojibakeSql(post)} AS text
          FROM ${ctx.raw} AS r)`
    }
  }
}
