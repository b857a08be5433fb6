import { useEffect, useState } from 'react'
import { tableFromIPC } from 'apache-arrow'
import { call } from '../../api'
import type { QueryResultInfo } from '../../../../shared/queries'

const PAGE = 100

interface ResultGridProps {
  info: QueryResultInfo
  onError: (err: unknown, context?: string) => void
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number')
    return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 6 })
  return String(v)
}

/** The rows of a result, a page at a time (the engine holds the result; pages cross as Arrow). */
export function ResultGrid({ info, onError }: ResultGridProps) {
  const [page, setPage] = useState(0)
  const [rows, setRows] = useState<unknown[][]>([])
  const pages = Math.max(1, Math.ceil(info.rowCount / PAGE))

  useEffect(() => setPage(0), [info.resultId])

  useEffect(() => {
    let live = true
    if (info.rowCount === 0) {
      setRows([])
      return
    }
    call('queryPage', { resultId: info.resultId, offset: page * PAGE, limit: PAGE }).then(
      (p) => {
        if (!live) return
        const t = tableFromIPC(p.arrow)
        const cols = info.columns.map((_, i) => t.getChildAt(i))
        setRows(Array.from({ length: t.numRows }, (_, r) => cols.map((c) => c?.get(r) ?? null)))
      },
      (err) => live && onError(err, 'Could not read the result')
    )
    return () => {
      live = false
    }
  }, [info, page, onError])

  const numeric = info.columns.map((c) => /INT|DOUBLE|FLOAT|DECIMAL|REAL|NUMERIC/i.test(c.type))
  return (
    <div className="q-grid-wrap">
      <div className="q-grid-scroll" tabIndex={0} role="region" aria-label="Query result">
        <table className="q-grid" data-testid="result-grid">
          <thead>
            <tr>
              <th className="q-rownum">#</th>
              {info.columns.map((c) => (
                <th key={c.name} title={c.type} className={numeric[info.columns.indexOf(c)] ? 'num' : undefined}>
                  {c.name}
                  <span className="q-coltype">{c.type}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} data-testid="result-row">
                <td className="q-rownum">{page * PAGE + i + 1}</td>
                {r.map((v, j) => (
                  <td key={j} className={v === null ? 'null' : numeric[j] ? 'num' : undefined}>
                    {v === null ? 'null' : cell(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {info.rowCount === 0 && <p className="q-muted q-empty-result">The query returned no rows.</p>}
      </div>
      {pages > 1 && (
        <div className="q-pager" data-testid="result-pager">
          <button
            type="button"
            className="btn btn-small"
            disabled={page === 0}
            onClick={() => setPage(0)}
            aria-label="First page"
          >
            «
          </button>
          <button type="button" className="btn btn-small" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous
          </button>
          <span>
            Rows {(page * PAGE + 1).toLocaleString('en-US')}–
            {Math.min(info.rowCount, (page + 1) * PAGE).toLocaleString('en-US')} of{' '}
            {info.rowCount.toLocaleString('en-US')}
          </span>
          <button
            type="button"
            className="btn btn-small"
            disabled={page >= pages - 1}
            onClick={() => setPage(page + 1)}
          >
            Next
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={page >= pages - 1}
            onClick={() => setPage(pages - 1)}
            aria-label="Last page"
          >
            »
          </button>
        </div>
      )}
    </div>
  )
}
