/**
 * X/Twitter Analytics "by day" export (daily_tweet_activity_metrics_<handle>_<from>_<to>_<lang>.csv): one row per
 * day of account totals, every field quoted, "Date" = "2021-12-01", integer counts, promoted columns "-".
 * Rows do not name the account: it comes from the import's account, else the handle in the file name.
 * Mapped: impressions, profile_visits (= "user profile clicks"). Not mapped: "follows" counts follows made from a
 * tweet, not the day's new followers, so followers_gained stays NULL rather than understating growth.
 * interactions: not applicable (daily account rows carry no interactions column).
 * Generations: "Tweets published" became "Posts published" with the 2023 rename (field table below).
 */
import { literal } from '../../db/sql'
import { hasFields, resolveFields } from '../fields'
import { countSql, daySql } from '../parseSql'
import { xClassicNames } from '../synonyms'
import type { Recognizer } from '../types'
import { captureIn, fileAccount, fixedAccountSql } from './fileAccount'
import { X_TWEET_ACTIVITY_FIELDS } from './xTweetActivity'

export const X_DAILY_FIELDS = {
  day: { names: xClassicNames('day'), required: true },
  published: { names: xClassicNames('published') },
  impressions: { names: xClassicNames('impressions'), required: true },
  engagements: { names: xClassicNames('engagements') },
  profile_visits: { names: xClassicNames('profile_clicks') }
}

const dailyHandle = captureIn(/daily_tweet_activity_metrics_(.+?)_\d{8}_\d{8}/i)

export const xDailyTweetActivity: Recognizer = {
  id: 'x-daily-tweet-activity',
  label: 'X (Twitter) daily tweet activity',
  platform: 'x',
  needsAccount: true,
  fields: X_DAILY_FIELDS,
  accountInName: dailyHandle,
  detect: ({ columns }) =>
    hasFields(X_DAILY_FIELDS, columns, ['day', 'published', 'impressions', 'engagements', 'profile_visits']) &&
    !hasFields(X_TWEET_ACTIVITY_FIELDS, columns, ['post_id']),
  normalize(ctx) {
    const f = resolveFields(X_DAILY_FIELDS, ctx.columns)
    const account = fileAccount(ctx, 'x', dailyHandle)
    const day = daySql(f.sql('day'), ctx.timeZoneSql)
    return {
      accounts: fixedAccountSql(account, 'x'),
      daily: `SELECT _row,
          CASE WHEN ${day} IS NULL THEN 'unreadable date "' || coalesce(${f.sql('day')}, '') || '"' END AS _reject,
          ${literal(account.id)} AS account_id, 'x' AS platform, ${day} AS day,
          ${countSql(f.sql('impressions'))} AS impressions,
          ${countSql(f.sql('profile_visits'))} AS profile_visits
        FROM ${ctx.raw}`
    }
  }
}
