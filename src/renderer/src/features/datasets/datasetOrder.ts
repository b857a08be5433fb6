import type { DatasetSummary } from '../../../../shared/types'

export type DatasetSortKey = 'name' | 'rows' | 'importedAt' | 'format'

export interface DatasetOrder {
  key: DatasetSortKey
  direction: 'asc' | 'desc'
}

/** The order the engine lists them in: newest import first. */
export const DEFAULT_ORDER: DatasetOrder = { key: 'importedAt', direction: 'desc' }

/** "CSV", or "CSV · x-tweet-activity" for a recognised export. */
export function formatLabel(d: DatasetSummary): string {
  return d.recognizedFormat ? `${d.format.toUpperCase()} · ${d.recognizedFormat}` : d.format.toUpperCase()
}

const text = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/**
 * The datasets whose name, file name or format contains every word of the search (case- and accent-insensitive),
 * in the chosen order; ties keep the newest import first.
 */
export function orderDatasets(list: readonly DatasetSummary[], search: string, order: DatasetOrder): DatasetSummary[] {
  const words = fold(search).split(/\s+/).filter(Boolean)
  const shown = words.length
    ? list.filter((d) => {
        const hay = fold(`${d.name} ${d.fileName} ${formatLabel(d)}`)
        return words.every((w) => hay.includes(w))
      })
    : [...list]
  const sign = order.direction === 'asc' ? 1 : -1
  const newestFirst = (a: DatasetSummary, b: DatasetSummary) => b.importedAt.localeCompare(a.importedAt) || b.id - a.id
  const by = (a: DatasetSummary, b: DatasetSummary): number => {
    switch (order.key) {
      case 'name':
        return text.compare(a.name, b.name)
      case 'rows':
        return a.rows - b.rows
      case 'importedAt':
        return a.importedAt.localeCompare(b.importedAt) || a.id - b.id
      case 'format':
        return text.compare(formatLabel(a), formatLabel(b))
      default: {
        const unhandled: never = order.key
        return unhandled
      }
    }
  }
  return shown.sort((a, b) => sign * by(a, b) || newestFirst(a, b))
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}
