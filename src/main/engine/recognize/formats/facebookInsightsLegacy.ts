/**
 * Facebook Page Insights exports of 2012-2018 ("Export Data" on the old Insights page), CSV or .xlsx (sheet "Key
 * Metrics", plus one sheet per breakdown). Two levels:
 *
 * - Post level, "Facebook Insights Data Export (Post Level) - <Page> - <yyyy-mm-dd>.csv": one row per post, "Post
 *   ID" = "<page id>_<post id>", "Permalink", "Post Message", "Type", "Posted" = "10/1/2015 21:00" (no zone: read in
 *   the import's zone), then "Lifetime Post ..." metrics. Account 'facebook:<page id>' (the part of the Post ID
 *   before "_", which is also the Page ID of Meta Business Suite exports), or the import's account.
 *   reach = Lifetime Post Total Reach, impressions = Lifetime Post Total Impressions; likes/comments/shares = the
 *   "by action type" like/comment/share columns where the file has them ("Lifetime Talking About This (Post) by
 *   action type - like", older "Lifetime Post Stories by action type - like"), clicks = "Lifetime Post
 *   Consumptions by type - link clicks". interactions = likes + comments + shares (NULL unless all three).
 * - Page level, "Facebook Insights Data Export - <Page> - <yyyy-mm-dd>.csv": one row per day, "Date", then "Lifetime
 *   Total Likes" (the Page's fans), "Daily New Likes", "Daily Unlikes", "Daily Total Reach", "Daily Total
 *   Impressions", ... → followers, followers_gained, followers_lost, reach, impressions; views = "Daily Total Video
 *   Views" (as Hootsuite's "Page Video Views"). Weekly and 28-day columns are rolling sums, not days: raw only.
 *   Rows do not name the Page: the import's account, else the Page name in the file name.
 *
 * Both have a second header row of metric descriptions ("Lifetime: The total number of people your Page post was
 * served to. (Unique Users)") under the column names; leadingRows() leaves it out of the raw table. Sources of the
 * names: docs/export-families.md.
 */
import { literal } from '../../db/sql'
import { normalizeHeader } from '../headers'
import { hasFields, resolveFields, type FieldTable } from '../fields'
import { countSql, daySql, textSql, timestampSql } from '../parseSql'
import type { RecognizeInput, Recognizer } from '../types'
import { captureIn, fileAccount, fixedAccountSql } from './fileAccount'

const PERIOD = /^(lifetime|daily|weekly|28 days)\b/i

/** Row 1 is the description row: every period-named metric's cell is its "<Period>: ..." text or empty. */
export function isDescriptionRow(input: RecognizeInput): boolean {
  const row = input.sample[0]
  if (!row) return false
  let described = 0
  for (const [i, name] of input.columns.entries()) {
    const v = (row[i] ?? '').trim()
    if (!PERIOD.test(normalizeHeader(name))) {
      if (v !== '' && i === 0) return false // the key column (Post ID / Date) is empty on that row
      continue
    }
    if (v === '') continue
    if (!/^(lifetime|daily|weekly|28 days):/i.test(v)) return false
    described++
  }
  return described > 0
}

const leadingRows = (input: RecognizeInput) => (isDescriptionRow(input) ? 1 : 0)

/** "Facebook Insights Data Export (Post Level) - Northfield General - 2016-03-01" → "Northfield General". */
const PAGE_IN_NAME = /^Facebook Insights Data Export(?: \((?:Post|Page) Level\))? - (.+) - \d{4}-\d{2}-\d{2}/i

const POST_FIELDS = {
  post_id: { names: ['Post ID'], required: true },
  url: { names: ['Permalink'] },
  text: { names: ['Post Message'] },
  post_type: { names: ['Type'] },
  published_at: { names: ['Posted'], required: true },
  reach: { names: ['Lifetime Post Total Reach'], required: true },
  impressions: { names: ['Lifetime Post Total Impressions'], required: true },
  likes: {
    names: ['Lifetime Talking About This (Post) by action type - like', 'Lifetime Post Stories by action type - like']
  },
  comments: {
    names: [
      'Lifetime Talking About This (Post) by action type - comment',
      'Lifetime Post Stories by action type - comment'
    ]
  },
  shares: {
    names: ['Lifetime Talking About This (Post) by action type - share', 'Lifetime Post Stories by action type - share']
  },
  clicks: { names: ['Lifetime Post Consumptions by type - link clicks'] }
} satisfies FieldTable

export const facebookInsightsPosts: Recognizer = {
  id: 'facebook-page-insights-posts',
  label: 'Facebook Page Insights post-level export (2012-2018)',
  platform: 'facebook',
  fields: POST_FIELDS,
  detect: ({ columns }) => hasFields(POST_FIELDS, columns, ['post_id', 'published_at', 'reach', 'impressions']),
  leadingRows,
  privacy: { text: ['Post Message'] },
  normalize(ctx) {
    const f = resolveFields(POST_FIELDS, ctx.columns)
    const id = textSql(f.sql('post_id'))
    const hint = ctx.accountHint
      ?.trim()
      .replace(/^(facebook|fb):/i, '')
      .replace(/^@/, '')
    const key = hint ? literal(hint.toLowerCase()) : `nullif(split_part(${id}, '_', 1), '')`
    const accountId = `'facebook:' || ${key}`
    const page = PAGE_IN_NAME.exec(ctx.fileName)?.[1] ?? null
    const published = timestampSql(f.sql('published_at'), ctx.timeZoneSql)
    const n = (field: 'reach' | 'impressions' | 'likes' | 'comments' | 'shares' | 'clicks') => countSql(f.sql(field))
    return {
      accounts: `SELECT DISTINCT ${accountId} AS account_id, 'facebook' AS platform, ${key} AS handle,
          ${page === null ? 'NULL' : literal(page)} AS display_name
        FROM ${ctx.raw} WHERE ${key} IS NOT NULL`,
      posts: `SELECT _row,
          CASE WHEN ${published} IS NULL THEN 'unreadable time "' || coalesce(${f.sql('published_at')}, '') || '"' END AS _reject,
          ${accountId} AS account_id, 'facebook' AS platform, ${id} AS post_id, ${published} AS published_at,
          lower(${textSql(f.sql('post_type'))}) AS post_type, ${textSql(f.sql('text'))} AS text, ${textSql(f.sql('url'))} AS url,
          ${n('reach')} AS reach, ${n('impressions')} AS impressions,
          ${n('likes')} AS likes, ${n('comments')} AS comments, ${n('shares')} AS shares, ${n('clicks')} AS clicks,
          ${n('likes')} + ${n('comments')} + ${n('shares')} AS interactions
        FROM ${ctx.raw}`
    }
  }
}

const PAGE_FIELDS = {
  day: { names: ['Date'], required: true },
  followers: { names: ['Lifetime Total Likes'], required: true },
  followers_gained: { names: ['Daily New Likes'] },
  followers_lost: { names: ['Daily Unlikes'] },
  reach: { names: ['Daily Total Reach'] },
  impressions: { names: ['Daily Total Impressions'] },
  views: { names: ['Daily Total Video Views'] },
  engaged: { names: ['Daily Page Engaged Users'] }
} satisfies FieldTable

/** Page-level "Date": ISO in the CSV, M/D/YY or M/D/YYYY once a spreadsheet has re-saved it. */
const PAGE_DAY_FORMATS = ['%Y-%m-%d', '%m/%d/%y', '%m/%d/%Y', '%Y-%m-%d %H:%M:%S']

export const facebookInsightsPages: Recognizer = {
  id: 'facebook-page-insights-daily',
  label: 'Facebook Page Insights page-level export (2012-2018)',
  platform: 'facebook',
  needsAccount: true,
  fields: PAGE_FIELDS,
  detect: ({ columns }) =>
    hasFields(PAGE_FIELDS, columns, ['day', 'followers']) &&
    (hasFields(PAGE_FIELDS, columns, ['followers_gained']) || hasFields(PAGE_FIELDS, columns, ['engaged'])),
  leadingRows,
  normalize(ctx) {
    const f = resolveFields(PAGE_FIELDS, ctx.columns)
    const account = fileAccount(ctx, 'facebook', captureIn(PAGE_IN_NAME))
    const day = daySql(f.sql('day'), ctx.timeZoneSql, PAGE_DAY_FORMATS)
    const n = (field: 'followers' | 'followers_gained' | 'followers_lost' | 'reach' | 'impressions' | 'views') =>
      countSql(f.sql(field))
    return {
      accounts: fixedAccountSql(account, 'facebook', PAGE_IN_NAME.exec(ctx.fileName)?.[1] ?? null),
      daily: `SELECT _row,
          CASE WHEN ${day} IS NULL THEN 'unreadable date "' || coalesce(${f.sql('day')}, '') || '"' END AS _reject,
          ${literal(account.id)} AS account_id, 'facebook' AS platform, ${day} AS day,
          ${n('followers')} AS followers, ${n('followers_gained')} AS followers_gained, ${n('followers_lost')} AS followers_lost,
          ${n('reach')} AS reach, ${n('impressions')} AS impressions, ${n('views')} AS views
        FROM ${ctx.raw}`
    }
  }
}
