import { useCallback, useEffect, useRef, useState } from 'react'
import { tableFromIPC, type Table, type Vector } from 'apache-arrow'
import { call, errorCode } from '../../api'
import { useLatest } from '../../components/useLatest'
import type { GridView } from '../../../../shared/gridView'
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
  view: GridView,
  onError: (err: unknown, context?: string) => void
) {
  const cache = useRef(new LruCache<number, Page>(MAX_PAGES))
  const inflight = useRef(new Set<number>())
  // Bumped on dataset or view change: answers for an older generation are dropped.
  const generation = useRef(0)
  const [, setVersion] = useState(0)
  const [totalRows, setTotalRows] = useState<number | null>(null)
  const timer = useRef<number | undefined>(undefined)
  const columnsRef = useLatest(columnNames)

  // The view's identity may change on every render; its JSON stands for it in dependencies.
  const viewKey = JSON.stringify(view)
  const viewRef = useLatest(view)
  useEffect(() => {
    generation.current++
    cache.current.clear()
    inflight.current.clear()
    // Re-render so no row of the old order stays on screen while the new pages load.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setVersion((v) => v + 1)
  }, [datasetId, viewKey])

  const fetchPage = useCallback(
    async (index: number) => {
      const gen = generation.current
      inflight.current.add(index)
      try {
        const page = await call('datasetPage', {
          datasetId,
          offset: index * PAGE_SIZE,
          limit: PAGE_SIZE,
          ...viewRef.current
        })
        if (gen !== generation.current) return
        const table = tableFromIPC(page.arrow)
        cache.current.set(index, { table, vectors: vectorsOf(table, columnsRef.current) })
        setTotalRows(page.totalRows)
        setVersion((v) => v + 1)
      } catch (err) {
        // NOT_FOUND: the dataset was deleted while this page was on its way (a page asked for just before a delete
        // or an undo, answered after it); the list's refresh replaces this grid, so there is nothing to report.
        if (gen === generation.current && errorCode(err) !== 'NOT_FOUND') onError(err, 'Could not read rows')
      } finally {
        if (gen === generation.current) inflight.current.delete(index)
      }
    },
    // viewKey stands for the view read through viewRef.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [datasetId, viewKey, onError, columnsRef]
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

  /**
   * Rows [first, last] of the current view as values per dataset column, for copying: read from the cache where
   * loaded, fetched in chunks (not cached, so a large copy does not push the visible pages out) otherwise.
   */
  const readRows = useCallback(
    async (first: number, last: number): Promise<unknown[][]> => {
      const out: unknown[][] = []
      for (let start = first; start <= last;) {
        const pageIndex = Math.floor(start / PAGE_SIZE)
        const cached = cache.current.get(pageIndex)
        if (cached) {
          const end = Math.min(last, (pageIndex + 1) * PAGE_SIZE - 1)
          for (let r = start; r <= end; r++) out.push(rowOf(cached, r % PAGE_SIZE))
          start = end + 1
          continue
        }
        const limit = Math.min(COPY_CHUNK, last - start + 1)
        const page = await call('datasetPage', { datasetId, offset: start, limit, ...viewRef.current })
        const table = tableFromIPC(page.arrow)
        const chunk = { table, vectors: vectorsOf(table, columnsRef.current) }
        for (let r = 0; r < table.numRows; r++) out.push(rowOf(chunk, r))
        if (table.numRows < limit) break
        start += limit
      }
      return out
    },
    [datasetId, viewRef, columnsRef]
  )

  return { ensureRows, cell, hasRow, readRows, totalRows, cachedPages: () => cache.current.size }
}

/** The largest page the engine serves (contract: limit ≤ 2000). */
const COPY_CHUNK = 2000

function vectorsOf(table: Table, names: string[]): (Vector | null)[] {
  return names.map((name, i) => table.getChild(name) ?? table.getChildAt(i) ?? null)
}

function rowOf(page: Page, offset: number): unknown[] {
  return page.vectors.map((v) => (v && offset < page.table.numRows ? v.get(offset) : null))
}
