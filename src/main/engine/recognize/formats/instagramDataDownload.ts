/**
 * Instagram's "Download your information" JSON: your_instagram_activity/content/posts_1.json (older downloads:
 * content/posts_1.json; 2024+: your_instagram_activity/media/posts_1.json), reels.json ({"ig_reels_media": [...]})
 * and stories.json ({"ig_stories": [...]}). A post is {"media": [{"uri", "creation_timestamp", "title"}, …]}; a
 * carousel puts its caption and time beside "media" ("title", "creation_timestamp"), a single photo inside its one
 * media item; a story is the media item itself. Times are unix seconds (UTC).
 * Quirks: Meta writes every string's UTF-8 bytes as if each were a Latin-1 character ("CafÃ©" for "Café", "ð\u009f\u0098\u008d"
 * for an emoji): undone here (utf8MojibakeSql). The download has no counts at all (no likes, comments, reach) and no
 * permalink: posts carry the cadence, the kind and the caption only. The post id is the first media file's name
 * (Instagram's media id, the same in every download). It names no account: the import's, else a handle in the file
 * name ("<handle>_posts_1.json"), else ACCOUNT_REQUIRED.
 */
import { literal } from '../../db/sql'
import { normalizeHeader } from '../headers'
import type { AccountInName, Recognizer } from '../types'
import { fileAccount, fixedAccountSql } from './fileAccount'

/**
 * Text whose UTF-8 bytes were written as Latin-1 characters, decoded again: only where every character is at most
 * U+00FF and a UTF-8 lead byte is followed by a continuation byte, and only when the bytes are valid UTF-8 (a real
 * "Ã©" typed by someone is left alone when it does not decode).
 */
export function utf8MojibakeSql(expr: string): string {
  const bytes = `unhex(array_to_string(list_transform(string_split(${expr}, ''), ch -> printf('%02X', unicode(ch))), ''))`
  return `(CASE WHEN regexp_matches(${expr}, '[\\x{C2}-\\x{F4}][\\x{80}-\\x{BF}]') AND NOT regexp_matches(${expr}, '[^\\x{00}-\\x{FF}]')
    THEN coalesce(TRY(decode(${bytes})), ${expr}) ELSE ${expr} END)`
}

const accountInName: AccountInName = ({ stem }) =>
  stem.replace(/[-_. ]?(posts|reels|stories)([-_ ]?\d+)?$/i, '') || null

/** The first row's media item (or the row itself, for a story), as JSON text from the sample. */
function looksLikeMedia(json: string | null | undefined): boolean {
  return !!json && json.includes('"uri"') && json.includes('creation_timestamp') && /media\//.test(json)
}

export const instagramDataDownload: Recognizer = {
  id: 'instagram-data-download',
  label: 'Instagram "Download your information" posts, reels or stories (JSON)',
  platform: 'instagram',
  needsAccount: true,
  accountInName,
  privacy: { text: ['title'] },
  detect: ({ columns, sample, format }) => {
    if (format !== 'json') return false
    const names = columns.map(normalizeHeader)
    const at = (name: string) => names.indexOf(name)
    const known = new Set([
      'media',
      'title',
      'creation_timestamp',
      'uri',
      'media_metadata',
      'cross_post_source',
      'dubbing_info',
      'backup_uri',
      'is_reposted'
    ])
    if (!names.every((n) => known.has(n))) return false
    const row = sample.find((r) => r.some((v) => v !== null)) ?? []
    if (at('media') >= 0) return looksLikeMedia(row[at('media')])
    // A story: the media item's own fields.
    return at('uri') >= 0 && at('creation_timestamp') >= 0 && /^media\/stories\//.test(row[at('uri')] ?? '')
  },
  normalize(ctx) {
    const account = fileAccount(ctx, 'instagram', accountInName)
    const rec = `to_json(r)`
    const f = (path: string) => `json_extract_string(${rec}, ${literal(`$.${path}`)})`
    const uri = `coalesce(${f('media[0].uri')}, ${f('uri')})`
    const seconds = `coalesce(TRY_CAST(${f('creation_timestamp')} AS BIGINT), TRY_CAST(${f('media[0].creation_timestamp')} AS BIGINT))`
    const caption = `coalesce(nullif(${f('title')}, ''), nullif(${f('media[0].title')}, ''))`
    const items = `coalesce(json_array_length(${rec}, '$.media'), 1)`
    return {
      accounts: fixedAccountSql(account, 'instagram'),
      posts: `SELECT _row,
          CASE WHEN published_at IS NULL THEN 'no creation_timestamp'
               WHEN post_id IS NULL THEN 'no media uri' END AS _reject,
          ${literal(account.id)} AS account_id, 'instagram' AS platform, post_id, published_at, post_type, text
        FROM (SELECT r._row AS _row,
            nullif(regexp_extract(${uri}, '([^/]+?)(\\.[A-Za-z0-9]+)?$', 1), '') AS post_id,
            to_timestamp(${seconds}) AS published_at,
            CASE WHEN ${uri} LIKE 'media/stories/%' THEN 'story'
                 WHEN ${uri} LIKE 'media/reels/%' THEN 'reel'
                 WHEN ${items} > 1 THEN 'carousel'
                 WHEN regexp_matches(lower(${uri}), '\\.(mp4|mov|m4v)$') THEN 'video'
                 ELSE 'photo' END AS post_type,
            ${utf8MojibakeSql(caption)} AS text
          FROM ${ctx.raw} AS r)`
    }
  }
}
