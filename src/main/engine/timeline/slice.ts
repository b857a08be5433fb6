/** The timeline channels: the workspace's events (added, edited, imported and exported as CSV) and observances. */
import type { Handlers } from '../../../shared/contract'
import type { Database } from '../db/duckdb'
import type { UndoStack } from '../undo/stack'
import { exportEvents, importEvents } from './eventCsv'
import { addEvent, deleteEvent, listEvents, updateEvent } from './eventStore'
import { disableObservances, enableObservances } from './observances'

export function timelineHandlers(db: Database, undo: UndoStack) {
  return {
    listEvents: (i) => listEvents(db, i ?? {}),
    addEvent: (i) => addEvent(db, i),
    updateEvent: (i) => updateEvent(db, i),
    deleteEvent: ({ eventId }) => deleteEvent(db, undo, eventId),
    importEvents: (i) => importEvents(db, i),
    exportEvents: () => exportEvents(db),
    enableObservances: () => enableObservances(db),
    disableObservances: () => disableObservances(db)
  } satisfies Partial<Handlers>
}
