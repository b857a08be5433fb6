import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { observeElementOffset, useVirtualizer } from '@tanstack/react-virtual'
import type { DatasetSummary } from '../../../../shared/types'
import { call } from '../../api'
import { copyText } from './clipboard'
import { ColumnMenu } from './ColumnMenu'
import { gridColumns, rowNumberWidth, type GridColumn } from './columns'
import { formatCell, formatCount } from './format'
import { GridHeader } from './GridHeader'
import { GridToolbar } from './GridToolbar'
import { useGridState, viewOf, withFilter } from './gridState'
import { scrollRatio, scrollSpace, toRealOffset, toRealPosition, toVirtualOffset, type ScrollSpace } from './scrollMap'
import {
  cellCount,
  inRange,
  moveSelection,
  rangeOf,
  selectAll,
  single,
  type CellRef,
  type Selection
} from './selection'
import { toTsv, type TsvValue } from './tsv'
import { usePages } from './usePages'

const ROW_HEIGHT = 28
const HEADER_HEIGHT = 44
const SEARCH_DELAY_MS = 250
/** A copy larger than this would freeze the window and overflow what a spreadsheet pastes comfortably. */
export const MAX_COPY_ROWS = 100_000

interface DatasetGridProps {
  dataset: DatasetSummary
  onError: (err: unknown, context?: string) => void
  /** "Open as query": the SQL of the grid's sort and filters, for the Queries editor. */
  onOpenQuery?: (sql: string, datasetName: string) => void
}

/** A shown column and where its values sit in the dataset's pages. */
interface ShownColumn extends GridColumn {
  index: number
}

/**
 * A virtualised grid over millions of rows. Only ~visible rows are in the DOM, rows come in Arrow pages
 * from the engine (sorted, filtered and searched there), and when rows × height exceeds what a browser can lay out
 * the scroll space is scaled (see scrollMap.ts): the virtualizer works in full "virtual" pixels, the scroller in
 * capped real ones. Cells are selected like a spreadsheet's and copy as TSV.
 */
export function DatasetGrid({ dataset, onError, onOpenQuery }: DatasetGridProps) {
  const [state, update] = useGridState(dataset.id)
  const [searchText, setSearchText] = useState(state.search)
  const [search, setSearch] = useState(state.search)
  useEffect(() => {
    const t = window.setTimeout(() => {
      setSearch(searchText)
      update((s) => ({ ...s, search: searchText }))
    }, SEARCH_DELAY_MS)
    return () => window.clearTimeout(t)
  }, [searchText, update])

  const view = useMemo(() => viewOf(state, search), [state, search])
  const viewKey = JSON.stringify(view)
  const allColumns = useMemo(() => gridColumns(dataset.columns), [dataset.columns])
  const names = useMemo(() => allColumns.map((c) => c.name), [allColumns])
  const columns: ShownColumn[] = useMemo(
    () =>
      allColumns
        .map((c, index) => ({ ...c, index, width: state.widths[c.name] ?? c.width }))
        .filter((c) => !state.hidden.includes(c.name)),
    [allColumns, state.hidden, state.widths]
  )
  const pages = usePages(dataset.id, names, view, onError)
  const total = pages.totalRows ?? dataset.rows
  const filtered = !!view.search || (view.filters?.length ?? 0) > 0

  const gridId = useId()
  const scrollerRef = useRef<HTMLDivElement>(null)
  const realTop = useRef(0)
  const [viewport, setViewport] = useState(600)
  const space: ScrollSpace = scrollSpace(HEADER_HEIGHT + total * ROW_HEIGHT, viewport)
  const spaceRef = useRef(space)
  spaceRef.current = space

  const [sel, setSel] = useState<Selection | null>(null)
  const [status, setStatus] = useState('')
  const [menu, setMenu] = useState<{ column: string; anchor: HTMLElement } | null>(null)
  const dragging = useRef(false)

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

  // A new dataset or view starts at the top, with nothing selected (the rows under a selection changed).
  useEffect(() => {
    const el = scrollerRef.current
    if (el) el.scrollTop = 0
    realTop.current = 0
    setSel(null)
  }, [dataset.id, viewKey, state.hidden])

  // With a scaled scroll space one real pixel is many rows; steer the wheel in virtual pixels
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
    const onUp = () => (dragging.current = false)
    window.addEventListener('mouseup', onUp)
    return () => {
      el.removeEventListener('wheel', onWheel)
      window.removeEventListener('mouseup', onUp)
    }
  }, [])

  const rowNumWidth = rowNumberWidth(total)
  const width = rowNumWidth + columns.reduce((sum, c) => sum + c.width, 0)
  // A trailing 1fr track lets stripes and the header run to the right edge when the columns are narrow.
  const template = `${rowNumWidth}px ${columns.map((c) => `${c.width}px`).join(' ')} minmax(0, 1fr)`
  const fullWidth = `max(100%, ${width}px)`

  /** Scroll so the cell is fully visible below the sticky header and right of the row numbers. */
  const revealCell = useCallback(
    (cell: CellRef) => {
      const el = scrollerRef.current
      if (!el) return
      const s = spaceRef.current
      const top = HEADER_HEIGHT + cell.row * ROW_HEIGHT
      const current = toVirtualOffset(el.scrollTop, s)
      let target = current
      if (top - HEADER_HEIGHT < current) target = top - HEADER_HEIGHT
      else if (top + ROW_HEIGHT > current + s.viewport) target = top + ROW_HEIGHT - s.viewport
      if (target !== current) el.scrollTop = toRealOffset(target, s)
      const left = rowNumWidth + columns.slice(0, cell.col).reduce((sum, c) => sum + c.width, 0)
      const right = left + (columns[cell.col]?.width ?? 0)
      if (left - rowNumWidth < el.scrollLeft) el.scrollLeft = left - rowNumWidth
      else if (right > el.scrollLeft + el.clientWidth) el.scrollLeft = right - el.clientWidth
    },
    [columns, rowNumWidth]
  )

  /** Rows [first, last] of the given columns as TSV, headers first when asked; capped at MAX_COPY_ROWS. */
  const copyCells = (first: number, last: number, cols: ShownColumn[], headers: boolean) => {
    const end = Math.min(last, first + MAX_COPY_ROWS - 1)
    const rows = end - first + 1
    const text = pages
      .readRows(first, end)
      .then((values) =>
        toTsv([
          ...(headers ? [cols.map((c) => c.name)] : []),
          ...values.map((row) => cols.map((c) => copyValue(row[c.index], c)))
        ])
      )
    const what =
      cols.length === 1 && headers
        ? `column ${cols[0].name} (${formatCount(rows)} ${rows === 1 ? 'row' : 'rows'})`
        : `${formatCount(rows)} × ${formatCount(cols.length)} ${rows * cols.length === 1 ? 'cell' : 'cells'}`
    setStatus('Copying…')
    copyText(text)
      .then(() =>
        setStatus(
          end < last
            ? `Copied the first ${formatCount(rows)} of ${formatCount(last - first + 1)} rows`
            : `Copied ${what}`
        )
      )
      .catch((err: unknown) => {
        setStatus('')
        onError(err, 'Could not copy')
      })
  }

  const copySelection = (headers: boolean) => {
    if (!sel || total === 0) return
    const r = rangeOf(sel)
    copyCells(r.top, r.bottom, columns.slice(r.left, r.right + 1), headers)
  }

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== scrollerRef.current) return
    const mod = e.ctrlKey || e.metaKey
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key
    if (mod && key === 'a') {
      if (total > 0 && columns.length > 0) setSel(selectAll(total, columns.length))
    } else if (mod && key === 'c') {
      copySelection(e.shiftKey)
    } else if (key === 'Escape' && sel) {
      setSel(single(sel.focus))
    } else {
      const page = Math.max(1, Math.floor((spaceRef.current.viewport - HEADER_HEIGHT) / ROW_HEIGHT) - 1)
      const next = moveSelection(
        sel,
        key,
        { shift: e.shiftKey, ctrl: mod },
        { rows: total, cols: columns.length, page }
      )
      if (!next) return
      setSel(next)
      revealCell(next.focus)
    }
    e.preventDefault()
  }

  const cellAt = (target: EventTarget): CellRef | null => {
    const el = (target as HTMLElement).closest?.('[data-cell-col]') as HTMLElement | null
    const row = el?.closest('[data-row-index]') as HTMLElement | null
    if (!el || !row) return null
    return { row: Number(row.dataset.rowIndex), col: Number(el.dataset.cellCol) }
  }

  const onMouseDown = (e: React.MouseEvent) => {
    if (e.button !== 0) return
    const cell = cellAt(e.target)
    if (!cell) return
    e.preventDefault() // no text selection across cells; the grid's own selection shows instead
    scrollerRef.current?.focus({ preventScroll: true })
    setSel((s) => (e.shiftKey && s ? { anchor: s.anchor, focus: cell } : single(cell)))
    dragging.current = true
  }

  const onMouseOver = (e: React.MouseEvent) => {
    if (!dragging.current) return
    const cell = cellAt(e.target)
    if (cell) setSel((s) => (s ? { anchor: s.anchor, focus: cell } : single(cell)))
  }

  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? -1
  useEffect(() => {
    if (last >= first) pages.ensureRows(first, last)
  }, [first, last, pages.ensureRows]) // eslint-disable-line react-hooks/exhaustive-deps

  const range = sel ? rangeOf(sel) : null
  const cellId = (row: number, col: number) => `${gridId}-r${row}-c${col}`
  const activeRendered = sel && sel.focus.row >= first && sel.focus.row <= last && pages.hasRow(sel.focus.row)

  const cycleSort = (column: string) =>
    update((s) => ({
      ...s,
      sort:
        s.sort?.column !== column
          ? { column, direction: 'asc' }
          : s.sort.direction === 'asc'
            ? { column, direction: 'desc' }
            : null
    }))

  const menuColumn = menu ? columns.find((c) => c.name === menu.column) : undefined

  const openAsQuery = async () => {
    try {
      const { sql } = await call('datasetQuerySql', { datasetId: dataset.id, ...view })
      onOpenQuery?.(sql, dataset.name)
    } catch (err) {
      onError(err, 'Could not write the query')
    }
  }

  return (
    <section className="data-grid" data-testid="data-grid" aria-label={`Rows of ${dataset.name}`}>
      <GridToolbar
        name={dataset.name}
        total={total}
        datasetRows={dataset.rows}
        filtered={filtered}
        columnCount={allColumns.length}
        hidden={state.hidden}
        sort={state.sort}
        filters={state.filters}
        search={searchText}
        status={status}
        selection={range ? cellCount(range) : 0}
        onSearch={setSearchText}
        onClearSort={() => update((s) => ({ ...s, sort: null }))}
        onRemoveFilter={(column) => update((s) => ({ ...s, filters: withFilter(s.filters, column, null) }))}
        onClearAll={() => {
          setSearchText('')
          setSearch('')
          update((s) => ({ ...s, sort: null, filters: [], search: '' }))
        }}
        onShowHidden={() => update((s) => ({ ...s, hidden: [] }))}
        onOpenQuery={onOpenQuery ? () => void openAsQuery() : undefined}
      />
      <div
        ref={scrollerRef}
        className="grid-scroller"
        data-testid="grid-scroller"
        tabIndex={0}
        role="grid"
        aria-label={`${dataset.name}: arrows move, Shift extends, Ctrl+A selects all, Ctrl+C copies`}
        aria-multiselectable="true"
        aria-rowcount={total + 1}
        aria-colcount={columns.length + 1}
        aria-activedescendant={activeRendered ? cellId(sel.focus.row, sel.focus.col) : undefined}
        onKeyDown={onKeyDown}
        onMouseDown={onMouseDown}
        onMouseOver={onMouseOver}
      >
        <div className="grid-canvas" style={{ height: space.realHeight, width: fullWidth }}>
          <GridHeader
            columns={columns}
            template={template}
            height={HEADER_HEIGHT}
            width={fullWidth}
            sort={state.sort}
            filters={state.filters}
            onCycleSort={cycleSort}
            onOpenMenu={(column, anchor) => setMenu((m) => (m?.column === column ? null : { column, anchor }))}
            onResize={(column, w) => update((s) => ({ ...s, widths: { ...s.widths, [column]: w } }))}
          />
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
                  const selected = range !== null && inRange(range, item.index, ci)
                  const active = sel !== null && sel.focus.row === item.index && sel.focus.col === ci
                  const cls = `grid-cell ${selected ? 'selected' : ''} ${active ? 'active' : ''}`
                  if (!loaded) return <div key={c.name} className={cls} role="gridcell" data-cell-col={ci} />
                  const text = formatCell(pages.cell(item.index, c.index), c.kind)
                  return (
                    <div
                      key={c.name}
                      id={cellId(item.index, ci)}
                      role="gridcell"
                      aria-selected={selected}
                      data-cell-col={ci}
                      className={`${cls} ${c.kind === 'number' ? 'num' : ''} ${text === null ? 'null' : ''}`}
                      title={text !== null && text.length > 24 ? text : undefined}
                    >
                      {text ?? 'null'}
                    </div>
                  )
                })}
              </div>
            )
          })}
          {total === 0 && <div className="grid-empty">{filtered ? 'No rows match.' : 'This dataset has no rows.'}</div>}
        </div>
      </div>
      {menu && menuColumn && (
        <ColumnMenu
          key={menu.column}
          column={menuColumn}
          anchor={menu.anchor}
          sort={state.sort}
          filter={state.filters.find((f) => f.column === menu.column)}
          onSort={(sort) => update((s) => ({ ...s, sort }))}
          onFilter={(filter) => {
            update((s) => ({ ...s, filters: withFilter(s.filters, menu.column, filter) }))
            setMenu(null)
            menu.anchor.focus()
          }}
          onCopy={() => {
            copyCells(0, total - 1, [menuColumn], true)
            setMenu(null)
            menu.anchor.focus()
          }}
          onHide={() => {
            setMenu(null)
            update((s) => ({ ...s, hidden: [...s.hidden, menu.column] }))
            scrollerRef.current?.focus()
          }}
          canHide={columns.length > 1}
          onClose={() => setMenu(null)}
        />
      )}
    </section>
  )
}

/**
 * Numbers go out at full precision (the grid rounds long fractions for display) and as numbers (tsv.ts neutralises
 * text only); the rest as shown.
 */
const NUMBER_LITERAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

function copyValue(value: unknown, c: GridColumn): TsvValue {
  if (value === null || value === undefined) return null
  // A decimal the page carries as text is a number too; anything else in a numeric column (NaN, inf) is text.
  if (c.kind === 'number' && NUMBER_LITERAL.test(String(value))) return { numeric: String(value) }
  return formatCell(value, c.kind)
}

function scrollVirtualBy(el: HTMLElement, virtualDelta: number, s: ScrollSpace) {
  const current = toVirtualOffset(el.scrollTop, s)
  const target = toRealOffset(current + virtualDelta, s)
  // Always move at least a pixel, or small steps would round to nothing in a heavily scaled space.
  el.scrollTop = Math.abs(target - el.scrollTop) < 1 ? el.scrollTop + Math.sign(virtualDelta) : target
}
