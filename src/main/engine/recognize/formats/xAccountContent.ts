/**
 * The newer X analytics (2024+) "content" CSV (account_analytics_content_<from>_<to>.csv): one row per post,
 * "Post id" a bare 19-digit integer (kept as text), "Date" = "Thu Mar 20 2025" (the day only, no time: published_at
 * is that day's midnight in the import's zone), header spellings vary ("Link"/"Post Link", "Share"/"Shares",
 * "Url clicks"/"URL Clicks") and so does the UI language (a Japanese download says ポストID, 日付, ポスト本文,
 * インプレッション数, ...): every name comes from X_SYNONYMS (recognize/synonyms.ts).
 * interactions = reposts + replies + likes (X's public engagement, as in x-tweet-activity); shares = reposts,
 * saves = bookmarks, clicks = URL clicks. X's "Share" (share via DM / copy link) stays in the raw table.
 * Account: the handle in the post link; a file without a link column (not seen in every language) takes the
 * import's account, else is refused with ACCOUNT_REQUIRED.
 */
import { literal } from '../../db/sql'
import { hasFields, resolveFields, type FieldTable } from '../fields'
import { countSql, textSql } from '../parseSql'
import { xNames } from '../synonyms'
import type { Recognizer } from '../types'
import { warnUnreadCounts } from '../unreadCounts'
import { fileAccount, fixedAccountSql } from './fileAccount'
import { xDayTimestampSql } from './xAccountOverview'

export const X_CONTENT_FIELDS = {
  post_id: { names: xNames('post_id'), required: true },
  date: { names: xNames('date'), required: true },
  text: { names: xNames('post_text'), required: true },
  link: { names: [...xNames('link'), 'Post link'] },
  impressions: { names: xNames('impressions'), required: true },
  likes: { names: xNames('likes'), required: true },
  replies: { names: xNames('replies'), required: true },
  reposts: { names: xNames('reposts'), required: true },
  bookmarks: { names: xNames('bookmarks') },
  clicks: { names: xNames('url_clicks') }
} satisfies FieldTable

export const xAccountContent: Recognizer = {
  id: 'x-account-content',
  label: 'X account content (per post)',
  platform: 'x',
  fields: X_CONTENT_FIELDS,
  detect: ({ columns }) =>
    hasFields(X_CONTENT_FIELDS, columns, ['post_id', 'date', 'text', 'impressions', 'likes', 'replies', 'reposts']),
  privacy: { text: X_CONTENT_FIELDS.text.names },
  async normalize(ctx) {
    const f = resolveFields(X_CONTENT_FIELDS, ctx.columns)
    await warnUnreadCounts(
      ctx,
      (['impressions', 'likes', 'replies', 'reposts', 'bookmarks', 'clicks'] as const).map((k) => f.column[k])
    )
    const count = (field: keyof typeof X_CONTENT_FIELDS) => (f.has(field) ? countSql(f.sql(field)) : 'NULL')
    const date = f.sql('date')
    const published = xDayTimestampSql(date, ctx.timeZoneSql)
    const text = f.sql('text')
    let accountId: string
    let accounts: string
    let noAccount = 'NULL'
    if (f.has('link')) {
      const link = f.sql('link')
      const handle = `regexp_extract(${link}, '(?:twitter|x)\\.com/([^/]+)/status', 1)`
      accountId = `CASE WHEN ${handle} <> '' THEN 'x:' || lower(${handle}) END`
      accounts = `SELECT DISTINCT 'x:' || lower(${handle}) AS account_id, 'x' AS platform, ${handle} AS handle, NULL AS display_name
                 FROM ${ctx.raw} WHERE ${handle} <> ''`
      noAccount = `CASE WHEN coalesce(${handle}, '') = '' THEN 'no account in link "' || coalesce(${link}, '') || '"' END`
    } else {
      const account = fileAccount(ctx, 'x')
      ctx.warn(`No post link column: every post was filed under the account chosen for the import, ${account.id}.`)
      accountId = literal(account.id)
      accounts = fixedAccountSql(account, 'x')
    }
    return {
      accounts,
      posts: `SELECT _row,
          CASE WHEN ${published} IS NULL THEN 'unreadable date "' || coalesce(${date}, '') || '"'
               ELSE ${noAccount} END AS _reject,
          ${accountId} AS account_id,
          'x' AS platform,
          ${textSql(f.sql('post_id'))} AS post_id,
          ${published} AS published_at,
          CASE WHEN ${text} LIKE 'RT @%' THEN 'retweet' WHEN ${text} LIKE '@%' THEN 'reply' ELSE 'tweet' END AS post_type,
          ${text} AS text,
          ${f.has('link') ? textSql(f.sql('link')) : 'NULL'} AS url,
          ${count('impressions')} AS impressions,
          ${count('likes')} AS likes,
          ${count('replies')} AS comments,
          ${count('reposts')} AS shares,
          ${count('bookmarks')} AS saves,
          ${count('clicks')} AS clicks,
          ${count('reposts')} + ${count('replies')} + ${count('likes')} AS interactions
        FROM ${ctx.raw}`
    }
  }
}
