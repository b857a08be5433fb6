/**
 * The period an explanation is about, marked on the chart it was picked from: a light band over its days in the
 * institution's colour, behind the lines, and a ring on the institution's own point of that period (the weekly
 * engagement chart's week, the channel chart's day). Added in one place (buildChart), like the events.
 */
import * as Plot from '@observablehq/plot'
import type { ChannelMetric } from '../metrics'
import type { ChartSeries } from './series'
import { utcDay } from './series'
import { weeklyRatePct, type BuiltChart, type ChartContext } from './plotOptions'

/** What the explanation panel shows: who, and the period's first and last day ('YYYY-MM-DD', both included). */
export interface PeriodHighlight {
  institution: string
  start: string
  end: string
  unit: 'week' | 'day'
}

const DAY_MS = 86_400_000
/** The mark's aria-description (Plot names a mark's group by its type): what a screen reader and a test find. */
export const HIGHLIGHT_LABEL = 'Explained period'

/** The institution's point of the period on this chart, where it draws one; null where it does not. */
export function highlightPoint(
  id: 'engagement' | 'channelDaily',
  h: PeriodHighlight,
  series: ChartSeries,
  ctx: ChartContext,
  metric?: ChannelMetric
): { x: Date; y: number } | null {
  const t0 = utcDay(h.start).getTime()
  const t1 = utcDay(h.end).getTime()
  if (id === 'engagement') {
    // The chart puts a week at its Monday, which may lie before the range's first day (the period is clipped).
    const row = weeklyRatePct(series.engagement, ctx).find(
      (r) => r.institution === h.institution && r.week.getTime() <= t0 && t0 < r.week.getTime() + 7 * DAY_MS
    )
    return row && row.rate !== null ? { x: row.week, y: row.rate } : null
  }
  if (h.unit !== 'day' || !metric) return null // the channel chart draws days: a week has no one point
  const row = series.channelDaily.find(
    (r) => r.metric === metric && r.institution === h.institution && r.day.getTime() >= t0 && r.day.getTime() <= t1
  )
  return row && row.value !== null ? { x: row.day, y: row.value } : null
}

export function withPeriodHighlight(
  built: BuiltChart,
  h: PeriodHighlight,
  ctx: ChartContext,
  point: { x: Date; y: number } | null
): BuiltChart {
  if (built.empty) return built
  const color = ctx.institutions.find((i) => i.name === h.institution)?.color ?? 'currentColor'
  const x1 = utcDay(h.start)
  const x2 = new Date(utcDay(h.end).getTime() + DAY_MS)
  const title = `${h.institution}, ${h.unit === 'week' ? `week ${h.start} to ${h.end}` : h.start}: explained below the chart`
  const band = Plot.rectX([h], {
    x1: () => x1,
    x2: () => x2,
    fill: color,
    fillOpacity: 0.14,
    stroke: color,
    strokeOpacity: 0.5,
    ariaDescription: HIGHLIGHT_LABEL,
    title: () => title
  })
  const ring = point
    ? [
        Plot.dot([point], {
          x: 'x',
          y: 'y',
          r: 6,
          stroke: color,
          strokeWidth: 2,
          fill: 'none',
          ariaDescription: `${HIGHLIGHT_LABEL}: point`
        })
      ]
    : []
  const o = built.options
  const marks = (o.marks ?? []) as Plot.Markish[]
  return {
    ...built,
    options: {
      ...o,
      ariaDescription: `${o.ariaDescription ?? ''} Highlighted: ${title}.`.trim(),
      marks: [band, ...marks, ...ring]
    }
  }
}
