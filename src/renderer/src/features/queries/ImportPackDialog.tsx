import { Modal } from '../../components/Modal'
import type { QueryPackPreview } from '../../../../shared/queries'
import { ruleOf, ruleText } from '../../../../shared/topics'

interface ImportPackDialogProps {
  pack: QueryPackPreview
  busy: boolean
  onSave: () => void
  onCancel: () => void
}

/** What a .sbq.json holds, shown before anything is saved; nothing in it runs until the user runs it. */
export function ImportPackDialog({ pack, busy, onSave, onCancel }: ImportPackDialogProps) {
  const n = pack.queries.length
  const topics = pack.topics ?? []
  const what = [
    ...(n ? [`${n} ${n === 1 ? 'query' : 'queries'}`] : []),
    ...(topics.length ? [`${topics.length} ${topics.length === 1 ? 'topic' : 'topics'}`] : [])
  ].join(' and ')
  return (
    <Modal
      title={`Import ${what}?`}
      onClose={onCancel}
      testId="query-import-dialog"
      size="large"
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={onSave}
            disabled={busy}
            data-testid="query-import-save"
            data-autofocus
          >
            Save {what}
          </button>
        </>
      }
    >
      <p className="q-muted">
        Queries carry SQL, parameters and a chart, never data. They are saved to your library and do not run until you
        run them.
      </p>
      <ul className="q-pack-list">
        {pack.queries.map((q, i) => (
          <li key={i} data-testid="query-import-item">
            <strong>{q.name}</strong>
            {pack.warnings
              .filter((w) => w.index === i)
              .map((w, k) => (
                <div key={k} className="q-pack-warning" role="alert" data-testid="query-import-warning">
                  Can never run as it is: {w.message}
                </div>
              ))}
            {q.description && <span className="q-muted"> — {q.description}</span>}
            {q.params.length > 0 && (
              <div className="q-muted">Parameters: {q.params.map((p) => `$${p.name} (${p.type})`).join(', ')}</div>
            )}
            <pre className="q-pack-sql">{q.sql}</pre>
          </li>
        ))}
      </ul>
      {topics.length > 0 && (
        <>
          <h3 className="q-pack-heading">Topics</h3>
          <p className="q-muted">
            Keyword rules for the Topics panel. A topic whose name is already in this workspace keeps its own keywords.
          </p>
          <ul className="q-pack-list">
            {topics.map((t, i) => (
              <li key={i} data-testid="query-import-topic">
                <strong>{t.name}</strong>
                <div className="q-muted">{ruleText(ruleOf(t))}</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </Modal>
  )
}
