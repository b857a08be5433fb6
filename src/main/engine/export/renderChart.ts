/**
 * A benchmark chart as an exported image: the app's own Plot option builders (src/shared/charts), drawn on the
 * slide theme with title, subtitle, legend and the methodology footnote, as standalone SVG or PNG.
 */
import type { BenchmarkResult } from '../../../shared/benchmark'
import { buildChart, chartContext, DEFAULT_CHART_OPTIONS, type ChartOptions } from '../../../shared/charts/buildChart'
import { CHARTS, conventionLabel } from '../../../shared/charts/chartDefs'
import { footnote } from '../../../shared/charts/footnote'
import type { ChartSeries } from '../../../shared/charts/series'
import { imageGeometry, type ChartLook, type ExportChartId, type ExportSize } from '../../../shared/export'
import { composeSvg, type ComposedSvg } from './composeSvg'
import { svgToPng } from './png'

export interface ChartImageInput {
  result: BenchmarkResult
  series: ChartSeries
  chartId: ExportChartId
  size: ExportSize
  /** 1, 2 or 3: output pixels per logical pixel. */
  scale?: number
  /** The chart's width on screen (size 'chart'). */
  chartWidth?: number
  look?: ChartLook
  title?: string
  subtitle?: string
  /** A logical frame other than the presets (a 4:3 deck's 1024x768). */
  frame?: { width: number; height: number; pixelRatio: number; dpi: number }
}

const geometry = (input: ChartImageInput) =>
  input.frame ? { ...input.frame } : imageGeometry(input.size, input.scale ?? 1, input.chartWidth)

export function chartOptions(look: ChartLook | undefined): ChartOptions {
  return {
    ...DEFAULT_CHART_OPTIONS,
    ...Object.fromEntries(Object.entries(look ?? {}).filter(([, v]) => v !== undefined))
  }
}

/** "8 institutions · 2024-01-01 to 2024-12-31 · by followers at post time — Rival IQ, CrowdTangle" */
export function defaultSubtitle(result: BenchmarkResult, chartId: ExportChartId): string {
  const n = result.scope.institutions.length
  const parts = [`${n} institution${n === 1 ? '' : 's'}`, `${result.scope.from} to ${result.scope.to}`]
  if (CHARTS[chartId].usesConvention) parts.push(`engagement ${conventionLabel(result.scope.convention)}`)
  return parts.join(' · ')
}

export function chartSvg(input: ChartImageInput): ComposedSvg {
  const { result, series, chartId } = input
  const geo = geometry(input)
  const o = chartOptions(input.look)
  const ctxFor = (width: number) => ({ ...chartContext(result, width, 'light', input.size !== 'chart'), large: false })
  const built = buildChart(chartId, result, series, ctxFor(800), o)
  return composeSvg({
    width: geo.width,
    height: geo.height ?? undefined,
    title: input.title?.trim() || CHARTS[chartId].title,
    subtitle: input.subtitle ?? defaultSubtitle(result, chartId),
    footnote: footnote(result, chartId),
    notes: built.notes,
    legend: result.scope.institutions.map(({ name, color }) => ({ name, color })),
    ramp: built.opacityLegend,
    plot: (width) => buildChart(chartId, result, series, ctxFor(width), o).options
  })
}

export interface ChartPng {
  png: Uint8Array
  width: number
  height: number
  dpi: number
}

export function chartPng(input: ChartImageInput): ChartPng {
  const geo = geometry(input)
  const { svg, width } = chartSvg(input)
  const out = svgToPng(svg, { widthPx: width * geo.pixelRatio, dpi: geo.dpi })
  return { ...out, dpi: geo.dpi }
}
