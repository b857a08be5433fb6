/**
 * Cells as tab-separated text the way Excel puts it on the clipboard, so Excel, Sheets and Numbers paste it into
 * cells: rows end in CRLF, and a cell holding a tab, a line break or a double quote is wrapped in double quotes
 * with its quotes doubled. Nulls are empty cells.
 */
export function toTsv(rows: readonly (readonly (string | null)[])[]): string {
  return rows.map((r) => r.map(tsvCell).join('\t')).join('\r\n') + (rows.length ? '\r\n' : '')
}

export function tsvCell(value: string | null): string {
  if (value === null) return ''
  return /[\t\r\n"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}
