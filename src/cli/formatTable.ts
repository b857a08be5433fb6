import { INVISIBLE_CHARS } from '../shared/invisibleChars'

/** Invisible characters from data shown as escapes (\x1b, \n, \u202e), never passed to the terminal to obey. */
export function escapeControls(s: string): string {
  return s.replace(INVISIBLE_CHARS, (c) => {
    const code = c.charCodeAt(0)
    if (c === '\n') return '\\n'
    if (c === '\r') return '\\r'
    if (c === '\t') return '\\t'
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
  })
}

/** A plain-text table for terminals: columns padded to their widest value, numbers right-aligned. */
export function formatTable(columns: string[], rows: Record<string, unknown>[], maxWidth = 60): string {
  const cell = (v: unknown) => {
    const s = escapeControls(
      v === null || v === undefined ? 'NULL' : typeof v === 'object' ? JSON.stringify(v) : String(v)
    )
    return s.length > maxWidth ? `${s.slice(0, maxWidth - 1)}…` : s
  }
  const body = rows.map((r) => columns.map((c) => cell(r[c])))
  const header = columns.map(escapeControls)
  const widths = header.map((c, i) => Math.max(c.length, ...body.map((r) => r[i].length)))
  const numeric = columns.map((c) => rows.length > 0 && rows.every((r) => r[c] === null || typeof r[c] === 'number'))
  const line = (cells: string[]) =>
    cells
      .map((s, i) => (numeric[i] ? s.padStart(widths[i]) : s.padEnd(widths[i])))
      .join('  ')
      .trimEnd()
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)]
  out.push(`(${rows.length} row${rows.length === 1 ? '' : 's'})`)
  return out.join('\n')
}
