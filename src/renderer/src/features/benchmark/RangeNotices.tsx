import type { BenchmarkResult } from '../../../../shared/benchmark'
import type { Controls } from './controls'

interface RangeNoticesProps {
  result: BenchmarkResult
  onChange: (patch: Partial<Controls>) => void
}

/**
 * Institutions the range leaves out (an older export under "Last 12 months"): named, with their own data's range and
 * a button for it, and one for all time, so an institution never disappears from the charts without a word.
 */
export function RangeNotices({ result, onChange }: RangeNoticesProps) {
  const out = result.outOfRange
  if (out.length === 0) return null
  const n = out.length
  return (
    <section className="bm-notices" data-testid="bm-range-notices" aria-labelledby="bm-range-notices-h">
      <h2 id="bm-range-notices-h">
        {n} institution{n === 1 ? ' has' : 's have'} no data from {result.scope.from} to {result.scope.to}
      </h2>
      <ul>
        {out.map((o) => (
          <li key={o.id} data-testid="bm-range-notice" data-name={o.name}>
            <strong>{o.name}</strong>: data from {o.from} to {o.to} —{' '}
            <button
              type="button"
              className="link-button"
              data-testid="bm-range-show"
              onClick={() => onChange({ preset: 'custom', from: o.from, to: o.to })}
            >
              show {o.from} to {o.to}
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="btn btn-small"
        data-testid="bm-range-all"
        onClick={() => onChange({ preset: 'all' })}
      >
        Show all time
      </button>
    </section>
  )
}
