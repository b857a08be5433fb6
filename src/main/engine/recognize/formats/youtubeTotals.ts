/**
 * YouTube Studio advanced-mode "Totals.csv": the channel's daily totals of the chosen metric(s), "Date,Views" (plus
 * other metric columns when several were selected). Recognised by its header and file name ("Date,Views" alone
 * could be any export). A "Total" row, if present, is skipped explicitly with a warning.
 * Days: views; followers_gained/lost = "Subscribers gained"/"Subscribers lost" and impressions where present.
 * interactions: not applicable (daily rows).
 */
import { literal } from '../../db/sql'
import { col, daySql } from '../parseSql'
import { isTotalLabelSql } from '../totalRows'
import type { Recognizer } from '../types'
import { fixedAccountSql } from './fileAccount'
import { isYoutubeDailySeries } from './youtubeChartData'
import { countOf, youtubeAccount, youtubeAccountInName } from './youtubeCommon'

/** "Totals.csv" in each UI language seen (docs/export-families.md): "Totaux.csv", "Gesamtwerte.csv", "合計.csv"... */
const totalsName = (fileName: string) =>
  /(^|[ _])(totals?|totais|totales|totaux|totali|gesamtwerte|合計)\.csv$/i.test(fileName.normalize('NFC'))

export const youtubeTotals: Recognizer = {
  id: 'youtube-totals',
  label: 'YouTube Studio totals',
  platform: 'youtube',
  needsAccount: true,
  accountInName: youtubeAccountInName,
  detect: ({ columns, fileName }) => totalsName(fileName) && isYoutubeDailySeries(columns),
  async normalize(ctx) {
    const account = youtubeAccount(ctx)
    const date = col(ctx.columns[0])
    const isTotal = isTotalLabelSql(date)
    const totals = await ctx.conn.runAndReadAll(`SELECT count(*) AS n FROM ${ctx.raw} WHERE ${isTotal}`)
    if (Number((totals.getRowObjectsJson()[0] as { n: string | number }).n) > 0)
      ctx.warn('The totals row was skipped: it is not a day.')
    const day = daySql(date, ctx.timeZoneSql)
    return {
      accounts: fixedAccountSql(account, 'youtube'),
      daily: `SELECT _row,
          CASE WHEN ${day} IS NULL THEN 'unreadable date "' || coalesce(${date}, '') || '"' END AS _reject,
          ${literal(account.id)} AS account_id, 'youtube' AS platform, ${day} AS day,
          ${countOf(ctx, 'views')} AS views,
          ${countOf(ctx, 'impressions')} AS impressions,
          ${countOf(ctx, 'subscribersGained')} AS followers_gained,
          ${countOf(ctx, 'subscribersLost')} AS followers_lost
        FROM ${ctx.raw} WHERE NOT (${isTotal})`
    }
  }
}
