/**
 * TikTok analytics "Content" download, one row per video: Video title, Video link, Post time, Video views, Likes,
 * Comments, Shares, Add to Favorites. Post time "2025/10/31 18:19:10" or "7/24/2025 11:44 am" is local (read in
 * the import's zone). The video id and the account come from the link (tiktok.com/@handle/video/<id>).
 * interactions = likes + comments + shares (TikTok's engagement); saves = "Add to Favorites" (not in interactions).
 */
import { findColumn, hasColumns } from '../headers'
import { col, countSql, textSql, timestampSql } from '../parseSql'
import type { NormalizeContext, Recognizer } from '../types'
import { TIKTOK_TIME_FORMATS } from './tiktokCommon'

function count(ctx: NormalizeContext, ...names: string[]): string {
  const hit = findColumn(ctx.columns, ...names)
  return hit === null ? 'NULL' : countSql(col(hit))
}

export const tiktokVideo: Recognizer = {
  id: 'tiktok-video',
  label: 'TikTok analytics videos',
  platform: 'tiktok',
  detect: ({ columns }) => hasColumns(columns, ['Video title', 'Video link', 'Post time', 'Video views', 'Likes']),
  privacy: { text: ['Video title'] },
  normalize(ctx) {
    const link = col(findColumn(ctx.columns, 'Video link') as string)
    const handle = `regexp_extract(${link}, 'tiktok\\.com/@([^/?#]+)', 1)`
    const videoId = `nullif(regexp_extract(${link}, '/video/(\\d+)', 1), '')`
    const time = col(findColumn(ctx.columns, 'Post time') as string)
    const published = timestampSql(time, ctx.timeZoneSql, TIKTOK_TIME_FORMATS)
    const likes = count(ctx, 'Likes')
    const comments = count(ctx, 'Comments')
    const shares = count(ctx, 'Shares')
    return {
      accounts: `SELECT DISTINCT 'tiktok:' || lower(${handle}) AS account_id, 'tiktok' AS platform, ${handle} AS handle, NULL AS display_name
                 FROM ${ctx.raw} WHERE ${handle} <> ''`,
      posts: `SELECT _row,
          CASE WHEN ${videoId} IS NULL OR coalesce(${handle}, '') = '' THEN 'no video id or account in link "' || coalesce(${link}, '') || '"'
               WHEN ${published} IS NULL THEN 'unreadable post time "' || coalesce(${time}, '') || '"' END AS _reject,
          CASE WHEN ${handle} <> '' THEN 'tiktok:' || lower(${handle}) END AS account_id,
          'tiktok' AS platform,
          ${videoId} AS post_id,
          ${published} AS published_at,
          'video' AS post_type,
          ${col(findColumn(ctx.columns, 'Video title') as string)} AS text,
          ${textSql(link)} AS url,
          ${count(ctx, 'Video views')} AS views,
          ${likes} AS likes,
          ${comments} AS comments,
          ${shares} AS shares,
          ${count(ctx, 'Add to Favorites', 'Add to favorites', 'Favorites')} AS saves,
          ${likes} + ${comments} + ${shares} AS interactions
        FROM ${ctx.raw}`
    }
  }
}
