/**
 * YouTube Studio advanced-mode "Table data.csv", by Content (one row per video) or by Date (one row per day).
 * The first data row is "Total" (the aggregate, which for Content tables also counts videos not listed): it is
 * skipped explicitly and mentioned in a warning. Content tables may end with a footer "Showing top 500 results"
 * (skipped the same way). Video ids starting with "-" carry a leading space (" -yquaLFqjE4") and are trimmed; an id
 * Excel turned into "#NAME?" cannot be keyed, so that row is rejected with the reason.
 * "Video publish time" = "May 27, 2025" (a day: published_at is that day's midnight in the import's zone).
 * Tables by another dimension (traffic source, subscription status, age, gender) are not recognised: they are
 * breakdowns, not posts or days, and import as generic datasets.
 * Posts: views, impressions, likes, comments = "Comments added", shares. interactions = likes + comments + shares
 * (see youtubeCommon). Days: views, followers_gained/lost = "Subscribers gained"/"Subscribers lost" where present,
 * impressions where present. Net "Subscribers" is not gained followers and stays in the raw table.
 */
import { literal } from '../../db/sql'
import { findColumn, normalizeHeader } from '../headers'
import { col, daySql, isSpreadsheetErrorSql, textSql, timestampSql } from '../parseSql'
import type { NormalizeContext, Recognizer } from '../types'
import { countOf, youtubeAccount, youtubeInteractions } from './youtubeCommon'

const PUBLISH_FORMATS = ['%b %d, %Y', '%B %d, %Y', '%Y-%m-%d', '%m/%d/%Y']

const first = (columns: string[]) => normalizeHeader(columns[0] ?? '')

function hasViews(columns: string[]): boolean {
  const set = new Set(columns.map(normalizeHeader))
  return set.has('views') && (set.has('watch time (hours)') || set.has('impressions') || set.has('subscribers'))
}

async function skipped(ctx: NormalizeContext, key: string, what: string): Promise<void> {
  const r = await ctx.conn.runAndReadAll(
    `SELECT string_agg(_row::VARCHAR, ', ' ORDER BY _row) AS rows, count(*) AS n FROM ${ctx.raw} WHERE ${what}`
  )
  const row = r.getRowObjectsJson()[0] as { rows: string | null; n: string | number }
  if (Number(row.n) > 0) ctx.warn(`${key} (row ${row.rows}) was skipped: it is not a ${first(ctx.columns) === 'date' ? 'day' : 'video'}.`)
}

export const youtubeTableData: Recognizer = {
  id: 'youtube-table-data',
  label: 'YouTube Studio table data',
  platform: 'youtube',
  needsAccount: true,
  detect: ({ columns }) => (first(columns) === 'content' || first(columns) === 'date') && hasViews(columns) && columns.length > 2,
  privacy: { text: ['Video title'] },
  async normalize(ctx) {
    const account = youtubeAccount(ctx)
    const key = col(ctx.columns[0])
    const isTotal = `trim(coalesce(${key}, '')) = 'Total'`
    const isFooter = `regexp_matches(coalesce(${key}, ''), '^Showing (top )?\\d+ results?$')`
    await skipped(ctx, 'The "Total" row', isTotal)
    await skipped(ctx, 'The footer "Showing top N results"', isFooter)
    const rows = `FROM ${ctx.raw} WHERE NOT (${isTotal}) AND NOT (${isFooter})`
    const accounts = `SELECT ${literal(account.id)} AS account_id, 'youtube' AS platform, ${literal(account.handle)} AS handle, NULL AS display_name`
    if (first(ctx.columns) === 'date') {
      const day = daySql(key, ctx.timeZoneSql)
      return {
        accounts,
        daily: `SELECT _row,
            CASE WHEN ${day} IS NULL THEN 'unreadable date "' || coalesce(${key}, '') || '"' END AS _reject,
            ${literal(account.id)} AS account_id, 'youtube' AS platform, ${day} AS day,
            ${countOf(ctx, 'Views')} AS views,
            ${countOf(ctx, 'Impressions')} AS impressions,
            ${countOf(ctx, 'Subscribers gained')} AS followers_gained,
            ${countOf(ctx, 'Subscribers lost')} AS followers_lost
          ${rows}`
      }
    }
    const damaged = await ctx.conn.runAndReadAll(`SELECT count(*) AS n FROM ${ctx.raw} WHERE ${isSpreadsheetErrorSql(key)}`)
    const nDamaged = Number((damaged.getRowObjectsJson()[0] as { n: string | number }).n)
    if (nDamaged > 0) ctx.warn(`Content: ${nDamaged} video id(s) were damaged by a spreadsheet ("#NAME?"); those rows were rejected.`)
    const id = textSql(key)
    const publishCol = findColumn(ctx.columns, 'Video publish time')
    const publishText = publishCol === null ? 'NULL' : col(publishCol)
    const published = publishCol === null ? 'NULL' : timestampSql(publishText, ctx.timeZoneSql, PUBLISH_FORMATS)
    const titleCol = findColumn(ctx.columns, 'Video title')
    return {
      accounts,
      posts: `SELECT _row,
          CASE WHEN ${isSpreadsheetErrorSql(key)} THEN 'video id damaged by a spreadsheet ("' || trim(${key}) || '")'
               WHEN ${id} IS NULL THEN 'missing video id'
               WHEN ${published} IS NULL AND ${textSql(publishText)} IS NOT NULL
                 THEN 'unreadable publish time "' || ${publishText} || '"' END AS _reject,
          ${literal(account.id)} AS account_id, 'youtube' AS platform,
          ${id} AS post_id,
          ${published} AS published_at,
          'video' AS post_type,
          ${titleCol === null ? 'NULL' : col(titleCol)} AS text,
          'https://www.youtube.com/watch?v=' || ${id} AS url,
          ${countOf(ctx, 'Views')} AS views,
          ${countOf(ctx, 'Impressions')} AS impressions,
          ${countOf(ctx, 'Likes')} AS likes,
          ${countOf(ctx, 'Comments added', 'Comments')} AS comments,
          ${countOf(ctx, 'Shares')} AS shares,
          ${youtubeInteractions(ctx)} AS interactions
        ${rows}`
    }
  }
}
