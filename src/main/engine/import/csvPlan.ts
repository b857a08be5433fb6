/**
 * How to read a delimited file with DuckDB: the sniffed (or user-chosen) dialect, and per-column conversions
 * for numbers written with locale separators.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { ImportOptions } from '../../../shared/types'
import { ident, literal } from '../db/sql'
import { MAX_LINE_BYTES } from './limits'
import type { PreambleGuess } from './preamble'
import { classifyColumn, conversionSql, type ColumnConversion } from './numberLocale'

export interface CsvDialect {
  delimiter: string
  hasHeader: boolean
  skipRows: number
}

export interface CsvPlan {
  dialect: CsvDialect
  conversions: ColumnConversion[]
  /** read_csv(...) table function call. */
  source: string
  /** read_csv(...) with every column as text. */
  textSource: string
  /** SELECT list that applies the conversions. */
  selectList: string
  decimalSeparator: '.' | ','
  thousandsSeparator: '' | ',' | '.' | ' '
}

const SAMPLE_VALUES = 5000

/** How hard to try: the fast parallel read first, then the slower tolerant ones if DuckDB refuses. */
export interface ReadMode {
  /** Sniff types from every row instead of a sample. */
  fullScan: boolean
  /** Pad rows that end early with nulls (needs the single-threaded reader when fields span lines). */
  pad: boolean
  /**
   * Columns read as text whatever their values look like: they mix formats no single type reads (two date styles).
   * 'all': every column (after a few such columns, rather than one more read of the file per column).
   */
  text?: string[] | 'all'
}
export const FAST: ReadMode = { fullScan: false, pad: false }

export function readCsvCall(path: string, dialect: CsvDialect, mode: ReadMode = FAST, columnsAsText: string[] | 'all' = []): string {
  const asText = columnsAsText === 'all' || mode.text === 'all' ? 'all' : [...new Set([...(mode.text ?? []), ...columnsAsText])]
  const opts = [
    `delim=${literal(dialect.delimiter)}`,
    `header=${dialect.hasHeader}`,
    `skip=${dialect.skipRows}`,
    // Standard CSV quoting, stated so the reader never has to guess it.
    `quote='"'`,
    `escape='"'`,
    `max_line_size=${MAX_LINE_BYTES}`,
    ...(mode.pad ? ['null_padding=true', 'parallel=false'] : []),
    ...(mode.fullScan ? ['sample_size=-1'] : []),
    // Columns whose text must reach the locale conversion untouched (DuckDB would read "1.234" as 1.234).
    ...(asText === 'all'
      ? ['all_varchar=true']
      : asText.length
        ? [`types={${asText.map((c) => `${literal(c)}: 'VARCHAR'`).join(', ')}}`]
        : [])
  ]
  return `read_csv(${literal(path)}, ${opts.join(', ')})`
}

export async function sniffDialect(
  conn: DuckDBConnection,
  path: string,
  options: ImportOptions,
  declaredDelimiter: string | null,
  preamble: PreambleGuess | null
): Promise<CsvDialect> {
  // Our record count (quote-aware, over the head) picks the delimiter more reliably than DuckDB's sniffer
  // on exports with title lines or ragged rows; DuckDB still decides the header and the types.
  const delimiter = options.delimiter ?? declaredDelimiter ?? preamble?.delimiter
  const skip = options.skipRows ?? (preamble && preamble.skipRows > 0 ? preamble.skipRows : undefined)
  const args: string[] = [`max_line_size=${MAX_LINE_BYTES}`, 'null_padding=true']
  if (delimiter) args.push(`delim=${literal(delimiter)}`)
  if (options.hasHeader !== undefined) args.push(`header=${options.hasHeader}`)
  if (skip !== undefined) args.push(`skip=${skip}`)
  let row: { Delimiter: string; HasHeader: boolean; SkipRows: number | string }
  try {
    const reader = await conn.runAndReadAll(
      `SELECT Delimiter, HasHeader, SkipRows FROM sniff_csv(${literal(path)}, ${args.join(', ')})`
    )
    row = reader.getRowObjectsJson()[0] as typeof row
  } catch (err) {
    // DuckDB's sniffer gives up on some long multi-line exports; our own record count still knows the table.
    // A cancel interrupts the sniff; that must not be mistaken for the sniffer giving up.
    if ((!preamble && !delimiter) || /INTERRUPT/i.test(String(err))) throw err
    return {
      delimiter: delimiter ?? preamble!.delimiter,
      hasHeader: options.hasHeader ?? true,
      skipRows: skip ?? preamble?.skipRows ?? 0
    }
  }
  return {
    delimiter: delimiter ?? row.Delimiter,
    hasHeader: options.hasHeader ?? Boolean(row.HasHeader),
    skipRows: skip ?? Number(row.SkipRows)
  }
}

export async function planCsv(
  conn: DuckDBConnection,
  path: string,
  options: ImportOptions,
  declaredDelimiter: string | null,
  preamble: PreambleGuess | null,
  mode: ReadMode = FAST
): Promise<CsvPlan> {
  const dialect = await sniffDialect(conn, path, options, declaredDelimiter, preamble)
  const sniffed = readCsvCall(path, dialect, mode)
  const described = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${sniffed}`)
  const columns = (described.getRowObjectsJson() as { column_name: string; column_type: string }[]).map((r) => ({
    name: r.column_name,
    type: r.column_type
  }))
  // A semicolon-delimited file almost always comes from a decimal-comma locale.
  const preferComma = dialect.delimiter === ';'
  // There, DuckDB reads dot-thousands ("407.137") as a DOUBLE (407.137); such columns are classified from
  // their text too, and re-read as text when they turn out to be comma-decimal.
  const candidates = columns.filter((c) => c.type === 'VARCHAR' || (preferComma && c.type === 'DOUBLE'))
  const conversions: ColumnConversion[] = []
  // On the full-scan retry, keep text columns as text: a later value did not fit the sampled convention.
  if (candidates.length > 0 && !mode.fullScan) {
    const sample = await conn.runAndReadAll(
      `SELECT ${candidates.map((c) => ident(c.name)).join(', ')} FROM ${readCsvCall(path, dialect, mode, 'all')} LIMIT ${SAMPLE_VALUES}`
    )
    const byColumn = sample.getColumnsJson() as (string | null)[][]
    candidates.forEach((col, i) => {
      // No rows (a header-only file) gives no column arrays at all.
      const c = classifyColumn(col.name, byColumn[i] ?? [], preferComma)
      if (c && (col.type === 'VARCHAR' || c.style === 'comma-decimal')) conversions.push(c)
    })
  }
  const reread = conversions.filter((c) => columns.find((col) => col.name === c.column)?.type !== 'VARCHAR').map((c) => c.column)
  const source = readCsvCall(path, dialect, mode, reread)
  const converted = new Map(conversions.map((c) => [c.column, c]))
  const selectList = columns
    .map((c) => {
      const conv = converted.get(c.name)
      return conv ? `${conversionSql(conv)} AS ${ident(c.name)}` : ident(c.name)
    })
    .join(', ')
  const commaCount = conversions.filter((c) => c.style === 'comma-decimal').length
  const decimalSeparator = commaCount > conversions.length / 2 && commaCount > 0 ? ',' : '.'
  return {
    dialect,
    conversions,
    source,
    textSource: readCsvCall(path, dialect, mode, 'all'),
    selectList,
    decimalSeparator,
    // Only a separator actually seen: "Period (.)" for a file with no thousands at all would mislead.
    thousandsSeparator: conversions.find((c) => c.grouping !== '')?.grouping ?? ''
  }
}
