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
import { col, countSql } from '../parseSql'
import type { NormalizeContext, Recognizer } from '../types'
import { fixedAccountSql } from './fileAccount'
import {
  TIKTOK_DAY_FORMATS,
  hasTiktokColumns,
  tiktokAccount,
  tiktokAccountInName,
  tiktokColumn,
  tiktokCount
} from './tiktokCommon'

/**
 * Studio's Overview (2025-26) added "New followers" without "Lost followers", and writes a day that lost followers
 * as "-4": the column is the net change there, not followers gained. Loaded as gained it would make every net
 * loss a negative gain, so when a value is negative the column stays raw and the import says why.
 */
async function newFollowersAreNet(ctx: NormalizeContext): Promise<boolean> {
  const name = tiktokColumn(ctx.columns, 'newFollowers')
  if (name === null || tiktokColumn(ctx.columns, 'lostFollowers') !== null) return false
  const r = await ctx.conn.runAndReadAll(
    `SELECT min(_row) AS row, count(*) AS n FROM ${ctx.raw} WHERE ${countSql(col(name))} < 0`
  )
  const { row, n } = r.getRowObjectsJson()[0] as { row: string | number | null; n: string | number }
  if (Number(n) === 0) return false
  ctx.warn(
    `"${name}" holds net changes (a negative value on row ${row}, and no "Lost followers" column), so it was kept in the raw table and not loaded as followers gained.`
  )
  return true
}

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
    const gained = (await newFollowersAreNet(ctx)) ? 'NULL' : c('newFollowers')
    return {
      accounts: fixedAccountSql(account, 'tiktok'),
      daily: `SELECT _row, ${date.reject} AS _reject,
          ${literal(account.id)} AS account_id, 'tiktok' AS platform, ${date.day} AS day,
          ${c('videoViews')} AS views,
          ${c('reach')} AS reach,
          ${c('profileViews')} AS profile_visits,
          ${gained} AS followers_gained,
          ${c('lostFollowers')} AS followers_lost
        FROM ${date.from}`
    }
  }
}
