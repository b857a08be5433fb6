/**
 * The events table: list, add, edit, delete. Inputs arrive validated by the contract (dates are calendar days, end
 * is not before start, the kind is known); what only the database knows (does the institution exist?) is checked here.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { EventKind, TimelineEvent } from '../../../shared/timeline'
import { AppFailure } from '../../../shared/result'
import type { Database, ReadConn, Row, WriteConn } from '../db/duckdb'
import type { UndoStack } from '../undo/stack'
import type { DeleteAnswer } from '../../../shared/undo'

export interface EventFields {
  start: string
  end?: string | null
  title: string
  kind: EventKind
  institutionId?: number | null
  source?: string | null
  notes?: string | null
}

// An institution deleted since reads as none (its id stays, so undoing the delete brings the link back).
const SELECT = `
  SELECT e.event_id, strftime(e.start_day, '%Y-%m-%d') AS start_day, strftime(e.end_day, '%Y-%m-%d') AS end_day,
         e.title, e.kind, i.institution_id, i.name AS institution_name, e.source, e.notes, e.observance_key
  FROM events e LEFT JOIN institutions i ON i.institution_id = e.institution_id`

function toEvent(r: Row): TimelineEvent {
  return {
    eventId: Number(r.event_id),
    start: String(r.start_day),
    end: (r.end_day as string | null) ?? null,
    title: String(r.title),
    kind: String(r.kind) as EventKind,
    institutionId: r.institution_id == null ? null : Number(r.institution_id),
    institutionName: (r.institution_name as string | null) ?? null,
    source: (r.source as string | null) ?? null,
    notes: (r.notes as string | null) ?? null,
    observance: (r.observance_key as string | null) ?? null
  }
}

export async function listEvents(db: Database, range: { from?: string; to?: string } = {}): Promise<TimelineEvent[]> {
  const rows = await db.all(
    `${SELECT}
     WHERE ($1::DATE IS NULL OR coalesce(e.end_day, e.start_day) >= $1::DATE)
       AND ($2::DATE IS NULL OR e.start_day <= $2::DATE)
     ORDER BY e.start_day, e.end_day NULLS FIRST, lower(e.title), e.event_id`,
    [range.from ?? null, range.to ?? null]
  )
  return rows.map(toEvent)
}

/**
 * What a benchmark's time charts draw: events touching from..to that concern everyone or one of the compared
 * institutions. On the benchmark's own connection, so it reads the same snapshot as the charts.
 */
export async function eventsForCharts(
  conn: DuckDBConnection,
  from: string,
  to: string,
  institutionIds: readonly number[]
): Promise<TimelineEvent[]> {
  const ids = institutionIds.filter((id) => Number.isInteger(id))
  const reader = await conn.runAndReadAll(
    `${SELECT}
     WHERE coalesce(e.end_day, e.start_day) >= $1::DATE AND e.start_day <= $2::DATE
       AND (i.institution_id IS NULL${ids.length ? ` OR i.institution_id IN (${ids.join(', ')})` : ''})
     ORDER BY e.start_day, e.end_day NULLS FIRST, lower(e.title), e.event_id`,
    [from, to]
  )
  return (reader.getRowObjectsJson() as Row[]).map(toEvent)
}

export async function getEvent(db: Database, id: number, conn?: ReadConn): Promise<TimelineEvent> {
  const rows = await db.all(`${SELECT} WHERE e.event_id = $1`, [id], conn)
  if (!rows.length) throw new AppFailure('NOT_FOUND', `Event ${id} does not exist (it may have been deleted).`)
  return toEvent(rows[0])
}

/** The fields as stored: a single day keeps end null, blank text is null. */
export function normalised(f: EventFields) {
  const text = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null)
  return {
    start: f.start,
    end: f.end && f.end !== f.start ? f.end : null,
    title: f.title.trim(),
    kind: f.kind,
    institutionId: f.institutionId ?? null,
    source: text(f.source),
    notes: text(f.notes)
  }
}

async function assertInstitution(
  db: Database,
  conn: WriteConn,
  id: number | null,
  where = 'institutionId'
): Promise<void> {
  if (id === null) return
  const rows = await db.all(`SELECT 1 FROM institutions WHERE institution_id = $1`, [id], conn)
  if (!rows.length) throw new AppFailure('BAD_INPUT', `${where}: institution ${id} does not exist.`)
}

/** Insert on an open write transaction (the CSV import adds all its rows in one). */
export async function insertEvent(
  db: Database,
  conn: WriteConn,
  f: EventFields,
  observanceKey: string | null = null
): Promise<number> {
  const n = normalised(f)
  await assertInstitution(db, conn, n.institutionId)
  const r = await conn.runAndReadAll(
    `INSERT INTO events (start_day, end_day, title, kind, institution_id, source, notes, observance_key)
     VALUES ($1::DATE, $2::DATE, $3, $4, $5, $6, $7, $8) RETURNING event_id`,
    [n.start, n.end, n.title, n.kind, n.institutionId, n.source, n.notes, observanceKey]
  )
  return Number(r.getRowObjectsJson()[0].event_id)
}

/**
 * Many inserts on an open write transaction, a few hundred rows per statement (one statement per row made
 * switching the observances on take seconds). Institutions are checked first, once per distinct id.
 */
export async function insertEvents(
  db: Database,
  conn: WriteConn,
  rows: readonly { fields: EventFields; observanceKey?: string | null }[]
): Promise<void> {
  const all = rows.map((r) => ({ ...normalised(r.fields), key: r.observanceKey ?? null }))
  for (const id of new Set(all.map((r) => r.institutionId))) await assertInstitution(db, conn, id)
  const CHUNK = 500
  for (let i = 0; i < all.length; i += CHUNK) {
    const chunk = all.slice(i, i + CHUNK)
    const values = chunk.map((_, j) => {
      const p = j * 8
      return `($${p + 1}::DATE, $${p + 2}::DATE, $${p + 3}, $${p + 4}, $${p + 5}::INTEGER, $${p + 6}, $${p + 7}, $${p + 8})`
    })
    await conn.run(
      `INSERT INTO events (start_day, end_day, title, kind, institution_id, source, notes, observance_key) VALUES ${values.join(', ')}`,
      chunk.flatMap((n) => [n.start, n.end, n.title, n.kind, n.institutionId, n.source, n.notes, n.key])
    )
  }
}

export async function addEvent(db: Database, f: EventFields): Promise<TimelineEvent> {
  const id = await db.write((conn) => insertEvent(db, conn, f))
  return getEvent(db, id)
}

export async function updateEvent(db: Database, input: EventFields & { eventId: number }): Promise<TimelineEvent> {
  await getEvent(db, input.eventId)
  const n = normalised(input)
  await db.write(async (conn) => {
    await assertInstitution(db, conn, n.institutionId)
    await conn.run(
      `UPDATE events SET start_day = $1::DATE, end_day = $2::DATE, title = $3, kind = $4, institution_id = $5, source = $6,
              notes = $7, updated_at = now()::TIMESTAMP
       WHERE event_id = $8`,
      [n.start, n.end, n.title, n.kind, n.institutionId, n.source, n.notes, input.eventId]
    )
  })
  return getEvent(db, input.eventId)
}

/** Delete an event, undoably: its row moves to the undo schema and comes back with every field and its id. */
export async function deleteEvent(db: Database, undo: UndoStack, id: number): Promise<DeleteAnswer> {
  const event = await getEvent(db, id)
  const saved = undo.table('event')
  await db.write(async (conn) => {
    await conn.run(`CREATE TABLE ${saved.sql} AS SELECT * FROM events WHERE event_id = $1`, [id])
    await conn.run(`DELETE FROM events WHERE event_id = $1`, [id])
  })
  const entry = await undo.push({
    kind: 'deleteEvent',
    label: `Deleted event “${event.title}”`,
    holds: [saved.name],
    async restore(conn) {
      if (event.observance) {
        const again = await conn.runAndReadAll(`SELECT title FROM events WHERE observance_key = $1`, [event.observance])
        if (again.getRowObjectsJson().length) {
          throw new AppFailure(
            'DUPLICATE',
            `“${event.title}” is back already: the health observances were added again since.`
          )
        }
      }
      await conn.run(`INSERT INTO events SELECT * FROM ${saved.sql}`)
    }
  })
  return { deleted: true, undo: entry }
}
