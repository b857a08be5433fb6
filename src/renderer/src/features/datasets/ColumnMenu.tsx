import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { ColumnFilter, SortSpec } from '../../../../shared/gridView'
import type { GridColumn } from './columns'
import { FilterEditor } from './FilterEditor'

interface ColumnMenuProps {
  column: GridColumn
  /** The header button that opened the menu: the menu sits under it and focus returns to it. */
  anchor: HTMLElement
  sort: SortSpec | null
  filter: ColumnFilter | undefined
  onSort: (sort: SortSpec | null) => void
  onFilter: (filter: ColumnFilter | null) => void
  onCopy: () => void
  onHide: () => void
  /** False for the last shown column. */
  canHide: boolean
  onClose: () => void
}

const SORT_WORDS: Record<GridColumn['kind'], [string, string]> = {
  number: ['Smallest first', 'Largest first'],
  date: ['Oldest first', 'Newest first'],
  timestamp: ['Oldest first', 'Newest first'],
  boolean: ['False first', 'True first'],
  text: ['A to Z', 'Z to A']
}

/** A column's sort, filter, copy and hide, in a small non-modal dialog under its header. Escape closes it. */
export function ColumnMenu(p: ColumnMenuProps) {
  const ref = useRef<HTMLDivElement>(null)
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null)

  useLayoutEffect(() => {
    const host = ref.current?.offsetParent as HTMLElement | null
    if (!host || !ref.current) return
    const a = p.anchor.getBoundingClientRect()
    const h = host.getBoundingClientRect()
    const width = ref.current.offsetWidth
    // Under the header button, kept inside the grid so it never opens off screen at 1024 px.
    setPos({ left: Math.max(8, Math.min(a.right - h.left - width, h.width - width - 8)), top: a.bottom - h.top + 4 })
  }, [p.anchor])

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('button, select, input')?.focus()
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node) && !p.anchor.contains(e.target as Node)) p.onClose()
    }
    document.addEventListener('mousedown', onDown)
    return () => document.removeEventListener('mousedown', onDown)
    // Subscribed once per opening; onClose is stable enough for a click outside.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const close = () => {
    p.onClose()
    p.anchor.focus()
  }
  const dir = p.sort?.column === p.column.name ? p.sort.direction : null
  const [asc, desc] = SORT_WORDS[p.column.kind]

  return (
    <div
      ref={ref}
      className="column-menu"
      role="dialog"
      aria-label={`Column ${p.column.name}`}
      data-testid="column-menu"
      style={pos ? { left: pos.left, top: pos.top } : { opacity: 0 }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          close()
        }
      }}
    >
      <div className="column-menu-title">
        <strong>{p.column.name}</strong> <span className="grid-col-type">{p.column.type}</span>
      </div>
      <div className="column-menu-group" role="group" aria-label="Sort">
        <button
          type="button"
          className={`btn btn-small ${dir === 'asc' ? 'btn-primary' : ''}`}
          aria-pressed={dir === 'asc'}
          data-testid="menu-sort-asc"
          onClick={() => p.onSort({ column: p.column.name, direction: 'asc' })}
        >
          ↑ {asc}
        </button>
        <button
          type="button"
          className={`btn btn-small ${dir === 'desc' ? 'btn-primary' : ''}`}
          aria-pressed={dir === 'desc'}
          data-testid="menu-sort-desc"
          onClick={() => p.onSort({ column: p.column.name, direction: 'desc' })}
        >
          ↓ {desc}
        </button>
        {dir && (
          <button type="button" className="btn btn-small btn-ghost" onClick={() => p.onSort(null)}>
            No sort
          </button>
        )}
      </div>
      <FilterEditor column={p.column} current={p.filter} onApply={p.onFilter} />
      <div className="column-menu-group">
        <button type="button" className="btn btn-small" data-testid="menu-copy-column" onClick={p.onCopy}>
          Copy column
        </button>
        <button
          type="button"
          className="btn btn-small"
          data-testid="menu-hide-column"
          disabled={!p.canHide}
          onClick={p.onHide}
        >
          Hide column
        </button>
      </div>
    </div>
  )
}
