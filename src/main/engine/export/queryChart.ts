/**
 * A saved query's chart as an exported image, like the dashboard's (renderChart.ts): the same Plot options the
 * Queries view draws (shared/charts/queryChart.ts), framed on the slide theme with a title, the legend and a
 * footnote saying what was charted, as standalone SVG or PNG.
 */
import { chartOptions, chartRows, QUERY_CHART_ROWS } from '../../../shared/charts/queryChart'
import type { Input } from '../../../shared/contract'
import type { ExportedFile } from '../../../shared/export'
import { composeSvg } from './composeSvg'
import { svgToPng } from './png'

/** Plot's default categorical scheme (tableau10), written out so the legend we draw has the colours Plot uses. */
const CATEGORY_COLORS = [
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
const ACCENT = '#2f62c9'
const WIDTH = 960
const HEIGHT = 540

export interface QueryChartInput {
  columns: { name: string; type: string }[]
  rows: Record<string, unknown>[]
  rowCount: number
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'query'

export function queryChartFile(data: QueryChartInput, i: Omit<Input<'exportQueryChart'>, 'resultId'>): ExportedFile {
  const spec = i.chart
  const rows = chartRows(data.rows, data.columns)
  const title = i.title?.trim() || `${spec.y} by ${spec.x}`
  const domain = spec.color ? [...new Set(rows.map((r) => String(r[spec.color as string] ?? '')))].sort() : []
  const legend = domain.map((name, k) => ({ name, color: CATEGORY_COLORS[k % CATEGORY_COLORS.length] }))
  const charted =
    data.rowCount > QUERY_CHART_ROWS
      ? `the first ${QUERY_CHART_ROWS.toLocaleString('en-US')} of ${data.rowCount.toLocaleString('en-US')} rows`
      : `${data.rowCount.toLocaleString('en-US')} rows`
  const composed = composeSvg({
    width: WIDTH,
    height: HEIGHT,
    title,
    subtitle: `${spec.mark} of ${spec.y} by ${spec.x}${spec.color ? `, coloured by ${spec.color}` : ''}`,
    footnote: `Socialbench saved query · ${charted}`,
    legend,
    plot: (width) => {
      const o = chartOptions(spec, rows, width, false, HEIGHT, ACCENT)
      return spec.color ? { ...o, color: { domain, range: legend.map((l) => l.color) } } : o
    }
  })
  const base = slug(title)
  if (i.format === 'svg')
    return { fileName: `${base}.svg`, mime: 'image/svg+xml', bytes: new TextEncoder().encode(composed.svg) }
  const scale = i.scale ?? 2
  const png = svgToPng(composed.svg, { widthPx: composed.width * scale, dpi: 96 * scale })
  return {
    fileName: `${base}${scale > 1 ? `-${scale}x` : ''}.png`,
    mime: 'image/png',
    bytes: png.png,
    width: png.width,
    height: png.height
  }
}
