/**
 * LinkedIn Page analytics "Followers" (the "New followers" sheet of <page>_followers_<ms>.xls, or a CSV of it): one
 * row per day with Sponsored / Organic / Auto-invited followers and "Total followers", which is the day's NEW
 * followers (their sum), not the cumulative count: it maps to followers_gained, and followers stays NULL.
 * Columns a converter appended (e.g. "Cumulative Followers", "Followers 7d Avg") are ignored: they are derived,
 * not LinkedIn's numbers. Rows do not name the page: the import's account, else "<page>_followers..." in the name.
 * interactions: not applicable (daily rows).
 */
import { literal } from '../../db/sql'
import { hasColumns } from '../headers'
import { col, countSql, daySql } from '../parseSql'
import type { Recognizer } from '../types'
import { fixedAccountSql } from './fileAccount'
import { LINKEDIN_DAY_FORMATS, linkedinAccount, linkedinAccountInName } from './linkedinCommon'

export const linkedinFollowers: Recognizer = {
  id: 'linkedin-followers',
  label: 'LinkedIn Page followers (daily)',
  platform: 'linkedin',
  needsAccount: true,
  accountInName: linkedinAccountInName,
  detect: ({ columns }) => hasColumns(columns, ['Date', 'Sponsored followers', 'Organic followers', 'Total followers']),
  normalize(ctx) {
    const account = linkedinAccount(ctx)
    const day = daySql(col('Date'), ctx.timeZoneSql, LINKEDIN_DAY_FORMATS)
    return {
      accounts: fixedAccountSql(account, 'linkedin'),
      daily: `SELECT _row,
          CASE WHEN ${day} IS NULL THEN 'unreadable date "' || coalesce(${col('Date')}, '') || '"' END AS _reject,
          ${literal(account.id)} AS account_id, 'linkedin' AS platform, ${day} AS day,
          ${countSql(col('Total followers'))} AS followers_gained
        FROM ${ctx.raw}`
    }
  }
}
