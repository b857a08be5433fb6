/**
 * YouTube Studio advanced-mode "Chart data.csv": one row per day (and per line of the chart when a dimension is
 * chosen), long format: "Date,<Dimension>,Views" or "Date,Views,...". Recognised by its header and file name,
 * since "Date,Views" alone could be any export.
 * Without a dimension, each row is the channel's day: views (and subscribers gained/lost, impressions where the
 * chart has them) go to account_daily. With a dimension (traffic source, subscription status, ...) the file holds
 * only the lines drawn in the chart (Studio's top 5 by default), so their sum is NOT the channel's total: such files
 * are recognised and kept raw, with a warning, and write no daily rows (import Totals.csv for the channel's days).
 * interactions: not applicable (daily rows).
 */
import { literal } from '../../db/sql'
import { normalizeHeader } from '../headers'
import { col, daySql } from '../parseSql'
import type { Recognizer } from '../types'
import { NO_ACCOUNTS, fixedAccountSql } from './fileAccount'
import {
  countOf,
  youtubeAccount,
  youtubeAccountInName,
  youtubeColumn,
  YOUTUBE_FIELDS,
  YOUTUBE_METRIC_NAMES
} from './youtubeCommon'

const isDate = (name: string | undefined) =>
  name !== undefined && YOUTUBE_FIELDS.date.names.some((n) => normalizeHeader(n) === normalizeHeader(name))
const hasViewsColumn = (columns: string[]) => youtubeColumn(columns, 'views') !== null

/** A "Date" column and only known YouTube metrics besides, in any language (Totals.csv; Chart data without a dimension). */
export function isYoutubeDailySeries(columns: string[]): boolean {
  return (
    isDate(columns[0]) &&
    hasViewsColumn(columns) &&
    columns.slice(1).every((c) => YOUTUBE_METRIC_NAMES.has(normalizeHeader(c)))
  )
}

/**
 * The dimension column of a long-format chart file, if any ("Traffic source", "Subscription status"). A metric in
 * a language not listed reads as a dimension too: the file is then kept raw, never loaded as the channel's days.
 */
function dimensionOf(columns: string[]): string | null {
  if (!isDate(columns[0]) || !hasViewsColumn(columns)) return null
  const others = columns.filter((c, i) => i > 0 && !YOUTUBE_METRIC_NAMES.has(normalizeHeader(c)))
  return others.length === 1 ? others[0] : null
}

/** "Chart data.csv" in each UI language seen (docs/export-families.md). */
const chartName = (fileName: string) =>
  /chart[ _]?data|dados do gr[aá]fico|datos del gr[aá]fico|donn[ée]es du graphique|diagrammdaten|dati del grafico|グラフ ?データ/i.test(
    fileName.normalize('NFC')
  )

export const youtubeChartData: Recognizer = {
  id: 'youtube-chart-data',
  label: 'YouTube Studio chart data',
  platform: 'youtube',
  needsAccount: true,
  accountInName: youtubeAccountInName,
  keptRaw: (columns) => dimensionOf(columns) !== null,
  detect: ({ columns, fileName }) =>
    chartName(fileName) && (isYoutubeDailySeries(columns) || dimensionOf(columns) !== null),
  async normalize(ctx) {
    const dimension = dimensionOf(ctx.columns)
    if (dimension !== null) {
      ctx.warn(
        `Chart data by "${dimension}" holds only the lines drawn in the chart, so it is kept as a raw table and adds no daily rows (the lines do not necessarily sum to the channel's views; import Totals.csv for those).`
      )
      // Nothing canonical is written, so no account is needed (nor created).
      return { accounts: NO_ACCOUNTS }
    }
    const account = youtubeAccount(ctx)
    const accounts = fixedAccountSql(account, 'youtube')
    const day = daySql(col(ctx.columns[0]), ctx.timeZoneSql)
    return {
      accounts,
      daily: `SELECT _row,
          CASE WHEN ${day} IS NULL THEN 'unreadable date "' || coalesce(${col(ctx.columns[0])}, '') || '"' END AS _reject,
          ${literal(account.id)} AS account_id, 'youtube' AS platform, ${day} AS day,
          ${countOf(ctx, 'views')} AS views,
          ${countOf(ctx, 'impressions')} AS impressions,
          ${countOf(ctx, 'subscribersGained')} AS followers_gained,
          ${countOf(ctx, 'subscribersLost')} AS followers_lost
        FROM ${ctx.raw}`
    }
  }
}
