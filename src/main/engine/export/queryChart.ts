/**
 * A saved query's chart as an exported image, like the dashboard's (renderChart.ts): the same Plot options the
 * Queries view draws (shared/charts/queryChart.ts), framed on the slide theme with a title, the legend and a
 * footnote saying what was charted, as standalone SVG or PNG.
 */
import { chartOptions, chartRows, colorScale, QUERY_CHART_ROWS } from '../../../shared/charts/queryChart'
import type { Input } from '../../../shared/contract'
import type { ExportedFile } from '../../../shared/export'
import { composeSvg } from './composeSvg'
import { svgToPng } from './png'

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

/** `institutions`: their names and colours, for a colour column of institution names (colorScale). */
export function queryChartFile(
  data: QueryChartInput,
  i: Omit<Input<'exportQueryChart'>, 'resultId'>,
  institutions: { name: string; color: string }[] = []
): ExportedFile {
  const spec = i.chart
  const rows = chartRows(data.rows, data.columns)
  const title = i.title?.trim() || `${spec.y} by ${spec.x}`
  const colors = spec.color ? colorScale(rows, spec.color, institutions) : null
  const legend = colors ? colors.domain.map((name, k) => ({ name, color: colors.range[k] })) : []
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
      // The legend is drawn by composeSvg; the plot's own would repeat it.
      const o = chartOptions(spec, rows, width, false, HEIGHT, ACCENT, colors ?? undefined)
      return colors ? { ...o, color: { domain: colors.domain, range: colors.range } } : o
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
