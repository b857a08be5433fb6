import { useRef } from 'react'
import type { ColumnFilter, SortSpec } from '../../../../shared/gridView'
import type { GridColumn } from './columns'

export const MIN_COLUMN_WIDTH = 60
export const MAX_COLUMN_WIDTH = 1200
const KEY_STEP = 16

interface GridHeaderProps {
  columns: GridColumn[]
  template: string
  height: number
  width: string
  sort: SortSpec | null
  filters: ColumnFilter[]
  onCycleSort: (column: string) => void
  onOpenMenu: (column: string, anchor: HTMLElement) => void
  onResize: (column: string, width: number) => void
}

/** The sticky header: sort on click, a menu per column, and a resize handle on each right edge. */
export function GridHeader(p: GridHeaderProps) {
  return (
    <div
      className="grid-header-row"
      role="row"
      aria-rowindex={1}
      style={{ gridTemplateColumns: p.template, height: p.height, width: p.width }}
    >
      <div className="grid-rownum grid-header-rownum" role="columnheader">
        #
      </div>
      {p.columns.map((c) => {
        const dir = p.sort?.column === c.name ? p.sort.direction : null
        const filtered = p.filters.some((f) => f.column === c.name)
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
              onClick={() => p.onCycleSort(c.name)}
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
            <button
              type="button"
              className={`grid-col-menu ${filtered ? 'filtered' : ''}`}
              data-testid="grid-column-menu"
              aria-haspopup="dialog"
              aria-label={`${c.name}: sort, filter, copy or hide${filtered ? ' (filtered)' : ''}`}
              title={filtered ? 'Filtered — change or remove the filter' : 'Sort, filter, copy or hide'}
              onClick={(e) => p.onOpenMenu(c.name, e.currentTarget)}
            >
              {filtered ? <FunnelIcon /> : <span aria-hidden="true">⋮</span>}
            </button>
            <ResizeHandle column={c} onResize={p.onResize} />
          </div>
        )
      })}
    </div>
  )
}

function FunnelIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
      <path d="M1 2h10L7 6.5V10L5 11V6.5z" fill="currentColor" />
    </svg>
  )
}

/** Drag to resize, or focus it and use the arrow keys (Shift for bigger steps). */
function ResizeHandle({ column, onResize }: { column: GridColumn; onResize: (column: string, width: number) => void }) {
  const drag = useRef<{ x: number; width: number } | null>(null)
  const clamp = (w: number) => Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, w)))
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${column.name}`}
      aria-valuenow={column.width}
      aria-valuemin={MIN_COLUMN_WIDTH}
      aria-valuemax={MAX_COLUMN_WIDTH}
      tabIndex={0}
      className="grid-resize"
      data-testid="grid-resize"
      onPointerDown={(e) => {
        e.preventDefault()
        e.currentTarget.setPointerCapture(e.pointerId)
        drag.current = { x: e.clientX, width: column.width }
      }}
      onPointerMove={(e) => {
        if (drag.current) onResize(column.name, clamp(drag.current.width + e.clientX - drag.current.x))
      }}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        const step = e.shiftKey ? KEY_STEP * 4 : KEY_STEP
        if (e.key === 'ArrowRight') onResize(column.name, clamp(column.width + step))
        else if (e.key === 'ArrowLeft') onResize(column.name, clamp(column.width - step))
        else return
        e.preventDefault()
        e.stopPropagation()
      }}
    />
  )
}
