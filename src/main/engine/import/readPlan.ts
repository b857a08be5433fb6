/** One plan for reading a prepared file, whatever its format: the SELECT that yields the dataset's rows. */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { DetectedSettings, ImportOptions } from '../../../shared/types'
import { FAST, planCsv, type ReadMode } from './csvPlan'
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
}

export async function planRead(
  conn: DuckDBConnection,
  src: PreparedSource,
  options: ImportOptions,
  mode: ReadMode = FAST
): Promise<ReadPlan> {
  const base = { encoding: src.encoding, hadBom: src.hadBom }
  if (src.guess.format === 'csv') {
    const plan = await planCsv(conn, src.readPath, options, src.guess.declaredDelimiter, src.preamble, mode)
    const warnings = plan.conversions
      .filter((c) => c.placeholders > 0)
      .map((c) => `Column "${c.column}": placeholder values such as "-" or "N/A" were read as empty (null).`)
    if (src.unwrapped) {
      warnings.push('Every line of this file was one quoted cell (a spreadsheet re-save of a CSV); the quoting was undone line by line before reading.')
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
      preamble: src.headText.split(/\r\n|\n|\r/).slice(0, plan.dialect.skipRows)
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
    preamble: []
  }
}
