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
import { wordDaySql } from '../dates/wordDate'
import { normalizeHeader } from '../headers'
import { isTotalLabelSql } from '../totalRows'
import { col, daySql, isSpreadsheetErrorSql, textSql, timestampSql } from '../parseSql'
import type { NormalizeContext, Recognizer } from '../types'
import {
  countOf,
  youtubeAccount,
  youtubeAccountInName,
  youtubeColumn,
  youtubeInteractions,
  YOUTUBE_FIELDS,
  type YoutubeField
} from './youtubeCommon'

const PUBLISH_FORMATS = ['%b %d, %Y', '%B %d, %Y', '%Y-%m-%d', '%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M']
/** "5/27/2025" (a US spreadsheet's resave) is read as month-first only under the English header: "01/09/2025" in a
 * French file is the 1st of September, and is rejected rather than read as 9 January. */
const ENGLISH_PUBLISH_FORMATS = [...PUBLISH_FORMATS, '%m/%d/%Y']

const isField = (name: string | undefined, field: YoutubeField) =>
  name !== undefined && YOUTUBE_FIELDS[field].names.some((n) => normalizeHeader(n) === normalizeHeader(name))

/** The table's dimension: by video ("Content") or by day ("Date"), in any of the UI languages covered. */
const first = (columns: string[]): 'content' | 'date' | null =>
  isField(columns[0], 'content') ? 'content' : isField(columns[0], 'date') ? 'date' : null

function hasViews(columns: string[]): boolean {
  return (
    youtubeColumn(columns, 'views') !== null &&
    (['watchTime', 'impressions', 'subscribers'] as const).some((f) => youtubeColumn(columns, f) !== null)
  )
}

/** Warn about the rows `what` selects, naming them by `key(first cell)`: they are skipped, not loaded. */
async function skipped(ctx: NormalizeContext, key: (cell: string) => string, what: string): Promise<void> {
  const r = await ctx.conn.runAndReadAll(
    `SELECT string_agg(_row::VARCHAR, ', ' ORDER BY _row) AS rows, count(*) AS n, min(trim(${col(ctx.columns[0])})) AS cell
     FROM ${ctx.raw} WHERE ${what}`
  )
  const row = r.getRowObjectsJson()[0] as { rows: string | null; n: string | number; cell: string | null }
  if (Number(row.n) > 0)
    ctx.warn(
      `${key(row.cell ?? '')} (row ${row.rows}) was skipped: it is not a ${first(ctx.columns) === 'date' ? 'day' : 'video'}.`
    )
}

export const youtubeTableData: Recognizer = {
  id: 'youtube-table-data',
  label: 'YouTube Studio table data',
  platform: 'youtube',
  needsAccount: true,
  fields: YOUTUBE_FIELDS,
  accountInName: youtubeAccountInName,
  detect: ({ columns }) => first(columns) !== null && hasViews(columns) && columns.length > 2,
  privacy: { text: [...YOUTUBE_FIELDS.title.names] },
  async normalize(ctx) {
    const account = youtubeAccount(ctx)
    const key = col(ctx.columns[0])
    const isTotal = isTotalLabelSql(key)
    const isFooter = `regexp_matches(coalesce(${key}, ''), '^Showing (top )?\\d+ results?$')`
    await skipped(ctx, (cell) => `The "${cell}" row`, isTotal)
    await skipped(ctx, () => 'The footer "Showing top N results"', isFooter)
    const rows = `FROM ${ctx.raw} WHERE NOT (${isTotal}) AND NOT (${isFooter})`
    const accounts = `SELECT ${literal(account.id)} AS account_id, 'youtube' AS platform, ${literal(account.handle)} AS handle, NULL AS display_name`
    if (first(ctx.columns) === 'date') {
      const day = daySql(key, ctx.timeZoneSql)
      return {
        accounts,
        daily: `SELECT _row,
            CASE WHEN ${day} IS NULL THEN 'unreadable date "' || coalesce(${key}, '') || '"' END AS _reject,
            ${literal(account.id)} AS account_id, 'youtube' AS platform, ${day} AS day,
            ${countOf(ctx, 'views')} AS views,
            ${countOf(ctx, 'impressions')} AS impressions,
            ${countOf(ctx, 'subscribersGained')} AS followers_gained,
            ${countOf(ctx, 'subscribersLost')} AS followers_lost
          ${rows}`
      }
    }
    const damaged = await ctx.conn.runAndReadAll(
      `SELECT count(*) AS n FROM ${ctx.raw} WHERE ${isSpreadsheetErrorSql(key)}`
    )
    const nDamaged = Number((damaged.getRowObjectsJson()[0] as { n: string | number }).n)
    if (nDamaged > 0)
      ctx.warn(`Content: ${nDamaged} video id(s) were damaged by a spreadsheet ("#NAME?"); those rows were rejected.`)
    // German downloads put soft hyphens into long ids as they do into headers.
    const id = textSql(`replace(${key}, chr(173), '')`)
    const publishCol = youtubeColumn(ctx.columns, 'published')
    const publishText = publishCol === null ? 'NULL' : col(publishCol)
    // English month names in most UIs ("May 27, 2025"); the French, German... UI writes its own ("28 sept. 2026").
    const published =
      publishCol === null
        ? 'NULL'
        : `coalesce(${timestampSql(publishText, ctx.timeZoneSql, normalizeHeader(publishCol) === 'video publish time' ? ENGLISH_PUBLISH_FORMATS : PUBLISH_FORMATS)}, timezone(${ctx.timeZoneSql}, ${wordDaySql(publishText)}::TIMESTAMP))`
    const titleCol = youtubeColumn(ctx.columns, 'title')
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
          ${countOf(ctx, 'views')} AS views,
          ${countOf(ctx, 'impressions')} AS impressions,
          ${countOf(ctx, 'likes')} AS likes,
          ${countOf(ctx, 'comments')} AS comments,
          ${countOf(ctx, 'shares')} AS shares,
          ${youtubeInteractions(ctx)} AS interactions
        ${rows}`
    }
  }
}
