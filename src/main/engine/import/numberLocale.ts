/**
 * Numbers written with thousands separators or decimal commas ("1.234,5", "12,345", "1 234") arrive as text.
 * Decide per column which convention its values follow, and build the SQL that converts them exactly.
 */
import { ident } from '../db/sql'

export const PLACEHOLDERS = ['-', '--', '—', 'N/A', 'n/a', 'NA', 'NaN', 'NAN', 'nan', 'null', 'NULL', 'None']

export type NumberStyle = 'dot-decimal' | 'comma-decimal'

export interface ColumnConversion {
  column: string
  style: NumberStyle
  integer: boolean
  placeholders: number
  /** The thousands separator actually seen in the values ('' when none was). */
  grouping: '' | ',' | '.' | ' '
}

const DOT_DECIMAL = /^[-+]?(\d{1,3}([, \u00a0]\d{3})+|\d+)(\.\d+)?$/
const COMMA_DECIMAL = /^[-+]?(\d{1,3}([. \u00a0]\d{3})+|\d+)(,\d+)?$/
const HAS_SEPARATOR = /[.,\s\u00a0]/

/**
 * Classify one text column from a sample of its values. Returns null when the column is not numeric
 * (any value fits neither convention) or when nothing needs converting.
 * `preferComma` breaks ties such as "1.234" or "1,234" (valid either way) in favour of the file's convention.
 */
export function classifyColumn(
  column: string,
  values: (string | null)[],
  preferComma: boolean
): ColumnConversion | null {
  let dotOk = true
  let commaOk = true
  let numbers = 0
  let placeholders = 0
  let separators = 0
  let dotFraction = false
  let commaFraction = false
  const groups = { ',': false, '.': false, ' ': false }
  for (const raw of values) {
    if (raw === null) continue
    const v = raw.trim()
    if (v === '') continue
    if (PLACEHOLDERS.includes(v)) {
      placeholders++
      continue
    }
    numbers++
    if (HAS_SEPARATOR.test(v)) separators++
    if (dotOk && !DOT_DECIMAL.test(v)) dotOk = false
    if (commaOk && !COMMA_DECIMAL.test(v)) commaOk = false
    if (!dotOk && !commaOk) return null
    for (const g of [',', '.', ' '] as const)
      if (new RegExp(`\\d[${g === ' ' ? ' \u00a0' : g}]\\d{3}(\\D|$)`).test(v)) groups[g] = true
    if (/\.\d+$/.test(v) && !/^[-+]?\d{1,3}(\.\d{3})+$/.test(v)) dotFraction = true
    if (/,\d+$/.test(v) && !/^[-+]?\d{1,3}(,\d{3})+$/.test(v)) commaFraction = true
  }
  if (numbers === 0) return null
  if (separators === 0 && placeholders === 0) return null
  let style: NumberStyle
  if (dotOk && !commaOk) style = 'dot-decimal'
  else if (commaOk && !dotOk) style = 'comma-decimal'
  else style = preferComma ? 'comma-decimal' : 'dot-decimal'
  const integer = style === 'dot-decimal' ? !dotFraction : !commaFraction
  const grouping = groups[' '] ? ' ' : style === 'dot-decimal' ? (groups[','] ? ',' : '') : groups['.'] ? '.' : ''
  return { column, style, integer, placeholders, grouping }
}

/** SQL that turns the text column into a number; CAST (not TRY_CAST) so a value that does not fit fails loudly. */
export function conversionSql(c: ColumnConversion): string {
  const col = ident(c.column)
  const stripped =
    c.style === 'dot-decimal'
      ? `replace(replace(replace(trim(${col}), ',', ''), ' ', ''), chr(160), '')`
      : `replace(replace(replace(replace(trim(${col}), '.', ''), ' ', ''), chr(160), ''), ',', '.')`
  const placeholderList = PLACEHOLDERS.map((p) => `'${p}'`).join(', ')
  const type = c.integer ? 'BIGINT' : 'DOUBLE'
  return `CASE WHEN ${col} IS NULL OR trim(${col}) IN ('', ${placeholderList}) THEN NULL ELSE CAST(${stripped} AS ${type}) END`
}
