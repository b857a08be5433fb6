/** One entry point from a chart id to its Plot options, shared by the dashboard and the single-chart view. */
import type { BenchmarkResult } from '../benchmark'
import type { ChannelMetric } from '../metrics'
import type { ChartId } from './chartDefs'
import { channelChart } from './channelChart'
import {
  engagementChart, followersChart, heatmapChart, indexedChart, postsWeeklyChart, shareOfVoiceChart,
  type BuiltChart, type ChartContext, type FollowersLayout, type SovMeasure, SOV_MEASURES
} from './plotOptions'
import type { ChartSeries } from './series'

export type PlotChartId = Exclude<ChartId, 'topPosts' | 'breakouts'>
export const PLOT_CHARTS: PlotChartId[] = ['followers', 'indexed', 'channelDaily', 'engagement', 'postsWeekly', 'heatmap', 'shareOfVoice']
export const isPlotChart = (id: ChartId): id is PlotChartId => (PLOT_CHARTS as ChartId[]).includes(id)

export interface ChartOptions {
  followersLayout: FollowersLayout
  showPeer: boolean
  sovMeasures: SovMeasure[]
  /** The daily channel chart's metric; absent: the first one with data. */
  channelMetric?: ChannelMetric
}

export const DEFAULT_CHART_OPTIONS: ChartOptions = { followersLayout: 'facet', showPeer: true, sovMeasures: SOV_MEASURES }

export function chartContext(result: BenchmarkResult, width: number, theme: 'light' | 'dark', large = false): ChartContext {
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

export function buildChart(id: PlotChartId, result: BenchmarkResult, series: ChartSeries, ctx: ChartContext, o: ChartOptions = DEFAULT_CHART_OPTIONS): BuiltChart {
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
