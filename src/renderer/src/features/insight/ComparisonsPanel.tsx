import { useState } from 'react'
import type { BenchmarkResult } from '../../../../shared/benchmark'
import { fmtInt, fmtPct } from '../../../../shared/charts/plotOptions'
import { THIN_POSTS, formatDifference, formatPoints, type Interval } from '../../../../shared/insight'
import { ENGAGEMENT_DEFINITIONS } from '../../../../shared/metrics'
import { useExportContext } from '../export/useExport'
import { useComparisons, type Pair } from './useComparisons'
import '../../styles/insight.css'

const ci = (i: Interval, f: (v: number) => string) =>
  i.low === null || i.high === null ? '—' : `${f(i.low)} to ${f(i.high)}`
const pct = (v: number) => fmtPct(v, 3)

export function ThinBadge({ posts }: { posts: number }) {
  return (
    <span
      className="ins-thin"
      title={`${posts} posts in the range: fewer than ${THIN_POSTS}, so this rate rests on few posts`}
      data-testid="ins-thin"
    >
      thin
    </span>
  )
}

/**
 * Each institution's engagement rate with its 95% bootstrap interval, its difference from the peer median (greyed
 * out when the interval spans 0), and a pairwise comparison with a permutation test. Drawn after the charts: the
 * resampling is asked for once the benchmark is on screen.
 */
export function ComparisonsPanel({ result }: { result: BenchmarkResult }) {
  const exporter = useExportContext()
  const request = exporter?.request ?? null
  const [pair, setPair] = useState<Pair>({ a: null, b: null })
  const { stats, error, loading } = useComparisons(request, pair)
  const conv = result.scope.convention
  const institutions = result.scope.institutions
  const current = stats
  return (
    <section
      className="ins-panel"
      data-testid="ins-comparisons"
      aria-label="Engagement compared with the peer median"
      aria-busy={loading}
    >
      <header className="ins-header">
        <h3>{ENGAGEMENT_DEFINITIONS[conv].label}: compared with the peer median</h3>
        <span className="muted bm-small" role="status" data-testid="ins-status">
          {loading && <span className="spinner spinner-small" aria-hidden="true" />}
          {loading
            ? ' Resampling…'
            : current
              ? `95% intervals from ${current.resamples.toLocaleString('en-US')} bootstrap resamples`
              : ''}
        </span>
        <span className="ins-header-action">
          {/* The file is drawn at the default resamples and seed, as this panel is, with its setup for reproduce. */}
          <button
            type="button"
            className="btn btn-small"
            data-testid="ins-comparisons-csv"
            disabled={!current || !!exporter?.busy}
            onClick={() => void exporter?.exportTable('comparisons', 'csv')}
          >
            Download CSV
          </button>
        </span>
      </header>
      {error && (
        <p className="bm-problem" role="alert">
          {error}
        </p>
      )}
      {current && (
        <>
          <ul className="ins-sentences" data-testid="ins-vs-peer">
            {current.institutions.map((i) => (
              <li
                key={i.institution_id}
                className={i.vsPeer.significant ? 'ins-sig' : 'ins-ns'}
                data-significant={i.vsPeer.significant}
              >
                <span className="swatch" style={{ background: i.color }} aria-hidden="true" />
                {formatDifference(`${i.name} vs peer median`, i.vsPeer)}
                {i.thin && <ThinBadge posts={i.posts} />}
                {i.vsPeer.estimate !== null && !i.vsPeer.significant && (
                  <span className="visually-hidden"> (interval spans 0: not distinguishable)</span>
                )}
              </li>
            ))}
          </ul>
          <div className="bm-table-wrap" tabIndex={0} role="region" aria-label="Rates with 95% intervals">
            <table className="bm-table ins-table" data-testid="ins-table">
              <thead>
                <tr>
                  <th scope="col">Institution</th>
                  <th scope="col" className="num">
                    Posts
                  </th>
                  <th scope="col" className="num">
                    Rate
                  </th>
                  <th scope="col" className="num">
                    95% CI
                  </th>
                  <th scope="col" className="num" title="Rate minus the peer median, in percentage points">
                    vs peer (pts)
                  </th>
                  <th scope="col" className="num">
                    95% CI
                  </th>
                </tr>
              </thead>
              <tbody>
                {current.institutions.map((i) => (
                  <tr key={i.institution_id} className={i.vsPeer.significant ? undefined : 'ins-ns'}>
                    <th scope="row">
                      <span className="bm-inst" title={i.name}>
                        <span className="swatch" style={{ background: i.color }} aria-hidden="true" />
                        <span className="bm-inst-name">{i.name}</span>
                        {i.thin && <ThinBadge posts={i.posts} />}
                      </span>
                    </th>
                    <td className="num">{fmtInt(i.posts)}</td>
                    <td className="num">{fmtPct(i.rate.estimate, 3)}</td>
                    <td className="num">{ci(i.rate, pct)}</td>
                    <td className="num">{i.vsPeer.estimate === null ? '—' : formatPoints(i.vsPeer.estimate)}</td>
                    <td className="num">{ci(i.vsPeer, (v) => formatPoints(v))}</td>
                  </tr>
                ))}
                <tr className="ins-peer">
                  <th scope="row">Peer median</th>
                  <td className="num">—</td>
                  <td className="num">{fmtPct(current.peerMedian.estimate, 3)}</td>
                  <td className="num">{ci(current.peerMedian, pct)}</td>
                  <td className="num">—</td>
                  <td className="num">—</td>
                </tr>
              </tbody>
            </table>
          </div>
          <div className="ins-pair" data-testid="ins-pair">
            <span className="ins-pair-label">Compare two:</span>
            {(['a', 'b'] as const).map((k) => (
              <select
                key={k}
                aria-label={k === 'a' ? 'First institution' : 'Second institution'}
                data-testid={`ins-pair-${k}`}
                value={pair[k] ?? ''}
                onChange={(e) => setPair({ ...pair, [k]: e.target.value ? Number(e.target.value) : null })}
              >
                <option value="">—</option>
                {institutions.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name}
                  </option>
                ))}
              </select>
            ))}
            {current.pair && (
              <span
                className={current.pair.difference.significant ? 'ins-sig' : 'ins-ns'}
                data-testid="ins-pair-result"
              >
                {formatDifference(`${current.pair.a.name} − ${current.pair.b.name}`, current.pair.difference)};
                permutation test p ={' '}
                {current.pair.pValue === null
                  ? 'n/a'
                  : current.pair.pValue < 0.0001
                    ? '< 0.0001'
                    : current.pair.pValue.toFixed(4)}
              </span>
            )}
          </div>
          <details className="ins-methods" data-testid="ins-methods">
            <summary>How these are computed</summary>
            <ul>
              {current.methods.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </details>
        </>
      )}
    </section>
  )
}
