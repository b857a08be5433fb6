/**
 * Switching the built-in health observances on for a workspace: each observance of each year the calendar
 * covers becomes an ordinary awareness-day event (editable, deletable), marked with its observance key so
 * switching on again adds only the ones missing and never overwrites an edit. Switching off removes them again,
 * except those edited since (an edit is the user's work: it stays, still marked, so switching on adds no twin).
 */
import {
  HEALTH_OBSERVANCES,
  observanceDays,
  observanceSource,
  type ObservanceCalendar
} from '../../../shared/observances'
import type { Database } from '../db/duckdb'
import { insertEvents } from './eventStore'

export async function enableObservances(
  db: Database,
  calendar: ObservanceCalendar = HEALTH_OBSERVANCES
): Promise<{ added: number; years: number[] }> {
  const years: number[] = []
  for (let y = calendar.years.first; y <= calendar.years.last; y++) years.push(y)
  const added = await db.write(async (conn) => {
    const existing = new Set(
      (await db.all(`SELECT observance_key FROM events WHERE observance_key IS NOT NULL`, [], conn)).map((r) =>
        String(r.observance_key)
      )
    )
    const rows = years.flatMap((year) =>
      calendar.observances
        .filter((o) => !existing.has(`${o.key}:${year}`))
        .map((o) => ({
          fields: {
            ...observanceDays(o, year),
            title: o.title,
            kind: 'awareness_day' as const,
            source: observanceSource(o),
            notes: o.note ?? null
          },
          observanceKey: `${o.key}:${year}`
        }))
    )
    await insertEvents(db, conn, rows)
    return rows.length
  })
  return { added, years }
}

/**
 * Switches the calendar off: every observance event not edited since it was added is deleted, in one transaction.
 * `kept`: the edited ones, left in place.
 */
export async function disableObservances(db: Database): Promise<{ removed: number; kept: number }> {
  return db.write(async (conn) => {
    const removed = (
      await conn.runAndReadAll(
        `DELETE FROM events WHERE observance_key IS NOT NULL AND updated_at = created_at RETURNING event_id`
      )
    ).getRowObjectsJson().length
    const kept = Number(
      (await db.all(`SELECT count(*) AS n FROM events WHERE observance_key IS NOT NULL`, [], conn))[0].n
    )
    return { removed, kept }
  })
}
