/**
 * The newer X analytics (2024+) "account overview" CSV (account_overview_analytics.csv): one row per day, newest
 * first, "Date" = "Fri, Mar 21, 2025" (weekday prefix, quoted because of the commas). Header names in other UI
 * languages come from X_SYNONYMS (recognize/synonyms.ts); dates in other languages ("vie, 21 mar 2025",
 * "2025年3月21日") through wordDaySql, after the weekday is dropped. A date no shape fits rejects its row by value.
 * Rows do not name the account: the import's account, else a handle prefixed to the file name
 * ("<handle>_account_overview_analytics.csv").
 * Mapped: impressions, followers_gained = "New follows", followers_lost = "Unfollows", profile_visits,
 * views = "Video views". Likes, replies, reposts, bookmarks and shares per day stay in the raw table.
 * interactions: not applicable (daily account rows carry no interactions column).
 */
import { literal } from '../../db/sql'
import { wordDaySql } from '../dates/wordDate'
import { hasFields, resolveFields, type FieldTable } from '../fields'
import { countSql, daySql, timestampSql } from '../parseSql'
import { xNames } from '../synonyms'
import type { Recognizer } from '../types'
import { warnUnreadCounts } from '../unreadCounts'
import { captureIn, fileAccount, fixedAccountSql } from './fileAccount'

const overviewHandle = captureIn(/^(.+?)_account_overview_analytics/i)

export const X_DAY_FORMATS = ['%a, %b %d, %Y', '%a %b %d %Y', '%b %d, %Y', '%Y-%m-%d', '%m/%d/%Y']

/**
 * The value without its first word ("vie, 21 mar 2025" → "21 mar 2025"), tried only when the whole value read as
 * no date: "Mar 21, 2025" reads whole, so its month is never the word dropped.
 */
const withoutWeekday = (expr: string) => `regexp_replace(trim(${expr}), '^[^\\d\\s,]+\\.?,?\\s+', '')`

/**
 * The day of an X date: X's English shapes first, then a localised full date (wordDaySql) as written, then with a
 * leading weekday dropped. The English shapes win, so "Mar 21, 2025" is never re-read as another language's word.
 */
export function xDaySql(expr: string, tzSql: string): string {
  return `coalesce(${daySql(expr, tzSql, X_DAY_FORMATS)}, ${wordDaySql(expr)}, ${wordDaySql(withoutWeekday(expr))})`
}

/** The same as a timestamp: the day's midnight in the import's zone. */
export function xDayTimestampSql(expr: string, tzSql: string): string {
  return `coalesce(${timestampSql(expr, tzSql, X_DAY_FORMATS)}, timezone(${tzSql}, coalesce(${wordDaySql(expr)}, ${wordDaySql(withoutWeekday(expr))})::TIMESTAMP))`
}

export const X_OVERVIEW_FIELDS = {
  date: { names: xNames('date'), required: true },
  impressions: { names: xNames('impressions'), required: true },
  engagements: { names: xNames('engagements'), required: true },
  new_follows: { names: xNames('new_follows'), required: true },
  unfollows: { names: xNames('unfollows'), required: true },
  profile_visits: { names: xNames('profile_visits'), required: true },
  video_views: { names: xNames('video_views') }
} satisfies FieldTable

const POST_ID = { post_id: { names: xNames('post_id') } } satisfies FieldTable

export const xAccountOverview: Recognizer = {
  id: 'x-account-overview',
  label: 'X account overview (daily)',
  platform: 'x',
  needsAccount: true,
  accountInName: overviewHandle,
  fields: X_OVERVIEW_FIELDS,
  detect: ({ columns }) =>
    hasFields(X_OVERVIEW_FIELDS, columns, [
      'date',
      'impressions',
      'engagements',
      'new_follows',
      'unfollows',
      'profile_visits'
    ]) && !hasFields(POST_ID, columns, ['post_id']),
  async normalize(ctx) {
    const account = fileAccount(ctx, 'x', overviewHandle)
    const f = resolveFields(X_OVERVIEW_FIELDS, ctx.columns)
    await warnUnreadCounts(
      ctx,
      (['impressions', 'new_follows', 'unfollows', 'profile_visits', 'video_views'] as const).map((k) => f.column[k])
    )
    const date = f.sql('date')
    const day = xDaySql(date, ctx.timeZoneSql)
    return {
      accounts: fixedAccountSql(account, 'x'),
      daily: `SELECT _row,
          CASE WHEN ${day} IS NULL THEN 'unreadable date "' || coalesce(${date}, '') || '"' END AS _reject,
          ${literal(account.id)} AS account_id, 'x' AS platform, ${day} AS day,
          ${countSql(f.sql('impressions'))} AS impressions,
          ${countSql(f.sql('new_follows'))} AS followers_gained,
          ${countSql(f.sql('unfollows'))} AS followers_lost,
          ${countSql(f.sql('profile_visits'))} AS profile_visits,
          ${f.has('video_views') ? countSql(f.sql('video_views')) : 'NULL'} AS views
        FROM ${ctx.raw}`
    }
  }
}
