import { useEffect, useRef, useState } from 'react'
import type { BenchmarkRequest } from '../../../../shared/benchmark'
import { fmtInt, fmtPct } from '../../../../shared/charts/plotOptions'
import { VENDOR_COLUMNS, VENDOR_CONVENTIONS, type VendorComparison } from '../../../../shared/vendorConventions'
import { call, errorMessage } from '../../api'
import { useExportContext } from '../export/useExport'
import { InsightPanelHeader } from './InsightPanelHeader'

/** The vendors' rates for the benchmark on screen, asked for after it (an answer to a superseded request is dropped). */
function useVendorConventions(request: BenchmarkRequest | null) {
  const [answer, setAnswer] = useState<{
    request: BenchmarkRequest
    value: VendorComparison | null
    error: string | null
  } | null>(null)
  const seq = useRef(0)
  useEffect(() => {
    if (!request) return
    const id = ++seq.current
    call('vendorConventions', { request })
      .then((value) => id === seq.current && setAnswer({ request, value, error: null }))
      .catch(
        (err: unknown) =>
          id === seq.current && setAnswer((a) => ({ request, value: a?.value ?? null, error: errorMessage(err) }))
      )
  }, [request])
  return {
    value: answer?.value ?? null,
    error: answer?.error ?? null,
    loading: request !== null && answer?.request !== request
  }
}

/**
 * Every vendor's engagement convention on the same posts, one table per platform, with the median across
 * institutions and each column's published definition: why one report says 0.06% and another 3.8%.
 */
export function VendorConventionsPanel() {
  const exporter = useExportContext()
  const request = exporter?.request ?? null
  const { value, error, loading } = useVendorConventions(request)
  // The file comes from the engine's export channel, like every chart's data (formula-safe CSV, XLSX with a
  // Methodology sheet); the outcome shows in the view's export status line.
  const canExport = value !== null && !exporter?.busy

  return (
    <section
      className="ins-panel"
      data-testid="ins-vendors"
      aria-label="Engagement under every vendor's convention"
      aria-busy={loading}
    >
      <InsightPanelHeader
        title="Engagement under every vendor’s convention"
        loading={loading}
        downloads={[
          {
            label: 'Download CSV',
            testId: 'ins-vendors-csv',
            disabled: !canExport,
            onClick: () => void exporter?.exportTable('vendorConventions', 'csv')
          },
          {
            label: 'XLSX',
            testId: 'ins-vendors-xlsx',
            disabled: !canExport,
            onClick: () => void exporter?.exportTable('vendorConventions', 'xlsx')
          }
        ]}
      />
      {error && (
        <p className="bm-problem" role="alert">
          {error}
        </p>
      )}
      {value && value.tables.length === 0 && <p className="muted">No accounts on the chosen platforms.</p>}
      {value?.tables.map((t) => (
        <div
          key={t.platform}
          className="bm-table-wrap ins-vendor-table"
          tabIndex={0}
          role="region"
          aria-label={`Conventions on ${t.platform}`}
        >
          <table className="bm-table ins-table" data-testid="ins-vendor-table" data-platform={t.platform}>
            <caption className="ins-caption">{t.platform}</caption>
            <thead>
              <tr>
                <th scope="col">Institution</th>
                <th scope="col" className="num">
                  Posts
                </th>
                {VENDOR_COLUMNS.map((k) => (
                  <th key={k} scope="col" className="num" title={VENDOR_CONVENTIONS[k].formula}>
                    {VENDOR_CONVENTIONS[k].label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {t.rows.map((r) => (
                <tr key={r.institution_id}>
                  <th scope="row">
                    <span className="bm-inst" title={r.name}>
                      <span className="swatch" style={{ background: r.color }} aria-hidden="true" />
                      <span className="bm-inst-name">{r.name}</span>
                    </span>
                  </th>
                  <td className="num">{fmtInt(r.posts)}</td>
                  {VENDOR_COLUMNS.map((k) => (
                    <td key={k} className="num">
                      {fmtPct(r[k], 3)}
                    </td>
                  ))}
                </tr>
              ))}
              <tr className="ins-peer">
                <th scope="row">Median across institutions</th>
                <td className="num">—</td>
                {VENDOR_COLUMNS.map((k) => (
                  <td key={k} className="num">
                    {fmtPct(t.median[k], 3)}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      ))}
      {value && (
        <details className="ins-methods" data-testid="ins-vendor-methods">
          <summary>Methodology: each column’s definition and source</summary>
          <dl className="ins-sources">
            {value.conventions.map((c) => (
              <div key={c.id}>
                <dt>{c.label}</dt>
                <dd>
                  {c.formula}. Source: {c.source.vendor}, “{c.source.title}”,{' '}
                  <span className="ins-url">{c.source.url}</span>
                </dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </section>
  )
}
