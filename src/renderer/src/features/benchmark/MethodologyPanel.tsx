import type { BenchmarkResult } from '../../../../shared/benchmark'
import { INTERACTIONS_BY_PLATFORM } from '../../../../shared/metrics'
import { CHARTS, conventionLabel, type ChartId } from '../../../../shared/charts/chartDefs'
import { EVENT_CHARTS } from '../../../../shared/charts/buildChart'
import { eventMethodologyText } from '../../../../shared/timeline'

interface MethodologyPanelProps {
  result: BenchmarkResult
  chartId: ChartId
}

/** Everything a reader needs to defend the chart: formula, denominator, convention, range, counts, sources, gaps. */
export function MethodologyPanel({ result, chartId }: MethodologyPanelProps) {
  const def = CHARTS[chartId]
  const metric = def.metric(result.scope.convention)
  const m = result.methodology
  const platforms = result.scope.platforms
  return (
    <section
      className="bm-methodology"
      data-testid="bm-methodology"
      data-chart-id={chartId}
      aria-label={`Methodology: ${def.title}`}
    >
      <h4>Methodology — {metric.label}</h4>
      <dl>
        <dt>Formula</dt>
        <dd>{metric.formula}</dd>
        <dt>Denominator</dt>
        <dd>{metric.denominator}</dd>
        {metric.peer && (
          <>
            <dt>Peer median</dt>
            <dd data-testid="bm-methodology-peer">{metric.peer}</dd>
          </>
        )}
        {def.usesConvention && (
          <>
            <dt>Convention</dt>
            <dd>
              {conventionLabel(result.scope.convention)}
              {metric.convention ? '' : ' (no vendor convention)'}
            </dd>
          </>
        )}
        {chartId === 'breakouts' && (
          <>
            <dt>Threshold</dt>
            <dd>
              mean + {result.scope.k} × standard deviation of the per-post rate over all compared posts
              {result.breakouts.threshold !== null && ` = ${(result.breakouts.threshold * 100).toFixed(3)}%`}
            </dd>
          </>
        )}
        <dt>Interactions</dt>
        <dd>
          {platforms.map((p) => (
            <span key={p} className="bm-interactions">
              {p}: {INTERACTIONS_BY_PLATFORM[p] ?? 'as exported'}
            </span>
          ))}
        </dd>
        <dt>Date range</dt>
        <dd>
          {result.scope.from} to {result.scope.to} (both included; data available {result.dataRange.from ?? '—'} to{' '}
          {result.dataRange.to ?? '—'})
        </dd>
        {(EVENT_CHARTS as readonly string[]).includes(chartId) && (
          <>
            <dt>Events</dt>
            <dd data-testid="bm-methodology-events">
              {!result.scope.showEvents ? (
                'not drawn (turned off in the controls)'
              ) : (result.events ?? []).length ? (
                <ul className="bm-events">
                  {(result.events ?? []).map((e) => (
                    <li key={e.eventId}>{eventMethodologyText(e)}</li>
                  ))}
                </ul>
              ) : (
                'none in this range'
              )}
            </dd>
          </>
        )}
        {result.scope.dayStride > 1 && (
          <>
            <dt>Daily lines</dt>
            <dd data-testid="bm-day-stride">
              drawn every {result.scope.dayStride} days over this range, with every gap and its first and last day kept;
              exported data has every day
            </dd>
          </>
        )}
        <dt>Counted</dt>
        <dd>
          {m.posts.toLocaleString('en-US')} posts from {m.accounts} accounts of {result.scope.institutions.length}{' '}
          institutions; follower gaps up to {result.scope.maxGapDays} days carried forward
        </dd>
        <dt>Sources</dt>
        <dd>
          {m.sources.length ? (
            <ul className="bm-sources">
              {m.sources.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          ) : (
            'no source files'
          )}
        </dd>
        <dt>Known gaps</dt>
        <dd>
          {m.gaps.length ? (
            <ul className="bm-gaps">
              {m.gaps.map((g) => (
                <li key={g}>{g}</li>
              ))}
            </ul>
          ) : (
            'none'
          )}
        </dd>
        <dt>Query</dt>
        <dd>{result.queryMs} ms in DuckDB</dd>
      </dl>
    </section>
  )
}
