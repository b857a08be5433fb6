/**
 * TikTok analytics "Followers"/audience downloads. Shapes:
 * - Studio FollowerHistory.csv ("Date","Followers","Difference in followers from previous day"): days without a
 *   year, like the Studio overview; followers = "Followers" ("undefined" before the account had any: NULL); the
 *   difference is net, so followers_gained stays NULL;
 * - the business download by day ("Date, New followers, Total followers, Reached audience, Engaged audience"):
 *   followers_gained = "New followers", followers = "Total followers" (often "--": NULL), reach = "Reached audience";
 * - breakdowns (FollowerGender "Gender", FollowerTopTerritories "Top territories", age, with "Distribution"; and
 *   FollowerActivity "Date","Hour","Active followers"): recognised and kept as a raw table with a warning, since
 *   audience breakdowns are not part of the benchmark model.
 * interactions: not applicable.
 */
import { literal } from '../../db/sql'
import { dayColumn } from '../dates/yearlessColumn'
import { hasColumns, normalizeHeader } from '../headers'
import { col } from '../parseSql'
import type { Recognizer } from '../types'
import { NO_ACCOUNTS, fixedAccountSql } from './fileAccount'
import {
  TIKTOK_DAY_FORMATS,
  hasTiktokColumns,
  tiktokAccount,
  tiktokAccountInName,
  tiktokColumn,
  tiktokCount
} from './tiktokCommon'

const BREAKDOWN_KEYS = [
  'gender',
  'age',
  'country',
  'countries',
  'territory',
  'territories',
  'top territories',
  'hour',
  'active hours'
]

const isActivityByHour = (columns: string[]) => hasColumns(columns, ['Date', 'Hour', 'Active followers'])

function isBreakdown(columns: string[]): boolean {
  const names = columns.map(normalizeHeader)
  if (isActivityByHour(columns)) return true
  return (
    names.length <= 4 &&
    BREAKDOWN_KEYS.includes(names[0]) &&
    names.some((n) => n === 'distribution' || n.endsWith('(%)') || n === 'percentage')
  )
}

export const tiktokAudience: Recognizer = {
  id: 'tiktok-audience',
  label: 'TikTok analytics followers / audience',
  platform: 'tiktok',
  needsAccount: true,
  accountInName: tiktokAccountInName,
  keptRaw: isBreakdown,
  detect: ({ columns }) =>
    (hasTiktokColumns(columns, ['date', 'newFollowers', 'totalFollowers']) &&
      !hasTiktokColumns(columns, ['videoViews'])) ||
    hasColumns(columns, ['Date', 'Followers', 'Difference in followers from previous day']) ||
    isBreakdown(columns),
  async normalize(ctx) {
    if (isBreakdown(ctx.columns)) {
      const by = isActivityByHour(ctx.columns) ? 'Hour' : ctx.columns[0]
      ctx.warn(
        `TikTok audience breakdown by "${by}" kept as a raw table: audience breakdowns are not part of the benchmark model.`
      )
      // Nothing canonical is written, so no account is needed (nor created).
      return { accounts: NO_ACCOUNTS }
    }
    const account = tiktokAccount(ctx)
    const accounts = fixedAccountSql(account, 'tiktok')
    const dateName = tiktokColumn(ctx.columns, 'date') as string
    const date = await dayColumn(ctx, dateName, col(dateName), { sequential: true, formats: TIKTOK_DAY_FORMATS })
    const c = (f: Parameters<typeof tiktokCount>[1]) => tiktokCount(ctx.columns, f)
    return {
      accounts,
      daily: `SELECT _row, ${date.reject} AS _reject,
          ${literal(account.id)} AS account_id, 'tiktok' AS platform, ${date.day} AS day,
          ${c('totalFollowers')} AS followers,
          ${c('newFollowers')} AS followers_gained,
          ${c('reach')} AS reach
        FROM ${date.from}`
    }
  }
}
