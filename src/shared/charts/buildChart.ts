/** One entry point from a chart id to its Plot options, shared by the dashboard and the single-chart view. */
import type { BenchmarkResult } from '../benchmark'
import type { ChannelMetric } from '../metrics'
import { conventionLabel, type ChartId } from './chartDefs'
import { highlightPoint, withPeriodHighlight, type PeriodHighlight } from './periodHighlight'
import { channelChart, chosenChannelMetric } from './channelChart'
import { withEvents } from './eventMarks'
import { heatmapChart } from './heatmap'
import {
  engagementChart,
  followersChart,
  indexedChart,
  postsWeeklyChart,
  shareOfVoiceChart,
  shareRows,
  type BuiltChart,
  type ChartContext,
  type FollowersLayout,
  type SovMeasure,
  SOV_MEASURES
} from './plotOptions'
import type { ChartSeries } from './series'

export type PlotChartId = Exclude<ChartId, 'topPosts' | 'breakouts'>
export const PLOT_CHARTS: PlotChartId[] = [
  'followers',
  'indexed',
  'channelDaily',
  'engagement',
  'postsWeekly',
  'heatmap',
  'shareOfVoice'
]
export const isPlotChart = (id: ChartId): id is PlotChartId => (PLOT_CHARTS as ChartId[]).includes(id)

export interface ChartOptions {
  followersLayout: FollowersLayout
  showPeer: boolean
  sovMeasures: SovMeasure[]
  /** The daily channel chart's metric; absent: the first one with data. */
  channelMetric?: ChannelMetric
  /** The period explained below the engagement or channel chart, marked on it (periodHighlight.ts). */
  explained?: PeriodHighlight
}

export const DEFAULT_CHART_OPTIONS: ChartOptions = {
  followersLayout: 'facet',
  showPeer: true,
  sovMeasures: SOV_MEASURES
}

export function chartContext(
  result: BenchmarkResult,
  width: number,
  theme: 'light' | 'dark',
  large = false
): ChartContext {
  return {
    width,
    large,
    theme,
    institutions: result.scope.institutions.map(({ name, color }) => ({ name, color })),
    from: result.scope.from,
    to: result.scope.to,
    convention: result.scope.convention,
    summary: result.summary
  }
}

/**
 * What to say instead of drawing when a chart has no value at all in this range (an empty frame with axes says
 * less than a sentence, and invites reading the axis as zero). Null when there is something to draw.
 */
export function emptyMessage(
  id: PlotChartId,
  result: BenchmarkResult,
  series: ChartSeries,
  o: ChartOptions = DEFAULT_CHART_OPTIONS
): string | null {
  const noPosts = 'No posts in this range and these platforms.'
  switch (id) {
    case 'followers':
    case 'indexed':
      return series.followers.some((r) => r.followers !== null)
        ? null
        : 'No follower counts in this range and these platforms. They come from exports with a follower total per day (a daily count of follows gained alone is not one).'
    case 'channelDaily':
      return null // channelChart says it itself
    case 'engagement':
      return series.engagement.some((r) => r.rate !== null)
        ? null
        : result.summary.some((s) => s.posts > 0)
          ? `No engagement rate ${conventionLabel(result.scope.convention)} in this range: see the data notices for the conventions these posts have a denominator for.`
          : noPosts
    case 'postsWeekly':
      return series.postsWeekly.some((r) => r.posts > 0) ? null : noPosts
    case 'heatmap':
      return series.heatmap.some((r) => r.posts > 0) ? null : noPosts
    case 'shareOfVoice':
      return shareRows(result.summary, o.sovMeasures).length ? null : noPosts
  }
}

/** The charts with a time axis: they draw the benchmark's events. */
export const EVENT_CHARTS: readonly PlotChartId[] = [
  'followers',
  'indexed',
  'channelDaily',
  'engagement',
  'postsWeekly'
]

export function buildChart(
  id: PlotChartId,
  result: BenchmarkResult,
  series: ChartSeries,
  ctx: ChartContext,
  o: ChartOptions = DEFAULT_CHART_OPTIONS
): BuiltChart {
  const built = drawChart(id, result, series, ctx, o)
  const empty = built.empty ?? emptyMessage(id, result, series, o)
  if (empty) return { ...built, empty }
  // Results from before events existed (a test fixture, an older host) have none.
  const withEv = EVENT_CHARTS.includes(id) ? withEvents(built, result.events ?? [], ctx) : built
  if (!o.explained || (id !== 'engagement' && id !== 'channelDaily')) return withEv
  const metric =
    id === 'channelDaily' ? (chosenChannelMetric(series.channelDaily, o.channelMetric) ?? undefined) : undefined
  return withPeriodHighlight(withEv, o.explained, ctx, highlightPoint(id, o.explained, series, ctx, metric))
}

function drawChart(
  id: PlotChartId,
  result: BenchmarkResult,
  series: ChartSeries,
  ctx: ChartContext,
  o: ChartOptions
): BuiltChart {
  switch (id) {
    case 'followers':
      return followersChart(series.followers, ctx, o.followersLayout)
    case 'indexed':
      return indexedChart(series.indexed, series.peerIndexed, ctx, o.showPeer)
    case 'channelDaily':
      return channelChart(series.channelDaily, series.peerChannel, ctx, o.channelMetric, o.showPeer)
    case 'engagement':
      return engagementChart(series.engagement, series.peerEngagement, ctx, o.showPeer)
    case 'postsWeekly':
      return postsWeeklyChart(series.postsWeekly, ctx)
    case 'heatmap':
      return heatmapChart(series.heatmap, ctx)
    case 'shareOfVoice':
      return shareOfVoiceChart(result.summary, ctx, o.sovMeasures)
  }
}
