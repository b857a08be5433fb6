/**
 * Some exports put a second header row under the column names: a sentence describing each metric (legacy Facebook
 * Page Insights: "Lifetime: The total number of people your Page post was served to."). Read as data, that row
 * makes every numeric column text. This finds such a row from the head's records; the read plan then confirms it
 * with DuckDB (leaving the row out must give some text column a type) before leaving it out.
 */
import type { RecordShape } from './headRecords'
import { PLACEHOLDERS } from './numberLocale'

/** Data records looked at under the candidate row. */
export const DESCRIPTION_LOOKAHEAD = 60

/** Characters a description must have when it is the row's only one. */
const MIN_LONE_DESCRIPTION = 25

const NUMBER = /^[-+]?[\d.,\s\u00a0]*\d[\d.,\s\u00a0]*%?$/
const DATE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T]\d{1,2}:\d{2}(:\d{2})?)?/
const looksTyped = (v: string) => NUMBER.test(v) || DATE.test(v) || PLACEHOLDERS.includes(v)
/** A sentence, not a value: letters and at least two words. */
const looksLikeProse = (v: string) => /\p{L}/u.test(v) && /\S\s+\S/.test(v) && !looksTyped(v)

/**
 * The row under the header (records[headerIndex + 1]) when it reads as column descriptions: in the columns whose
 * values below it are all numbers or dates, it holds sentences, in at least half of them, and it holds no number or
 * date anywhere. One described column alone must say more than a stray word would ("not counted" in a first data
 * row is data). Returns that row's cells, or null.
 */
export function descriptionRowCandidate(records: RecordShape[], headerIndex: number): string[] | null {
  const header = records[headerIndex]
  const row = records[headerIndex + 1]
  const below = records.slice(headerIndex + 2).filter((r) => r.fields > 0)
  if (!header || !row || row.fields !== header.fields || below.length === 0) return null
  const cells = row.values.map((v) => v.trim())
  if (cells.some((v) => v !== '' && looksTyped(v))) return null
  let typedColumns = 0
  let described = 0
  let longest = 0
  for (let i = 0; i < header.fields; i++) {
    const values = below.map((r) => (r.values[i] ?? '').trim()).filter((v) => v !== '')
    if (values.length === 0 || !values.every(looksTyped)) continue
    typedColumns++
    if (looksLikeProse(cells[i])) {
      described++
      longest = Math.max(longest, cells[i].length)
    }
  }
  const enough = described >= 2 || longest >= MIN_LONE_DESCRIPTION
  return enough && described * 2 >= typedColumns ? row.values : null
}
