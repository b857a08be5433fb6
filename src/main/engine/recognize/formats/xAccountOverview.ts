/**
 * The newer X analytics (2024+) "account overview" CSV (account_overview_analytics.csv): one row per day, newest
 * first, "Date" = "Fri, Mar 21, 2025" (weekday prefix, quoted because of the commas).
 * Rows do not name the account: the import's account, else a handle prefixed to the file name
 * ("<handle>_account_overview_analytics.csv").
 * Mapped: impressions, followers_gained = "New follows", followers_lost = "Unfollows", profile_visits,
 * views = "Video views". Likes, replies, reposts, bookmarks and shares per day stay in the raw table.
 * interactions: not applicable (daily account rows carry no interactions column).
 */
import { literal } from '../../db/sql'
import { hasColumns } from '../headers'
import { col, countSql, daySql } from '../parseSql'
import type { Recognizer } from '../types'
import { captureIn, fileAccount, fixedAccountSql } from './fileAccount'

const overviewHandle = captureIn(/^(.+?)_account_overview_analytics/i)

export const X_DAY_FORMATS = ['%a, %b %d, %Y', '%a %b %d %Y', '%b %d, %Y', '%Y-%m-%d', '%m/%d/%Y']

export const xAccountOverview: Recognizer = {
  id: 'x-account-overview',
  label: 'X account overview (daily)',
  platform: 'x',
  needsAccount: true,
  accountInName: overviewHandle,
  detect: ({ columns }) =>
    hasColumns(columns, ['Date', 'Impressions', 'Engagements', 'New follows', 'Unfollows', 'Profile visits']) &&
    !hasColumns(columns, ['Post id']),
  normalize(ctx) {
    const account = fileAccount(ctx, 'x', overviewHandle)
    const day = daySql(col('Date'), ctx.timeZoneSql, X_DAY_FORMATS)
    const has = (c: string) => hasColumns(ctx.columns, [c])
    return {
      accounts: fixedAccountSql(account, 'x'),
      daily: `SELECT _row,
          CASE WHEN ${day} IS NULL THEN 'unreadable date "' || coalesce(${col('Date')}, '') || '"' END AS _reject,
          ${literal(account.id)} AS account_id, 'x' AS platform, ${day} AS day,
          ${countSql(col('Impressions'))} AS impressions,
          ${countSql(col('New follows'))} AS followers_gained,
          ${countSql(col('Unfollows'))} AS followers_lost,
          ${countSql(col('Profile visits'))} AS profile_visits,
          ${has('Video views') ? countSql(col('Video views')) : 'NULL'} AS views
        FROM ${ctx.raw}`
    }
  }
}
