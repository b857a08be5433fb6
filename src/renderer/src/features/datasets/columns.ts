import type { ColumnInfo } from '../../../../shared/types'
import { columnKind, type ColumnKind } from './format'

export interface GridColumn extends ColumnInfo {
  kind: ColumnKind
  width: number
}

/** Fixed widths from the type and the header text, so layout never depends on which page is loaded. */
export function gridColumns(columns: ColumnInfo[]): GridColumn[] {
  return columns.map((c) => {
    const kind = columnKind(c.type)
    const base =
      kind === 'timestamp' ? 200 : kind === 'date' ? 120 : kind === 'number' ? 120 : kind === 'boolean' ? 90 : 220
    const header = Math.max(c.name.length * 8.4, c.type.length * 7) + 40
    return { ...c, kind, width: Math.round(Math.min(360, Math.max(base, header))) }
  })
}

/** Room for the widest row number, in pixels. */
export function rowNumberWidth(totalRows: number): number {
  return Math.max(56, String(totalRows).length * 8 + 28)
}
