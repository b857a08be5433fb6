import { useId, useState } from 'react'
import { filterKindsFor, type ColumnFilter, type FilterKind } from '../../../../shared/gridView'
import type { GridColumn } from './columns'

const KIND_LABEL: Record<FilterKind, string> = {
  contains: 'contains',
  numberRange: 'is between',
  dateRange: 'is between dates',
  empty: 'is empty',
  notEmpty: 'is not empty'
}

interface FilterEditorProps {
  column: GridColumn
  current: ColumnFilter | undefined
  onApply: (filter: ColumnFilter | null) => void
}

/** One column's filter: a condition and its values; Enter applies, "Remove filter" clears it. */
export function FilterEditor({ column, current, onApply }: FilterEditorProps) {
  const kinds = filterKindsFor(column.kind)
  const id = useId()
  const [kind, setKind] = useState<FilterKind>(current?.kind ?? kinds[0])
  const [text, setText] = useState(current?.kind === 'contains' ? current.text : '')
  const [min, setMin] = useState(current?.kind === 'numberRange' ? String(current.min ?? '') : '')
  const [max, setMax] = useState(current?.kind === 'numberRange' ? String(current.max ?? '') : '')
  const [from, setFrom] = useState(current?.kind === 'dateRange' ? (current.from ?? '') : '')
  const [to, setTo] = useState(current?.kind === 'dateRange' ? (current.to ?? '') : '')
  const [error, setError] = useState<string | null>(null)

  const build = (): ColumnFilter | string => {
    const c = column.name
    switch (kind) {
      case 'contains':
        return text === '' ? 'Type the text to look for.' : { column: c, kind, text }
      case 'numberRange': {
        const lo = min.trim() === '' ? null : Number(min)
        const hi = max.trim() === '' ? null : Number(max)
        if ((lo !== null && !Number.isFinite(lo)) || (hi !== null && !Number.isFinite(hi))) return 'Type numbers.'
        if (lo === null && hi === null) return 'Type a lowest or a highest value.'
        if (lo !== null && hi !== null && lo > hi) return 'The lowest value is above the highest.'
        return { column: c, kind, min: lo, max: hi }
      }
      case 'dateRange':
        if (!from && !to) return 'Pick a first or a last day.'
        if (from && to && from > to) return 'The first day is after the last.'
        return { column: c, kind, from: from || null, to: to || null }
      case 'empty':
      case 'notEmpty':
        return { column: c, kind }
      default: {
        const unhandled: never = kind
        return unhandled
      }
    }
  }

  return (
    <form
      className="filter-editor"
      data-testid="filter-editor"
      onSubmit={(e) => {
        e.preventDefault()
        const f = build()
        if (typeof f === 'string') setError(f)
        else onApply(f)
      }}
    >
      <label className="filter-row" htmlFor={`${id}-kind`}>
        <span className="filter-label">Show rows where {column.name}</span>
      </label>
      <select
        id={`${id}-kind`}
        className="input input-small"
        data-testid="filter-kind"
        value={kind}
        onChange={(e) => {
          setKind(e.target.value as FilterKind)
          setError(null)
        }}
      >
        {kinds.map((k) => (
          <option key={k} value={k}>
            {KIND_LABEL[k]}
          </option>
        ))}
      </select>
      {kind === 'contains' && (
        <input
          className="input input-small"
          data-testid="filter-text"
          aria-label={`Text ${column.name} contains`}
          value={text}
          maxLength={200}
          onChange={(e) => setText(e.target.value)}
        />
      )}
      {kind === 'numberRange' && (
        <span className="filter-pair">
          <input
            className="input input-small"
            data-testid="filter-min"
            type="number"
            step="any"
            aria-label={`Lowest ${column.name}`}
            placeholder="lowest"
            value={min}
            onChange={(e) => setMin(e.target.value)}
          />
          <span aria-hidden="true">–</span>
          <input
            className="input input-small"
            data-testid="filter-max"
            type="number"
            step="any"
            aria-label={`Highest ${column.name}`}
            placeholder="highest"
            value={max}
            onChange={(e) => setMax(e.target.value)}
          />
        </span>
      )}
      {kind === 'dateRange' && (
        <span className="filter-pair">
          <input
            className="input input-small"
            data-testid="filter-from"
            type="date"
            aria-label={`First day of ${column.name}`}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
          <span aria-hidden="true">–</span>
          <input
            className="input input-small"
            data-testid="filter-to"
            type="date"
            aria-label={`Last day of ${column.name}`}
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
        </span>
      )}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
      <span className="filter-actions">
        <button type="submit" className="btn btn-primary btn-small" data-testid="filter-apply">
          Apply filter
        </button>
        {current && (
          <button type="button" className="btn btn-small" data-testid="filter-remove" onClick={() => onApply(null)}>
            Remove filter
          </button>
        )}
      </span>
    </form>
  )
}
