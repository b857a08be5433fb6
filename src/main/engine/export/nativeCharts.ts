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

interface Point {
  series: string
  x: string
  y: number | null
}

/**
 * One series per name over the sorted x labels. A week that starts before the range (the week holding its first
 * day) is labelled with the range's first day: the axis started on a date outside the period the slide names.
 */
function lines(points: Point[], order: string[], from: string): NativeChart['data'] {
  points = points.map((p) => (p.x < from ? { ...p, x: from } : p))
  const labels = [...new Set(points.map((p) => p.x))].sort()
  const at = new Map(labels.map((l, i) => [l, i]))
  const bySeries = new Map<string, (number | null)[]>()
  for (const p of points) {
    if (!bySeries.has(p.series))
      bySeries.set(
        p.series,
        labels.map(() => null)
      )
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
/** About eight dates on the axis whatever the range: a fixed every-13th crowded a year and left a month bare. */
export const MAX_DATE_LABELS = 8
const labelEvery = (data: NativeChart['data']) =>
  String(Math.max(1, Math.ceil((data[0]?.labels.length ?? 0) / MAX_DATE_LABELS)))
const hex = (c: string) => c.replace('#', '').slice(0, 6)

export function nativeChart(
  pptx: PptxGenJS,
  id: ExportChartId,
  result: BenchmarkResult,
  s: ChartSeries,
  look?: ChartLook
): NativeChart | null {
  const order = result.scope.institutions.map((i) => i.name)
  const colorOf = new Map(result.scope.institutions.map((i) => [i.name, hex(i.color)]))
  const colors = (data: NativeChart['data']) =>
    data.map((d) => colorOf.get(d.name) ?? colorOf.get(d.name.replace(/ \(.*\)$/, '')) ?? '888888')
  const lineOpts = (data: NativeChart['data'], yTitle: string): PptxGenJS.IChartOpts =>
    ({
      chartColors: colors(data),
      lineSize: 2,
      lineDataSymbol: 'none',
      displayBlanksAs: 'gap',
      showLegend: true,
      legendPos: 'b',
      legendFontSize: 11,
      showValAxisTitle: true,
      valAxisTitle: yTitle,
      valAxisTitleFontSize: 12,
      catAxisLabelFontSize: 10,
      valAxisLabelFontSize: 11,
      catAxisLabelFrequency: labelEvery(data)
    }) as PptxGenJS.IChartOpts
  const ctx = chartContext(result, 800, 'light')
  const weekly = 'one point per week (Mondays)'
  const from = result.scope.from
  switch (id) {
    case 'followers': {
      const multi = new Set(s.followers.map((r) => r.platform)).size > 1
      const data = lines(
        s.followers
          .filter((r) => isMonday(r.day))
          .map((r) => ({
            series: multi ? `${r.institution} (${r.platform})` : r.institution,
            x: isoDay(r.day),
            y: r.followers
          })),
        order,
        from
      )
      return {
        type: pptx.ChartType.line,
        data,
        options: lineOpts(data, 'Followers'),
        note: `editable chart: ${weekly}`
      }
    }
    case 'indexed': {
      const data = lines(
        s.indexed
          .filter((r) => isMonday(r.day))
          .map((r) => ({ series: r.institution, x: isoDay(r.day), y: r.indexed })),
        order,
        from
      )
      return {
        type: pptx.ChartType.line,
        data,
        options: lineOpts(data, 'Index (start = 100)'),
        note: `editable chart: ${weekly}, without the peer band`
      }
    }
    case 'channelDaily': {
      const metric = chosenChannelMetric(s.channelDaily, look?.channelMetric)
      if (metric === null) return null
      const data = lines(
        s.channelDaily
          .filter((r) => r.metric === metric && isMonday(r.day))
          .map((r) => ({ series: r.institution, x: isoDay(r.day), y: r.value })),
        order,
        from
      )
      return {
        type: pptx.ChartType.line,
        data,
        options: lineOpts(data, `${CHANNEL_METRIC_LABELS[metric]} per day`),
        note: `editable chart: ${weekly}, without the peer band`
      }
    }
    case 'engagement': {
      const data = lines(
        weeklyRatePct(s.engagement, ctx).map((r) => ({ series: r.institution, x: isoDay(r.week), y: r.rate })),
        order,
        from
      )
      return {
        type: pptx.ChartType.line,
        data,
        options: lineOpts(data, 'Engagement rate (%)'),
        note: 'editable chart: without the peer band'
      }
    }
    case 'postsWeekly': {
      const data = lines(
        postsPerWeek(s.postsWeekly, ctx).map((r) => ({ series: r.institution, x: isoDay(r.week), y: r.posts })),
        order,
        from
      )
      return { type: pptx.ChartType.line, data, options: lineOpts(data, 'Posts per week') }
    }
    case 'shareOfVoice': {
      const measures = look?.sovMeasures ?? ['posts', 'interactions', 'views']
      // The institutions in the dashboard's order, shares as fractions shown as percentages; the first measure on
      // top (a horizontal bar chart draws its first category at the bottom unless the axis runs max to min).
      const byName = new Map(result.summary.map((r) => [r.name, r]))
      const rows = [...result.summary].sort((a, b) => rank(order, a.name) - rank(order, b.name))
      const data = rows.map((r) => ({
        name: r.name,
        labels: measures.map((m) => `By ${m}`),
        values: measures.map((m) => (byName.get(r.name)?.share_of_voice[m] ?? null) as number | null)
      }))
      return {
        type: pptx.ChartType.bar,
        data,
        options: {
          barDir: 'bar',
          barGrouping: 'percentStacked',
          chartColors: colors(data),
          showLegend: true,
          legendPos: 'b',
          legendFontSize: 11,
          valAxisLabelFontSize: 11,
          catAxisLabelFontSize: 12,
          catAxisOrientation: 'maxMin',
          valAxisLabelFormatCode: '0%',
          showValue: true,
          dataLabelFormatCode: '0%',
          dataLabelFontSize: 10,
          dataLabelColor: 'FFFFFF'
          // pptxgenjs writes any orientation; its types list only 'minMax'.
        } as unknown as PptxGenJS.IChartOpts
      }
    }
    case 'heatmap':
      return null
  }
}
