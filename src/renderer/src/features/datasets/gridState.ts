import { useCallback, useState } from 'react'
import type { ColumnFilter, GridView, SortSpec } from '../../../../shared/gridView'

/** What the user did to one dataset's grid: its view, hidden columns and widths they dragged. */
export interface GridState {
  sort: SortSpec | null
  filters: ColumnFilter[]
  search: string
  hidden: string[]
  widths: Record<string, number>
}

const EMPTY: GridState = { sort: null, filters: [], search: '', hidden: [], widths: {} }

/**
 * Kept per dataset for as long as the window is open, so going to the Queries view ("Open as query") and back
 * finds the grid as it was left.
 */
const remembered = new Map<number, GridState>()

export function useGridState(datasetId: number) {
  const [state, setState] = useState<GridState>(() => remembered.get(datasetId) ?? EMPTY)
  const update = useCallback(
    (change: (s: GridState) => GridState) =>
      setState((s) => {
        const next = change(s)
        remembered.set(datasetId, next)
        return next
      }),
    [datasetId]
  )
  return [state, update] as const
}

/** The part the engine answers. */
export function viewOf(s: GridState, search: string): GridView {
  return { sort: s.sort, filters: s.filters, search: search.trim() || undefined }
}

/** Replaces the column's filter (one per column), or removes it when `filter` is null. */
export function withFilter(filters: ColumnFilter[], column: string, filter: ColumnFilter | null): ColumnFilter[] {
  const rest = filters.filter((f) => f.column !== column)
  return filter ? [...rest, filter] : rest
}

/** A filter in words, for its chip. */
export function describeFilter(f: ColumnFilter): string {
  switch (f.kind) {
    case 'contains':
      return `${f.column} contains “${f.text}”`
    case 'numberRange':
      return f.min !== null && f.max !== null
        ? `${f.column} ${f.min} – ${f.max}`
        : f.min !== null
          ? `${f.column} ≥ ${f.min}`
          : f.max !== null
            ? `${f.column} ≤ ${f.max}`
            : `${f.column} has a number`
    case 'dateRange':
      return f.from !== null && f.to !== null
        ? `${f.column} ${f.from} – ${f.to}`
        : f.from !== null
          ? `${f.column} from ${f.from}`
          : f.to !== null
            ? `${f.column} until ${f.to}`
            : `${f.column} has a date`
    case 'empty':
      return `${f.column} is empty`
    case 'notEmpty':
      return `${f.column} is not empty`
    default: {
      const unhandled: never = f
      return unhandled
    }
  }
}
