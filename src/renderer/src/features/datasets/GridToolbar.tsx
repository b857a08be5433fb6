import type { ColumnFilter, SortSpec } from '../../../../shared/gridView'
import { formatCount } from './format'
import { describeFilter } from './gridState'

interface GridToolbarProps {
  name: string
  /** Rows in the current view (after filters and search). */
  total: number
  datasetRows: number
  filtered: boolean
  columnCount: number
  hidden: string[]
  sort: SortSpec | null
  filters: ColumnFilter[]
  search: string
  /** The last copy's outcome, announced politely. */
  status: string
  selection: number
  onSearch: (text: string) => void
  onClearSort: () => void
  onRemoveFilter: (column: string) => void
  onClearAll: () => void
  onShowHidden: () => void
  onOpenQuery?: () => void
}

/** Name and counts, the search box and "Open as query"; below them the active sort and filters as removable chips. */
export function GridToolbar(p: GridToolbarProps) {
  const narrowed = p.sort !== null || p.filters.length > 0
  return (
    <div className="grid-toolbar-wrap">
      <div className="grid-toolbar">
        <h2 className="grid-title" title={p.name}>
          {p.name}
        </h2>
        <span className="grid-count" data-testid="grid-row-count">
          {p.filtered
            ? `${formatCount(p.total)} of ${formatCount(p.datasetRows)} rows`
            : `${formatCount(p.total)} ${p.total === 1 ? 'row' : 'rows'}`}
        </span>
        <span className="grid-meta">
          {formatCount(p.columnCount)} columns
          {p.hidden.length > 0 && (
            <>
              {' · '}
              <button
                type="button"
                className="link-button"
                data-testid="grid-show-hidden"
                title={`Hidden: ${p.hidden.join(', ')}`}
                onClick={p.onShowHidden}
              >
                Show {formatCount(p.hidden.length)} hidden
              </button>
            </>
          )}
        </span>
        <span className="grid-status" role="status" data-testid="grid-status">
          {p.status || (p.selection > 1 ? `${formatCount(p.selection)} cells selected` : '')}
        </span>
        <span className="grid-tools">
          <input
            type="search"
            className="input input-small grid-search"
            data-testid="grid-search"
            aria-label="Search all columns"
            placeholder="Search all columns"
            maxLength={200}
            value={p.search}
            onChange={(e) => p.onSearch(e.target.value)}
          />
          {p.onOpenQuery && (
            <button
              type="button"
              className="btn btn-small"
              data-testid="grid-open-query"
              title="Open this sort and these filters as SQL in the Queries editor"
              onClick={p.onOpenQuery}
            >
              Open as query
            </button>
          )}
        </span>
      </div>
      {narrowed && (
        <ul className="grid-chips" aria-label="Sort and filters">
          {p.sort && (
            <li className="chip" data-testid="grid-chip">
              Sorted by {p.sort.column} {p.sort.direction === 'asc' ? '↑' : '↓'}
              <button type="button" className="chip-remove" aria-label="Clear sort" onClick={p.onClearSort}>
                ×
              </button>
            </li>
          )}
          {p.filters.map((f) => (
            <li key={f.column} className="chip" data-testid="grid-chip">
              {describeFilter(f)}
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove filter on ${f.column}`}
                onClick={() => p.onRemoveFilter(f.column)}
              >
                ×
              </button>
            </li>
          ))}
          <li>
            <button type="button" className="link-button" onClick={p.onClearAll}>
              Clear all
            </button>
          </li>
        </ul>
      )}
    </div>
  )
}
