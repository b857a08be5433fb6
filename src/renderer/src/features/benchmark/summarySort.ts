/**
 * Sorting and ranking the summary table: any column, either way, empty values ("—") last whichever the direction,
 * and competition ranks (1, 2, 2, 4) so two institutions with the same figure share a place.
 */
export type SortDir = 'ascending' | 'descending'
export type SortValue = number | string | null

export interface Ranked<T> {
  row: T
  /** Competition rank under the sort; null where the row has no value. */
  rank: number | null
}

export function sortRows<T>(rows: T[], value: (row: T) => SortValue, dir: SortDir): Ranked<T>[] {
  const sign = dir === 'ascending' ? 1 : -1
  const cmp = (a: SortValue, b: SortValue): number => {
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1
    if (typeof a === 'string' || typeof b === 'string') return sign * String(a).localeCompare(String(b))
    return sign * (a - b)
  }
  // Array.prototype.sort is stable: ties keep the engine's order (by name).
  const sorted = rows.map((row) => ({ row, v: value(row) })).sort((a, b) => cmp(a.v, b.v))
  let rank = 0
  return sorted.map((r, i) => {
    if (i === 0 || cmp(sorted[i - 1].v, r.v) !== 0) rank = i + 1
    return { row: r.row, rank: r.v === null ? null : rank }
  })
}
