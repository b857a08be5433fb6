import type { BenchmarkResult } from '../../../../shared/benchmark'
import type { Controls } from './controls'
import { NoticeBar } from './NoticeBar'

interface RangeNoticesProps {
  result: BenchmarkResult
  onChange: (patch: Partial<Controls>) => void
}

/**
 * Institutions the range leaves out (an older export under "Last 12 months"): named on the folded line, with a
 * button for all time; opened, each with its own data's range and a button for it, so an institution never
 * disappears from the charts without a word.
 */
export function RangeNotices({ result, onChange }: RangeNoticesProps) {
  const out = result.outOfRange
  if (out.length === 0) return null
  const n = out.length
  return (
    <NoticeBar
      testId="bm-range-notices"
      heading={`${n} institution${n === 1 ? ' has' : 's have'} no data from ${result.scope.from} to ${result.scope.to}`}
      gist={out.map((o) => o.name).join(', ')}
      actions={
        <button
          type="button"
          className="btn btn-small"
          data-testid="bm-range-all"
          onClick={() => onChange({ preset: 'all' })}
        >
          Show all time
        </button>
      }
    >
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
    </NoticeBar>
  )
}
