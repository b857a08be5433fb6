/**
 * Observable Plot options for a chart spec over result rows: pure, so it is tested as data. Temporal columns (DATE,
 * TIMESTAMP...) become Date objects so the x axis is a time axis, not a list of strings.
 */
import * as Plot from '@observablehq/plot'
import type { ChartSpec } from '../queries'

export type Row = Record<string, unknown>

export { QUERY_CHART_ROWS } from '../queries'

const TEMPORAL = /^(DATE|TIMESTAMP)/i

export function isTemporal(type: string | undefined): boolean {
  return !!type && TEMPORAL.test(type)
}

/**
 * DuckDB's text for DATE, TIMESTAMP and TIMESTAMPTZ values as a Date. TIMESTAMPTZ text ends in a bare hour offset
 * ("2024-03-01 10:00:00+00"), which `new Date` refuses (Invalid Date): the offset is written out as ±HH:MM first.
 */
export function parseTemporal(v: string): Date {
  if (/^\d{4}-\d\d-\d\d$/.test(v)) return new Date(`${v}T00:00:00Z`)
  const iso = v.replace(' ', 'T').replace(/([+-]\d\d)(?::?(\d\d))?$/, (_, h: string, m?: string) => `${h}:${m ?? '00'}`)
  return new Date(iso)
}

/** Rows with temporal columns parsed to Dates; everything else untouched. */
const NUMERIC = /INT|DOUBLE|FLOAT|DECIMAL|REAL|NUMERIC/i

/**
 * Rows with temporal columns parsed to Dates and numbers written as text (HUGEINT sums, DECIMALs: DuckDB's JSON
 * gives them as strings) parsed to numbers; everything else untouched. A y of strings was a point scale.
 */
export function chartRows(rows: Row[], columns: { name: string; type: string }[]): Row[] {
  const temporal = columns.filter((c) => isTemporal(c.type)).map((c) => c.name)
  const numeric = columns.filter((c) => NUMERIC.test(c.type) && !isTemporal(c.type)).map((c) => c.name)
  if (!temporal.length && !numeric.length) return rows
  return rows.map((r) => {
    const out = { ...r }
    for (const name of temporal) {
      const v = r[name]
      if (typeof v === 'string') out[name] = parseTemporal(v)
    }
    for (const name of numeric) {
      const v = r[name]
      if (typeof v === 'string' && v.trim() !== '') out[name] = Number(v)
      else if (typeof v === 'bigint') out[name] = Number(v)
    }
    return out
  })
}

/** A band of dates (bars, cells) labelled as the day, or the minute when the values have a time of day. */
function dateBandFormat(rows: Row[], x: string): ((d: Date) => string) | undefined {
  const dates = rows.map((r) => r[x]).filter((v): v is Date => v instanceof Date)
  if (!dates.length) return undefined
  const withTime = dates.some((d) => d.getUTCHours() || d.getUTCMinutes())
  return (d: Date) =>
    Number.isNaN(d.getTime())
      ? ''
      : d
          .toISOString()
          .slice(0, withTime ? 16 : 10)
          .replace('T', ' ')
}

/** A first guess at a chart for a fresh result: time or text on x, the first number on y, a text column as colour. */
export function suggestChart(columns: { name: string; type: string }[]): ChartSpec | null {
  const numeric = columns.filter((c) => NUMERIC.test(c.type))
  const temporal = columns.find((c) => isTemporal(c.type))
  const text = columns.filter((c) => /VARCHAR|TEXT/i.test(c.type))
  const y = numeric.find((c) => c.name !== temporal?.name) ?? numeric[0]
  const x = temporal ?? text[0] ?? numeric.find((c) => c !== y)
  if (!x || !y) return null
  const color = text.find((c) => c.name !== x.name)?.name ?? null
  return { mark: temporal ? 'line' : 'bar', x: x.name, y: y.name, color, facet: null }
}

/**
 * Rows in x order, for lines and areas over a time or number axis: Plot joins points in data order, and a query
 * ordered by something else ("Top posts by interactions" is by engagement) drew a scribble across the time axis.
 */
function inXOrder(rows: Row[], x: string): Row[] {
  const key = (v: unknown) =>
    v instanceof Date ? v.getTime() : typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : null
  if (!rows.every((r) => r[x] === null || r[x] === undefined || key(r[x]) !== null)) return rows
  return [...rows].sort((a, b) => (key(a[x]) ?? Infinity) - (key(b[x]) ?? Infinity))
}

/** Plot's default categorical scheme (tableau10), for colour values that are not institutions. */
export const CATEGORY_COLORS = [
  '#4e79a7',
  '#f28e2c',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc949',
  '#af7aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ab'
]

export interface ColorScale {
  domain: string[]
  range: string[]
}

/**
 * The colour scale of a query chart's colour column: a value that is an institution's name takes that institution's
 * colour, as on the dashboard, so the same institution has the same colour everywhere; other values take the
 * categorical scheme in order, skipping the colours institutions took. Values sorted, as the legend lists them.
 */
export function colorScale(rows: Row[], column: string, institutions: { name: string; color: string }[]): ColorScale {
  const byName = new Map(institutions.map((i) => [i.name, i.color]))
  const domain = [...new Set(rows.map((r) => String(r[column] ?? '')))].sort()
  const taken = new Set(domain.map((v) => byName.get(v)).filter((c): c is string => !!c))
  const free = CATEGORY_COLORS.filter((c) => !taken.has(c))
  const palette = free.length ? free : CATEGORY_COLORS
  let next = 0
  return { domain, range: domain.map((v) => byName.get(v) ?? palette[next++ % palette.length]) }
}

/**
 * `accent`: the fill of uncoloured bars and dots; the app's CSS variable on screen, a colour in exported files.
 * `colors`: the colour column's scale (colorScale); without it Plot picks its own.
 */
export function chartOptions(
  spec: ChartSpec,
  rows: Row[],
  width: number,
  dark = false,
  height = 320,
  accent = 'var(--accent)',
  colors?: ColorScale
): Plot.PlotOptions {
  const color = spec.color || undefined
  const fy = spec.facet || undefined
  const base = { x: spec.x, y: spec.y, fy, tip: true } as const
  const marks: Plot.Markish[] = []
  switch (spec.mark) {
    case 'line':
      marks.push(
        Plot.lineY(inXOrder(rows, spec.x), {
          ...base,
          stroke: color,
          marker: rows.length < 60 ? 'circle-stroke' : undefined
        })
      )
      break
    case 'area':
      marks.push(Plot.areaY(inXOrder(rows, spec.x), { ...base, fill: color, fillOpacity: color ? 0.85 : 0.5 }))
      break
    case 'bar':
      marks.push(Plot.barY(rows, { ...base, fill: color ?? accent }))
      break
    case 'dot':
      marks.push(Plot.dot(rows, { ...base, fill: color ?? accent, r: 3 }))
      break
    case 'cell':
      marks.push(Plot.cell(rows, { ...base, fill: color ?? spec.y, inset: 0.5 }))
      break
  }
  if (spec.mark !== 'cell') marks.push(Plot.ruleY([0]))
  // Bars and cells need a band of x values; dates there read as days ("2024-03-04"), not Plot's mixed ticks.
  const band = spec.mark === 'bar' || spec.mark === 'cell'
  const bandDates = band ? dateBandFormat(rows, spec.x) : undefined
  // A few dates fit level; many are turned, with room under the axis for "2024-03-04" at an angle.
  const rotateDates = !!bandDates && new Set(rows.map((r) => String(r[spec.x]))).size > 6
  return {
    width,
    height: fy ? undefined : Math.max(200, height),
    marginLeft: 56,
    marginBottom: rotateDates ? 64 : 40,
    style: { background: 'transparent', color: dark ? '#e3e6eb' : '#1d2430', fontSize: '11px' },
    x:
      band && bandDates
        ? { label: spec.x, type: 'band', tickFormat: bandDates, tickRotate: rotateDates ? -30 : 0 }
        : { label: spec.x, tickRotate: band ? -30 : 0 },
    y: { label: spec.y, grid: spec.mark !== 'cell' },
    color: color ? { legend: true, ...(colors ? { domain: colors.domain, range: colors.range } : {}) } : undefined,
    marks
  }
}
