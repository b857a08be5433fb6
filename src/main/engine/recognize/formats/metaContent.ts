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
import { findColumn, hasColumns } from '../headers'
import { col, countSql, textSql, timestampSql } from '../parseSql'
import type { NormalizeContext, NormalizeOutput, Recognizer } from '../types'
import { chosenMetaHandle, warnSpreadsheetErrors } from './metaCommon'

interface Schema {
  platform: Platform
  postId: string
  /** Column holding the account key (Page ID / Account username). */
  accountKey: string
  displayName: string
  text: string[]
}

const FACEBOOK: Schema = {
  platform: 'facebook',
  postId: 'Post ID',
  accountKey: 'Page ID',
  displayName: 'Page name',
  text: ['Description', 'Title']
}
const INSTAGRAM: Schema = {
  platform: 'instagram',
  postId: 'Post ID',
  accountKey: 'Account username',
  displayName: 'Account name',
  text: ['Description']
}
const VIDEO: Schema = {
  platform: 'facebook',
  postId: 'Video asset ID',
  accountKey: 'Page ID',
  displayName: 'Page name',
  text: ['Title']
}

function normalizer(s: Schema) {
  return async (ctx: NormalizeContext): Promise<NormalizeOutput> => {
    const { raw, columns, timeZoneSql } = ctx
    await warnSpreadsheetErrors(ctx)
    const c = (...names: string[]) => {
      const hit = findColumn(columns, ...names)
      return hit ? col(hit) : 'CAST(NULL AS VARCHAR)'
    }
    const n = (...names: string[]) => countSql(c(...names))
    // An Instagram account chosen for a Facebook file (or the other way round) is not this file's account.
    const hint = chosenMetaHandle(ctx.accountHint, s.platform)
    const key = hint ? literal(hint) : textSql(c(s.accountKey))
    const accountId = `${literal(`${s.platform}:`)} || lower(${key})`
    const text = s.text.map((t) => textSql(c(t)))
    const published = timestampSql(c('Publish time'), timeZoneSql)
    const interactions =
      s.platform === 'instagram'
        ? `${n('Likes')} + ${n('Comments')} + ${n('Shares')} + ${n('Saves')}`
        : `coalesce(${n('Reactions')} + ${n('Comments')} + ${n('Shares')}, ${n('Reactions, Comments and Shares')})`
    return {
      accounts: `SELECT DISTINCT ${accountId} AS account_id, ${literal(s.platform)} AS platform, ${key} AS handle,
          ${textSql(c(s.displayName))} AS display_name
        FROM ${raw} WHERE ${key} IS NOT NULL`,
      posts: `SELECT _row,
          CASE WHEN ${textSql(c(s.postId))} IS NULL
                 THEN 'no ${s.postId}' || coalesce(': ' || ${textSql(c('Data comment'))}, '')
               WHEN ${published} IS NULL AND ${textSql(c('Publish time'))} IS NOT NULL
                 THEN 'unreadable Publish time "' || ${c('Publish time')} || '"' END AS _reject,
          CASE WHEN ${key} IS NOT NULL THEN ${accountId} END AS account_id,
          ${literal(s.platform)} AS platform,
          ${textSql(c(s.postId))} AS post_id,
          ${published} AS published_at,
          ${s === VIDEO ? `'video'` : textSql(c('Post type'))} AS post_type,
          ${text.length > 1 ? `coalesce(${text.join(', ')})` : text[0]} AS text,
          ${textSql(c('Permalink'))} AS url,
          ${n('Impressions')} AS impressions,
          ${n('Reach')} AS reach,
          ${s === VIDEO ? n('3-second video views') : n('Views')} AS views,
          ${n('Likes')} AS likes,
          ${n('Comments')} AS comments,
          ${n('Shares')} AS shares,
          ${n('Saves')} AS saves,
          ${n('Reactions')} AS reactions,
          ${n('Link Clicks')} AS clicks,
          ${interactions} AS interactions
        FROM ${raw}`
    }
  }
}

const base = (cols: string[]) => hasColumns(cols, ['Publish time', 'Data comment', 'Date'])

export const metaFacebookPosts: Recognizer = {
  id: 'meta-business-suite-posts',
  label: 'Meta Business Suite Facebook posts',
  platform: 'facebook',
  detect: ({ columns }) => base(columns) && hasColumns(columns, ['Post ID', 'Page ID', 'Page name', 'Permalink']),
  privacy: { text: FACEBOOK.text },
  normalize: normalizer(FACEBOOK)
}

export const metaInstagramPosts: Recognizer = {
  id: 'meta-business-suite-instagram-posts',
  label: 'Meta Business Suite Instagram posts',
  platform: 'instagram',
  detect: ({ columns }) =>
    base(columns) && hasColumns(columns, ['Post ID', 'Account ID', 'Account username', 'Permalink']),
  privacy: { text: INSTAGRAM.text },
  normalize: normalizer(INSTAGRAM)
}

export const metaFacebookVideos: Recognizer = {
  id: 'meta-business-suite-videos',
  label: 'Meta Business Suite Facebook video insights',
  platform: 'facebook',
  detect: ({ columns }) => base(columns) && hasColumns(columns, ['Video asset ID', 'Page ID', '3-second video views']),
  privacy: { text: VIDEO.text },
  normalize: normalizer(VIDEO)
}
