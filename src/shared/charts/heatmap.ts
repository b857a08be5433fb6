/**
 * Weekday × hour heatmaps: the posting cadence of the dashboard and the content mix's median interactions share one
 * scaffold (small multiples laid out in a grid, hour and weekday bands, a frame and the institution's name per
 * cell), so the two read the same. The cadence heatmap's colour rule lives here once: the opacity of a slot for its
 * post count, used by the Plot scale the app draws, its legend in the app and the legend of exported images.
 */
import * as Plot from '@observablehq/plot'
import type { HeatmapRow } from './series'
import { base, missingInstitutions, missingNote, WEEKDAYS, type BuiltChart, type ChartContext } from './plotOptions'

/**
 * The opacity of a heatmap slot with one post. On the dark panel (#1d2128) a dark institution colour (brown, red,
 * blue) at the old 8-10% was the panel's colour; at 50% every default colour is at least 1.5:1 from the panel.
 */
export const HEATMAP_MIN_OPACITY: Record<'light' | 'dark', number> = { light: 0.15, dark: 0.5 }

export interface HeatmapOpacity {
  domain: [number, number]
  range: [number, number]
  /** The opacity of a slot with `posts` posts (as Plot's linear scale maps it). */
  at(posts: number): number
}

/**
 * Only slots with posts are drawn, so the ramp starts at 1 post, at an opacity where the darkest default colours
 * still stand out from the panel; the busiest slot is opaque. With at most one post per slot every slot is opaque.
 */
export function heatmapOpacity(max: number, theme: 'light' | 'dark'): HeatmapOpacity {
  const hi = Math.max(1, max)
  const domain: [number, number] = [hi > 1 ? 1 : 0, hi]
  const range: [number, number] = [HEATMAP_MIN_OPACITY[theme], 1]
  const at = (posts: number) =>
    range[0] + ((Math.min(hi, Math.max(domain[0], posts)) - domain[0]) / (hi - domain[0])) * (range[1] - range[0])
  return { domain, range, at }
}

/** The post counts a legend shows: every count up to 5, else five evenly spaced whole counts from 1 to the busiest. */
export function heatmapLegendStops(max: number): number[] {
  const hi = Math.max(1, Math.round(max))
  if (hi <= 5) return Array.from({ length: hi }, (_, i) => i + 1)
  return [...new Set([0, 0.25, 0.5, 0.75, 1].map((s) => Math.round(1 + s * (hi - 1))))]
}

/** Small multiples laid out in a grid: each institution's cell gets a column and a row. */
export function heatmapLayout(
  names: string[],
  width: number,
  cellWidth = 300
): { columns: number; rows: number; place: Map<string, { col: number; row: number }> } {
  const columns = Math.max(1, Math.min(names.length, Math.floor(width / cellWidth)))
  const place = new Map(names.map((name, i) => [name, { col: i % columns, row: Math.floor(i / columns) }]))
  return { columns, rows: Math.max(1, Math.ceil(names.length / columns)), place }
}

/** The scales and marks every weekday × hour grid shares: hour and weekday bands, facets, frames, names. */
export function heatmapScaffold(
  layout: { columns: number; rows: number; place: Map<string, { col: number; row: number }> },
  institutions: { name: string; color: string }[]
): {
  scales: Pick<Plot.PlotOptions, 'x' | 'y' | 'fx' | 'fy' | 'marginLeft' | 'marginTop'>
  frame: Plot.Markish
  names: Plot.Markish
} {
  const labels = institutions.map((i) => ({ name: i.name, color: i.color, ...layout.place.get(i.name)! }))
  return {
    scales: {
      marginLeft: 40,
      marginTop: 24,
      x: {
        type: 'band',
        domain: Array.from({ length: 24 }, (_, h) => h),
        label: 'Hour (account time zone)',
        ticks: [0, 6, 12, 18],
        tickSize: 0
      },
      y: {
        type: 'band',
        domain: [0, 1, 2, 3, 4, 5, 6],
        tickFormat: (d: number) => WEEKDAYS[d],
        label: null,
        tickSize: 0
      },
      fx: { axis: null, domain: Array.from({ length: layout.columns }, (_, i) => i), padding: 0.08 },
      fy: { axis: null, domain: Array.from({ length: layout.rows }, (_, i) => i), padding: 0.22 }
    },
    frame: Plot.frame({ fx: 'col', fy: 'row', stroke: 'currentColor', strokeOpacity: 0.15 } as Plot.FrameOptions),
    // The name in the text colour after a swatch of the institution's: names drawn in their colour were 2.3:1
    // (cyan on white) to 2.8:1 (brown on the dark panel), too faint to read.
    names: Plot.marks(
      Plot.dot(labels, {
        fx: 'col',
        fy: 'row',
        frameAnchor: 'top-left',
        dx: 5,
        dy: -11,
        r: 4.5,
        symbol: 'square',
        fill: 'color'
      }),
      Plot.text(labels, {
        fx: 'col',
        fy: 'row',
        text: 'name',
        fill: 'currentColor',
        frameAnchor: 'top-left',
        dx: 14,
        dy: -6,
        lineAnchor: 'bottom',
        fontWeight: 600,
        textOverflow: 'ellipsis',
        lineWidth: 22
      })
    )
  }
}

/** A slot's hour and weekday as a tip names them; facets are layout, not data. */
export const SLOT_TIP_FORMAT = {
  x: (h: number) => `${h}:00–${h}:59`,
  y: (d: number) => WEEKDAYS[d],
  fx: false,
  fy: false
} as const

export function heatmapChart(rows: HeatmapRow[], ctx: ChartContext): BuiltChart {
  // The single-chart view (large) is ~736 px wide at 1280x800 and 1024x640: two columns, not one strip 1,600 px tall.
  const layout = heatmapLayout(
    ctx.institutions.map((i) => i.name),
    ctx.width,
    ctx.large ? 340 : 300
  )
  const { scales, frame, names } = heatmapScaffold(layout, ctx.institutions)
  const placed = rows.map((r) => ({ ...r, ...(layout.place.get(r.institution) ?? { col: 0, row: 0 }) }))
  const max = Math.max(1, ...rows.map((r) => r.posts))
  const busiest = new Map<string, HeatmapRow>()
  for (const r of rows)
    if (!busiest.has(r.institution) || r.posts > (busiest.get(r.institution) as HeatmapRow).posts)
      busiest.set(r.institution, r)
  const opacity = heatmapOpacity(max, ctx.theme)
  // The ramp needs a parseable colour (not a CSS variable): the theme's text colour.
  const rampColor = ctx.theme === 'dark' ? '#e3e6eb' : '#1d2430'
  return {
    options: {
      ...base(ctx, 0),
      ...scales,
      height: 40 + layout.rows * (ctx.large ? 200 : 150),
      ariaLabel: 'Posting cadence by weekday and hour',
      ariaDescription: `Posts per weekday and hour in each account's own time zone, ${ctx.from} to ${ctx.to}. Busiest slot: ${[...busiest.values()].map((b) => `${b.institution} ${WEEKDAYS[b.weekday]} ${b.hour}:00 (${b.posts} posts)`).join('; ') || 'no posts'}.`,
      opacity: {
        type: 'linear',
        domain: opacity.domain,
        range: opacity.range,
        legend: true,
        label: 'Posts',
        color: rampColor
      } as Plot.ScaleOptions,
      marks: [
        frame,
        ...ctx.institutions.map((inst) =>
          Plot.cell(
            placed.filter((r) => r.institution === inst.name),
            {
              x: 'hour',
              y: 'weekday',
              fx: 'col',
              fy: 'row',
              fill: inst.color,
              fillOpacity: 'posts',
              inset: 0.5,
              tip: { format: { ...SLOT_TIP_FORMAT, fillOpacity: true } },
              channels: { Institution: 'institution' }
            }
          )
        ),
        names
      ]
    },
    opacityLegend: {
      label: 'Posts per slot',
      color: rampColor,
      stops: heatmapLegendStops(max).map((value) => ({ value, opacity: opacity.at(value) }))
    },
    notes: missingNote(
      missingInstitutions(rows, ctx, (r) => r.posts > 0),
      'posts'
    )
  }
}
