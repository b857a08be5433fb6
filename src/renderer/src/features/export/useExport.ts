/**
 * Running exports: ask the engine for the bytes (it re-runs the benchmark on screen from its request), then save
 * them through `saveFile` (native dialog / download) or put them on the clipboard. One export at a time; progress
 * and the outcome are state the view shows in a live region, failures go to the app's error banner.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'
import type { BenchmarkRequest } from '../../../../shared/benchmark'
import type { Input } from '../../../../shared/contract'
import {
  INSIGHT_TABLE_TITLES,
  type ChartLook,
  type DataFormat,
  type ExportedFile,
  type InsightTableId
} from '../../../../shared/export'
import { call, saveFile } from '../../api'
import { CHARTS, type ChartId } from '../../../../shared/charts/chartDefs'
import { describeOption, fileFilter, type ExportOption } from './exportOptions'

export interface ChartExportExtras {
  /** The chart's drawn width on screen (PNG/SVG at 'chart' size). */
  chartWidth?: number
  look?: ChartLook
}

export interface Exporter {
  /** The request behind the result on screen; null before the first result. */
  request: BenchmarkRequest | null
  /** What is being exported right now ("Followers over time as PNG 2×"), or null. */
  busy: string | null
  /** The last outcome, shown for a few seconds ("Saved followers_….png"). */
  done: string | null
  exportChart(chartId: ChartId, option: ExportOption, extras?: ChartExportExtras): Promise<void>
  exportDeck(input: Omit<Input<'exportDeck'>, 'request'>): Promise<boolean>
  /** An insight table (every vendor's convention, …) as a data file, computed from the request on screen. */
  exportTable(tableId: InsightTableId, format: DataFormat): Promise<boolean>
}

const DONE_MS = 6000

async function save(file: ExportedFile): Promise<string> {
  const saved = await saveFile({
    defaultName: file.fileName,
    bytes: file.bytes,
    filters: fileFilter(file.fileName),
    // A CSV's setup, written beside it so `socialbench reproduce` can re-run it.
    ...(file.sidecar ? { sidecar: file.sidecar } : {})
  })
  if (!saved.saved) return 'Export cancelled'
  // The name only: a full path would not fit the status line (the dialog just showed where it went).
  return `Saved ${saved.path?.split(/[\\/]/).pop() ?? file.fileName}`
}

/**
 * Clipboard: the ClipboardItem gets a promise of the blob, not the blob, so the write starts inside the click that
 * asked for it (browsers only let a page write the clipboard then) while the engine is still drawing.
 */
async function copy(file: Promise<ExportedFile>, format: 'png' | 'svg'): Promise<string> {
  const blob = (type: string) => file.then((f) => new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type }))
  try {
    if (format === 'png') {
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob('image/png') })])
      return 'Copied the chart as PNG'
    }
    if (typeof ClipboardItem.supports === 'function' && ClipboardItem.supports('image/svg+xml')) {
      await navigator.clipboard.write([
        new ClipboardItem({ 'image/svg+xml': blob('image/svg+xml'), 'text/plain': blob('text/plain') })
      ])
    } else {
      await navigator.clipboard.writeText(new TextDecoder().decode((await file).bytes))
    }
    return 'Copied the chart as SVG'
  } catch (err) {
    await file // the engine's own error says more than the clipboard's "NotAllowedError"
    throw err
  }
}

export function useExporter(
  request: BenchmarkRequest | null,
  onError: (err: unknown, context?: string) => void
): Exporter {
  const [busy, setBusy] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const running = useRef(false)
  const timer = useRef(0)
  useEffect(() => () => window.clearTimeout(timer.current), [])

  const run = useCallback(
    async (label: string, job: () => Promise<string>): Promise<boolean> => {
      if (running.current) return false
      running.current = true
      setBusy(label)
      setDone(null)
      window.clearTimeout(timer.current)
      try {
        const outcome = await job()
        setDone(outcome)
        timer.current = window.setTimeout(() => setDone(null), DONE_MS)
        return true
      } catch (err) {
        onError(err, `Could not export ${label}`)
        return false
      } finally {
        running.current = false
        setBusy(null)
      }
    },
    [onError]
  )

  const exportChart = useCallback(
    async (chartId: ChartId, option: ExportOption, extras: ChartExportExtras = {}) => {
      if (!request) return
      const a = option.action
      const label = `${CHARTS[chartId].title} as ${describeOption(option)}`
      if (a.kind === 'data') {
        await run(label, async () => save(await call('exportChartData', { request, chartId, format: a.format })))
        return
      }
      if (chartId === 'topPosts' || chartId === 'breakouts') return
      const image = {
        request,
        chartId,
        look: extras.look,
        chartWidth: extras.chartWidth && Math.max(200, Math.min(4000, Math.round(extras.chartWidth)))
      }
      if (a.kind === 'copy') {
        await run(label, () =>
          copy(
            call('exportChart', { ...image, format: a.format, size: 'chart', scale: a.format === 'png' ? 2 : 1 }),
            a.format
          )
        )
        return
      }
      await run(label, async () =>
        save(await call('exportChart', { ...image, format: a.format, size: a.size, scale: a.scale }))
      )
    },
    [request, run]
  )

  const exportDeck = useCallback(
    (input: Omit<Input<'exportDeck'>, 'request'>) =>
      request
        ? run(`a deck of ${input.slides.length} item${input.slides.length === 1 ? '' : 's'}`, async () =>
            save(await call('exportDeck', { ...input, request }))
          )
        : Promise.resolve(false),
    [request, run]
  )

  const exportTable = useCallback(
    (tableId: InsightTableId, format: DataFormat) =>
      request
        ? run(`${INSIGHT_TABLE_TITLES[tableId]} as ${format.toUpperCase()}`, async () =>
            save(await call('exportInsightData', { request, tableId, format }))
          )
        : Promise.resolve(false),
    [request, run]
  )

  return useMemo(
    () => ({ request, busy, done, exportChart, exportDeck, exportTable }),
    [request, busy, done, exportChart, exportDeck, exportTable]
  )
}

export const ExportContext = createContext<Exporter | null>(null)

/** The exporter of the enclosing Benchmarks view; null where charts are shown without one. */
export function useExportContext(): Exporter | null {
  return useContext(ExportContext)
}
