/**
 * Exports often put a title above the table ("Facebook follows", a report name, a date range). DuckDB's
 * sniffer gives up on such files, so find the delimiter and the lines to skip from the field counts of the
 * first lines: the table is where the count settles.
 */
import { scanRecords, type RecordShape } from './headRecords'

const CANDIDATES = [',', ';', '\t', '|']
const MAX_PREAMBLE = 10

export interface PreambleGuess {
  delimiter: string
  skipRows: number
}

/**
 * The delimiter whose field counts settle into the widest consistent table, and the title lines above it.
 * `complete`: the text is the whole file, so its last record counts (a title above a one-row table has only three).
 */
export function detectPreamble(text: string, delimiter: string | null, complete = false): PreambleGuess | null {
  let best: PreambleGuess | null = null
  let bestScore = 0
  for (const d of delimiter ? [delimiter] : CANDIDATES) {
    const records = scanRecords(text, d, 60, complete)
    const counts = records.map((r) => r.fields)
    if (counts.filter((c) => c > 0).length < 3) continue
    const mode = modeOf(counts.slice(Math.min(MAX_PREAMBLE, Math.floor(counts.length / 2))))
    if (mode < 2) continue
    let skip = 0
    while (skip < MAX_PREAMBLE && skip < counts.length && counts[skip] !== mode) skip++
    // A title saved with trailing delimiters ("Facebook reach<TAB>", "Facebook follows;") has the table's field
    // count, but only its first field is filled; a header line never looks like that when the next line is full.
    while (skip < MAX_PREAMBLE && skip + 1 < records.length && isTitle(records[skip]) && records[skip + 1].filled >= 2)
      skip++
    const consistent = counts.slice(skip).filter((c) => c === mode).length
    const score = consistent * mode
    if (score > bestScore) {
      bestScore = score
      best = { delimiter: d, skipRows: skip }
    }
  }
  return best
}

/** Field count of each record (blank lines count 0); see scanRecords. */
export function recordFieldCounts(text: string, delimiter: string, maxRecords: number, complete = false): number[] {
  return scanRecords(text, delimiter, maxRecords, complete).map((r) => r.fields)
}

const isTitle = (r: RecordShape) => r.fields >= 2 && r.filled === 1 && r.firstFilled

function modeOf(values: number[]): number {
  const freq = new Map<number, number>()
  for (const v of values) if (v > 0) freq.set(v, (freq.get(v) ?? 0) + 1)
  let mode = 0
  let best = 0
  for (const [v, f] of freq) if (f > best || (f === best && v > mode)) [mode, best] = [v, f]
  return mode
}
