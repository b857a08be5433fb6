import { useEffect, useRef, useState } from 'react'
import type { DatasetSummary } from '../../../../shared/types'
import { formatLabel, type DatasetOrder, type DatasetSortKey } from './datasetOrder'
import { formatBytes, formatCount, formatImportedAt, shortSha } from './format'

interface DatasetListProps {
  /** Already searched and ordered (datasetOrder.ts). */
  datasets: DatasetSummary[]
  order: DatasetOrder
  onOrder: (order: DatasetOrder) => void
  /** Set when a search hides every dataset. */
  emptyMessage?: string
  selectedId: number | null
  renamingId: number | null
  onSelect: (id: number) => void
  onStartRename: (id: number) => void
  onEndRename: () => void
  onRename: (id: number, name: string) => Promise<unknown>
  onDelete: (dataset: DatasetSummary) => void
}

export function DatasetList(p: DatasetListProps) {
  const bodyRef = useRef<HTMLTableSectionElement>(null)

  // Keep the selected row in view (it may be chosen by an import or "Show it", not by a click).
  useEffect(() => {
    bodyRef.current?.querySelector('tr[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' })
  }, [p.selectedId])

  // Arrow keys move the selection like a list box; focus follows it.
  const onKeyDown = (e: React.KeyboardEvent, index: number) => {
    if (e.target !== e.currentTarget) return
    const next = e.key === 'ArrowDown' ? index + 1 : e.key === 'ArrowUp' ? index - 1 : -1
    if (next < 0 || next >= p.datasets.length) return
    e.preventDefault()
    p.onSelect(p.datasets[next].id)
    bodyRef.current?.querySelectorAll<HTMLElement>('tr')[next]?.focus()
  }

  return (
    <div className="dataset-list-wrap">
      <table className="dataset-list" data-testid="dataset-list" aria-label="Datasets">
        <thead>
          <tr>
            <SortableTh label="Name" sortKey="name" className="col-name" order={p.order} onOrder={p.onOrder} />
            <th scope="col" className="col-file">
              File
            </th>
            <SortableTh label="Format" sortKey="format" className="col-format" order={p.order} onOrder={p.onOrder} />
            <SortableTh label="Rows" sortKey="rows" className="num col-rows" order={p.order} onOrder={p.onOrder} />
            <th scope="col" className="num col-cols">
              Columns
            </th>
            <th scope="col" className="num col-size">
              Size
            </th>
            <SortableTh
              label="Imported (UTC)"
              sortKey="importedAt"
              className="col-date"
              order={p.order}
              onOrder={p.onOrder}
            />
            <th scope="col" className="col-sha">
              SHA-256
            </th>
            <th scope="col" className="actions-col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody ref={bodyRef}>
          {p.emptyMessage && (
            <tr>
              <td colSpan={9} className="list-empty" data-testid="dataset-list-empty">
                {p.emptyMessage}
              </td>
            </tr>
          )}
          {p.datasets.map((d, i) => {
            const selected = d.id === p.selectedId
            return (
              <tr
                key={d.id}
                data-testid="dataset-row"
                data-dataset-id={d.id}
                data-name={d.name}
                aria-selected={selected}
                className={selected ? 'selected' : undefined}
                // Roving tab stop: Tab enters the list at the selected row, arrows move within it.
                tabIndex={selected || (p.selectedId === null && i === 0) ? 0 : -1}
                onClick={() => p.onSelect(d.id)}
                onFocus={(e) => e.target === e.currentTarget && !selected && p.onSelect(d.id)}
                onKeyDown={(e) => onKeyDown(e, i)}
              >
                <td className="name-cell">
                  {p.renamingId === d.id ? (
                    <RenameInput
                      initial={d.name}
                      onCancel={p.onEndRename}
                      onSave={async (name) => {
                        if (name !== d.name) await p.onRename(d.id, name)
                        p.onEndRename()
                      }}
                    />
                  ) : (
                    <span className="dataset-name" title={`${d.name} (${d.fileName})`}>
                      {d.name}
                    </span>
                  )}
                </td>
                <td className="file-cell" title={d.fileName}>
                  {d.fileName}
                </td>
                <td className="format-cell" title={formatLabel(d)}>
                  {formatLabel(d)}
                </td>
                <td className="num">{formatCount(d.rows)}</td>
                <td className="num cols-cell">{formatCount(d.columns.length)}</td>
                <td className="num">{formatBytes(d.sizeBytes)}</td>
                <td className="nowrap">{formatImportedAt(d.importedAt)}</td>
                <td className="mono sha" title={d.sha256}>
                  {shortSha(d.sha256)}
                </td>
                <td className="actions-col">
                  <button
                    type="button"
                    className="btn btn-ghost btn-small"
                    data-testid="dataset-rename"
                    tabIndex={selected ? 0 : -1}
                    aria-label={`Rename ${d.name}`}
                    title="Rename (F2)"
                    onClick={(e) => {
                      e.stopPropagation()
                      p.onSelect(d.id)
                      p.onStartRename(d.id)
                    }}
                  >
                    Rename
                  </button>
                  <button
                    type="button"
                    className="btn btn-ghost btn-small btn-danger-text"
                    data-testid="dataset-delete"
                    tabIndex={selected ? 0 : -1}
                    aria-label={`Delete ${d.name}`}
                    title="Delete (Del)"
                    onClick={(e) => {
                      e.stopPropagation()
                      p.onSelect(d.id)
                      p.onDelete(d)
                    }}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

const FIRST_DIRECTION: Record<DatasetSortKey, 'asc' | 'desc'> = {
  name: 'asc',
  format: 'asc',
  rows: 'desc',
  importedAt: 'desc'
}

/** A header that sorts the list: first click in its natural direction (A–Z, most rows, newest), then reversed. */
function SortableTh({
  label,
  sortKey,
  className,
  order,
  onOrder
}: {
  label: string
  sortKey: DatasetSortKey
  className: string
  order: DatasetOrder
  onOrder: (order: DatasetOrder) => void
}) {
  const active = order.key === sortKey
  const flip = (d: 'asc' | 'desc') => (d === 'asc' ? 'desc' : 'asc')
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active ? (order.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button
        type="button"
        className="th-sort"
        data-testid={`dataset-sort-${sortKey}`}
        onClick={() => onOrder({ key: sortKey, direction: active ? flip(order.direction) : FIRST_DIRECTION[sortKey] })}
      >
        {label}
        {active && (
          <span className="sort-arrow" aria-hidden="true">
            {order.direction === 'asc' ? '▲' : '▼'}
          </span>
        )}
      </button>
    </th>
  )
}

/** Enter saves, Escape cancels; a failed save keeps the editor open with the error shown. */
function RenameInput({
  initial,
  onSave,
  onCancel
}: {
  initial: string
  onSave: (name: string) => Promise<void>
  onCancel: () => void
}) {
  const [value, setValue] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const ref = useRef<HTMLInputElement>(null)
  const done = useRef(false)

  useEffect(() => {
    ref.current?.focus()
    ref.current?.select()
  }, [])

  const save = async () => {
    const name = value.trim()
    if (!name) {
      setError('A name cannot be empty.')
      return
    }
    setSaving(true)
    try {
      await onSave(name)
      done.current = true
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
      setSaving(false)
    }
  }

  return (
    <span className="rename">
      <input
        ref={ref}
        className="input input-small"
        data-testid="dataset-rename-input"
        aria-label="New dataset name"
        aria-invalid={error !== null}
        value={value}
        maxLength={200}
        disabled={saving}
        onClick={(e) => e.stopPropagation()}
        onChange={(e) => {
          setValue(e.target.value)
          setError(null)
        }}
        onKeyDown={(e) => {
          e.stopPropagation()
          if (e.key === 'Enter') void save()
          if (e.key === 'Escape') {
            done.current = true
            onCancel()
          }
        }}
        onBlur={() => {
          // Leaving the field keeps the name as it was unless Enter was pressed; an explicit save is clearer.
          if (!done.current && !saving && !error) onCancel()
        }}
      />
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  )
}
