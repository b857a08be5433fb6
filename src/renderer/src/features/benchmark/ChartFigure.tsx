import { useCallback, useMemo, useState } from 'react'
import type { BenchmarkResult } from '../../../../shared/benchmark'
import { PlotFigure } from '../../components/PlotFigure'
import {
  buildChart,
  chartContext,
  isPlotChart,
  DEFAULT_CHART_OPTIONS,
  type ChartOptions
} from '../../../../shared/charts/buildChart'
import { CHARTS, type ChartId } from '../../../../shared/charts/chartDefs'
import { channelMetricsWithData, chosenChannelMetric } from '../../../../shared/charts/channelChart'
import { CHANNEL_METRIC_LABELS, type ChannelMetric } from '../../../../shared/metrics'
import { footnote } from '../../../../shared/charts/footnote'
import { ExportMenu } from '../export/ExportMenu'
import type { ChartSeries } from '../../../../shared/charts/series'
import { MethodologyPanel } from './MethodologyPanel'
import { PostsTable } from './PostsTable'
import type { ExplainMetric, ExplainUnit } from '../../../../shared/explain'
import type { PeriodHighlight } from '../../../../shared/charts/periodHighlight'
import { ExplainPanel, SpikePicker } from '../insight/ExplainPanel'
import { pickablePeriods, targetAt } from '../insight/spikePeriods'
import { useExplain, type ExplainTarget } from '../insight/useExplain'
import { useExportContext } from '../export/useExport'

interface ChartFigureProps {
  result: BenchmarkResult
  series: ChartSeries
  chartId: ChartId
  theme: 'light' | 'dark'
  large?: boolean
  options?: ChartOptions
  methodologyOpen: boolean
  /** Absent: the methodology is always shown (single-chart view). */
  onToggleMethodology?: () => void
  onOpenSingle?: () => void
}

/** One chart with its title, notes (what it cannot show), footnote and, on demand, its methodology. */
export function ChartFigure(p: ChartFigureProps) {
  const { result, series, chartId, theme, large = false } = p
  // The daily channel chart draws one metric at a time; the choice is this figure's own (and its exports').
  const [askedMetric, setAskedMetric] = useState<ChannelMetric | undefined>(undefined)
  const baseOptions = p.options ?? DEFAULT_CHART_OPTIONS
  const options = useMemo(
    () => (askedMetric ? { ...baseOptions, channelMetric: askedMetric } : baseOptions),
    [baseOptions, askedMetric]
  )
  const channelMetrics = useMemo(
    () => (chartId === 'channelDaily' ? channelMetricsWithData(series.channelDaily) : []),
    [chartId, series]
  )
  const shownMetric = chartId === 'channelDaily' ? chosenChannelMetric(series.channelDaily, askedMetric) : null
  const def = CHARTS[chartId]
  const colors = useMemo(() => new Map(result.scope.institutions.map((i) => [i.name, i.color])), [result])
  const plotId = isPlotChart(chartId) ? chartId : null

  // Notes (and whether there is anything to draw) depend on the data, not the width.
  const { notes, empty } = useMemo(() => {
    const built = plotId ? buildChart(plotId, result, series, chartContext(result, 800, theme, large), options) : null
    return { notes: built?.notes ?? [], empty: built?.empty ?? null }
  }, [plotId, result, series, theme, large, options])
  const titleId = `bm-title-${chartId}${large ? '-large' : ''}`

  // Explain a spike: the engagement chart's weeks, the channel chart's days (or weeks), by click or by the picker.
  const explainMetric: ExplainMetric | null =
    chartId === 'engagement' ? 'engagement' : chartId === 'channelDaily' && shownMetric ? shownMetric : null
  const [channelUnit, setChannelUnit] = useState<ExplainUnit>('day')
  const explainUnit: ExplainUnit = explainMetric === 'engagement' ? 'week' : channelUnit
  const [target, setTarget] = useState<ExplainTarget | null>(null)
  const liveTarget = target && explainMetric && target.metric === explainMetric ? target : null
  const request = useExportContext()?.request ?? null
  const explanation = useExplain(request, liveTarget)
  const periods = useMemo(
    () => (explainMetric ? pickablePeriods(series, result.scope.institutions, explainMetric, explainUnit) : []),
    [explainMetric, explainUnit, series, result]
  )
  // The explained period marked on this chart, once the answer for the asked institution is in.
  const shownExplained = explanation.explained
  const explained = useMemo<PeriodHighlight | undefined>(
    () =>
      liveTarget && shownExplained && shownExplained.institution.id === liveTarget.institutionId
        ? {
            institution: shownExplained.institution.name,
            start: shownExplained.period.start,
            end: shownExplained.period.end,
            unit: shownExplained.unit
          }
        : undefined,
    [liveTarget, shownExplained]
  )
  const build = useCallback(
    (width: number) =>
      plotId
        ? buildChart(plotId, result, series, chartContext(result, width, theme, large), { ...options, explained })
            .options
        : {},
    [plotId, result, series, theme, large, options, explained]
  )
  const onPick = useCallback(
    (x: unknown, y: unknown) => {
      if (!explainMetric || !(x instanceof Date) || typeof y !== 'number') return
      const t = targetAt(x, y, series, result.scope.institutions, explainMetric, explainUnit)
      if (t) setTarget(t)
    },
    [explainMetric, explainUnit, series, result]
  )

  return (
    <figure
      className={`bm-figure${large ? ' bm-figure-large' : ''}`}
      data-testid="bm-chart"
      data-chart-id={chartId}
      aria-labelledby={titleId}
    >
      <header className="bm-figure-head">
        <h3 id={titleId}>{def.title}</h3>
        <div className="bm-figure-actions">
          {channelMetrics.length > 1 && shownMetric && (
            <select
              className="input input-small"
              aria-label="Channel metric"
              data-testid="bm-channel-metric"
              value={shownMetric}
              onChange={(e) => setAskedMetric(e.target.value as ChannelMetric)}
            >
              {channelMetrics.map((m) => (
                <option key={m} value={m}>
                  {CHANNEL_METRIC_LABELS[m]}
                </option>
              ))}
            </select>
          )}
          {p.onOpenSingle && (
            <button
              type="button"
              className="btn btn-small btn-ghost"
              onClick={p.onOpenSingle}
              data-testid="bm-open-single"
            >
              Enlarge
            </button>
          )}
          {p.onToggleMethodology && (
            <button
              type="button"
              className="btn btn-small btn-ghost"
              aria-expanded={p.methodologyOpen}
              onClick={p.onToggleMethodology}
              data-testid="bm-methodology-toggle"
            >
              Methodology
            </button>
          )}
          <ExportMenu chartId={chartId} look={askedMetric ? { ...p.options, channelMetric: askedMetric } : p.options} />
        </div>
      </header>
      {plotId && empty === null && <PlotFigure build={build} onPick={explainMetric && request ? onPick : undefined} />}
      {explainMetric && request && empty === null && (
        <SpikePicker
          institutions={result.scope.institutions}
          periods={periods}
          target={liveTarget}
          metric={explainMetric}
          unit={explainUnit}
          unitChoice={explainMetric !== 'engagement'}
          onUnit={(u) => {
            setChannelUnit(u)
            if (liveTarget) setTarget({ ...liveTarget, unit: u })
          }}
          onExplain={setTarget}
        />
      )}
      {liveTarget && <ExplainPanel {...explanation} onClose={() => setTarget(null)} />}
      {plotId && empty !== null && (
        <p className="bm-chart-empty muted" data-testid="bm-chart-empty">
          {empty}
        </p>
      )}
      {chartId === 'topPosts' && (
        <PostsTable
          posts={result.topPosts}
          colors={colors}
          testId="bm-top-posts"
          caption="Top posts"
          empty="No posts with interaction counts in this range."
        />
      )}
      {chartId === 'breakouts' && (
        <>
          <p className="bm-breakout-line muted">
            {result.breakouts.threshold === null
              ? 'Not enough posts with a rate to compute a threshold.'
              : `Threshold ${(result.breakouts.threshold * 100).toFixed(3)}% = mean ${((result.breakouts.mean ?? 0) * 100).toFixed(3)}% + ${result.scope.k} × sd ${((result.breakouts.sd ?? 0) * 100).toFixed(3)}% · ${result.breakouts.posts.length} posts above it${result.breakouts.posts.length >= 100 ? ' (first 100 shown)' : ''}`}
          </p>
          <PostsTable
            posts={result.breakouts.posts}
            colors={colors}
            testId="bm-breakouts"
            caption="Breakout posts"
            empty="No post is above the threshold."
          />
        </>
      )}
      {notes.length > 0 && empty === null && (
        <ul className="bm-chart-notes" data-testid="bm-chart-notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <figcaption className="bm-footnote" data-testid="bm-footnote" data-chart-id={chartId}>
        {footnote(result, chartId)}
      </figcaption>
      {p.methodologyOpen && <MethodologyPanel result={result} chartId={chartId} />}
    </figure>
  )
}
