/**
 * Which periods a chart can explain, and which one a click at (x, y) means: the institution whose point in the
 * clicked week (or day) is nearest the pointer's height. Pure, so it is tested as data.
 */
import type { ChartSeries } from '../../../../shared/charts/series'
import { isoDay } from '../../../../shared/charts/series'
import type { ExplainMetric, ExplainUnit } from '../../../../shared/explain'
import type { PickablePeriod } from './ExplainPanel'
import type { ExplainTarget } from './useExplain'

const DAY_MS = 86_400_000

/** The Monday of the ISO week holding `day` ('YYYY-MM-DD'). */
export function mondayOf(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`)
  const weekday = (new Date(t).getUTCDay() + 6) % 7
  return new Date(t - weekday * DAY_MS).toISOString().slice(0, 10)
}

interface Point {
  institutionId: number
  day: string
  /** As the chart draws it (the engagement chart draws percent). */
  y: number
  label: string
}

function points(
  series: ChartSeries,
  institutions: readonly { id: number; name: string }[],
  metric: ExplainMetric,
  unit: ExplainUnit
): Point[] {
  const ids = new Map(institutions.map((i) => [i.name, i.id]))
  if (metric === 'engagement') {
    return series.engagement.flatMap((r) =>
      r.rate === null || !ids.has(r.institution)
        ? []
        : [
            {
              institutionId: ids.get(r.institution)!,
              day: isoDay(r.week),
              y: r.rate * 100,
              label: `Week of ${isoDay(r.week)} · ${(r.rate * 100).toFixed(2)}%`
            }
          ]
    )
  }
  const daily = series.channelDaily.filter((r) => r.metric === metric && r.value !== null && ids.has(r.institution))
  if (unit === 'day') {
    return daily.map((r) => ({
      institutionId: ids.get(r.institution)!,
      day: isoDay(r.day),
      y: r.value!,
      label: isoDay(r.day)
    }))
  }
  const weeks = new Map<string, Point>()
  for (const r of daily) {
    const week = mondayOf(isoDay(r.day))
    const key = `${r.institution}\u0000${week}`
    if (!weeks.has(key))
      weeks.set(key, { institutionId: ids.get(r.institution)!, day: week, y: r.value!, label: `Week of ${week}` })
  }
  return [...weeks.values()]
}

/** Every period with a value, per institution, in date order: what the picker offers. */
export function pickablePeriods(
  series: ChartSeries,
  institutions: readonly { id: number; name: string }[],
  metric: ExplainMetric,
  unit: ExplainUnit
): PickablePeriod[] {
  return points(series, institutions, metric, unit)
    .map(({ institutionId, day, label }) => ({ institutionId, day, label }))
    .sort((a, b) => a.institutionId - b.institutionId || a.day.localeCompare(b.day))
}

/**
 * The period a click at (x, y) asks about: the week (engagement) or day (channel) with data nearest in time; within
 * it, the institution whose point is nearest y. A week on the channel chart is the clicked day's week.
 */
export function targetAt(
  x: Date,
  y: number,
  series: ChartSeries,
  institutions: readonly { id: number; name: string }[],
  metric: ExplainMetric,
  unit: ExplainUnit
): ExplainTarget | null {
  // Points sit at midnight of their day (a week's at its Monday): the nearest point in time is the one under the pointer.
  const all = points(series, institutions, metric, metric === 'engagement' ? 'week' : 'day')
  if (!all.length) return null
  const distance = (d: string) => Math.abs(Date.parse(`${d}T00:00:00Z`) - x.getTime())
  const closest = Math.min(...all.map((p) => distance(p.day)))
  const candidates = all.filter((p) => distance(p.day) === closest)
  const best = candidates.reduce((a, b) => (Math.abs(b.y - y) < Math.abs(a.y - y) ? b : a))
  return { institutionId: best.institutionId, metric, unit, day: best.day }
}
