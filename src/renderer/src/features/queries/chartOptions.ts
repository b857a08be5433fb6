/**
 * Observable Plot options for a chart spec over result rows: pure, so it is tested as data. Temporal columns (DATE,
 * TIMESTAMP...) become Date objects so the x axis is a time axis, not a list of strings.
 */
import * as Plot from '@observablehq/plot'
import type { ChartSpec } from '../../../../shared/queries'

export type Row = Record<string, unknown>

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
export function chartRows(rows: Row[], columns: { name: string; type: string }[]): Row[] {
  const temporal = columns.filter((c) => isTemporal(c.type)).map((c) => c.name)
  if (!temporal.length) return rows
  return rows.map((r) => {
    const out = { ...r }
    for (const name of temporal) {
      const v = r[name]
      if (typeof v === 'string') out[name] = parseTemporal(v)
    }
    return out
  })
}

/** A first guess at a chart for a fresh result: time or text on x, the first number on y, a text column as colour. */
export function suggestChart(columns: { name: string; type: string }[]): ChartSpec | null {
  const numeric = columns.filter((c) => /INT|DOUBLE|FLOAT|DECIMAL|REAL|NUMERIC/i.test(c.type))
  const temporal = columns.find((c) => isTemporal(c.type))
  const text = columns.filter((c) => /VARCHAR|TEXT/i.test(c.type))
  const y = numeric.find((c) => c.name !== temporal?.name) ?? numeric[0]
  const x = temporal ?? text[0] ?? numeric.find((c) => c !== y)
  if (!x || !y) return null
  const color = text.find((c) => c.name !== x.name)?.name ?? null
  return { mark: temporal ? 'line' : 'bar', x: x.name, y: y.name, color, facet: null }
}

export function chartOptions(spec: ChartSpec, rows: Row[], width: number, dark = false, height = 320): Plot.PlotOptions {
  const color = spec.color || undefined
  const fy = spec.facet || undefined
  const base = { x: spec.x, y: spec.y, fy, tip: true } as const
  const marks: Plot.Markish[] = []
  switch (spec.mark) {
    case 'line':
      marks.push(Plot.lineY(rows, { ...base, stroke: color, marker: rows.length < 60 ? 'circle-stroke' : undefined }))
      break
    case 'area':
      marks.push(Plot.areaY(rows, { ...base, fill: color, fillOpacity: color ? 0.85 : 0.5 }))
      break
    case 'bar':
      marks.push(Plot.barY(rows, { ...base, fill: color ?? 'var(--accent)' }))
      break
    case 'dot':
      marks.push(Plot.dot(rows, { ...base, fill: color ?? 'var(--accent)', r: 3 }))
      break
    case 'cell':
      marks.push(Plot.cell(rows, { ...base, fill: color ?? spec.y, inset: 0.5 }))
      break
  }
  if (spec.mark !== 'cell') marks.push(Plot.ruleY([0]))
  return {
    width,
    height: fy ? undefined : Math.max(200, height),
    marginLeft: 56,
    marginBottom: 40,
    style: { background: 'transparent', color: dark ? '#e3e6eb' : '#1d2430', fontSize: '11px' },
    x: { label: spec.x, tickRotate: spec.mark === 'bar' || spec.mark === 'cell' ? -30 : 0 },
    y: { label: spec.y, grid: spec.mark !== 'cell' },
    color: color ? { legend: true } : undefined,
    marks
  }
}
