/**
 * Events on the time charts, as one extra layer added in one place (buildChart): a dashed rule for a single day, a
 * light band for a range, and the title above the plot. Titles are set in up to three lanes so neighbours do not
 * overprint, the user's own events first; one that finds no room is left out (its rule keeps a tooltip, the notes say how many, and the
 * methodology lists every event).
 */
import * as Plot from '@observablehq/plot'
import { eventLastDay, eventsInRange, type TimelineEvent } from '../timeline'
import type { BuiltChart, ChartContext } from './plotOptions'
import { utcDay } from './series'

const DAY_MS = 86_400_000
const LANE_PX = 13
const GAP_PX = 8

interface Placed {
  x: Date
  label: string
  lane: number
  title: string
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s)
const when = (e: TimelineEvent) => (e.end ? `${e.start} to ${e.end}` : e.start)
/** The tooltip of a rule or band: title, days, and who it concerns. */
export const eventTooltip = (e: TimelineEvent): string =>
  `${e.title} (${when(e)}${e.institutionName ? `, ${e.institutionName}` : ''})`

/**
 * Lanes for the labels: each goes in the first lane where it overlaps no label placed before it. Items are placed
 * in order of `rank` (lower first, then left to right), so the user's own campaigns and crises get a label before
 * the calendar's awareness days. Widths are estimated from the character count (no DOM here: the same layout runs
 * in the engine's exports).
 */
export function placeLabels(
  items: { px: number; text: string; rank?: number }[],
  opts: { charPx: number; lanes: number; right: number }
): { lane: number | null; anchor: 'start' | 'end' }[] {
  const taken: [number, number][][] = Array.from({ length: opts.lanes }, () => [])
  const out: { lane: number | null; anchor: 'start' | 'end' }[] = items.map(() => ({ lane: null, anchor: 'start' }))
  const order = items
    .map((_, i) => i)
    .sort((a, b) => (items[a].rank ?? 0) - (items[b].rank ?? 0) || items[a].px - items[b].px)
  for (const i of order) {
    const { px, text } = items[i]
    const width = text.length * opts.charPx
    // Near the right edge a label reads leftwards from its rule instead of running off the chart.
    const anchor = px + 3 + width > opts.right ? 'end' : 'start'
    const left = anchor === 'start' ? px : px - width - 3
    const right = anchor === 'start' ? px + 3 + width : px
    const lane = taken.findIndex((spans) => spans.every(([l, r]) => right + GAP_PX <= l || left >= r + GAP_PX))
    out[i] = { lane: lane < 0 ? null : lane, anchor }
    if (lane >= 0) taken[lane].push([left, right])
  }
  return out
}

/** Which labels win when there is no room for all: what the user entered before the built-in calendar. */
const LABEL_RANK: Record<TimelineEvent['kind'], number> = {
  crisis: 0,
  campaign: 1,
  platform_change: 2,
  other: 3,
  awareness_day: 4
}

export function withEvents(built: BuiltChart, events: readonly TimelineEvent[], ctx: ChartContext): BuiltChart {
  const shown = eventsInRange(events, ctx.from, ctx.to)
  if (!shown.length || built.empty) return built
  const o = built.options
  const d0 = utcDay(ctx.from).getTime()
  const d1 = utcDay(ctx.to).getTime()
  const width = Number(o.width ?? 640)
  const marginLeft = Number(o.marginLeft ?? 40)
  const marginRight = Number(o.marginRight ?? 20)
  const inner = Math.max(1, width - marginLeft - marginRight)
  const px = (t: number) => marginLeft + ((t - d0) / Math.max(1, d1 - d0)) * inner
  const fontSize = ctx.large || width >= 1600 ? 11 : 10
  const lanes = width < 560 ? 2 : 3

  const spans = shown.map((e) => {
    const x1 = Math.max(d0, utcDay(e.start).getTime())
    // A range covers its last day to the end of it; the domain ends at the start of `to`.
    const x2 = Math.min(d1, utcDay(eventLastDay(e)).getTime() + (e.end ? DAY_MS : 0))
    return { e, x1: new Date(x1), x2: new Date(x2), title: eventTooltip(e) }
  })
  const texts = spans.map((s) => clip(s.e.title, 30))
  const places = placeLabels(
    spans.map((s, i) => ({
      px: px(s.x1.getTime()),
      text: texts[i],
      rank: LABEL_RANK[s.e.kind] + (s.e.observance ? 5 : 0)
    })),
    { charPx: fontSize * 0.6, lanes, right: width - marginRight }
  )
  const placed: (Placed & { anchor: 'start' | 'end' })[] = []
  places.forEach((p, i) => {
    if (p.lane !== null)
      placed.push({ x: spans[i].x1, label: texts[i], lane: p.lane, title: spans[i].title, anchor: p.anchor })
  })
  const usedLanes = placed.length ? Math.max(...placed.map((p) => p.lane)) + 1 : 0
  const left = shown.length - placed.length
  // dx and dy are constants in Plot: one text mark per lane and anchor.
  const labelMarks = Array.from({ length: usedLanes }, (_, lane) =>
    (['start', 'end'] as const).map((anchor) =>
      Plot.text(
        placed.filter((p) => p.lane === lane && p.anchor === anchor),
        {
          x: 'x',
          text: 'label',
          title: 'title',
          frameAnchor: 'top',
          textAnchor: anchor,
          lineAnchor: 'bottom',
          dx: anchor === 'start' ? 3 : -3,
          dy: -4 - lane * LANE_PX,
          fontSize,
          fill: 'currentColor',
          fillOpacity: 0.8,
          // Only above the top panel of a faceted chart; rules and bands repeat in every panel.
          facetAnchor: 'top',
          className: 'sb-event-label'
        }
      )
    )
  ).flat()
  // The calendar's awareness days are many (three a month): drawn fainter than what the user entered.
  const own = (x: (typeof spans)[number]) => x.e.observance === null
  const ranges = spans.filter((x) => x.e.end)
  const days = spans.filter((x) => !x.e.end)
  const list = shown.map((e) => `${e.title} (${when(e)})`).join('; ')
  return {
    ...built,
    options: {
      ...o,
      marginTop: Number(o.marginTop ?? 20) + usedLanes * LANE_PX,
      ariaDescription: `${o.ariaDescription ?? ''} Events drawn: ${list}.`.trim(),
      marks: [
        // Bands first, under the data; rules and labels on top so a line never hides when something happened.
        Plot.rect(ranges.filter(own), {
          x1: 'x1',
          x2: 'x2',
          fill: 'currentColor',
          fillOpacity: 0.08,
          title: 'title',
          className: 'sb-event-band'
        }),
        Plot.rect(
          ranges.filter((x) => !own(x)),
          { x1: 'x1', x2: 'x2', fill: 'currentColor', fillOpacity: 0.035, title: 'title', className: 'sb-event-band' }
        ),
        ...(o.marks ?? []),
        Plot.ruleX(
          spans.filter((x) => !own(x)),
          { x: 'x1', stroke: 'currentColor', strokeOpacity: 0.22, title: 'title', className: 'sb-event-rule' }
        ),
        Plot.ruleX(days.filter(own), {
          x: 'x1',
          stroke: 'currentColor',
          strokeOpacity: 0.6,
          strokeDasharray: '3 3',
          title: 'title',
          className: 'sb-event-rule'
        }),
        Plot.ruleX(ranges.filter(own), {
          x: 'x1',
          stroke: 'currentColor',
          strokeOpacity: 0.35,
          title: 'title',
          className: 'sb-event-rule'
        }),
        ...labelMarks
      ]
    },
    notes: [
      ...built.notes,
      ...(left
        ? [
            `${left} of ${shown.length} event labels left out for lack of room (hover a line for its title; the methodology lists every event).`
          ]
        : [])
    ]
  }
}
