/**
 * LinkedIn Page analytics "Content" metrics (the daily "Metrics" sheet of <page>_content_<ms>.xls, or a CSV of it):
 * one row per day with Impressions / Clicks / Reactions / Comments / Reposts / Engagement rate, each split
 * (organic) / (sponsored) / (total), and "Unique impressions (organic)".
 * Days: impressions = "Impressions (total)"; reach = "Unique impressions (organic)" only on days without sponsored
 * impressions (LinkedIn gives no unique count for sponsored ones, so otherwise reach would be understated: NULL).
 * Daily clicks, reactions, comments and reposts have no place in account_daily and stay in the raw table.
 * Columns a converter appended ("Total Engagement") are ignored.
 * interactions: not applicable (daily rows); per post it would be reactions + comments + reposts.
 */
import { literal } from '../../db/sql'
import { hasColumns } from '../headers'
import { col, countSql, daySql } from '../parseSql'
import type { Recognizer } from '../types'
import { fixedAccountSql } from './fileAccount'
import { LINKEDIN_DAY_FORMATS, linkedinAccount, linkedinAccountInName } from './linkedinCommon'

export const linkedinContent: Recognizer = {
  id: 'linkedin-content',
  label: 'LinkedIn Page content metrics (daily)',
  platform: 'linkedin',
  needsAccount: true,
  accountInName: linkedinAccountInName,
  detect: ({ columns }) =>
    hasColumns(columns, [
      'Date',
      'Impressions (organic)',
      'Impressions (total)',
      'Reactions (total)',
      'Comments (total)'
    ]),
  normalize(ctx) {
    const account = linkedinAccount(ctx)
    const day = daySql(col('Date'), ctx.timeZoneSql, LINKEDIN_DAY_FORMATS)
    const unique = hasColumns(ctx.columns, ['Unique impressions (organic)'])
      ? countSql(col('Unique impressions (organic)'))
      : 'NULL'
    const sponsored = hasColumns(ctx.columns, ['Impressions (sponsored)'])
      ? countSql(col('Impressions (sponsored)'))
      : 'NULL'
    return {
      accounts: fixedAccountSql(account, 'linkedin'),
      daily: `SELECT _row,
          CASE WHEN ${day} IS NULL THEN 'unreadable date "' || coalesce(${col('Date')}, '') || '"' END AS _reject,
          ${literal(account.id)} AS account_id, 'linkedin' AS platform, ${day} AS day,
          ${countSql(col('Impressions (total)'))} AS impressions,
          CASE WHEN ${sponsored} = 0 THEN ${unique} END AS reach
        FROM ${ctx.raw}`
    }
  }
}
