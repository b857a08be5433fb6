/**
 * Native PowerPoint charts for the line and bar charts, so a presenter can restyle them: the same series as the
 * image, one series per institution in its colour. Daily series are thinned to one point per week (Mondays) to keep
 * the chart editable in PowerPoint; the slide says so. The heatmap has no native equivalent (image only).
 */
import type PptxGenJS from 'pptxgenjs'
import type { BenchmarkResult } from '../../../shared/benchmark'
import { postsPerWeek, weeklyRatePct } from '../../../shared/charts/plotOptions'
import { chartContext } from '../../../shared/charts/buildChart'
import { chosenChannelMetric } from '../../../shared/charts/channelChart'
import { CHANNEL_METRIC_LABELS } from '../../../shared/metrics'
import { isoDay, type ChartSeries } from '../../../shared/charts/series'
import type { ChartLook, ExportChartId } from '../../../shared/export'

export interface NativeChart {
  type: PptxGenJS.CHART_NAME
  data: { name: string; labels: string[]; values: (number | null)[] }[]
  options: PptxGenJS.IChartOpts
  note?: string
}

interface Point { series: string; x: string; y: number | null }

function lines(points: Point[], order: string[]): NativeChart['data'] {
  const labels = [...new Set(points.map((p) => p.x))].sort()
  const at = new Map(labels.map((l, i) => [l, i]))
  const bySeries = new Map<string, (number | null)[]>()
  for (const p of points) {
    if (!bySeries.has(p.series)) bySeries.set(p.series, labels.map(() => null))
    ;(bySeries.get(p.series) as (number | null)[])[at.get(p.x) as number] = p.y
  }
  const names = [...bySeries.keys()].sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b))
  return names.map((name) => ({ name, labels, values: bySeries.get(name) as (number | null)[] }))
}
const rank = (order: string[], name: string) => {
  const i = order.findIndex((o) => name === o || name.startsWith(`${o} (`))
  return i < 0 ? order.length : i
}
const isMonday = (d: Date) => d.getUTCDay() === 1
const hex = (c: string) => c.replace('#', '').slice(0, 6)

export function nativeChart(pptx: PptxGenJS, id: ExportChartId, result: BenchmarkResult, s: ChartSeries, look?: ChartLook): NativeChart | null {
  const order = result.scope.institutions.map((i) => i.name)
  const colorOf = new Map(result.scope.institutions.map((i) => [i.name, hex(i.color)]))
  const colors = (data: NativeChart['data']) => data.map((d) => colorOf.get(d.name) ?? colorOf.get(d.name.replace(/ \(.*\)$/, '')) ?? '888888')
  const lineOpts = (data: NativeChart['data'], yTitle: string): PptxGenJS.IChartOpts => ({
    chartColors: colors(data), lineSize: 2, lineDataSymbol: 'none', displayBlanksAs: 'gap', showLegend: true, legendPos: 'b', legendFontSize: 11,
    showValAxisTitle: true, valAxisTitle: yTitle, valAxisTitleFontSize: 12, catAxisLabelFontSize: 10, valAxisLabelFontSize: 11, catAxisLabelFrequency: '13'
  } as PptxGenJS.IChartOpts)
  const ctx = chartContext(result, 800, 'light')
  const weekly = 'one point per week (Mondays)'
  switch (id) {
    case 'followers': {
      const multi = new Set(s.followers.map((r) => r.platform)).size > 1
      const data = lines(s.followers.filter((r) => isMonday(r.day)).map((r) => ({ series: multi ? `${r.institution} (${r.platform})` : r.institution, x: isoDay(r.day), y: r.followers })), order)
      return { type: pptx.ChartType.line, data, options: lineOpts(data, 'Followers'), note: `editable chart: ${weekly}` }
    }
    case 'indexed': {
      const data = lines(s.indexed.filter((r) => isMonday(r.day)).map((r) => ({ series: r.institution, x: isoDay(r.day), y: r.indexed })), order)
      return { type: pptx.ChartType.line, data, options: lineOpts(data, 'Index (start = 100)'), note: `editable chart: ${weekly}, without the peer band` }
    }
    case 'channelDaily': {
      const metric = chosenChannelMetric(s.channelDaily, look?.channelMetric)
      if (metric === null) return null
      const data = lines(s.channelDaily.filter((r) => r.metric === metric && isMonday(r.day)).map((r) => ({ series: r.institution, x: isoDay(r.day), y: r.value })), order)
      return { type: pptx.ChartType.line, data, options: lineOpts(data, `${CHANNEL_METRIC_LABELS[metric]} per day`), note: `editable chart: ${weekly}, without the peer band` }
    }
    case 'engagement': {
      const data = lines(weeklyRatePct(s.engagement, ctx).map((r) => ({ series: r.institution, x: isoDay(r.week), y: r.rate })), order)
      return { type: pptx.ChartType.line, data, options: lineOpts(data, 'Engagement rate (%)'), note: 'editable chart: without the peer band' }
    }
    case 'postsWeekly': {
      const data = lines(postsPerWeek(s.postsWeekly, ctx).map((r) => ({ series: r.institution, x: isoDay(r.week), y: r.posts })), order)
      return { type: pptx.ChartType.line, data, options: lineOpts(data, 'Posts per week') }
    }
    case 'shareOfVoice': {
      const measures = look?.sovMeasures ?? ['posts', 'interactions', 'views']
      const data = result.summary.map((r) => ({ name: r.name, labels: measures.map((m) => `By ${m}`), values: measures.map((m) => (r.share_of_voice[m] === null ? null : (r.share_of_voice[m] as number) * 100)) }))
      return {
        type: pptx.ChartType.bar,
        data,
        options: { barDir: 'bar', barGrouping: 'percentStacked', chartColors: colors(data), showLegend: true, legendPos: 'b', legendFontSize: 11, valAxisLabelFontSize: 11, catAxisLabelFontSize: 12 } as PptxGenJS.IChartOpts
      }
    }
    case 'heatmap':
      return null
  }
}
