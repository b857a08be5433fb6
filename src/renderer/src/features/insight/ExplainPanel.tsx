import { useId } from 'react'
import { fmtInt, fmtPct } from '../../../../shared/charts/plotOptions'
import {
  describeZ,
  ROBUST_Z_OUTLIER,
  type ExplainedPeriod,
  type ExplainUnit,
  type RobustBaseline
} from '../../../../shared/explain'
import { CHANNEL_METRIC_LABELS, ENGAGEMENT_DEFINITIONS } from '../../../../shared/metrics'
import { EVENT_KIND_LABELS } from '../../../../shared/timeline'
import type { ExplainTarget } from './useExplain'
import { mondayOf } from './spikePeriods'
import '../../styles/insight.css'

/** One choosable period of the picker: its day (the Monday of a week), a label, and the institution it belongs to. */
export interface PickablePeriod {
  institutionId: number
  day: string
  label: string
}

interface PickerProps {
  institutions: { id: number; name: string }[]
  periods: PickablePeriod[]
  target: ExplainTarget | null
  metric: ExplainTarget['metric']
  unit: ExplainUnit
  /** Offer Day / Week (the daily channel chart); the weekly engagement chart explains weeks only. */
  unitChoice: boolean
  onUnit: (unit: ExplainUnit) => void
  onExplain: (target: ExplainTarget) => void
}

/**
 * The keyboard's way to the same question a click on the chart asks: an institution, a period with a value, Explain.
 * It shows the clicked period too, so the two never disagree.
 */
export function SpikePicker(p: PickerProps) {
  const id = useId()
  // Only institutions with a value in some period: choosing one without would explain nothing.
  const withData = p.institutions.filter((i) => p.periods.some((x) => x.institutionId === i.id))
  const institutionId = p.target?.institutionId ?? withData[0]?.id ?? 0
  const own = p.periods.filter((x) => x.institutionId === institutionId)
  // The target's own period: a week's option is its Monday, whatever day of it was clicked.
  const asked = p.target ? (p.unit === 'week' ? mondayOf(p.target.day) : p.target.day) : null
  const day = asked && own.some((x) => x.day === asked) ? asked : (own.at(-1)?.day ?? '')
  const ask = (next: Partial<ExplainTarget>) => {
    const inst = next.institutionId ?? institutionId
    const candidates = p.periods.filter((x) => x.institutionId === inst)
    const d = next.day ?? (candidates.some((x) => x.day === day) ? day : (candidates.at(-1)?.day ?? ''))
    if (d) p.onExplain({ institutionId: inst, metric: p.metric, unit: next.unit ?? p.unit, day: d })
  }
  return (
    <div className="ins-picker" role="group" aria-label="Explain a period" data-testid="ins-spike-picker">
      <span className="muted bm-small">Explain a {p.unit}: click the chart, or</span>
      <label className="visually-hidden" htmlFor={`${id}-inst`}>
        Institution to explain
      </label>
      <select
        id={`${id}-inst`}
        className="input input-small"
        value={institutionId}
        onChange={(e) => ask({ institutionId: Number(e.target.value) })}
        data-testid="ins-spike-institution"
      >
        {withData.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name}
          </option>
        ))}
      </select>
      {p.unitChoice && (
        <>
          <label className="visually-hidden" htmlFor={`${id}-unit`}>
            Period
          </label>
          <select
            id={`${id}-unit`}
            className="input input-small"
            value={p.unit}
            onChange={(e) => p.onUnit(e.target.value as ExplainUnit)}
            data-testid="ins-spike-unit"
          >
            <option value="day">Day</option>
            <option value="week">Week</option>
          </select>
        </>
      )}
      <label className="visually-hidden" htmlFor={`${id}-day`}>
        {p.unit === 'week' ? 'Week to explain' : 'Day to explain'}
      </label>
      <select
        id={`${id}-day`}
        className="input input-small"
        value={day}
        onChange={(e) => ask({ day: e.target.value })}
        disabled={own.length === 0}
        data-testid="ins-spike-day"
      >
        {own.map((x) => (
          <option key={x.day} value={x.day}>
            {x.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn btn-small"
        disabled={!day}
        onClick={() => ask({ day })}
        data-testid="ins-spike-explain"
      >
        Explain
      </button>
    </div>
  )
}

const pts = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(2)} pts`
const signedInt = (v: number) => `${v >= 0 ? '+' : '−'}${fmtInt(Math.abs(v))}`
const signedPct = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(0)}%`

function baselineSentence(e: ExplainedPeriod, b: RobustBaseline, fmt: (v: number | null) => string): string {
  const unit = e.unit === 'week' ? 'weeks' : 'days'
  if (b.median === null) return `No ${unit} of the range have a value to compare with.`
  const change =
    b.change === null
      ? ''
      : ` (${e.metric === 'engagement' ? pts(b.change) : signedInt(b.change)}${b.changePct === null ? '' : `, ${signedPct(b.changePct)}`})`
  return `${fmt(e.value)} against a median of ${fmt(b.median)} over ${b.periods} ${unit}${change}; MAD ${fmt(b.mad)}.`
}

interface PanelProps {
  explained: ExplainedPeriod | null
  loading: boolean
  error: string | null
  onClose: () => void
}

/** What is behind one period: its value against the institution's median, the posts, post types and events. */
export function ExplainPanel({ explained: e, loading, error, onClose }: PanelProps) {
  const headingId = useId()
  if (!e && !loading && !error) return null
  const fmt = (v: number | null) => (e?.metric === 'engagement' ? fmtPct(v, 2) : fmtInt(v))
  const measure = e
    ? e.metric === 'engagement'
      ? ENGAGEMENT_DEFINITIONS[e.convention].label
      : CHANNEL_METRIC_LABELS[e.metric]
    : ''
  const when = e ? (e.period.start === e.period.end ? e.period.start : `${e.period.start} to ${e.period.end}`) : ''
  return (
    <section
      className="ins-panel ins-explain"
      aria-labelledby={headingId}
      aria-busy={loading}
      data-testid="ins-explain"
    >
      <header className="ins-header">
        <h4 id={headingId}>
          {e ? (
            <>
              <span className="swatch" style={{ background: e.institution.color }} aria-hidden="true" />
              {e.institution.name}, {e.unit === 'week' ? 'week' : 'day'} {when}
            </>
          ) : (
            'Explaining…'
          )}
        </h4>
        <span className="muted bm-small">{measure}</span>
        <button
          type="button"
          className="btn btn-small btn-ghost ins-explain-close"
          onClick={onClose}
          data-testid="ins-explain-close"
        >
          Close
        </button>
      </header>
      {error && (
        <p className="bm-problem" role="alert">
          {error}
        </p>
      )}
      {e && (
        <>
          <p className="ins-explain-line" data-testid="ins-explain-baseline">
            {baselineSentence(e, e.baseline, fmt)}{' '}
            <strong
              className={e.baseline.z !== null && Math.abs(e.baseline.z) > ROBUST_Z_OUTLIER ? 'ins-sig' : undefined}
              data-testid="ins-explain-z"
            >
              {describeZ(e.baseline)}
            </strong>
          </p>
          {e.baseline.zNote && <p className="muted bm-small">{e.baseline.zNote}</p>}
          {e.notes.map((n) => (
            <p key={n} className="muted bm-small">
              {n}
            </p>
          ))}
          <div className="ins-explain-facts">
            <div>
              <h5>Post types</h5>
              {e.postTypes.length === 0 ? (
                <p className="muted bm-small">No posts in this period.</p>
              ) : (
                <ul className="ins-explain-list" data-testid="ins-explain-types">
                  {e.postTypes.map((t) => (
                    <li key={t.postType}>
                      {t.postType}: {t.posts} post{t.posts === 1 ? '' : 's'}
                      {e.metric === 'engagement' || t.share > 0 ? `, ${fmtPct(t.share, 0)} of the ${e.unit}` : ''}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div>
              <h5>Events</h5>
              {e.events.length === 0 ? (
                <p className="muted bm-small">No events in this period.</p>
              ) : (
                <ul className="ins-explain-list" data-testid="ins-explain-events">
                  {e.events.map((ev) => (
                    <li key={ev.eventId}>
                      <span className="mono">{ev.end ? `${ev.start} to ${ev.end}` : ev.start}</span> {ev.title} (
                      {EVENT_KIND_LABELS[ev.kind].toLowerCase()}
                      {ev.institutionName ? `, ${ev.institutionName}` : ''})
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
          {e.posts.length > 0 && (
            <div className="bm-table-wrap" tabIndex={0} role="region" aria-label="Posts behind this period">
              <table className="bm-table" data-testid="ins-explain-posts">
                <caption className="visually-hidden">Posts ranked by their contribution</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Type</th>
                    <th scope="col">Post</th>
                    <th scope="col" className="num">
                      Interactions
                    </th>
                    <th scope="col" className="num">
                      {e.metric === 'engagement' ? 'Rate' : CHANNEL_METRIC_LABELS[e.metric]}
                    </th>
                    <th scope="col" className="num">
                      Share
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {e.posts.map((p) => (
                    <tr key={`${p.platform}:${p.post_id}`}>
                      <td className="nowrap mono">{p.published_at.slice(0, 10)}</td>
                      <td className="nowrap">{p.post_type ?? '—'}</td>
                      <td className="bm-post-text">
                        <span title={p.text}>{p.text || <em className="muted">(no text)</em>}</span>
                      </td>
                      <td className="num">{fmtInt(p.interactions)}</td>
                      <td className="num">{e.metric === 'engagement' ? fmtPct(p.value, 2) : fmtInt(p.value)}</td>
                      <td className="num">
                        {e.metric !== 'engagement' && p.value === null ? '—' : fmtPct(p.share, 1)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {e.postCount > e.posts.length && (
            <p className="muted bm-small">
              The first {e.posts.length} of {e.postCount} posts are listed.
            </p>
          )}
        </>
      )}
    </section>
  )
}
