/**
 * Events as CSV: the export a colleague or a spreadsheet opens, and the import that reads it (or one made by
 * hand) back. The import is all or nothing: every row is checked first, and the first wrong one is named by its
 * row (as a spreadsheet numbers it, the header being row 1) and column; only then are all rows added in one
 * transaction.
 */
import { readFile, stat } from 'node:fs/promises'
import { eventInput } from '../../../shared/contract'
import { csvRecord } from '../../../shared/csv'
import { issueText } from '../../../shared/inputIssue'
import { AppFailure } from '../../../shared/result'
import { EVENT_CSV_COLUMNS, parseEventKind, type TimelineEvent } from '../../../shared/timeline'
import type { Database } from '../db/duckdb'
import { insertEvents, listEvents, type EventFields } from './eventStore'

const MAX_BYTES = 5_000_000
const MAX_ROWS = 20_000

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF ends a record. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  const s = text.replace(/^\uFEFF/, '')
  while (i < s.length) {
    const c = s[i]
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"'
        i += 2
        continue
      }
      if (c === '"') quoted = false
      else field += c
      i++
      continue
    }
    if (c === '"' && field === '') quoted = true
    else if (c === ',') {
      record.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      if (c === '\r' && s[i + 1] === '\n') i++
    } else field += c
    i++
  }
  if (field !== '' || record.length) {
    record.push(field)
    records.push(record)
  }
  return records
}

/** Other names people give the columns ("date", "Start date", "type"), folded to ours. */
const ALIASES: Record<string, (typeof EVENT_CSV_COLUMNS)[number]> = {
  start: 'start',
  'start date': 'start',
  'start day': 'start',
  date: 'start',
  day: 'start',
  from: 'start',
  end: 'end',
  'end date': 'end',
  'end day': 'end',
  to: 'end',
  until: 'end',
  title: 'title',
  name: 'title',
  event: 'title',
  kind: 'kind',
  type: 'kind',
  category: 'kind',
  institution: 'institution',
  organisation: 'institution',
  organization: 'institution',
  source: 'source',
  url: 'source',
  notes: 'notes',
  note: 'notes',
  description: 'notes'
}

/**
 * Our export puts a `'` before text a spreadsheet would run as a formula (shared/csv.ts); reading it back drops
 * that quote, as the spreadsheet does, so an export imports to the same events.
 */
const unneutralise = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s)

const FIELD_OF: Record<string, string> = {
  start: 'start',
  end: 'end',
  title: 'title',
  kind: 'kind',
  institutionId: 'institution',
  source: 'source',
  notes: 'notes'
}

export async function readEventsCsv(db: Database, input: { path?: string; text?: string }): Promise<EventFields[]> {
  const name = input.path ? (input.path.split(/[\\/]/).pop() ?? input.path) : 'The events CSV'
  let text = input.text ?? ''
  if (input.path) {
    const size = await stat(input.path).then(
      (s) => s.size,
      () => -1
    )
    if (size < 0) throw new AppFailure('NOT_FOUND', `${name} could not be read (it may have been moved or deleted).`)
    if (size > MAX_BYTES)
      throw new AppFailure('BAD_INPUT', `${name} is larger than ${MAX_BYTES / 1_000_000} MB; an events file is small.`)
    text = await readFile(input.path, 'utf8')
  }
  // Blank lines are skipped, but rows keep the number a spreadsheet shows them under.
  const records = parseCsv(text)
    .map((cells, i) => ({ cells, row: i + 1 }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''))
  if (!records.length) throw new AppFailure('EMPTY_FILE', `${name} is empty.`)
  const header = records[0].cells.map((h) => ALIASES[h.trim().toLowerCase()] ?? null)
  for (const required of ['start', 'title', 'kind'] as const) {
    if (!header.includes(required)) {
      throw new AppFailure(
        'BAD_INPUT',
        `${name} has no "${required}" column (expected columns: ${EVENT_CSV_COLUMNS.join(', ')}).`
      )
    }
  }
  if (records.length - 1 > MAX_ROWS) throw new AppFailure('BAD_INPUT', `${name} has more than ${MAX_ROWS} events.`)
  const institutions = new Map(
    (await db.all(`SELECT institution_id, name FROM institutions`)).map((r) => [
      String(r.name).trim().toLowerCase(),
      Number(r.institution_id)
    ])
  )
  const rows: EventFields[] = []
  for (const { cells, row } of records.slice(1)) {
    const cell = (col: string) => {
      const i = header.indexOf(col as (typeof EVENT_CSV_COLUMNS)[number])
      return i < 0 ? '' : unneutralise((cells[i] ?? '').trim())
    }
    const at = (col: string) => `${name}, row ${row}, column ${col}`
    const kindText = cell('kind')
    const kind = parseEventKind(kindText)
    if (!kind) {
      throw new AppFailure(
        'BAD_INPUT',
        `${at('kind')}: "${kindText}" is not a kind (use campaign, awareness day, crisis, platform change or other).`
      )
    }
    const institutionText = cell('institution')
    let institutionId: number | null = null
    if (institutionText) {
      institutionId = institutions.get(institutionText.toLowerCase()) ?? null
      if (institutionId === null)
        throw new AppFailure('BAD_INPUT', `${at('institution')}: no institution is called "${institutionText}".`)
    }
    const parsed = eventInput.safeParse({
      start: cell('start'),
      end: cell('end') || null,
      title: cell('title'),
      kind,
      institutionId,
      source: cell('source') || null,
      notes: cell('notes') || null
    })
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const col = FIELD_OF[String(issue?.path[0])] ?? 'start'
      throw new AppFailure('BAD_INPUT', `${at(col)}: ${issueText(parsed.error.issues, () => '')}`)
    }
    rows.push(parsed.data)
  }
  return rows
}

export async function importEvents(
  db: Database,
  input: { path?: string; text?: string }
): Promise<{ imported: number }> {
  const rows = await readEventsCsv(db, input)
  await db.write((conn) =>
    insertEvents(
      db,
      conn,
      rows.map((fields) => ({ fields }))
    )
  )
  return { imported: rows.length }
}

export function eventsToCsv(events: readonly TimelineEvent[]): string {
  const lines = [
    csvRecord(EVENT_CSV_COLUMNS),
    ...events.map((e) => csvRecord([e.start, e.end, e.title, e.kind, e.institutionName, e.source, e.notes]))
  ]
  // A BOM so Excel reads accents as UTF-8 (as the chart data CSVs do).
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

export async function exportEvents(db: Database): Promise<{ fileName: string; text: string }> {
  return { fileName: 'events.csv', text: eventsToCsv(await listEvents(db)) }
}
