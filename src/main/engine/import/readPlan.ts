/** One plan for reading a prepared file, whatever its format: the SELECT that yields the dataset's rows. */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { DetectedSettings, ImportOptions } from '../../../shared/types'
import { FAST, planCsv, type CsvDialect, type ReadMode } from './csvPlan'
import { planJson } from './jsonPlan'
import type { PreparedSource } from './prepareSource'

export interface ReadPlan {
  /** `SELECT ... FROM ...` yielding the rows to store. */
  select: string
  /** FROM-able source with every column as exact text (CSV) or as the JSON gave it: what recognisers read. */
  textSource: string
  settings: DetectedSettings
  warnings: string[]
  /** The title lines skipped above the table ("Facebook follows"), for recognizers; empty for JSON. */
  preamble: string[]
  /** What a row of column descriptions under the header said, per column; stored as the columns' comments. */
  columnNotes: ColumnNote[]
  /** Columns whose numbers the file wrote with thousands separators: the preview shows them grouped. */
  groupedColumns: string[]
}

export interface ColumnNote {
  column: string
  note: string
}

export async function planRead(
  conn: DuckDBConnection,
  src: PreparedSource,
  options: ImportOptions,
  mode: ReadMode = FAST
): Promise<ReadPlan> {
  const base = { encoding: src.encoding, hadBom: src.hadBom }
  if (src.guess.format === 'csv') {
    const plan = await planCsv(
      conn,
      src.readPath,
      options,
      src.guess.declaredDelimiter,
      src.preamble,
      { text: src.headText, complete: src.scan.size <= src.scan.head.length },
      mode
    )
    const warnings = plan.conversions
      .filter((c) => c.placeholders > 0)
      .map((c) => `Column "${c.column}": placeholder values such as "-" or "N/A" were read as empty (null).`)
    const columnNotes = describedColumns(plan.dialect)
    if (columnNotes.length > 0) {
      warnings.push(
        `The row under the header describes the columns ("${ellipsis(columnNotes[0].note)}"); it is not data, so it was ` +
          "left out of the table and kept as the columns' descriptions."
      )
    }
    if (src.unwrapped) {
      warnings.push(
        'Every line of this file was one quoted cell (a spreadsheet re-save of a CSV); the quoting was undone line by line before reading.'
      )
    }
    return {
      select: `SELECT ${plan.selectList} FROM ${plan.source}`,
      textSource: plan.textSource,
      settings: {
        ...base,
        format: 'csv',
        delimiter: plan.dialect.delimiter,
        hasHeader: plan.dialect.hasHeader,
        skipRows: plan.dialect.skipRows,
        decimalSeparator: plan.decimalSeparator,
        thousandsSeparator: plan.thousandsSeparator,
        jsonPath: null
      },
      warnings,
      preamble: src.headText.split(/\r\n|\n|\r/).slice(0, plan.dialect.skipRows),
      columnNotes,
      groupedColumns: plan.conversions.filter((c) => c.grouping !== '').map((c) => c.column)
    }
  }
  const plan = await planJson(
    conn,
    src.readPath,
    src.fileName,
    src.guess.format,
    src.scan.size,
    src.guess.jsonTop ?? 'array'
  )
  return {
    select: `SELECT ${plan.selectList} FROM ${plan.from}`,
    textSource: `(SELECT ${plan.selectList} FROM ${plan.from})`,
    settings: {
      ...base,
      format: src.guess.format,
      delimiter: null,
      hasHeader: true,
      skipRows: 0,
      decimalSeparator: '.',
      thousandsSeparator: '',
      jsonPath: plan.jsonPath
    },
    warnings: [],
    preamble: [],
    columnNotes: [],
    groupedColumns: []
  }
}

function describedColumns(d: CsvDialect): ColumnNote[] {
  if (!d.descriptionRow || !d.names) return []
  const names = d.names
  return d.descriptionRow.map((note, i) => ({ column: names[i], note: note.trim() })).filter((n) => n.note !== '')
}

const ellipsis = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s)
