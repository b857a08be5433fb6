/**
 * TikTok Studio "Viewers" download (Viewers.csv, sometimes only .xlsx): "Date","Total Viewers","New Viewers",
 * "Returning Viewers", one row per day without a year (like the Studio overview), "undefined" where TikTok has no
 * figure yet. Total viewers are the day's unique viewers of the account's videos: reach (the business overview
 * calls the same figure "Reached audience"). New and returning viewers stay raw.
 * interactions: not applicable (daily rows).
 */
import { literal } from '../../db/sql'
import { dayColumn } from '../dates/yearlessColumn'
import { hasColumns } from '../headers'
import { col } from '../parseSql'
import type { Recognizer } from '../types'
import { fixedAccountSql } from './fileAccount'
import { TIKTOK_DAY_FORMATS, tiktokAccount, tiktokColumn, tiktokCount } from './tiktokCommon'

export const tiktokViewers: Recognizer = {
  id: 'tiktok-viewers',
  label: 'TikTok Studio viewers (daily)',
  platform: 'tiktok',
  needsAccount: true,
  detect: ({ columns }) => hasColumns(columns, ['Date', 'Total Viewers', 'New Viewers', 'Returning Viewers']),
  async normalize(ctx) {
    const account = tiktokAccount(ctx)
    const dateName = tiktokColumn(ctx.columns, 'date') as string
    const date = await dayColumn(ctx, dateName, col(dateName), { sequential: true, formats: TIKTOK_DAY_FORMATS })
    return {
      accounts: fixedAccountSql(account, 'tiktok'),
      daily: `SELECT _row, ${date.reject} AS _reject,
          ${literal(account.id)} AS account_id, 'tiktok' AS platform, ${date.day} AS day,
          ${tiktokCount(ctx.columns, 'totalViewers')} AS reach
        FROM ${date.from}`
    }
  }
}
