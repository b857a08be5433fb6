/**
 * A CSV re-saved by a spreadsheet that read each physical line as ONE cell: on saving it quoted every cell
 * holding a comma or a quote, so the file became a CSV inside a CSV ("Video asset ID,""Universal video ID"",...").
 * Lines the spreadsheet left bare (caption continuation lines with neither comma nor quote) are unchanged, so
 * undoing the quoting line by line gives back the original text exactly, multi-line captions included.
 */

/** The text of a line that is one quoted field (inner quotes doubled), or null when it is not one. */
export function unquoteLine(line: string): string | null {
  if (line.length < 2 || line[0] !== '"' || line[line.length - 1] !== '"') return null
  const inner = line.slice(1, -1)
  // Every quote inside must be doubled; a lone quote means the line holds several fields.
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] !== '"') continue
    if (inner[i + 1] !== '"') return null
    i++
  }
  return inner.replace(/""/g, '"')
}

/**
 * True when the head looks wrapped: the header line is one quoted field that itself holds a delimited header,
 * and so is the next line that starts with a quote. A real one-column CSV whose header contains commas and
 * quotes is implausible; a normal quoted header ("a","b") fails unquoteLine.
 */
export function isWrappedCsv(head: string): boolean {
  const lines = head.split(/\r\n|\n|\r/).filter((l) => l !== '')
  const header = lines[0] === undefined ? null : unquoteLine(lines[0])
  if (header === null || !/[,;\t]/.test(header)) return false
  const next = lines.slice(1).find((l) => l.startsWith('"'))
  return next !== undefined && unquoteLine(next) !== null
}

/** Unwrap a whole text (the head, for sniffing). */
export function unwrapText(text: string): string {
  return text.replace(/[^\r\n]+/g, (line) => unquoteLine(line) ?? line)
}

/** A streaming version for the copy DuckDB reads: holds back the unfinished last line of each chunk. */
export function lineUnwrapper(): (text: string, final: boolean) => string {
  let pending = ''
  return (text, final) => {
    const all = pending + text
    const cut = final ? all.length : Math.max(all.lastIndexOf('\n'), all.lastIndexOf('\r')) + 1
    pending = all.slice(cut)
    return unwrapText(all.slice(0, cut))
  }
}
