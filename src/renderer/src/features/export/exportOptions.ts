/**
 * What a chart's Export menu offers, as data: each option says which channel draws it and with what, so the menu
 * only lays them out and the tests can check every option maps to a valid request.
 */
import type { ChartId } from '../../../../shared/charts/chartDefs'
import {
  DATA_FORMATS,
  EXPORT_CHART_IDS,
  type DataFormat,
  type ExportChartId,
  type ExportSize
} from '../../../../shared/export'

export type ExportAction =
  | { kind: 'image'; format: 'png' | 'svg'; size: ExportSize; scale: 1 | 2 | 3 }
  | { kind: 'copy'; format: 'png' | 'svg' }
  | { kind: 'data'; format: DataFormat }

export interface ExportOption {
  /** data-format in the menu, and what e2e tests click. */
  id: string
  label: string
  hint?: string
  action: ExportAction
}

export interface ExportGroup {
  label: string
  options: ExportOption[]
}

const png = (id: string, label: string, hint: string, size: ExportSize, scale: 1 | 2 | 3): ExportOption => ({
  id,
  label,
  hint,
  action: { kind: 'image', format: 'png', size, scale }
})

const IMAGE_GROUPS: ExportGroup[] = [
  {
    label: 'Image',
    options: [
      png('png', 'PNG', 'chart size', 'chart', 1),
      png('png-2x', 'PNG 2×', 'high-DPI screens', 'chart', 2),
      png('png-3x', 'PNG 3×', 'print', 'chart', 3),
      png('png-1920x1080', 'PNG slide', '1920 × 1080', 'slide1920', 1),
      png('png-1280x720', 'PNG slide', '1280 × 720', 'slide1280', 1),
      { id: 'svg', label: 'SVG', hint: 'vector', action: { kind: 'image', format: 'svg', size: 'chart', scale: 1 } }
    ]
  },
  {
    label: 'Clipboard',
    options: [
      { id: 'copy-png', label: 'Copy as PNG', hint: '2×', action: { kind: 'copy', format: 'png' } },
      { id: 'copy-svg', label: 'Copy as SVG', hint: 'vector or text', action: { kind: 'copy', format: 'svg' } }
    ]
  }
]

const DATA_GROUP: ExportGroup = {
  label: 'Data behind this chart',
  options: DATA_FORMATS.map((f) => ({
    id: f,
    label: f === 'csv' ? 'CSV' : f === 'xlsx' ? 'Excel (XLSX)' : 'Parquet',
    action: { kind: 'data', format: f }
  }))
}

export function isImageChart(id: ChartId): id is ExportChartId {
  return (EXPORT_CHART_IDS as readonly string[]).includes(id)
}

/** Post tables have no picture to export: only their data. */
export function exportGroups(chartId: ChartId): ExportGroup[] {
  return isImageChart(chartId) ? [...IMAGE_GROUPS, DATA_GROUP] : [DATA_GROUP]
}

/** "engagement as PNG 2×": for progress and error messages. */
export function describeOption(o: ExportOption): string {
  return o.hint && o.action.kind === 'image' && o.action.size !== 'chart' ? `${o.label} ${o.hint}` : o.label
}

/** Save-dialog filter for a file name's extension. */
export function fileFilter(fileName: string): { name: string; extensions: string[] }[] {
  const ext = fileName.split('.').pop()?.toLowerCase() ?? ''
  const names: Record<string, string> = {
    png: 'PNG image',
    svg: 'SVG image',
    csv: 'CSV table',
    xlsx: 'Excel workbook',
    parquet: 'Parquet file',
    pptx: 'PowerPoint presentation'
  }
  return names[ext] ? [{ name: names[ext], extensions: [ext] }] : []
}

/** Move the item at `from` to `to` (a new array): the deck builder's up/down buttons and drag-and-drop. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= list.length) return [...list]
  const next = [...list]
  const [item] = next.splice(from, 1)
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item)
  return next
}
