/**
 * TikTok analytics "Overview" download: one row per day with Video views, Profile views, Likes, Comments, Shares
 * (and in Business/Studio downloads Reached audience, Net growth, New/Lost followers, "Phone number clicks " with a
 * trailing space). "NAN" marks values not yet available (NULL). Dates "2025/10/31" or "02-01-2025" (MM-DD-YYYY).
 * Days: views = "Video views", reach = "Reached audience", profile_visits = "Profile views",
 * followers_gained / followers_lost = "New followers" / "Lost followers". Daily likes, comments and shares stay raw.
 * interactions: not applicable (daily rows).
 */
import { literal } from '../../db/sql'
import { findColumn, hasColumns } from '../headers'
import { col, countSql, daySql } from '../parseSql'
import type { NormalizeContext, Recognizer } from '../types'
import { fixedAccountSql } from './fileAccount'
import { TIKTOK_DAY_FORMATS, tiktokAccount } from './tiktokCommon'

function count(ctx: NormalizeContext, ...names: string[]): string {
  const hit = findColumn(ctx.columns, ...names)
  return hit === null ? 'NULL' : countSql(col(hit))
}

export const tiktokOverview: Recognizer = {
  id: 'tiktok-overview',
  label: 'TikTok analytics overview (daily)',
  platform: 'tiktok',
  needsAccount: true,
  detect: ({ columns }) => hasColumns(columns, ['Date', 'Video views', 'Profile views', 'Likes', 'Comments', 'Shares']),
  normalize(ctx) {
    const account = tiktokAccount(ctx)
    const day = daySql(col('Date'), ctx.timeZoneSql, TIKTOK_DAY_FORMATS)
    return {
      accounts: fixedAccountSql(account, 'tiktok'),
      daily: `SELECT _row,
          CASE WHEN ${day} IS NULL THEN 'unreadable date "' || coalesce(${col('Date')}, '') || '"' END AS _reject,
          ${literal(account.id)} AS account_id, 'tiktok' AS platform, ${day} AS day,
          ${count(ctx, 'Video views')} AS views,
          ${count(ctx, 'Reached audience')} AS reach,
          ${count(ctx, 'Profile views')} AS profile_visits,
          ${count(ctx, 'New followers')} AS followers_gained,
          ${count(ctx, 'Lost followers')} AS followers_lost
        FROM ${ctx.raw}`
    }
  }
}
