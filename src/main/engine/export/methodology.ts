/** The methodology of a chart as plain lines (speaker notes, the XLSX "Methodology" sheet), as the app's panel shows it. */
import type { BenchmarkResult } from '../../../shared/benchmark'
import { EVENT_CHARTS } from '../../../shared/charts/buildChart'
import { CHARTS, conventionLabel, type ChartId } from '../../../shared/charts/chartDefs'
import { INTERACTIONS_BY_PLATFORM } from '../../../shared/metrics'
import { eventMethodologyText, eventsInRange } from '../../../shared/timeline'

/**
 * `events: false` leaves the events out, for a place that lists them itself (the deck's editable chart, which says
 * why it cannot draw them). Without a chart id, the events are those of the time charts.
 */
export function methodologyLines(
  result: BenchmarkResult,
  chartId?: ChartId,
  options: { events?: boolean } = {}
): string[] {
  const { scope, methodology: m } = result
  const lines: string[] = []
  if (chartId) {
    const def = CHARTS[chartId]
    const metric = def.metric(scope.convention)
    lines.push(`${def.title} — ${metric.label}`, `Formula: ${metric.formula}`, `Denominator: ${metric.denominator}`)
    if (metric.peer) lines.push(`Peer median: ${metric.peer}`)
    if (def.usesConvention) lines.push(`Engagement convention: ${conventionLabel(scope.convention)}`)
    if (chartId === 'breakouts') lines.push(`Threshold: mean + ${scope.k} × standard deviation of the per-post rate`)
  }
  lines.push(
    `Institutions: ${scope.institutions.map((i) => i.name).join(', ')}`,
    `Date range: ${scope.from} to ${scope.to} (both included; data available ${result.dataRange.from ?? '—'} to ${result.dataRange.to ?? '—'})`,
    `Platforms: ${scope.platforms.join(', ') || 'all'}`,
    `Interactions: ${scope.platforms.map((p) => `${p}: ${INTERACTIONS_BY_PLATFORM[p] ?? 'as exported'}`).join('; ')}`,
    `Counted: ${m.posts.toLocaleString('en-US')} posts from ${m.accounts} accounts; follower gaps up to ${scope.maxGapDays} days carried forward`,
    `Sources: ${m.sources.length ? m.sources.join(', ') : 'no source files'}`,
    `Known gaps: ${m.gaps.length ? m.gaps.join(' ') : 'none'}`
  )
  const timeChart = !chartId || (EVENT_CHARTS as readonly ChartId[]).includes(chartId)
  if (options.events !== false && timeChart)
    lines.push(...eventLines(result, chartId ? 'Events' : 'Events on the time charts'))
  return lines
}

/** As the app's methodology panel says it: off, none, or one line per event drawn. */
function eventLines(result: BenchmarkResult, label: string): string[] {
  if (!result.scope.showEvents) return [`${label}: not drawn (turned off in the controls)`]
  // The charts draw only what touches the range; a result's events already do, a hand-made one may not.
  const events = eventsInRange(result.events ?? [], result.scope.from, result.scope.to)
  if (!events.length) return [`${label}: none in this range`]
  return [`${label}:`, ...events.map((e) => `  ${eventMethodologyText(e)}`)]
}
