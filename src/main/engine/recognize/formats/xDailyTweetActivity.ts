/**
 * X/Twitter Analytics "by day" export (daily_tweet_activity_metrics_<handle>_<from>_<to>_<lang>.csv): one row per
 * day of account totals, every field quoted, "Date" = "2021-12-01", integer counts, promoted columns "-".
 * Rows do not name the account: it comes from the import's account, else the handle in the file name.
 * Mapped: impressions, profile_visits (= "user profile clicks"). Not mapped: "follows" counts follows made from a
 * tweet, not the day's new followers, so followers_gained stays NULL rather than understating growth.
 * interactions: not applicable (daily account rows carry no interactions column).
 */
import { literal } from '../../db/sql'
import { hasColumns } from '../headers'
import { col, countSql, daySql } from '../parseSql'
import type { Recognizer } from '../types'
import { captureIn, fileAccount, fixedAccountSql } from './fileAccount'

export const xDailyTweetActivity: Recognizer = {
  id: 'x-daily-tweet-activity',
  label: 'X (Twitter) daily tweet activity',
  platform: 'x',
  needsAccount: true,
  detect: ({ columns }) =>
    hasColumns(columns, ['Date', 'Tweets published', 'impressions', 'engagements', 'user profile clicks']) &&
    !hasColumns(columns, ['Tweet id']),
  normalize(ctx) {
    const account = fileAccount(ctx, 'x', captureIn(/daily_tweet_activity_metrics_(.+?)_\d{8}_\d{8}/i))
    const day = daySql(col('Date'), ctx.timeZoneSql)
    return {
      accounts: fixedAccountSql(account, 'x'),
      daily: `SELECT _row,
          CASE WHEN ${day} IS NULL THEN 'unreadable date "' || coalesce(${col('Date')}, '') || '"' END AS _reject,
          ${literal(account.id)} AS account_id, 'x' AS platform, ${day} AS day,
          ${countSql(col('impressions'))} AS impressions,
          ${countSql(col('user profile clicks'))} AS profile_visits
        FROM ${ctx.raw}`
    }
  }
}
