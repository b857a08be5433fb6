/**
 * The export channels: re-run the benchmark the renderer shows (only its request crosses IPC), draw or tabulate the
 * asked chart(s) exactly as `socialbench report` does, and return the bytes with a default file name.
 */
import type { BenchmarkRequest, BenchmarkResult } from '../../../shared/benchmark'
import type { Input } from '../../../shared/contract'
import { CHARTS } from '../../../shared/charts/chartDefs'
import { decodeSeries, type ChartSeries } from '../../../shared/charts/series'
import {
  defaultFileName,
  INSIGHT_TABLE_FILES,
  isTableSlide,
  type DeckTableId,
  type ExportedFile
} from '../../../shared/export'
import type { Database } from '../db/duckdb'
import { runBenchmark } from '../metrics/benchmark'
import { contentMix as mixOf } from '../metrics/contentMix'
import { topicReport } from '../metrics/topics'
import { chartData } from './chartData'
import { insightTable, vendorComparison } from './insightTables'
import { dataFile } from './dataFiles'
import { buildDeck } from './deck'
import { methodologyLines } from './methodology'
import { buildProvenance, csvSidecar, pngWithProvenance, svgWithProvenance, tableDigest } from './provenance'
import { chartPng, chartSvg } from './renderChart'

const MIME = {
  png: 'image/png',
  svg: 'image/svg+xml',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  parquet: 'application/vnd.apache.parquet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
} as const

async function benchmarkOf(
  db: Database,
  request: BenchmarkRequest
): Promise<{ result: BenchmarkResult; series: ChartSeries }> {
  // Its own connection, as the benchmark channel: the scope lives in TEMP tables that concurrent requests must not share.
  const result = await db.withConnection((conn) => runBenchmark(conn, request))
  return { result, series: decodeSeries(result.charts) }
}

/** Slide sizes say so in the name, so a 1920x1080 and a 2x export of the same chart do not overwrite each other. */
const SIZE_SUFFIX = { chart: '', slide1280: '-1280x720', slide1920: '-1920x1080' } as const

export async function exportChart(db: Database, i: Input<'exportChart'>): Promise<ExportedFile> {
  const { result, series } = await benchmarkOf(db, i.request)
  const image = {
    result,
    series,
    chartId: i.chartId,
    size: i.size,
    scale: i.scale,
    chartWidth: i.chartWidth,
    look: i.look,
    title: i.title,
    subtitle: i.subtitle
  }
  const scale = i.size === 'chart' && (i.scale ?? 1) > 1 ? `-${i.scale}x` : ''
  const fileName = defaultFileName(`${i.chartId}${SIZE_SUFFIX[i.size]}${scale}`, result.scope, i.format)
  // The file carries its setup, so `socialbench reproduce` can re-run it (shared/provenance.ts).
  const setup = buildProvenance(result, series, i.request, { kind: 'chart', id: i.chartId, format: i.format })
  if (i.format === 'svg')
    return { fileName, mime: MIME.svg, bytes: new TextEncoder().encode(svgWithProvenance(chartSvg(image).svg, setup)) }
  const png = chartPng(image)
  return { fileName, mime: MIME.png, bytes: pngWithProvenance(png.png, setup), width: png.width, height: png.height }
}

export async function exportChartData(db: Database, i: Input<'exportChartData'>): Promise<ExportedFile> {
  const { result, series } = await benchmarkOf(db, i.request)
  const setup = buildProvenance(result, series, i.request, { kind: 'chartData', id: i.chartId, format: i.format })
  const bytes = await dataFile(
    chartData(i.chartId, result, series),
    i.format,
    CHARTS[i.chartId].title,
    methodologyLines(result, i.chartId),
    [],
    setup
  )
  return {
    fileName: defaultFileName(`${i.chartId}-data`, result.scope, i.format),
    mime: MIME[i.format],
    bytes,
    ...csvSidecar(i.format, setup)
  }
}

export async function exportInsightData(db: Database, i: Input<'exportInsightData'>): Promise<ExportedFile> {
  const [t, { result, series }] = await Promise.all([
    insightTable(db, i.tableId, i.request),
    benchmarkOf(db, i.request)
  ])
  // The benchmark's setup (range, sources, figures) plus the digest of the table itself, which is the file's content.
  const setup = buildProvenance(result, series, i.request, { kind: 'insightData', id: i.tableId, format: i.format })
  setup.numbers.tables = { [i.tableId]: tableDigest(t.table) }
  const bytes = await dataFile(t.table, i.format, t.title, t.methodology, t.sources, setup)
  return {
    fileName: defaultFileName(INSIGHT_TABLE_FILES[i.tableId], t, i.format),
    mime: MIME[i.format],
    bytes,
    ...csvSidecar(i.format, setup)
  }
}

export async function exportDeck(db: Database, i: Input<'exportDeck'>): Promise<ExportedFile> {
  const { result, series } = await benchmarkOf(db, i.request)
  const wants = (id: DeckTableId) => i.slides.some((s) => isTableSlide(s) && s.tableId === id)
  // Each on its own connection, as their channels: the scope lives in TEMP tables that requests must not share.
  const [vendorConventions, contentMix, topics] = await Promise.all([
    wants('vendorConventions') ? vendorComparison(db, i.request) : undefined,
    wants('contentMix') ? db.withConnection((conn) => mixOf(conn, i.request)) : undefined,
    wants('topics') ? db.withConnection((conn) => topicReport(conn, i.request)) : undefined
  ])
  const deck = await buildDeck({
    result,
    series,
    slides: i.slides,
    aspect: i.aspect,
    title: i.title,
    tables: { vendorConventions, contentMix, topics },
    provenance: buildProvenance(result, series, i.request, { kind: 'deck', id: null, format: 'pptx' })
  })
  return {
    fileName: defaultFileName('benchmark-deck', result.scope, 'pptx'),
    mime: MIME.pptx,
    bytes: deck.pptx,
    slides: deck.slides
  }
}
