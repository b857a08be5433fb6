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
    const counts = recordFieldCounts(text, d, 60)
    if (counts.filter((c) => c > 0).length < 3) continue
    const mode = modeOf(counts.slice(Math.min(MAX_PREAMBLE, Math.floor(counts.length / 2))))
    if (mode < 2) continue
    let skip = 0
    while (skip < MAX_PREAMBLE && skip < counts.length && counts[skip] !== mode) skip++
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
  const counts: number[] = []
  let fields = 1
  let empty = true
  let quoted = false
  for (let i = 0; i < text.length && counts.length < maxRecords; i++) {
    const ch = text[i]
    if (ch === '"') {
      quoted = !quoted
      empty = false
    } else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && text[i + 1] === '\n') i++
      counts.push(empty ? 0 : fields)
      fields = 1
      empty = true
    } else if (!quoted && ch === delimiter) {
      fields++
      empty = false
    } else if (ch !== ' ') {
      empty = false
    }
  }
  return counts
}

function modeOf(values: number[]): number {
  const freq = new Map<number, number>()
  for (const v of values) if (v > 0) freq.set(v, (freq.get(v) ?? 0) + 1)
  let mode = 0
  let best = 0
  for (const [v, f] of freq) if (f > best || (f === best && v > mode)) [mode, best] = [v, f]
  return mode
}
