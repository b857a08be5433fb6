import { useMemo, useRef, useState } from 'react'
import '../../styles/events.css'
import { EVENT_KIND_LABELS, type TimelineEvent } from '../../../../shared/timeline'
import { EventForm } from './EventForm'
import { useEvents } from './useEvents'

interface EventsViewProps {
  onError: (err: unknown, context?: string) => void
  toast: (text: string) => void
}

const when = (e: TimelineEvent) => (e.end ? `${e.start} – ${e.end}` : e.start)
/** A source that is "Organisation: https://…" (the observances) shows the organisation, linked to its calendar. */
function Source({ text }: { text: string | null }) {
  if (!text) return null
  const m = /^(.*?):?\s*(https:\/\/\S+)$/.exec(text)
  if (!m) return <>{text}</>
  return (
    <a href={m[2]} target="_blank" rel="noreferrer noopener" title={m[2]}>
      {m[1] || m[2]}
    </a>
  )
}

/**
 * Events drawn on every time chart: campaigns, awareness days, crises, platform changes. Added by hand, from a
 * CSV, or from the built-in calendar of health observances; each one can be edited or deleted.
 */
export function EventsView({ onError, toast }: EventsViewProps) {
  const s = useEvents(onError, toast)
  const [editing, setEditing] = useState<TimelineEvent | null>(null)
  const [search, setSearch] = useState('')
  const [year, setYear] = useState('')
  const fileInput = useRef<HTMLInputElement>(null)

  const years = useMemo(() => [...new Set(s.events.map((e) => e.start.slice(0, 4)))].sort(), [s.events])
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase()
    return s.events.filter(
      (e) =>
        (!year || e.start.startsWith(year) || (e.end ?? '').startsWith(year)) &&
        (!q || `${e.title} ${e.notes ?? ''} ${e.institutionName ?? ''}`.toLowerCase().includes(q))
    )
  }, [s.events, search, year])
  const hasObservances = s.events.some((e) => e.observance !== null)

  return (
    <section className="events-view" data-testid="events-view" aria-labelledby="events-title">
      <header className="view-header">
        <div>
          <h1 id="events-title">Events</h1>
          <p className="muted">
            Campaigns, awareness days, crises and platform changes, drawn on every time chart so a spike can be read
            against what happened.
          </p>
        </div>
        <div className="events-actions">
          <button
            type="button"
            className="btn"
            data-testid="events-observances"
            disabled={s.busy}
            onClick={() => void s.enableObservances()}
            title="Add World Health Day, World Cancer Day, Breast Cancer Awareness Month and 30 more, from their organisations’ published calendars"
          >
            {hasObservances ? 'Add missing health observances' : 'Add health observances'}
          </button>
          {hasObservances && (
            <button
              type="button"
              className="btn"
              data-testid="events-observances-off"
              disabled={s.busy}
              onClick={() => void s.disableObservances()}
              title="Switch the calendar off: remove its events, except those you edited"
            >
              Remove health observances
            </button>
          )}
          <button
            type="button"
            className="btn"
            data-testid="events-import"
            disabled={s.busy}
            onClick={() => fileInput.current?.click()}
          >
            Import CSV…
          </button>
          <button
            type="button"
            className="btn"
            data-testid="events-export"
            disabled={s.busy || !s.events.length}
            onClick={() => void s.exportCsv()}
          >
            Export CSV
          </button>
          <input
            ref={fileInput}
            type="file"
            hidden
            accept=".csv,text/csv"
            data-testid="events-file-input"
            onChange={(e) => {
              const file = e.target.files?.[0]
              e.target.value = ''
              if (file) void s.importCsv(file)
            }}
          />
        </div>
      </header>

      <EventForm
        editing={editing}
        institutions={s.institutions}
        busy={s.busy}
        onCancel={() => setEditing(null)}
        onSubmit={async (fields) => {
          if (editing) {
            const saved = await s.update({ eventId: editing.eventId, ...fields })
            if (saved) setEditing(null)
            return saved !== null
          }
          const added = await s.add(fields)
          if (added) toast(`Added “${added.title}”`)
          return added !== null
        }}
      />

      <div className="events-list-head">
        <h2 className="pane-title">
          {shown.length === s.events.length
            ? `${s.events.length} events`
            : `${shown.length} of ${s.events.length} events`}
        </h2>
        <label className="sr-only" htmlFor="events-search">
          Search events
        </label>
        <input
          id="events-search"
          className="input input-small"
          type="search"
          placeholder="Search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="events-search"
        />
        <label className="sr-only" htmlFor="events-year">
          Year
        </label>
        <select
          id="events-year"
          className="input input-small"
          value={year}
          onChange={(e) => setYear(e.target.value)}
          data-testid="events-year"
        >
          <option value="">All years</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>

      {s.loaded && s.events.length === 0 && (
        <p className="empty-note" data-testid="events-empty">
          No events yet. Add one above, import a CSV (columns start, end, title, kind, institution, source, notes), or
          add the health observances.
        </p>
      )}
      {shown.length > 0 && (
        <div className="events-table-wrap">
          <table className="events-table" data-testid="events-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Title</th>
                <th scope="col">Kind</th>
                <th scope="col">Institution</th>
                <th scope="col">Source</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr
                  key={e.eventId}
                  data-testid="event-row"
                  data-event-id={e.eventId}
                  aria-selected={editing?.eventId === e.eventId}
                >
                  <td className="nowrap mono">{when(e)}</td>
                  <th scope="row" className="event-title">
                    {e.title}
                    {e.notes && <span className="muted event-notes"> — {e.notes}</span>}
                  </th>
                  <td className="nowrap">{EVENT_KIND_LABELS[e.kind]}</td>
                  <td>{e.institutionName ?? <span className="muted">Everyone</span>}</td>
                  <td className="event-source">
                    <Source text={e.source} />
                  </td>
                  <td className="nowrap event-row-actions">
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      data-testid="event-edit"
                      onClick={() => setEditing(e)}
                      aria-label={`Edit ${e.title} (${when(e)})`}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      data-testid="event-delete"
                      disabled={s.busy}
                      // No confirmation: the toast offers Undo, and Edit > Undo brings it back (useEvents).
                      onClick={() => {
                        if (editing?.eventId === e.eventId) setEditing(null)
                        void s.remove(e)
                      }}
                      aria-label={`Delete ${e.title} (${when(e)})`}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
