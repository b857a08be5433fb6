import { useEffect, useState } from 'react'
import type { Institution } from '../../../../shared/canonical'
import type { Input } from '../../../../shared/contract'
import { EVENT_KINDS, EVENT_KIND_LABELS, type EventKind, type TimelineEvent } from '../../../../shared/timeline'

interface EventFormProps {
  /** The event being edited, or null to add a new one. */
  editing: TimelineEvent | null
  institutions: Institution[]
  busy: boolean
  onSubmit: (fields: Input<'addEvent'>) => Promise<boolean>
  onCancel: () => void
}

const blank = { start: '', end: '', title: '', kind: 'campaign' as EventKind, institutionId: '', source: '', notes: '' }

/** Add or edit one event: a day (or a range with an end day), a title, a kind, optionally an institution. */
export function EventForm({ editing, institutions, busy, onSubmit, onCancel }: EventFormProps) {
  const [f, setF] = useState(blank)
  useEffect(() => {
    setF(
      editing
        ? {
            start: editing.start,
            end: editing.end ?? '',
            title: editing.title,
            kind: editing.kind,
            institutionId: editing.institutionId === null ? '' : String(editing.institutionId),
            source: editing.source ?? '',
            notes: editing.notes ?? ''
          }
        : blank
    )
  }, [editing])
  const set = (patch: Partial<typeof blank>) => setF((x) => ({ ...x, ...patch }))
  // Said before sending, in the words the engine would use; the engine checks again.
  const problem = !f.start
    ? 'Enter the day.'
    : f.end && f.end < f.start
      ? 'The end day is before the start day.'
      : !f.title.trim()
        ? 'Enter a title.'
        : null

  return (
    <form
      className="event-form"
      data-testid="event-form"
      aria-label={editing ? `Edit “${editing.title}”` : 'Add an event'}
      onSubmit={(e) => {
        e.preventDefault()
        if (problem) return
        void onSubmit({
          start: f.start,
          end: f.end || null,
          title: f.title.trim(),
          kind: f.kind,
          institutionId: f.institutionId ? Number(f.institutionId) : null,
          source: f.source.trim() || null,
          notes: f.notes.trim() || null
        }).then((ok) => ok && !editing && setF(blank))
      }}
    >
      <h2 className="pane-title">{editing ? 'Edit event' : 'Add an event'}</h2>
      <div className="event-form-grid">
        <label className="event-field">
          <span>Day (or first day)</span>
          <input
            className="input"
            type="date"
            required
            data-testid="event-start"
            value={f.start}
            onChange={(e) => set({ start: e.target.value })}
          />
        </label>
        <label className="event-field">
          <span>
            Last day <span className="muted">(for a range)</span>
          </span>
          <input
            className="input"
            type="date"
            data-testid="event-end"
            min={f.start || undefined}
            value={f.end}
            onChange={(e) => set({ end: e.target.value })}
          />
        </label>
        <label className="event-field event-field-wide">
          <span>Title</span>
          <input
            className="input"
            data-testid="event-title"
            maxLength={200}
            value={f.title}
            onChange={(e) => set({ title: e.target.value })}
            placeholder="e.g. Flu vaccination campaign"
          />
        </label>
        <label className="event-field">
          <span>Kind</span>
          <select
            className="input"
            data-testid="event-kind"
            value={f.kind}
            onChange={(e) => set({ kind: e.target.value as EventKind })}
          >
            {EVENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {EVENT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="event-field">
          <span>Institution</span>
          <select
            className="input"
            data-testid="event-institution"
            value={f.institutionId}
            onChange={(e) => set({ institutionId: e.target.value })}
          >
            <option value="">Everyone</option>
            {institutions.map((i) => (
              <option key={i.institutionId} value={String(i.institutionId)}>
                {i.name}
              </option>
            ))}
          </select>
        </label>
        <label className="event-field event-field-wide">
          <span>
            Source <span className="muted">(where the date comes from)</span>
          </span>
          <input
            className="input"
            data-testid="event-source"
            maxLength={1000}
            value={f.source}
            onChange={(e) => set({ source: e.target.value })}
          />
        </label>
        <label className="event-field event-field-wide">
          <span>Notes</span>
          <input
            className="input"
            data-testid="event-notes"
            maxLength={4000}
            value={f.notes}
            onChange={(e) => set({ notes: e.target.value })}
          />
        </label>
      </div>
      <div className="event-form-actions">
        {problem && f.start + f.title !== '' && (
          <span className="muted" role="status" data-testid="event-form-problem">
            {problem}
          </span>
        )}
        {editing && (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="event-submit"
          disabled={busy || problem !== null}
        >
          {editing ? 'Save' : 'Add event'}
        </button>
      </div>
    </form>
  )
}
