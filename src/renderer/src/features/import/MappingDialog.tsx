import { useEffect, useState } from 'react'
import { Modal } from '../../components/Modal'
import { call } from '../../api'
import {
  DAILY_MAPPING_METRICS,
  headerSignature,
  POST_MAPPING_METRICS,
  type ColumnMapping
} from '../../../../shared/canonical'
import { PLATFORMS, type Platform } from '../../../../shared/types'

interface MappingDialogProps {
  columns: string[]
  /**
   * With `save` (the default: before an import), the dialog saves the mapping for the header itself; a caller that
   * applies it to a dataset passes false and saves it with the apply, in one undoable step (applyMapping).
   */
  save?: boolean
  onSaved: (mapping: ColumnMapping) => void
  onClose: () => void
}

type Role = 'account' | 'postId' | 'publishedAt' | 'day' | 'text' | 'url' | 'postType' | 'language'
const ROLE_LABEL: Record<Role, string> = {
  account: 'Account (handle)',
  postId: 'Post id',
  publishedAt: 'Published at',
  day: 'Day',
  text: 'Post text',
  url: 'URL',
  postType: 'Post type',
  language: 'Language (code: en, es, pt-BR)'
}
const label = (m: string) => m.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase())

/**
 * Say which column of an unrecognised file is what. Saved for the file's header, so the next export with the same
 * columns is recognised without asking again.
 */
export function MappingDialog({ columns, save: saves = true, onSaved, onClose }: MappingDialogProps) {
  const signature = headerSignature(columns)
  const [platform, setPlatform] = useState<Platform>('other')
  const [kind, setKind] = useState<'posts' | 'daily'>('posts')
  const [roles, setRoles] = useState<Partial<Record<Role, string>>>({})
  const [metrics, setMetrics] = useState<Record<string, string>>({})
  const [people, setPeople] = useState<string[]>([])
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)

  // An earlier mapping for this header opens as it was saved.
  useEffect(() => {
    void call('getMapping', { headerSignature: signature }).then(
      (m) => {
        if (!m) return
        setPlatform(m.platform)
        setKind(m.kind)
        setRoles({
          account: m.account ?? undefined,
          postId: m.postId ?? undefined,
          publishedAt: m.publishedAt ?? undefined,
          day: m.day ?? undefined,
          text: m.text ?? undefined,
          url: m.url ?? undefined,
          postType: m.postType ?? undefined,
          language: m.language ?? undefined
        })
        setMetrics(m.metrics)
        setPeople(m.people ?? [])
      },
      () => undefined
    )
  }, [signature])

  const roleList: Role[] =
    kind === 'posts' ? ['account', 'postId', 'publishedAt', 'text', 'url', 'postType', 'language'] : ['account', 'day']
  const metricList: readonly string[] = kind === 'posts' ? POST_MAPPING_METRICS : DAILY_MAPPING_METRICS
  const missing = kind === 'posts' ? !roles.postId : !roles.day

  const save = async () => {
    const mapping: ColumnMapping = {
      platform,
      kind,
      ...Object.fromEntries(roleList.map((r) => [r, roles[r] ?? null])),
      people: people.filter((p) => columns.includes(p)),
      metrics: Object.fromEntries(Object.entries(metrics).filter(([m, c]) => c && metricList.includes(m)))
    } as ColumnMapping
    setSaving(true)
    setError(null)
    try {
      if (saves) await call('saveMapping', { headerSignature: signature, mapping })
      onSaved(mapping)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
      setSaving(false)
    }
  }

  const columnSelect = (
    value: string | undefined,
    onChange: (v: string | undefined) => void,
    aria: string,
    testId?: string
  ) => (
    <select
      className="input"
      aria-label={aria}
      data-testid={testId}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value || undefined)}
    >
      <option value="">—</option>
      {columns.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </select>
  )

  return (
    <Modal
      title="Map columns"
      testId="mapping-dialog"
      size="large"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="mapping-save"
            disabled={missing || saving}
            onClick={() => void save()}
          >
            Save mapping
          </button>
        </>
      }
    >
      <p className="muted">Saved for files with exactly these columns; the next such file is recognised by it.</p>
      {error && (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      )}
      <div className="mapping-grid">
        <label className="field">
          <span className="field-label">Platform</span>
          <select
            className="input"
            data-testid="mapping-platform"
            value={platform}
            onChange={(e) => setPlatform(e.target.value as Platform)}
          >
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Each row is</span>
          <select
            className="input"
            data-testid="mapping-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as 'posts' | 'daily')}
          >
            <option value="posts">a post</option>
            <option value="daily">a day of account metrics</option>
          </select>
        </label>
        {roleList.map((r) => (
          <label className="field" key={r}>
            <span className="field-label">
              {ROLE_LABEL[r]}
              {(r === 'postId' || r === 'day') && ' *'}
            </span>
            {columnSelect(roles[r], (v) => setRoles((x) => ({ ...x, [r]: v })), ROLE_LABEL[r], `mapping-${r}`)}
          </label>
        ))}
      </div>
      <h3 className="mapping-subhead">Metrics</h3>
      <div className="mapping-grid">
        {metricList.map((m) => (
          <label className="field" key={m}>
            <span className="field-label">{label(m)}</span>
            {columnSelect(
              metrics[m],
              (v) => setMetrics((x) => ({ ...x, [m]: v ?? '' })),
              label(m),
              `mapping-metric-${m}`
            )}
          </label>
        ))}
      </div>
      {kind === 'posts' && (
        <fieldset className="mapping-people">
          <legend>Columns that name people (commenters, authors): dropped or hashed by the privacy choice</legend>
          {columns.map((c) => (
            <label key={c} className="field-check">
              <input
                type="checkbox"
                checked={people.includes(c)}
                onChange={(e) => setPeople((p) => (e.target.checked ? [...p, c] : p.filter((x) => x !== c)))}
              />{' '}
              {c}
            </label>
          ))}
        </fieldset>
      )}
    </Modal>
  )
}
