import { useCallback, useEffect, useRef, useState } from 'react'
import { tableFromIPC, type Table, type Vector } from 'apache-arrow'
import { api } from '../../api'
import { useLatest } from '../../components/useLatest'
import type { SortSpec } from '../../../../shared/types'
import { LruCache, MAX_PAGES, PAGE_SIZE, pagesForRows } from './pageCache'

interface Page {
  table: Table
  /** One vector per dataset column, in dataset column order (null when the page lacks the column). */
  vectors: (Vector | null)[]
}

/** Wait this long after the visible range settles before fetching, so dragging the scrollbar across
 *  millions of rows does not fire a request for every page it passes. */
const FETCH_DELAY_MS = 40

/**
 * Rows of one dataset, fetched on demand in pages of PAGE_SIZE and decoded from Arrow. At most MAX_PAGES
 * decoded pages are kept (LRU), so memory does not grow with the row count; all rows are never requested.
 */
export function usePages(
  datasetId: number,
  columnNames: string[],
  sort: SortSpec | null,
  onError: (err: unknown, context?: string) => void
) {
  const cache = useRef(new LruCache<number, Page>(MAX_PAGES))
  const inflight = useRef(new Set<number>())
  // Bumped on dataset or sort change: answers for an older generation are dropped.
  const generation = useRef(0)
  const [, setVersion] = useState(0)
  const [totalRows, setTotalRows] = useState<number | null>(null)
  const timer = useRef<number | undefined>(undefined)
  const columnsRef = useLatest(columnNames)

  const sortKey = sort ? `${sort.column}\u0000${sort.direction}` : ''
  useEffect(() => {
    generation.current++
    cache.current.clear()
    inflight.current.clear()
    // Re-render so no row of the old order stays on screen while the new pages load.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setVersion((v) => v + 1)
  }, [datasetId, sortKey])

  const fetchPage = useCallback(
    async (index: number) => {
      const gen = generation.current
      inflight.current.add(index)
      try {
        const page = await api.datasetPage({ datasetId, offset: index * PAGE_SIZE, limit: PAGE_SIZE, sort })
        if (gen !== generation.current) return
        const table = tableFromIPC(page.arrow)
        const vectors = columnsRef.current.map((name, i) => table.getChild(name) ?? table.getChildAt(i) ?? null)
        cache.current.set(index, { table, vectors })
        setTotalRows(page.totalRows)
        setVersion((v) => v + 1)
      } catch (err) {
        if (gen === generation.current) onError(err, 'Could not read rows')
      } finally {
        if (gen === generation.current) inflight.current.delete(index)
      }
    },
    // sortKey stands for sort: the object identity may change on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [datasetId, sortKey, onError, columnsRef]
  )

  /** Ask for the pages covering rows [first, last]; missing ones are fetched after a short settle. */
  const ensureRows = useCallback(
    (first: number, last: number) => {
      const missing = pagesForRows(first, last).filter((p) => !cache.current.has(p) && !inflight.current.has(p))
      if (missing.length === 0) return
      window.clearTimeout(timer.current)
      timer.current = window.setTimeout(() => missing.forEach((p) => void fetchPage(p)), FETCH_DELAY_MS)
    },
    [fetchPage]
  )

  useEffect(() => () => window.clearTimeout(timer.current), [])

  /** The cell value, or undefined while its page is not loaded yet. */
  const cell = useCallback((row: number, column: number): unknown => {
    const page = cache.current.get(Math.floor(row / PAGE_SIZE))
    if (!page) return undefined
    const vector = page.vectors[column]
    const offset = row % PAGE_SIZE
    if (!vector || offset >= page.table.numRows) return null
    return vector.get(offset)
  }, [])

  const hasRow = useCallback((row: number) => cache.current.has(Math.floor(row / PAGE_SIZE)), [])

  return { ensureRows, cell, hasRow, totalRows, cachedPages: () => cache.current.size }
}
