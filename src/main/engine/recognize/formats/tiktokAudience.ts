/**
 * TikTok analytics "Followers"/audience downloads. Two shapes:
 * - by day ("Date, New followers, Total followers, Reached audience, Engaged audience"): days get followers_gained =
 *   "New followers", followers = "Total followers" (often "--": NULL), reach = "Reached audience"; in the older
 *   "Date, Followers, Difference in followers from previous day" the difference is net, so followers_gained stays NULL;
 * - breakdowns (gender, age, territories, active hours: "Gender"/"Age"/"Country"... with "Distribution"): recognised
 *   and kept as a raw table with a warning, since audience breakdowns are not part of the benchmark model.
 * interactions: not applicable.
 */
import { literal } from '../../db/sql'
import { findColumn, hasColumns, normalizeHeader } from '../headers'
import { col, countSql, daySql } from '../parseSql'
import type { Recognizer } from '../types'
import { fixedAccountSql } from './fileAccount'
import { TIKTOK_DAY_FORMATS, tiktokAccount } from './tiktokCommon'

const BREAKDOWN_KEYS = ['gender', 'age', 'country', 'countries', 'territory', 'territories', 'top territories', 'hour', 'active hours']

function isBreakdown(columns: string[]): boolean {
  const names = columns.map(normalizeHeader)
  return names.length <= 4 && BREAKDOWN_KEYS.includes(names[0]) && names.some((n) => n === 'distribution' || n.endsWith('(%)') || n === 'percentage')
}

export const tiktokAudience: Recognizer = {
  id: 'tiktok-audience',
  label: 'TikTok analytics followers / audience',
  platform: 'tiktok',
  needsAccount: true,
  detect: ({ columns }) =>
    (hasColumns(columns, ['Date', 'New followers', 'Total followers']) && !hasColumns(columns, ['Video views'])) ||
    (hasColumns(columns, ['Date', 'Followers', 'Difference in followers from previous day'])) ||
    isBreakdown(columns),
  normalize(ctx) {
    const account = tiktokAccount(ctx)
    const accounts = fixedAccountSql(account, 'tiktok')
    if (isBreakdown(ctx.columns)) {
      ctx.warn(`TikTok audience breakdown by "${ctx.columns[0]}" kept as a raw table: audience breakdowns are not part of the benchmark model.`)
      return { accounts }
    }
    const c = (...names: string[]) => {
      const hit = findColumn(ctx.columns, ...names)
      return hit === null ? 'NULL' : countSql(col(hit))
    }
    const day = daySql(col('Date'), ctx.timeZoneSql, TIKTOK_DAY_FORMATS)
    return {
      accounts,
      daily: `SELECT _row,
          CASE WHEN ${day} IS NULL THEN 'unreadable date "' || coalesce(${col('Date')}, '') || '"' END AS _reject,
          ${literal(account.id)} AS account_id, 'tiktok' AS platform, ${day} AS day,
          ${c('Total followers', 'Followers')} AS followers,
          ${c('New followers')} AS followers_gained,
          ${c('Reached audience')} AS reach
        FROM ${ctx.raw}`
    }
  }
}
