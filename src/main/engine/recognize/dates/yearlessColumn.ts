/**
 * A date column of a raw table whose values may have no year. Values with a year are parsed in SQL as before
 * (daySql); when the column holds yearless days, they are read and placed here (yearless.ts) against the period
 * end (periodEnd.ts), into a small temp table joined on `_row`. The exports that write such days (TikTok Studio's
 * daily files: up to 365 rows; its Content list: one row per video) are small, so reading the column once is cheap.
 */
import { literal } from '../../db/sql'
import { col, daySql, isBlankSql } from '../parseSql'
import type { NormalizeContext } from '../types'
import { resolvePeriodEnd, type PeriodEnd } from './periodEnd'
import { asMonthDay, numberOrder, placeYears, readYearless, type YearlessValue } from './yearless'

/** The file's own download day (the latest such day not after `end`), or `end` when there is none or the user chose. */
async function downloadDayEnd(ctx: NormalizeContext, column: string | null, end: PeriodEnd): Promise<PeriodEnd> {
  if (column === null || end.source === 'option') return end
  const first = (
    await ctx.conn.runAndReadAll(
      `SELECT ${col(column)} AS v FROM ${ctx.raw} WHERE NOT ${isBlankSql(col(column))} ORDER BY _row LIMIT 1`
    )
  ).getRowsJson()
  const md = first.length ? asMonthDay(readYearless(String(first[0][0])), null) : null
  const day = md ? placeYears([md], end.day, false).days[0] : null
  return day ? { day, source: 'download-column' } : end
}

export interface DayColumn {
  /** FROM-able source: the raw table, with `_yday` and `_yreject` joined when the column had yearless days. */
  from: string
  /** The day (DATE) of each row, or NULL. */
  day: string
  /** Why a row's value was not read as a day (VARCHAR), or NULL. */
  reject: string
}

const INSERT_CHUNK = 500

/**
 * `column` is the raw column's SQL (col(name)); `name` its header, for the report. `sequential`: the rows are a
 * daily series (see placeYears). `formats` are the strptime formats for values that have a year. `downloadDay`:
 * a column holding the day the file was downloaded, itself without a year (TikTok Content.csv's "Time"): placed
 * against the usual period end, it becomes the period end unless the user gave one.
 */
export async function dayColumn(
  ctx: NormalizeContext,
  name: string,
  column: string,
  opts: { sequential: boolean; formats?: string[]; downloadDay?: string | null }
): Promise<DayColumn> {
  const withYear = daySql(column, ctx.timeZoneSql, opts.formats)
  const plain: DayColumn = {
    from: ctx.raw,
    day: withYear,
    reject: `CASE WHEN ${withYear} IS NULL AND NOT ${isBlankSql(column)} THEN 'unreadable date "' || ${column} || '"' END`
  }
  // Only a column with a value that has no four-digit run can hold a yearless day: most files stop here.
  const probe = await ctx.conn.runAndReadAll(
    `SELECT 1 FROM ${ctx.raw} WHERE NOT ${isBlankSql(column)} AND NOT regexp_matches(${column}, '\\d{4}') AND ${withYear} IS NULL LIMIT 1`
  )
  if (probe.getRows().length === 0) return plain

  const rows = (
    await ctx.conn.runAndReadAll(`SELECT _row::BIGINT AS r, ${column} AS v FROM ${ctx.raw} ORDER BY _row`)
  ).getRowsJson() as [string | number, string | null][]
  const read: (YearlessValue | null)[] = rows.map(([, v]) => (v === null ? null : readYearless(v)))
  const order = numberOrder(read)
  const monthDays = read.map((v) => asMonthDay(v, order))
  if (monthDays.every((m) => m === null)) return plain

  const end = await downloadDayEnd(
    ctx,
    opts.downloadDay ?? null,
    resolvePeriodEnd({
      fileName: ctx.fileName,
      ...(ctx.dates ?? { periodEnd: null, fileModified: null, timeZone: 'UTC' })
    })
  )
  const placed = placeYears(monthDays, end.day, opts.sequential)
  const table = await ctx.materialize(
    `yearless_${name}`,
    `SELECT CAST(NULL AS BIGINT) AS _row, CAST(NULL AS DATE) AS _yday, CAST(NULL AS VARCHAR) AS _yreject WHERE false`
  )
  const values: string[] = []
  rows.forEach(([r, v], i) => {
    const reason =
      placed.reasons[i] ??
      (read[i]?.kind === 'numbers' && !order
        ? `ambiguous date "${v}": day/month or month/day (no value in the column tells)`
        : null)
    if (placed.days[i] === null && reason === null) return
    values.push(
      `(${Number(r)}, ${placed.days[i] === null ? 'NULL' : `DATE '${placed.days[i]}'`}, ${reason === null ? 'NULL' : literal(reason)})`
    )
  })
  for (let i = 0; i < values.length; i += INSERT_CHUNK) {
    await ctx.conn.run(`INSERT INTO ${table} VALUES ${values.slice(i, i + INSERT_CHUNK).join(', ')}`)
  }
  const days = placed.days.filter((d): d is string => d !== null).sort()
  ctx.assumeYear({
    column: name,
    periodEnd: end.day,
    source: end.source,
    from: days[0] ?? null,
    to: days[days.length - 1] ?? null
  })
  return {
    from: `(SELECT r.*, y._yday, y._yreject FROM ${ctx.raw} r LEFT JOIN ${table} y ON y._row = r._row)`,
    day: `coalesce(_yday, ${withYear})`,
    reject: `coalesce(_yreject, CASE WHEN _yday IS NULL AND ${withYear} IS NULL AND NOT ${isBlankSql(column)} THEN 'unreadable date "' || ${column} || '"' END)`
  }
}
