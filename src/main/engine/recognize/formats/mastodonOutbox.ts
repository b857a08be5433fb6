/**
 * Mastodon / ActivityPub outbox.json: the archive's OrderedCollection (records in "orderedItems", which the JSON
 * import unnests) or a plain array of activities (e.g. outbox pages fetched from the public endpoint).
 * - "Create" wrapping a Note: a post. post_id = the Note's id (its URI), url = its "url", published_at = its
 *   "published" (UTC), text = "content" with the HTML removed, post_type 'reply' when "inReplyTo" is set, else 'post',
 *   language = the one key of its "contentMap" (the language the author chose; none when there are several).
 * - "Announce" (a boost of someone's post): post_type 'boost', post_id = the activity's own id (the boosted post
 *   belongs to another account), url = the boosted post, no text.
 * - other activities (Update, Delete, Like, ...): rejected with the type named, since they are not posts.
 * Counts: an outbox usually carries none; where a server includes "replies"/"likes"/"shares" collections with a
 * "totalItems", those fill comments/likes/shares, else they stay NULL.
 * interactions = likes (favourites) + shares (boosts) + comments (replies), NULL unless all three are present.
 * account = the activity's actor: https://host/users/name → 'mastodon:name@host'.
 * Privacy: the text lives inside the JSON "object", so text redaction does not reach the raw table here (known gap).
 */
import { postLanguageSql } from '../../canonical/postLanguage'
import { ident } from '../../db/sql'
import { normalizeHeader } from '../headers'
import { countSql } from '../parseSql'
import type { Recognizer } from '../types'

const ACTIVITY_TYPES = ['Create', 'Announce', 'Update', 'Delete', 'Like', 'Follow', 'Undo']

/** Note HTML to plain text: paragraphs and line breaks become newlines, tags go, common entities are decoded. */
export function htmlToTextSql(expr: string): string {
  let s = `regexp_replace(${expr}, '<br\\s*/?>', chr(10), 'gi')`
  s = `regexp_replace(${s}, '</p>\\s*<p[^>]*>', chr(10) || chr(10), 'gi')`
  s = `regexp_replace(${s}, '<[^>]*>', '', 'g')`
  for (const [entity, ch] of [
    ['&lt;', '<'],
    ['&gt;', '>'],
    ['&quot;', '"'],
    ['&#39;', "''"],
    ['&apos;', "''"],
    ['&nbsp;', ' ']
  ]) {
    s = `replace(${s}, '${entity}', '${ch}')`
  }
  return `nullif(trim(replace(${s}, '&amp;', '&')), '')`
}

export const mastodonOutbox: Recognizer = {
  id: 'mastodon-outbox',
  label: 'Mastodon outbox (ActivityPub)',
  platform: 'mastodon',
  detect: ({ columns, sample, format }) => {
    if (format !== 'json') return false
    const names = columns.map(normalizeHeader)
    const type = names.indexOf('type')
    if (type < 0 || !names.includes('actor') || !names.includes('object')) return false
    return sample.some((r) => ACTIVITY_TYPES.includes(String(r[type])))
  },
  async normalize(ctx) {
    const desc = (await ctx.conn.runAndReadAll(`DESCRIBE SELECT * FROM ${ctx.raw}`)).getRowObjectsJson() as {
      column_name: string
      column_type: string
    }[]
    const typeOf = (name: string) => desc.find((d) => normalizeHeader(d.column_name) === name)?.column_type ?? 'VARCHAR'
    const name = (n: string) => ident(desc.find((d) => normalizeHeader(d.column_name) === n)?.column_name ?? n)
    // "object" is JSON when Announce (a URL string) and Create (a Note) are mixed, a STRUCT when all are Notes,
    // VARCHAR if privacy rewrote it: bring every case to JSON.
    const objType = typeOf('object')
    const obj =
      objType === 'JSON'
        ? name('object')
        : objType.startsWith('STRUCT') || objType.startsWith('MAP')
          ? `to_json(${name('object')})`
          : `TRY_CAST(${name('object')} AS JSON)`
    const o = (path: string) => `json_extract_string(${obj}, '$.${path}')`
    const isNote = `json_type(${obj}) = 'OBJECT'`
    const type = `${name('type')}::VARCHAR`
    const actor = `${name('actor')}::VARCHAR`
    const host = `regexp_extract(${actor}, '^https?://([^/]+)/', 1)`
    const user = `regexp_extract(${actor}, '/(?:users/|@)([^/]+)/?$', 1)`
    const accountId = `CASE WHEN ${user} <> '' AND ${host} <> '' THEN 'mastodon:' || lower(${user} || '@' || ${host}) END`
    // ActivityPub times are UTC; a JSON read may already have typed them as TIMESTAMP (UTC, zone dropped).
    const utc = (e: string) =>
      `TRY_CAST(CASE WHEN regexp_matches(${e}, '(Z|[+-]\\d{2}:?\\d{2})$') THEN ${e} ELSE ${e} || '+00:00' END AS TIMESTAMPTZ)`
    const published = `CASE WHEN ${isNote} AND ${o('published')} IS NOT NULL THEN ${utc(o('published'))} ELSE ${utc(`${name('published')}::VARCHAR`)} END`
    const total = (k: string) => countSql(o(`${k}.totalItems`))
    // The Note's contentMap is keyed by the language the author chose; a post in several is in no one language.
    const languages = `json_keys(json_extract(${obj}, '$.contentMap'))`
    return {
      accounts: `SELECT DISTINCT ${accountId} AS account_id, 'mastodon' AS platform, ${user} || '@' || ${host} AS handle, NULL AS display_name
                 FROM ${ctx.raw} WHERE ${accountId} IS NOT NULL`,
      posts: `SELECT _row,
          CASE WHEN ${type} NOT IN ('Create', 'Announce') THEN 'activity type "' || coalesce(${type}, '') || '" is not a post'
               WHEN ${type} = 'Create' AND NOT ${isNote} THEN 'Create without an embedded object'
               WHEN ${accountId} IS NULL THEN 'unreadable actor "' || coalesce(${actor}, '') || '"'
               WHEN ${published} IS NULL THEN 'unreadable published time' END AS _reject,
          ${accountId} AS account_id,
          'mastodon' AS platform,
          CASE WHEN ${type} = 'Create' THEN coalesce(${o('id')}, ${o('url')}) ELSE ${name('id')}::VARCHAR END AS post_id,
          ${published} AS published_at,
          CASE WHEN ${type} = 'Announce' THEN 'boost' WHEN ${o('inReplyTo')} IS NOT NULL THEN 'reply' ELSE 'post' END AS post_type,
          CASE WHEN ${type} = 'Create' THEN ${htmlToTextSql(o('content'))} END AS text,
          CASE WHEN ${type} = 'Create' AND len(${languages}) = 1 THEN ${postLanguageSql(`${languages}[1]`)} END AS language,
          CASE WHEN ${isNote} THEN coalesce(${o('url')}, ${o('id')}) ELSE ${obj} ->> '$' END AS url,
          CASE WHEN ${type} = 'Create' THEN ${total('likes')} END AS likes,
          CASE WHEN ${type} = 'Create' THEN ${total('shares')} END AS shares,
          CASE WHEN ${type} = 'Create' THEN ${total('replies')} END AS comments,
          CASE WHEN ${type} = 'Create' THEN ${total('likes')} + ${total('shares')} + ${total('replies')} END AS interactions
        FROM ${ctx.raw}`
    }
  }
}
