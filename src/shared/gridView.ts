/**
 * What the dataset grid asks the engine for besides a row range: one sort, per-column filters and a search
 * across every column. The engine turns it into SQL (engine/datasetView.ts); the renderer never does.
 */

/** How a column is shown, sorted and filtered, from its DuckDB type name. */
export type ColumnKind = 'number' | 'timestamp' | 'date' | 'boolean' | 'text'

const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL|NUMERIC)\b/i

export function columnKind(duckType: string): ColumnKind {
  const t = duckType.trim().toUpperCase()
  if (NUMERIC.test(t)) return 'number'
  if (t.startsWith('TIMESTAMP')) return 'timestamp'
  if (t === 'DATE') return 'date'
  if (t === 'BOOLEAN' || t === 'BOOL') return 'boolean'
  return 'text'
}

export interface SortSpec {
  column: string
  direction: 'asc' | 'desc'
}

/**
 * One column's filter. Ranges are inclusive and either end may be open (null); dates are YYYY-MM-DD and a
 * timestamp matches by its UTC day. "empty" is NULL, or '' for text.
 */
export type ColumnFilter =
  | { column: string; kind: 'contains'; text: string }
  | { column: string; kind: 'numberRange'; min: number | null; max: number | null }
  | { column: string; kind: 'dateRange'; from: string | null; to: string | null }
  | { column: string; kind: 'empty' }
  | { column: string; kind: 'notEmpty' }

export type FilterKind = ColumnFilter['kind']

/** Which filters a column of this kind offers: ranges only where the type has an order users mean. */
export function filterKindsFor(kind: ColumnKind): FilterKind[] {
  switch (kind) {
    case 'number':
      return ['numberRange', 'contains', 'empty', 'notEmpty']
    case 'date':
    case 'timestamp':
      return ['dateRange', 'contains', 'empty', 'notEmpty']
    case 'boolean':
    case 'text':
      return ['contains', 'empty', 'notEmpty']
    default: {
      const unhandled: never = kind
      return unhandled
    }
  }
}

/** The grid's view of a dataset: everything but the row range. */
export interface GridView {
  sort?: SortSpec | null
  filters?: ColumnFilter[]
  /** Case-insensitive text searched in every column (as its text). */
  search?: string
}

export const MAX_FILTERS = 64
export const MAX_SEARCH_LENGTH = 200
