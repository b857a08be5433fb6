/**
 * TikTok analytics "Content" download, one row per video. Generations (docs/export-families.md, TikTok):
 * - business: Video title, Video link, Post time, Video views, Likes, Comments, Shares, Add to Favorites; post time
 *   "2025/10/31 18:19:10" or "7/24/2025 11:44 am", local (read in the import's zone); Swedish UI: Videotitel...;
 * - Studio 2025-26: "Time","Video title","Video link","Post time","Total likes","Total comments","Total shares",
 *   "Total views" (some with "Views in the last 7 days"), where Time is the download day and Post time a day
 *   without a year ("July 16", "10 января"): each is the latest such day not after the download day (Time,
 *   itself placed against the period end; dates/yearlessColumn.ts), at midnight in the import's zone.
 * The video id and the account come from the link (tiktok.com/@handle/video/<id>).
 * interactions = likes + comments + shares (TikTok's engagement); saves = "Add to Favorites" (not in interactions).
 */
import { dayColumn } from '../dates/yearlessColumn'
import { findColumn } from '../headers'
import { col, textSql, timestampSql } from '../parseSql'
import type { Recognizer } from '../types'
import { TIKTOK_TIME_FORMATS, hasTiktokColumns, tiktokColumn, tiktokCount } from './tiktokCommon'

export const tiktokVideo: Recognizer = {
  id: 'tiktok-video',
  label: 'TikTok analytics videos',
  platform: 'tiktok',
  detect: ({ columns }) => hasTiktokColumns(columns, ['videoTitle', 'videoLink', 'postTime', 'postViews', 'likes']),
  privacy: { text: ['Video title', 'Videotitel'] },
  async normalize(ctx) {
    const link = col(tiktokColumn(ctx.columns, 'videoLink') as string)
    const handle = `regexp_extract(${link}, 'tiktok\\.com/@([^/?#]+)', 1)`
    const videoId = `nullif(regexp_extract(${link}, '/video/(\\d+)', 1), '')`
    const timeName = tiktokColumn(ctx.columns, 'postTime') as string
    const time = col(timeName)
    const posted = await dayColumn(ctx, timeName, time, {
      sequential: false,
      formats: TIKTOK_TIME_FORMATS,
      downloadDay: findColumn(ctx.columns, 'Time')
    })
    // A yearless post day (`_yday` joined) is midnight in the import's zone; anything else is a full timestamp.
    const exact = timestampSql(time, ctx.timeZoneSql, TIKTOK_TIME_FORMATS)
    const published =
      posted.from === ctx.raw ? exact : `coalesce(timezone(${ctx.timeZoneSql}, CAST(_yday AS TIMESTAMP)), ${exact})`
    const c = (f: Parameters<typeof tiktokCount>[1]) => tiktokCount(ctx.columns, f)
    return {
      accounts: `SELECT DISTINCT 'tiktok:' || lower(${handle}) AS account_id, 'tiktok' AS platform, ${handle} AS handle, NULL AS display_name
                 FROM ${ctx.raw} WHERE ${handle} <> ''`,
      posts: `SELECT _row,
          CASE WHEN ${videoId} IS NULL OR coalesce(${handle}, '') = '' THEN 'no video id or account in link "' || coalesce(${link}, '') || '"'
               WHEN ${published} IS NULL THEN coalesce(${posted.reject}, 'unreadable post time "' || coalesce(${time}, '') || '"') END AS _reject,
          CASE WHEN ${handle} <> '' THEN 'tiktok:' || lower(${handle}) END AS account_id,
          'tiktok' AS platform,
          ${videoId} AS post_id,
          ${published} AS published_at,
          'video' AS post_type,
          ${col(tiktokColumn(ctx.columns, 'videoTitle') as string)} AS text,
          ${textSql(link)} AS url,
          ${c('postViews')} AS views,
          ${c('likes')} AS likes,
          ${c('comments')} AS comments,
          ${c('shares')} AS shares,
          ${c('favorites')} AS saves,
          ${c('likes')} + ${c('comments')} + ${c('shares')} AS interactions
        FROM ${posted.from}`
    }
  }
}
