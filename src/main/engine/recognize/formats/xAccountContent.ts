/**
 * The newer X analytics (2024+) "content" CSV (account_analytics_content_<from>_<to>.csv): one row per post,
 * "Post id" a bare 19-digit integer (kept as text), "Date" = "Thu Mar 20 2025" (the day only, no time: published_at
 * is that day's midnight in the import's zone), header spellings vary ("Link"/"Post Link", "Share"/"Shares",
 * "Url clicks"/"URL Clicks"), so columns are looked up case-insensitively among the known spellings.
 * interactions = reposts + replies + likes (X's public engagement, as in x-tweet-activity); shares = reposts,
 * saves = bookmarks, clicks = URL clicks. X's "Share" (share via DM / copy link) stays in the raw table.
 */
import { findColumn, hasColumns } from '../headers'
import { col, countSql, textSql, timestampSql } from '../parseSql'
import type { Recognizer } from '../types'
import { X_DAY_FORMATS } from './xAccountOverview'

export const xAccountContent: Recognizer = {
  id: 'x-account-content',
  label: 'X account content (per post)',
  platform: 'x',
  detect: ({ columns }) =>
    hasColumns(columns, ['Post id', 'Date', 'Post text', 'Impressions', 'Likes', 'Replies', 'Reposts']) &&
    findColumn(columns, 'Link', 'Post Link', 'Post link') !== null,
  privacy: { text: ['Post text'] },
  normalize(ctx) {
    const c = (...names: string[]) => {
      const hit = findColumn(ctx.columns, ...names)
      return hit === null ? null : col(hit)
    }
    const count = (...names: string[]) => {
      const e = c(...names)
      return e === null ? 'NULL' : countSql(e)
    }
    const link = c('Link', 'Post Link', 'Post link') as string
    const handleRe = `'(?:twitter|x)\\.com/([^/]+)/status'`
    const handle = `regexp_extract(${link}, ${handleRe}, 1)`
    const published = timestampSql(c('Date') as string, ctx.timeZoneSql, X_DAY_FORMATS)
    const text = c('Post text') as string
    return {
      accounts: `SELECT DISTINCT 'x:' || lower(${handle}) AS account_id, 'x' AS platform, ${handle} AS handle, NULL AS display_name
                 FROM ${ctx.raw} WHERE ${handle} <> ''`,
      posts: `SELECT _row,
          CASE WHEN ${published} IS NULL THEN 'unreadable date "' || coalesce(${c('Date')}, '') || '"'
               WHEN coalesce(${handle}, '') = '' THEN 'no account in link "' || coalesce(${link}, '') || '"' END AS _reject,
          CASE WHEN ${handle} <> '' THEN 'x:' || lower(${handle}) END AS account_id,
          'x' AS platform,
          ${textSql(c('Post id') as string)} AS post_id,
          ${published} AS published_at,
          CASE WHEN ${text} LIKE 'RT @%' THEN 'retweet' WHEN ${text} LIKE '@%' THEN 'reply' ELSE 'tweet' END AS post_type,
          ${text} AS text,
          ${textSql(link)} AS url,
          ${count('Impressions')} AS impressions,
          ${count('Likes')} AS likes,
          ${count('Replies')} AS comments,
          ${count('Reposts')} AS shares,
          ${count('Bookmarks')} AS saves,
          ${count('Url clicks', 'URL Clicks', 'Link clicks')} AS clicks,
          ${count('Reposts')} + ${count('Replies')} + ${count('Likes')} AS interactions
        FROM ${ctx.raw}`
    }
  }
}
