/**
 * The standard benchmark report without any window: every dashboard chart as PNG/SVG, its data as CSV/XLSX/Parquet,
 * and one PowerPoint deck, written to a folder. `socialbench report` and tests drive it.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { BenchmarkRequest, BenchmarkResult } from '../../../shared/benchmark'
import { CHARTS } from '../../../shared/charts/chartDefs'
import { decodeSeries } from '../../../shared/charts/series'
import {
  DATA_CHART_IDS,
  DATA_FORMATS,
  EXPORT_CHART_IDS,
  type DataFormat,
  type DeckAspect,
  type ReportFormat
} from '../../../shared/export'
import type { Engine } from '../engine'
import { invoke } from '../invoke'
import { chartData } from './chartData'
import { dataFile } from './dataFiles'
import { buildDeck } from './deck'
import { methodologyLines } from './methodology'
import { PROVENANCE_SIDECAR, encodeProvenance } from '../../../shared/provenance'
import { buildProvenance, pngWithProvenance, svgWithProvenance } from './provenance'
import { chartPng, chartSvg } from './renderChart'

export interface ReportOptions {
  outDir: string
  formats: ReportFormat[]
  request: BenchmarkRequest
  aspect?: DeckAspect
  /** Called with each file written (the CLI prints them). */
  onFile?: (path: string) => void
}

export interface ReportResult {
  result: BenchmarkResult
  files: string[]
}

export async function writeReport(engine: Pick<Engine, 'call'>, o: ReportOptions): Promise<ReportResult> {
  const result = await invoke(engine, 'benchmark', o.request)
  const series = decodeSeries(result.charts)
  await mkdir(o.outDir, { recursive: true })
  const files: string[] = []
  const put = async (name: string, bytes: Uint8Array | string) => {
    const path = join(o.outDir, name)
    await writeFile(path, bytes)
    files.push(path)
    o.onFile?.(path)
  }
  const want = (f: ReportFormat) => o.formats.includes(f)
  for (const [i, chartId] of EXPORT_CHART_IDS.entries()) {
    const base = `${String(i + 1).padStart(2, '0')}-${chartId}`
    const setup = (format: string) => buildProvenance(result, series, o.request, { kind: 'chart', id: chartId, format })
    if (want('svg'))
      await put(
        `${base}.svg`,
        svgWithProvenance(chartSvg({ result, series, chartId, size: 'slide1280' }).svg, setup('svg'))
      )
    if (want('png'))
      await put(
        `${base}.png`,
        pngWithProvenance(chartPng({ result, series, chartId, size: 'slide1920' }).png, setup('png'))
      )
  }
  for (const [i, chartId] of DATA_CHART_IDS.entries()) {
    const base = `${String(i + 1).padStart(2, '0')}-${chartId}`
    for (const f of DATA_FORMATS.filter((d): d is DataFormat => want(d))) {
      const setup = buildProvenance(result, series, o.request, { kind: 'chartData', id: chartId, format: f })
      const table = chartData(chartId, result, series)
      await put(
        `${base}.${f}`,
        await dataFile(table, f, CHARTS[chartId].title, methodologyLines(result, chartId), [], setup)
      )
      // A CSV opens cleanly in Excel only without extra lines: its setup goes next to it.
      if (f === 'csv') await put(`${base}.csv${PROVENANCE_SIDECAR}`, `${encodeProvenance(setup)}\n`)
    }
  }
  if (want('pptx')) {
    const deck = await buildDeck({
      result,
      series,
      slides: EXPORT_CHART_IDS.map((chartId) => ({ chartId })),
      aspect: o.aspect,
      provenance: buildProvenance(result, series, o.request, { kind: 'deck', id: null, format: 'pptx' })
    })
    await put('benchmark.pptx', deck.pptx)
  }
  await put('methodology.txt', `${methodologyLines(result).join('\n')}\n`)
  return { result, files }
}
