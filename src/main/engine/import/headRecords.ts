/**
 * A quote-aware look at the records in a file's head, before DuckDB reads it: how many fields each record has,
 * how each record ends, and whether the writer quoted every field. The preamble detection and the read plan
 * decide from these shapes what DuckDB would otherwise have to guess.
 */

export type Newline = '\n' | '\r\n' | '\r'

export interface RecordShape {
  /** Number of fields (0 for a blank line). */
  fields: number
  /** Fields holding something other than spaces and quotes. */
  filled: number
  firstFilled: boolean
  /** Fields that do not start with a quote. */
  unquoted: number
  /** The line break that ended the record; null for a last record the file ends without one. */
  end: Newline | null
  /** The fields' text, quotes undone. */
  values: string[]
}

/**
 * The records of the head. Quotes are followed across line breaks, so a multi-line caption is one record. The last
 * record is left out unless `complete` says the head is the whole file: in a head cut from a bigger file it may be
 * cut off.
 */
export function scanRecords(text: string, delimiter: string, maxRecords: number, complete = false): RecordShape[] {
  const records: RecordShape[] = []
  let fields = 1
  let empty = true
  let quoted = false
  let filled = 0
  let unquoted = 0
  let fieldHasText = false
  let fieldStart = true
  let firstFilled = false
  let values: string[] = []
  let value = ''
  let justClosed = false
  const endField = () => {
    values.push(value)
    value = ''
    if (fieldHasText) {
      filled++
      if (fields === 1) firstFilled = true
    }
    fieldHasText = false
    fieldStart = true
  }
  const startField = (ch: string) => {
    if (fieldStart && ch !== '"') unquoted++
    fieldStart = false
  }
  const endRecord = (end: Newline | null) => {
    if (fieldStart) unquoted++
    endField()
    records.push({
      fields: empty ? 0 : fields,
      filled,
      firstFilled,
      unquoted: empty ? 0 : unquoted,
      end,
      values: empty ? [] : values
    })
    values = []
    fields = 1
    empty = true
    filled = 0
    unquoted = 0
    firstFilled = false
  }
  for (let i = 0; i < text.length && records.length < maxRecords; i++) {
    const ch = text[i]
    const closedBefore = justClosed
    justClosed = false
    if (ch === '"') {
      startField(ch)
      // A doubled quote inside quotes: the first one seemed to close the field, the second reopens it.
      if (closedBefore) value += '"'
      quoted = !quoted
      justClosed = !quoted
      empty = false
    } else if (!quoted && (ch === '\n' || ch === '\r')) {
      const crlf = ch === '\r' && text[i + 1] === '\n'
      if (crlf) i++
      endRecord(crlf ? '\r\n' : ch)
    } else if (!quoted && ch === delimiter) {
      if (fieldStart) unquoted++
      endField()
      fields++
      empty = false
    } else {
      startField(ch)
      value += ch
      if (ch !== ' ') {
        empty = false
        fieldHasText = true
      }
    }
  }
  if (complete && !quoted && !empty && records.length < maxRecords) endRecord(null)
  return records
}

/**
 * The line break between records when the head uses one kind only. DuckDB guesses it from the first break it sees,
 * even one inside a quoted header cell ("Total\r\nReach" in a file of \n lines), and then refuses the file.
 */
export function detectNewline(text: string): Newline | null {
  const ends = new Set(scanRecords(text, ',', 200).map((r) => r.end))
  return ends.size === 1 ? [...ends][0] : null
}

/**
 * True when every field of every data record in the head is quoted (Sprout Social writes "0","","12"). Such a writer
 * quotes whatever the value, so its `""` is a missing value; a writer that quotes only some fields and writes `""`
 * means an empty string.
 */
export function quotesEveryField(text: string, delimiter: string, recordsAbove: number): boolean {
  const data = scanRecords(text, delimiter, recordsAbove + 200)
    .slice(recordsAbove)
    .filter((r) => r.fields > 0)
  return data.length > 0 && data.every((r) => r.unquoted === 0)
}
