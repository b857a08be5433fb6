import { useEffect, useMemo, useRef, useState } from 'react'
import { observeElementOffset, useVirtualizer } from '@tanstack/react-virtual'
import type { DatasetSummary, SortSpec } from '../../../../shared/types'
import { gridColumns, rowNumberWidth } from './columns'
import { formatCell, formatCount } from './format'
import { scrollRatio, scrollSpace, toRealOffset, toRealPosition, toVirtualOffset, type ScrollSpace } from './scrollMap'
import { usePages } from './usePages'

const ROW_HEIGHT = 28
const HEADER_HEIGHT = 44

interface DatasetGridProps {
  dataset: DatasetSummary
  onError: (err: unknown, context?: string) => void
}

/**
 * A virtualised grid over millions of rows. Only ~visible rows are in the DOM, rows come in Arrow pages
 * from the engine, and when rows × height exceeds what a browser can lay out the scroll space is scaled
 * (see scrollMap.ts): the virtualizer works in full "virtual" pixels, the scroller in capped real ones.
 */
export function DatasetGrid({ dataset, onError }: DatasetGridProps) {
  const [sort, setSort] = useState<SortSpec | null>(null)
  const columns = useMemo(() => gridColumns(dataset.columns), [dataset.columns])
  const names = useMemo(() => columns.map((c) => c.name), [columns])
  const pages = usePages(dataset.id, names, sort, onError)
  const total = pages.totalRows ?? dataset.rows

  const scrollerRef = useRef<HTMLDivElement>(null)
  const realTop = useRef(0)
  const [viewport, setViewport] = useState(600)
  const space: ScrollSpace = scrollSpace(HEADER_HEIGHT + total * ROW_HEIGHT, viewport)
  const spaceRef = useRef(space)
  spaceRef.current = space

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEADER_HEIGHT,
    overscan: 8,
    initialRect: { width: 1000, height: 600 },
    // The virtualizer sees the virtual offset; we keep the real one to place rows in the capped canvas.
    observeElementOffset: (instance, cb) =>
      observeElementOffset(instance, (offset, isScrolling) => {
        realTop.current = offset
        cb(toVirtualOffset(offset, spaceRef.current), isScrolling)
      })
  })

  // Track the viewport height: the scroll mapping depends on it.
  useEffect(() => {
    const el = scrollerRef.current
    if (!el) return
    const ro = new ResizeObserver(() => setViewport(el.clientHeight))
    ro.observe(el)
    setViewport(el.clientHeight)
    return () => ro.disconnect()
  }, [])

  // A new dataset or sort starts at the top.
  useEffect(() => {
    const el = scrollerRef.current
    if (el) el.scrollTop = 0
    realTop.current = 0
  }, [dataset.id, sort])

  // With a scaled scroll space one real pixel is many rows; steer the wheel and keys in virtual pixels
  // so scrolling stays smooth instead of leaping hundreds of rows per notch.
  useEffect(() => {
    const el = scrollerRef.current
    if (!el) return
    const onWheel = (e: WheelEvent) => {
      const s = spaceRef.current
      if (scrollRatio(s) <= 1 || e.deltaY === 0 || e.ctrlKey) return
      e.preventDefault()
      const delta = e.deltaMode === 1 ? e.deltaY * ROW_HEIGHT : e.deltaMode === 2 ? e.deltaY * s.viewport : e.deltaY
      scrollVirtualBy(el, delta, s)
      if (e.deltaX) el.scrollLeft += e.deltaX
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [])

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const el = scrollerRef.current
    const s = spaceRef.current
    if (!el || scrollRatio(s) <= 1 || e.target !== el) return
    const page = s.viewport - HEADER_HEIGHT - ROW_HEIGHT
    const deltas: Record<string, number> = {
      ArrowDown: ROW_HEIGHT,
      ArrowUp: -ROW_HEIGHT,
      PageDown: page,
      PageUp: -page,
      ' ': page
    }
    if (e.key === 'Home') el.scrollTop = 0
    else if (e.key === 'End') el.scrollTop = el.scrollHeight
    else if (e.key in deltas) scrollVirtualBy(el, deltas[e.key] * (e.shiftKey && e.key === ' ' ? -1 : 1), s)
    else return
    e.preventDefault()
  }

  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? -1
  useEffect(() => {
    if (last >= first) pages.ensureRows(first, last)
  }, [first, last, pages.ensureRows]) // eslint-disable-line react-hooks/exhaustive-deps

  const rowNumWidth = rowNumberWidth(total)
  const width = rowNumWidth + columns.reduce((sum, c) => sum + c.width, 0)
  // A trailing 1fr track lets stripes and the header run to the right edge when the columns are narrow.
  const template = `${rowNumWidth}px ${columns.map((c) => `${c.width}px`).join(' ')} minmax(0, 1fr)`
  const fullWidth = `max(100%, ${width}px)`

  const cycleSort = (column: string) => {
    setSort((s) =>
      s?.column !== column ? { column, direction: 'asc' } : s.direction === 'asc' ? { column, direction: 'desc' } : null
    )
  }

  return (
    <section className="data-grid" data-testid="data-grid" aria-label={`Rows of ${dataset.name}`}>
      <div className="grid-toolbar">
        <h2 className="grid-title" title={dataset.name}>
          {dataset.name}
        </h2>
        <span className="grid-count" data-testid="grid-row-count">
          {formatCount(total)} {total === 1 ? 'row' : 'rows'}
        </span>
        <span className="grid-meta">
          {formatCount(columns.length)} columns
          {sort && (
            <>
              {' · sorted by '}
              <strong>{sort.column}</strong> {sort.direction === 'asc' ? '↑' : '↓'}
              <button type="button" className="link-button" onClick={() => setSort(null)}>
                Clear sort
              </button>
            </>
          )}
        </span>
      </div>
      <div
        ref={scrollerRef}
        className="grid-scroller"
        data-testid="grid-scroller"
        tabIndex={0}
        role="grid"
        aria-rowcount={total + 1}
        aria-colcount={columns.length + 1}
        onKeyDown={onKeyDown}
      >
        <div className="grid-canvas" style={{ height: space.realHeight, width: fullWidth }}>
          <div
            className="grid-header-row"
            role="row"
            style={{ gridTemplateColumns: template, height: HEADER_HEIGHT, width: fullWidth }}
          >
            <div className="grid-rownum grid-header-rownum" role="columnheader">
              #
            </div>
            {columns.map((c) => {
              const dir = sort?.column === c.name ? sort.direction : null
              return (
                <div
                  key={c.name}
                  role="columnheader"
                  aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
                  className={`grid-header-cell ${c.kind === 'number' ? 'num' : ''}`}
                  data-testid="grid-header"
                  data-column={c.name}
                >
                  <button
                    type="button"
                    className="grid-sort"
                    onClick={() => cycleSort(c.name)}
                    title={`Sort by ${c.name}`}
                  >
                    <span className="grid-col-name">
                      {c.name}
                      <span className={`sort-arrow ${dir ?? ''}`} aria-hidden="true">
                        {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : ''}
                      </span>
                    </span>
                    <span className="grid-col-type">{c.type}</span>
                  </button>
                </div>
              )
            })}
          </div>
          {items.map((item) => {
            const top = toRealPosition(item.start, realTop.current, space)
            const loaded = pages.hasRow(item.index)
            return (
              <div
                key={item.index}
                role="row"
                aria-rowindex={item.index + 2}
                className={`grid-row ${item.index % 2 ? 'odd' : ''} ${loaded ? '' : 'loading'}`}
                data-testid="grid-row"
                data-row-index={item.index}
                style={{
                  transform: `translateY(${top}px)`,
                  gridTemplateColumns: template,
                  height: ROW_HEIGHT,
                  width: fullWidth
                }}
              >
                <div className="grid-rownum" role="rowheader">
                  {item.index + 1}
                </div>
                {columns.map((c, ci) => {
                  if (!loaded) return <div key={c.name} className="grid-cell" role="gridcell" />
                  const text = formatCell(pages.cell(item.index, ci), c.kind)
                  return (
                    <div
                      key={c.name}
                      role="gridcell"
                      className={`grid-cell ${c.kind === 'number' ? 'num' : ''} ${text === null ? 'null' : ''}`}
                      title={text !== null && text.length > 24 ? text : undefined}
                    >
                      {text ?? 'null'}
                    </div>
                  )
                })}
              </div>
            )
          })}
          {total === 0 && <div className="grid-empty">This dataset has no rows.</div>}
        </div>
      </div>
    </section>
  )
}

function scrollVirtualBy(el: HTMLElement, virtualDelta: number, s: ScrollSpace) {
  const current = toVirtualOffset(el.scrollTop, s)
  const target = toRealOffset(current + virtualDelta, s)
  // Always move at least a pixel, or small steps would round to nothing in a heavily scaled space.
  el.scrollTop = Math.abs(target - el.scrollTop) < 1 ? el.scrollTop + Math.sign(virtualDelta) : target
}
