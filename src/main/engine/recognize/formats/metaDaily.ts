/**
 * Meta Business Suite per-metric daily series ("Follows.csv", "Reach.csv", "IG_VISITS.csv"): UTF-16LE with BOM, a
 * `sep=,` line, the metric title ("Facebook reach", "Instagram profile visits", "Views"), then "Date","Primary".
 * Spreadsheet re-saves keep the shape with tabs or semicolons ("Facebook follows;" / "Date;Primary").
 *
 * Stacked series: Meta puts the Facebook series first and then the Instagram one in the same file, each with its own
 * title line and "Date","Primary" header. The first title is above the table (ctx.preamble); later ones are rows
 * of the raw table whose Date is not a date and whose Primary is empty. Rows are split into blocks at those titles.
 *
 * Platform of a block: named in its title; else Facebook when an Instagram block follows it (Meta's order) or
 * Instagram when a Facebook block precedes it; else the file name ("IG_REACH.csv") or the account chosen
 * ("instagram:x"); else Facebook, with a warning (Meta's own default, and what "Follows"/"Views" exports are).
 *
 * Metric of a block, from its title, into account_daily:
 *   Follows / Facebook follows / Instagram follows → followers_gained (new follows that day)
 *   Unfollows → followers_lost · Followers → followers · Reach → reach · Visits / profile visits → profile_visits
 *   Views (Meta's replacement for impressions: times content was shown or played) → views · Impressions → impressions
 *   Content interactions, link clicks and anything else have no account_daily column: they stay in the raw table
 *   only, and the import says so. No interactions total is defined for this format (daily metrics, no posts).
 *
 * Days: stamps are local midnights without zone that shift by an hour with DST ("2025-01-01T01:00:00",
 * "2025-04-14T00:00:00"); the day is the nearest midnight, so 01:00 and 23:00 both land on the intended date.
 * Zero is a real zero; a day Meta did not report is simply absent (no row, no NULL invented).
 */
import type { Platform } from '../../../../shared/types'
import { literal } from '../../db/sql'
import { findColumn, normalizeHeader } from '../headers'
import { col, countSql, isBlankSql } from '../parseSql'
import type { NormalizeContext, NormalizeOutput, Recognizer } from '../types'
import { cleanTitle, metaAccount, platformInName, platformInTitle, preambleTitle, warnSpreadsheetErrors } from './metaCommon'

type DailyColumn = 'followers' | 'followers_gained' | 'followers_lost' | 'reach' | 'profile_visits' | 'views' | 'impressions'

/** The account_daily column a Meta metric title fills, or null when it has none. */
export function metricColumn(title: string | null): DailyColumn | null {
  const t = (title ?? '').toLowerCase()
  if (/unfollow/.test(t)) return 'followers_lost'
  if (/followers$/.test(t) && !/new followers/.test(t)) return 'followers'
  if (/follows|new followers|page likes/.test(t)) return 'followers_gained'
  if (/visits/.test(t)) return 'profile_visits'
  if (/reach/.test(t)) return 'reach'
  if (/impressions/.test(t)) return 'impressions'
  if (/views|plays/.test(t)) return 'views'
  return null
}

const DATE_LIKE = `'^\\s*\\d{4}-\\d{2}-\\d{2}'`

interface Block {
  /** First raw row of the block (its title row; 0 for the block under the preamble title). */
  from: number
  title: string | null
  platform: Platform
  metric: DailyColumn | null
}

/** The blocks of a stacked file, from the title rows found in the raw table. */
async function blocksOf(ctx: NormalizeContext, dateCol: string, valueCol: string): Promise<{ blocks: Block[]; guessed: boolean }> {
  const titleRows = (
    await ctx.conn.runAndReadAll(
      `SELECT _row, ${dateCol} AS t FROM ${ctx.raw}
       WHERE NOT regexp_matches(coalesce(${dateCol}, ''), ${DATE_LIKE}) AND ${isBlankSql(valueCol)}
         AND trim(coalesce(${dateCol}, '')) <> '' ORDER BY _row`
    )
  ).getRowObjectsJson() as { _row: number | string; t: string }[]
  const raw = [
    { from: 0, title: preambleTitle(ctx.preamble) },
    ...titleRows.map((r) => ({ from: Number(r._row), title: cleanTitle(r.t) }))
  ]
  const named = raw.map((b) => platformInTitle(b.title))
  const fallback = platformInName(ctx.fileName, ctx.accountHint)
  let guessed = false
  const blocks = raw.map((b, i) => {
    let platform = named[i]
    if (!platform && named.slice(i + 1).includes('instagram')) platform = 'facebook'
    if (!platform && named.slice(0, i).includes('facebook')) platform = 'instagram'
    if (!platform) platform = fallback
    if (!platform) guessed = true
    return { ...b, platform: platform ?? 'facebook', metric: metricColumn(b.title) }
  })
  return { blocks, guessed }
}

/** A CASE over `_row` picking each row's block attribute. */
function byBlock(blocks: Block[], value: (b: Block) => string): string {
  const arms = [...blocks].reverse().map((b) => `WHEN _row >= ${b.from} THEN ${value(b)}`)
  return `(CASE ${arms.join(' ')} END)`
}

async function normalize(ctx: NormalizeContext): Promise<NormalizeOutput> {
  const dateCol = col(findColumn(ctx.columns, 'Date') ?? 'Date')
  const valueCol = col(findColumn(ctx.columns, 'Primary') ?? 'Primary')
  const { blocks, guessed } = await blocksOf(ctx, dateCol, valueCol)
  await warnSpreadsheetErrors(ctx)
  if (guessed) {
    ctx.warn(`The metric title${blocks[0].title ? ` "${blocks[0].title}"` : ''} does not say Facebook or Instagram; the series was filed as Facebook.`)
  }
  if (blocks.length > 1) {
    ctx.warn(`${blocks.length} stacked series were found (${blocks.map((b) => `${b.platform}: ${b.title ?? 'untitled'}`).join('; ')}); each was filed under its platform. Their title and header rows are not data and were skipped.`)
  }
  for (const b of blocks.filter((x) => x.metric === null)) {
    ctx.warn(`"${b.title ?? 'untitled'}" (${b.platform}) has no column in account_daily; it is kept in the raw table only.`)
  }
  const accounts = new Map<Platform, { id: string; handle: string }>()
  for (const b of blocks) if (b.metric && !accounts.has(b.platform)) accounts.set(b.platform, metaAccount(ctx, b.platform))
  const accountOf = (b: Block) => (accounts.has(b.platform) ? literal(accounts.get(b.platform)!.id) : 'NULL')
  const loaded = blocks.filter((b) => b.metric !== null)
  const accountsSql = [...accounts].map(
    ([platform, a]) => `SELECT ${literal(a.id)} AS account_id, ${literal(platform)} AS platform, ${literal(a.handle)} AS handle, NULL AS display_name`
  )
  if (!loaded.length) {
    return { accounts: accountsSql.length ? accountsSql.join(' UNION ALL ') : `SELECT NULL AS account_id, NULL AS platform, NULL AS handle, NULL AS display_name WHERE false` }
  }
  const metric = byBlock(blocks, (b) => (b.metric ? literal(b.metric) : 'NULL'))
  const value = countSql(valueCol)
  const local = `try_strptime(trim(${dateCol}), ['%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M:%S', '%Y-%m-%d'])`
  const columns: DailyColumn[] = [...new Set(loaded.map((b) => b.metric!))]
  return {
    accounts: accountsSql.join(' UNION ALL '),
    daily: `SELECT _row,
        CASE WHEN ${local} IS NULL THEN 'unreadable date "' || coalesce(${dateCol}, '') || '"'
             WHEN NOT ${isBlankSql(valueCol)} AND ${value} IS NULL THEN 'unreadable value "' || ${valueCol} || '"' END AS _reject,
        ${byBlock(blocks, accountOf)} AS account_id,
        ${byBlock(blocks, (b) => literal(b.platform))} AS platform,
        CAST(${local} + INTERVAL 12 HOUR AS DATE) AS day,
        ${columns.map((c) => `CASE WHEN ${metric} = ${literal(c)} THEN ${value} END AS ${c}`).join(',\n        ')}
      FROM ${ctx.raw}
      -- Title rows (a new block) and repeated "Date","Primary" headers are structure, not data.
      WHERE ${metric} IS NOT NULL AND lower(trim(coalesce(${dateCol}, ''))) <> 'date'
        AND NOT (NOT regexp_matches(coalesce(${dateCol}, ''), ${DATE_LIKE}) AND ${isBlankSql(valueCol)})`
  }
}

export const metaBusinessSuiteDaily: Recognizer = {
  id: 'meta-business-suite-daily',
  label: 'Meta Business Suite daily metric',
  platform: 'facebook',
  needsAccount: true,
  detect: ({ columns, sample }) =>
    columns.length === 2 &&
    normalizeHeader(columns[0]) === 'date' &&
    normalizeHeader(columns[1]) === 'primary' &&
    sample.some((r) => /^\s*\d{4}-\d{2}-\d{2}/.test(r[0] ?? '')),
  normalize
}
