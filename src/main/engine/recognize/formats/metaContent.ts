/**
 * Meta Business Suite content exports (<from>_<to>_<id>.csv), one row per post, metrics are lifetime totals ("Date" is
 * literally "Lifetime"). UTF-8 with BOM, multi-line captions, "Publish time" = "02/16/2025 05:14" (MM/DD/YYYY HH:MM,
 * no zone: read in the import's zone). Three schemas:
 *
 * - Facebook Page posts ("Post ID","Page ID","Page name",Title,Description,...): account 'facebook:<Page ID>'.
 *   views = "Views" (the first one: one export has the column twice, DuckDB names the second Views_1),
 *   impressions = "Impressions", reach = "Reach", reactions/comments/shares, clicks = "Link Clicks".
 *   interactions = reactions + comments + shares (Meta's own "Reactions, Comments and Shares" when the parts are
 *   missing). likes = NULL: Facebook reports reactions, of which likes are one kind.
 * - Instagram posts via Meta ("Post ID","Account ID","Account username",...,Likes,Shares,Comments,Saves):
 *   account 'instagram:<lower-case username>'. interactions = likes + comments + shares + saves (Instagram's
 *   "interactions" as Meta defines it). "Follows" (follows gained from a post) has no posts column: raw table only.
 * - Facebook video insights ("Video asset ID","Universal video ID","Page ID",...): post_id = the video asset id,
 *   views = "3-second video views", reach, reactions/comments/shares; interactions as for Facebook posts.
 *   The retention-curve columns stay in the raw table. (A video also exported as a post keeps two ids.)
 *
 * The account the user chooses for the import overrides the one in the file. A row without a post id is
 * rejected with Meta's own "Data comment" ("An error occurred while computing metadata ...") as the reason.
 */
import type { Platform } from '../../../../shared/types'
import { literal } from '../../db/sql'
import { hasFields, resolveFields, type FieldTable } from '../fields'
import { col, countSql, LOCAL_FORMATS, textSql, timestampSql } from '../parseSql'
import { metaNames } from '../synonyms'
import type { NormalizeContext, NormalizeOutput, Recognizer } from '../types'
import { warnUnreadCounts } from '../unreadCounts'
import { chosenMetaHandle, warnSpreadsheetErrors } from './metaCommon'

const names = (...concepts: Parameters<typeof metaNames>[0][]) => concepts.flatMap((c) => metaNames(c))

/** What all three schemas share, in every UI language (recognize/synonyms.ts). */
const COMMON = {
  published_at: { names: names('publish_time'), required: true },
  date: { names: names('date') },
  data_comment: { names: names('data_comment') },
  url: { names: names('permalink') },
  post_type: { names: names('post_type') },
  impressions: { names: names('impressions') },
  reach: { names: names('reach') },
  likes: { names: names('likes') },
  comments: { names: names('comments') },
  shares: { names: names('shares') },
  saves: { names: names('saves') },
  reactions: { names: names('reactions') },
  reactions_comments_shares: { names: names('reactions_comments_shares') },
  clicks: { names: names('link_clicks') }
} satisfies FieldTable

export const META_FACEBOOK_POST_FIELDS = {
  ...COMMON,
  post_id: { names: names('post_id'), required: true },
  account_key: { names: names('page_id'), required: true },
  display_name: { names: names('page_name') },
  title: { names: names('title') },
  text: { names: names('description') },
  views: { names: names('views') }
} satisfies FieldTable

export const META_INSTAGRAM_POST_FIELDS = {
  ...COMMON,
  post_id: { names: names('post_id'), required: true },
  account_id: { names: names('account_id') },
  account_key: { names: names('account_username'), required: true },
  display_name: { names: names('account_name') },
  text: { names: names('description') },
  views: { names: names('views') }
} satisfies FieldTable

export const META_VIDEO_FIELDS = {
  ...COMMON,
  post_id: { names: ['Video asset ID'], required: true },
  account_key: { names: names('page_id'), required: true },
  display_name: { names: names('page_name') },
  text: { names: names('title') },
  views: { names: ['3-second video views'] }
} satisfies FieldTable

type ContentFields = typeof META_FACEBOOK_POST_FIELDS | typeof META_INSTAGRAM_POST_FIELDS | typeof META_VIDEO_FIELDS

interface Schema {
  platform: Platform
  fields: ContentFields
  video: boolean
}

/** The fields read with countSql: a cell none of its shapes fits is reported, not silently empty. */
const COUNT_FIELDS = [
  'impressions',
  'reach',
  'views',
  'likes',
  'comments',
  'shares',
  'saves',
  'reactions',
  'reactions_comments_shares',
  'clicks'
]

const FACEBOOK: Schema = { platform: 'facebook', fields: META_FACEBOOK_POST_FIELDS, video: false }
const INSTAGRAM: Schema = { platform: 'instagram', fields: META_INSTAGRAM_POST_FIELDS, video: false }
const VIDEO: Schema = { platform: 'facebook', fields: META_VIDEO_FIELDS, video: true }

/** The same formats with day and month swapped ("%m/%d/%Y" → "%d/%m/%Y"). */
const DAY_FIRST_FORMATS = LOCAL_FORMATS.map((f) => f.replace('%m/%d/%Y', '%d/%m/%Y'))

/**
 * Meta writes "Publish time" month first ("02/16/2025 05:14") in every UI language seen (a pt-BR reader parses it
 * with %m/%d/%Y). A column whose first number goes over 12 while the second never does is day first (a spreadsheet
 * re-save in a day-first locale): then every value of it is read day first, not only the ones that cannot be
 * month first, and the import says so. A column with both (no order fits every value) keeps month first, and the
 * values that do not fit are rejected with their text.
 */
async function publishOrder(ctx: NormalizeContext, column: string | null): Promise<'month-first' | 'day-first'> {
  if (!column) return 'month-first'
  const v = `trim(${col(column)})`
  const row = (
    await ctx.conn.runAndReadAll(
      `SELECT bool_or(TRY_CAST(regexp_extract(${v}, '^(\\d{1,2})/', 1) AS INT) > 12) AS a,
              bool_or(TRY_CAST(regexp_extract(${v}, '^\\d{1,2}/(\\d{1,2})/', 1) AS INT) > 12) AS b
       FROM ${ctx.raw} WHERE regexp_matches(${v}, '^\\d{1,2}/\\d{1,2}/\\d{4}')`
    )
  ).getRowObjectsJson()[0] as { a: boolean | null; b: boolean | null }
  if (row.a && !row.b) {
    ctx.warn(
      `Column "${column}": some dates have a first number over 12 ("13/02/2025"), so the column was read day first (DD/MM/YYYY) throughout.`
    )
    return 'day-first'
  }
  return 'month-first'
}

function normalizer(s: Schema) {
  return async (ctx: NormalizeContext): Promise<NormalizeOutput> => {
    const { raw, columns, timeZoneSql } = ctx
    await warnSpreadsheetErrors(ctx)
    const f = resolveFields(s.fields as FieldTable, columns)
    await warnUnreadCounts(
      ctx,
      COUNT_FIELDS.map((k) => f.column[k] ?? null)
    )
    const c = (field: string) => f.sql(field)
    const n = (field: string) => countSql(c(field))
    // An Instagram account chosen for a Facebook file (or the other way round) is not this file's account.
    const hint = chosenMetaHandle(ctx.accountHint, s.platform)
    const key = hint ? literal(hint) : textSql(c('account_key'))
    const accountId = `${literal(`${s.platform}:`)} || lower(${key})`
    const text =
      s.fields === META_FACEBOOK_POST_FIELDS
        ? `coalesce(${textSql(c('text'))}, ${textSql(c('title'))})`
        : textSql(c('text'))
    const order = await publishOrder(ctx, f.column.published_at)
    const published = timestampSql(
      c('published_at'),
      timeZoneSql,
      order === 'day-first' ? DAY_FIRST_FORMATS : LOCAL_FORMATS
    )
    const publishName = literal(f.column.published_at ?? 'Publish time')
    const postIdName = literal(f.column.post_id ?? 'Post ID')
    const interactions =
      s.platform === 'instagram'
        ? `${n('likes')} + ${n('comments')} + ${n('shares')} + ${n('saves')}`
        : `coalesce(${n('reactions')} + ${n('comments')} + ${n('shares')}, ${n('reactions_comments_shares')})`
    return {
      accounts: `SELECT DISTINCT ${accountId} AS account_id, ${literal(s.platform)} AS platform, ${key} AS handle,
          ${textSql(c('display_name'))} AS display_name
        FROM ${raw} WHERE ${key} IS NOT NULL`,
      posts: `SELECT _row,
          CASE WHEN ${textSql(c('post_id'))} IS NULL
                 THEN 'no ' || ${postIdName} || coalesce(': ' || ${textSql(c('data_comment'))}, '')
               WHEN ${published} IS NULL AND ${textSql(c('published_at'))} IS NOT NULL
                 THEN 'unreadable ' || ${publishName} || ' "' || ${c('published_at')} || '"' END AS _reject,
          CASE WHEN ${key} IS NOT NULL THEN ${accountId} END AS account_id,
          ${literal(s.platform)} AS platform,
          ${textSql(c('post_id'))} AS post_id,
          ${published} AS published_at,
          ${s.video ? `'video'` : textSql(c('post_type'))} AS post_type,
          ${text} AS text,
          ${textSql(c('url'))} AS url,
          ${n('impressions')} AS impressions,
          ${n('reach')} AS reach,
          ${n('views')} AS views,
          ${n('likes')} AS likes,
          ${n('comments')} AS comments,
          ${n('shares')} AS shares,
          ${n('saves')} AS saves,
          ${n('reactions')} AS reactions,
          ${n('clicks')} AS clicks,
          ${interactions} AS interactions
        FROM ${raw}`
    }
  }
}

/** Every content file has a publish time and the "Date" ("Lifetime") column, under any language's name. */
const base = (cols: string[]) => hasFields(COMMON, cols, ['published_at', 'date'])
const textColumns = (fields: ContentFields, ...keys: ('text' | 'title')[]) =>
  keys.flatMap((k) => (k in fields ? (fields as Record<string, { names: string[] }>)[k].names : []))

export const metaFacebookPosts: Recognizer = {
  id: 'meta-business-suite-posts',
  label: 'Meta Business Suite Facebook posts',
  platform: 'facebook',
  fields: META_FACEBOOK_POST_FIELDS,
  detect: ({ columns }) =>
    base(columns) && hasFields(META_FACEBOOK_POST_FIELDS, columns, ['post_id', 'account_key', 'display_name', 'url']),
  privacy: { text: textColumns(META_FACEBOOK_POST_FIELDS, 'text', 'title') },
  normalize: normalizer(FACEBOOK)
}

export const metaInstagramPosts: Recognizer = {
  id: 'meta-business-suite-instagram-posts',
  label: 'Meta Business Suite Instagram posts',
  platform: 'instagram',
  fields: META_INSTAGRAM_POST_FIELDS,
  detect: ({ columns }) =>
    base(columns) && hasFields(META_INSTAGRAM_POST_FIELDS, columns, ['post_id', 'account_id', 'account_key', 'url']),
  privacy: { text: textColumns(META_INSTAGRAM_POST_FIELDS, 'text') },
  normalize: normalizer(INSTAGRAM)
}

export const metaFacebookVideos: Recognizer = {
  id: 'meta-business-suite-videos',
  label: 'Meta Business Suite Facebook video insights',
  platform: 'facebook',
  fields: META_VIDEO_FIELDS,
  detect: ({ columns }) => base(columns) && hasFields(META_VIDEO_FIELDS, columns, ['post_id', 'account_key', 'views']),
  privacy: { text: textColumns(META_VIDEO_FIELDS, 'text') },
  normalize: normalizer(VIDEO)
}
