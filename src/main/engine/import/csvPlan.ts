/**
 * How to read a delimited file with DuckDB: the sniffed (or user-chosen) dialect, and per-column conversions
 * for numbers written with locale separators.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { ImportOptions } from '../../../shared/types'
import { isInterrupted } from '../db/duckdbMessages'
import { ident, literal } from '../db/sql'
import { headerNames } from './columnNames'
import { DESCRIPTION_LOOKAHEAD, descriptionRowCandidate } from './descriptionRow'
import { detectNewline, quotesEveryField, scanRecords, type Newline } from './headRecords'
import { CSV_BUFFER_BYTES, MAX_LINE_BYTES } from './limits'
import type { PreambleGuess } from './preamble'
import { classifyColumn, conversionSql, type ColumnConversion } from './numberLocale'

export interface CsvDialect {
  delimiter: string
  hasHeader: boolean
  skipRows: number
  /** The line break between records, when the head uses one kind only (else DuckDB guesses). */
  newline: Newline | null
  /**
   * Whether a quoted empty field `""` is a missing value (NULL). Only when the writer quotes every field: a writer
   * that quotes some fields and writes `""` means an empty string, and the column keeps it as text.
   */
  quotedEmptyIsNull: boolean
  /** Column names to read with instead of DuckDB's (a header that repeats a name: columnNames.ts). */
  names: string[] | null
  /** The row of column descriptions under the header, left out of the table (descriptionRow.ts). */
  descriptionRow: string[] | null
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

/** The decoded head of the file (after dropped lines), and whether it is the whole file. */
export interface HeadText {
  text: string
  complete: boolean
}

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

export function readCsvCall(
  path: string,
  dialect: CsvDialect,
  mode: ReadMode = FAST,
  columnsAsText: string[] | 'all' = []
): string {
  const asText =
    columnsAsText === 'all' || mode.text === 'all' ? 'all' : [...new Set([...(mode.text ?? []), ...columnsAsText])]
  // A description row is left out by reading the header as a skipped row too, with the names given.
  const skipDescription = dialect.hasHeader && dialect.descriptionRow !== null && dialect.names !== null
  const opts = [
    `delim=${literal(dialect.delimiter)}`,
    `header=${dialect.hasHeader && !skipDescription}`,
    `skip=${dialect.skipRows + (skipDescription ? 2 : 0)}`,
    ...(dialect.names ? [`names=[${dialect.names.map(literal).join(', ')}]`] : []),
    // Standard CSV quoting, stated so the reader never has to guess it.
    `quote='"'`,
    `escape='"'`,
    ...(dialect.newline ? [newlineOption(dialect.newline)] : []),
    `allow_quoted_nulls=${dialect.quotedEmptyIsNull}`,
    `max_line_size=${MAX_LINE_BYTES}`,
    `buffer_size=${CSV_BUFFER_BYTES}`,
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
  preamble: PreambleGuess | null,
  head: HeadText
): Promise<CsvDialect> {
  // Our record count (quote-aware, over the head) picks the delimiter more reliably than DuckDB's sniffer
  // on exports with title lines or ragged rows; DuckDB still decides the header and the types.
  const delimiter = options.delimiter ?? declaredDelimiter ?? preamble?.delimiter
  const skip = options.skipRows ?? (preamble && preamble.skipRows > 0 ? preamble.skipRows : undefined)
  const newline = detectNewline(head.text)
  const args: string[] = [`max_line_size=${MAX_LINE_BYTES}`, `buffer_size=${CSV_BUFFER_BYTES}`, 'null_padding=true']
  if (newline) args.push(newlineOption(newline))
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
    if ((!preamble && !delimiter) || isInterrupted(err)) throw err
    return withQuoting(head.text, newline, {
      delimiter: delimiter ?? preamble!.delimiter,
      hasHeader: options.hasHeader ?? true,
      skipRows: skip ?? preamble?.skipRows ?? 0
    })
  }
  return withQuoting(head.text, newline, {
    delimiter: delimiter ?? row.Delimiter,
    hasHeader: options.hasHeader ?? Boolean(row.HasHeader),
    skipRows: skip ?? Number(row.SkipRows)
  })
}

function withQuoting(
  head: string,
  newline: Newline | null,
  d: Pick<CsvDialect, 'delimiter' | 'hasHeader' | 'skipRows'>
): CsvDialect {
  return {
    ...d,
    newline,
    quotedEmptyIsNull: quotesEveryField(head, d.delimiter, d.skipRows + (d.hasHeader ? 1 : 0)),
    names: null,
    descriptionRow: null
  }
}

export async function planCsv(
  conn: DuckDBConnection,
  path: string,
  options: ImportOptions,
  declaredDelimiter: string | null,
  preamble: PreambleGuess | null,
  head: HeadText,
  mode: ReadMode = FAST
): Promise<CsvPlan> {
  const { dialect, columns } = await planHeader(
    conn,
    path,
    await sniffDialect(conn, path, options, declaredDelimiter, preamble, head),
    head,
    mode
  )
  // A semicolon-delimited file almost always comes from a decimal-comma locale.
  const semicolon = dialect.delimiter === ';'
  // DuckDB reads dot-thousands ("407.137") as a DOUBLE (407.137). Such columns are classified from their text too,
  // and re-read as text when they turn out to be comma-decimal: in a semicolon file, or in any file another column of
  // which writes decimal commas ("1,4"). CrowdTangle writes "Overperforming Score" as "1,4" and "Total Interactions"
  // as "407.137" in one comma-delimited file; the preview said 407.137 and "Thousands separator: None" while the
  // import (crowdtangleSearch) stores 407137.
  // DuckDB reads a column of t/f (or T/F) letters as BOOLEAN; only the words true/false are booleans, the rest stays
  // text as written. On the full-scan retry, text columns stay text: a later value did not fit the sampled convention.
  const candidates = columns.filter(
    (c) => c.type === 'BOOLEAN' || (!mode.fullScan && (c.type === 'VARCHAR' || c.type === 'DOUBLE'))
  )
  const conversions: ColumnConversion[] = []
  const lettersAsText: string[] = []
  if (candidates.length > 0) {
    const sample = await conn.runAndReadAll(
      `SELECT ${candidates.map((c) => ident(c.name)).join(', ')} FROM ${readCsvCall(path, dialect, mode, 'all')} LIMIT ${SAMPLE_VALUES}`
    )
    const byColumn = sample.getColumnsJson() as (string | null)[][]
    // No rows (a header-only file) gives no column arrays at all.
    const valuesOf = (i: number) => byColumn[i] ?? []
    candidates.forEach((col, i) => {
      if (col.type === 'BOOLEAN') {
        if (!valuesOf(i).every(isBooleanWord)) lettersAsText.push(col.name)
        return
      }
      if (col.type !== 'VARCHAR') return
      const c = classifyColumn(col.name, valuesOf(i), semicolon)
      if (c) conversions.push(c)
    })
    // A text column with decimal commas that cannot be read the other way ("1,4", not "1,234") sets the file's convention.
    const writesDecimalCommas = semicolon || conversions.some((c) => c.style === 'comma-decimal' && !c.integer)
    if (writesDecimalCommas) {
      candidates.forEach((col, i) => {
        if (col.type !== 'DOUBLE') return
        const c = classifyColumn(col.name, valuesOf(i), true)
        if (c?.style === 'comma-decimal') conversions.push(c)
      })
    }
  }
  const reread = [
    ...conversions.filter((c) => columns.find((col) => col.name === c.column)?.type !== 'VARCHAR').map((c) => c.column),
    ...lettersAsText
  ]
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
    // Recognizers read the text as they were written against it: a quoted empty field is NULL there, as before.
    textSource: readCsvCall(path, { ...dialect, quotedEmptyIsNull: true }, mode, 'all'),
    selectList,
    decimalSeparator,
    // Only a separator actually seen: "Period (.)" for a file with no thousands at all would mislead.
    thousandsSeparator: conversions.find((c) => c.grouping !== '')?.grouping ?? ''
  }
}

interface Column {
  name: string
  type: string
}

async function describeColumns(
  conn: DuckDBConnection,
  path: string,
  dialect: CsvDialect,
  mode: ReadMode
): Promise<Column[]> {
  const described = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${readCsvCall(path, dialect, mode)}`)
  return (described.getRowObjectsJson() as { column_name: string; column_type: string }[]).map((r) => ({
    name: r.column_name,
    type: r.column_type
  }))
}

/**
 * The header as DuckDB reads it, corrected from our own reading of the head: names that repeat are made unique
 * without taking a name the file uses, and a row of column descriptions under the header is left out when leaving
 * it out gives some text column a type (then it was not data).
 */
async function planHeader(
  conn: DuckDBConnection,
  path: string,
  dialect: CsvDialect,
  head: HeadText,
  mode: ReadMode
): Promise<{ dialect: CsvDialect; columns: Column[] }> {
  const columns = await describeColumns(conn, path, dialect, mode)
  if (!dialect.hasHeader) return { dialect, columns }
  const records = scanRecords(head.text, dialect.delimiter, dialect.skipRows + 2 + DESCRIPTION_LOOKAHEAD, head.complete)
  const header = records[dialect.skipRows]
  const names = header
    ? headerNames(
        header.values,
        columns.map((c) => c.name)
      )
    : null
  const description = descriptionRowCandidate(records, dialect.skipRows)
  if (description) {
    const skipped = { ...dialect, names: names ?? columns.map((c) => c.name), descriptionRow: description }
    const typed = await describeColumns(conn, path, skipped, mode)
    if (typed.some((c, i) => columns[i]?.type === 'VARCHAR' && c.type !== 'VARCHAR'))
      return { dialect: skipped, columns: typed }
  }
  if (!names) return { dialect, columns }
  const renamed = { ...dialect, names }
  return { dialect: renamed, columns: await describeColumns(conn, path, renamed, mode) }
}

const isBooleanWord = (v: string | null) => v === null || /^\s*(true|false)\s*$/i.test(v)

/** DuckDB takes the line break spelled as an escape (backslash, r, backslash, n), not as the characters themselves. */
const newlineOption = (n: Newline) => `new_line='${n.replace('\r', '\\r').replace('\n', '\\n')}'`
