import type { ColumnInfo } from '../../../../shared/types'
import { columnKind, formatCell } from '../datasets/format'

/** The first rows as the engine will read them, with the detected column types. */
export function PreviewTable({ columns, rows }: { columns: ColumnInfo[]; rows: (string | null)[][] }) {
  return (
    <div className="preview-wrap" tabIndex={0} aria-label="Preview of the first rows">
      <table className="preview-table" data-testid="import-preview">
        <thead>
          <tr>
            <th className="rownum">#</th>
            {columns.map((c, i) => (
              <th key={`${c.name}-${i}`} className={columnKind(c.type) === 'number' ? 'num' : undefined} scope="col">
                <span className="col-name">{c.name}</span>
                <span className="col-type">{c.type}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              <td className="rownum">{r + 1}</td>
              {columns.map((c, i) => {
                const kind = columnKind(c.type)
                // Same look as the grid: timestamps as ISO; other values exactly as the engine read them.
                const v = kind === 'timestamp' ? formatCell(row[i] ?? null, kind) : (row[i] ?? null)
                return (
                  <td key={i} className={`${kind === 'number' ? 'num' : ''} ${v === null ? 'null' : ''}`}>
                    {v ?? 'null'}
                  </td>
                )
              })}
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length + 1} className="muted">
                No rows to preview.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}
