import { neutraliseFormula } from '../../../../shared/csv'

/**
 * A copied cell: text, a number from a numeric column as written (`numeric`), or null (an empty cell). Kept apart
 * because only text is neutralised: -3 in a numeric column pastes as the number -3, the text "-3" as text.
 */
export type TsvValue = string | null | { numeric: string }

/**
 * Cells as tab-separated text the way Excel puts it on the clipboard, so Excel, Sheets and Numbers paste it into
 * cells: rows end in CRLF, and a cell holding a tab, a line break or a double quote is wrapped in double quotes
 * with its quotes doubled. Nulls are empty cells. Text a spreadsheet would evaluate as a formula (starting with
 * = + - @, a tab or CR) gets a leading `'`, by the same rule as every CSV the app writes (shared/csv.ts): a post
 * text `=HYPERLINK(…)` pasted into Sheets stays text.
 */
export function toTsv(rows: readonly (readonly TsvValue[])[]): string {
  return rows.map((r) => r.map(tsvCell).join('\t')).join('\r\n') + (rows.length ? '\r\n' : '')
}

export function tsvCell(value: TsvValue): string {
  if (value === null) return ''
  if (typeof value !== 'string') return value.numeric
  const text = neutraliseFormula(value)
  return /[\t\r\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
