/**
 * TikTok analytics "Overview" download: one row per day. Two generations (docs/export-families.md, TikTok):
 * - Studio: "Date","Video Views","Profile Views","Likes","Comments","Shares" (some with "New followers"), every
 *   field quoted, days WITHOUT a year in the UI language ("April 12", "12 April", "8 de marzo", "28 апреля"),
 *   oldest first, ending the day before the download: placed in time by dates/yearlessColumn.ts;
 * - business overview: adds Reached audience, Net growth, New/Lost followers, "Phone number clicks " (trailing
 *   space); "NAN" marks values not yet available; dates "2025/10/31" or "02-01-2025" (MM-DD-YYYY); a Swedish UI
 *   translates its headers ("Datum", "Videovisningar"...).
 * Days: views = video views, reach = reached audience, profile_visits = profile views,
 * followers_gained / followers_lost = new / lost followers. Daily likes, comments and shares stay raw.
 * interactions: not applicable (daily rows).
 */
import { literal } from '../../db/sql'
import { dayColumn } from '../dates/yearlessColumn'
import { col } from '../parseSql'
import type { Recognizer } from '../types'
import { fixedAccountSql } from './fileAccount'
import {
  TIKTOK_DAY_FORMATS,
  hasTiktokColumns,
  tiktokAccount,
  tiktokAccountInName,
  tiktokColumn,
  tiktokCount
} from './tiktokCommon'

export const tiktokOverview: Recognizer = {
  id: 'tiktok-overview',
  label: 'TikTok analytics overview (daily)',
  platform: 'tiktok',
  needsAccount: true,
  accountInName: tiktokAccountInName,
  detect: ({ columns }) =>
    hasTiktokColumns(columns, ['date', 'videoViews', 'profileViews', 'likes', 'comments', 'shares']),
  async normalize(ctx) {
    const account = tiktokAccount(ctx)
    const dateName = tiktokColumn(ctx.columns, 'date') as string
    const date = await dayColumn(ctx, dateName, col(dateName), { sequential: true, formats: TIKTOK_DAY_FORMATS })
    const c = (f: Parameters<typeof tiktokCount>[1]) => tiktokCount(ctx.columns, f)
    return {
      accounts: fixedAccountSql(account, 'tiktok'),
      daily: `SELECT _row, ${date.reject} AS _reject,
          ${literal(account.id)} AS account_id, 'tiktok' AS platform, ${date.day} AS day,
          ${c('videoViews')} AS views,
          ${c('reach')} AS reach,
          ${c('profileViews')} AS profile_visits,
          ${c('newFollowers')} AS followers_gained,
          ${c('lostFollowers')} AS followers_lost
        FROM ${date.from}`
    }
  }
}
