/**
 * Exports often put a title above the table ("Facebook follows", a report name, a date range). DuckDB's
 * sniffer gives up on such files, so find the delimiter and the lines to skip from the field counts of the
 * first lines: the table is where the count settles.
 */
const CANDIDATES = [',', ';', '\t', '|']
const MAX_PREAMBLE = 10

export interface PreambleGuess {
  delimiter: string
  skipRows: number
}

/** The delimiter whose field counts settle into the widest consistent table, and the title lines above it. */
export function detectPreamble(text: string, delimiter: string | null): PreambleGuess | null {
  let best: PreambleGuess | null = null
  let bestScore = 0
  for (const d of delimiter ? [delimiter] : CANDIDATES) {
    const records = scanRecords(text, d, 60)
    const counts = records.map((r) => r.fields)
    if (counts.filter((c) => c > 0).length < 3) continue
    const mode = modeOf(counts.slice(Math.min(MAX_PREAMBLE, Math.floor(counts.length / 2))))
    if (mode < 2) continue
    let skip = 0
    while (skip < MAX_PREAMBLE && skip < counts.length && counts[skip] !== mode) skip++
    // A title saved with trailing delimiters ("Facebook reach<TAB>", "Facebook follows;") has the table's field
    // count, but only its first field is filled; a header line never looks like that when the next line is full.
    while (skip < MAX_PREAMBLE && skip + 1 < records.length && isTitle(records[skip]) && records[skip + 1].filled >= 2) skip++
    const consistent = counts.slice(skip).filter((c) => c === mode).length
    const score = consistent * mode
    if (score > bestScore) {
      bestScore = score
      best = { delimiter: d, skipRows: skip }
    }
  }
  return best
}

/**
 * Field count of each record (blank lines count 0). Quotes are followed across line breaks, so a multi-line
 * caption is one record; the last, possibly cut-off record of the head is left out.
 */
export function recordFieldCounts(text: string, delimiter: string, maxRecords: number): number[] {
  return scanRecords(text, delimiter, maxRecords).map((r) => r.fields)
}

interface RecordShape {
  /** Number of fields (0 for a blank line). */
  fields: number
  /** Fields holding something other than spaces and quotes. */
  filled: number
  firstFilled: boolean
}

const isTitle = (r: RecordShape) => r.fields >= 2 && r.filled === 1 && r.firstFilled

function scanRecords(text: string, delimiter: string, maxRecords: number): RecordShape[] {
  const records: RecordShape[] = []
  let fields = 1
  let empty = true
  let quoted = false
  let filled = 0
  let fieldHasText = false
  let firstFilled = false
  const endField = () => {
    if (fieldHasText) {
      filled++
      if (fields === 1) firstFilled = true
    }
    fieldHasText = false
  }
  for (let i = 0; i < text.length && records.length < maxRecords; i++) {
    const ch = text[i]
    if (ch === '"') {
      quoted = !quoted
      empty = false
    } else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && text[i + 1] === '\n') i++
      endField()
      records.push({ fields: empty ? 0 : fields, filled, firstFilled })
      fields = 1
      empty = true
      filled = 0
      firstFilled = false
    } else if (!quoted && ch === delimiter) {
      endField()
      fields++
      empty = false
    } else if (ch !== ' ') {
      empty = false
      fieldHasText = true
    }
  }
  return records
}

function modeOf(values: number[]): number {
  const freq = new Map<number, number>()
  for (const v of values) if (v > 0) freq.set(v, (freq.get(v) ?? 0) + 1)
  let mode = 0
  let best = 0
  for (const [v, f] of freq) if (f > best || (f === best && v > mode)) [mode, best] = [v, f]
  return mode
}
