import { useEffect, useState } from 'react'
import '../../styles/institutions.css'
import { call } from '../../api'
import type { RejectPage } from '../../../../shared/canonical'
import { countOf, landedWords, primaryCounts } from '../../../../shared/countWords'
import type { ImportResult, RecognitionReport } from '../../../../shared/types'
import { formatCount } from '../datasets/format'
import { platformLabel } from '../institutions/platforms'
import { LandingHeadline, landingVerdict } from './LandingHeadline'
import { MappingDialog } from './MappingDialog'
import { useUndo } from '../undo/useUndo'

interface ImportReportProps {
  result: ImportResult
  onClose: () => void
  onError: (err: unknown, context?: string) => void
  /** After a plain dataset was mapped onto the canonical model. */
  onMapped?: () => void
}

const REJECT_PAGE = 200

/** The counts of the kind the file's lines became (countWords.ts): a line that is a post and a day counts once. */
function counted(r: RecognitionReport) {
  return primaryCounts(r)?.counts ?? { new: 0, updated: 0, unchanged: 0 }
}

/** What an import did: format, platform, accounts, period, rows new/updated/unchanged/rejected, warnings, redactions. */
export function ImportReport({ result, onClose, onError, onMapped }: ImportReportProps) {
  const [recognition, setRecognition] = useState<RecognitionReport | null>(result.recognition)
  const [rejects, setRejects] = useState<RejectPage | null>(null)
  const [mapping, setMapping] = useState(false)
  // The mapping applied here, and what the report said before it, until it is undone.
  const [mapped, setMapped] = useState<{ token: string; before: RecognitionReport | null } | null>(null)
  const undo = useUndo()
  const { dataset, warnings } = result
  const r = recognition

  // After any undo: if it was this mapping's, the report is again what it was before the mapping.
  useEffect(() => {
    if (!mapped || undo.revision === 0) return
    let live = true
    void call('listUndo').then(
      (entries) => {
        if (!live || entries.some((e) => e.token === mapped.token)) return
        setRecognition(mapped.before)
        setMapped(null)
      },
      () => undefined
    )
    return () => {
      live = false
    }
  }, [undo.revision]) // eslint-disable-line react-hooks/exhaustive-deps

  const showRejects = async () => {
    if (rejects) return setRejects(null)
    try {
      setRejects(await call('listRejects', { importId: dataset.id, offset: 0, limit: REJECT_PAGE }))
    } catch (err) {
      onError(err, 'Could not list the rejected rows')
    }
  }

  return (
    <section className="import-report" data-testid="import-report" aria-labelledby="import-report-title">
      <header className="import-report-head">
        <h2 id="import-report-title">
          Imported <span className="mono">{dataset.fileName}</span>
          {r && landingVerdict(r.landingWarnings ?? [])}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close the import report"
          data-testid="import-report-close"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {r && <LandingHeadline report={r} />}
      <dl className="report-facts">
        <div>
          <dt>Format</dt>
          <dd data-testid="import-report-format" data-format={r?.format ?? dataset.format}>
            {r
              ? r.label
              : result.unmapped
                ? `${result.unmapped.label}, not mapped: imported as a plain table`
                : `${dataset.format.toUpperCase()} (not a known export)`}
          </dd>
        </div>
        {r && (
          <>
            <div>
              <dt>Platform</dt>
              <dd>{platformLabel(r.platform)}</dd>
            </div>
            <div>
              <dt>Account{r.accounts.length === 1 ? '' : 's'}</dt>
              <dd className="mono" data-testid="import-report-accounts">
                {r.accounts.map((a) => a.accountId).join(', ') || '—'}
              </dd>
            </div>
            <div>
              <dt>Period</dt>
              <dd>{r.period.from ? `${r.period.from} – ${r.period.to}` : '—'}</dd>
            </div>
          </>
        )}
        {!r && (
          <div>
            <dt>Rows</dt>
            <dd className="num">{countOf(dataset.rows, 'row')}</dd>
          </div>
        )}
      </dl>
      {r && (
        <ul className="report-counts" data-testid="import-report-counts">
          <li data-kind="read">
            <span className="num">{formatCount(r.rowsRead)}</span> read
          </li>
          <li data-kind="new">
            <span className="num">{formatCount(counted(r).new)}</span> new
          </li>
          <li data-kind="updated">
            <span className="num">{formatCount(counted(r).updated)}</span> updated
          </li>
          <li data-kind="unchanged">
            <span className="num">{formatCount(counted(r).unchanged)}</span> unchanged
          </li>
          <li data-kind="rejected" className={r.rowsRejected ? 'has-rejects' : ''}>
            <span className="num">{formatCount(r.rowsRejected)}</span> rejected
          </li>
          <li className="muted" data-kind="landed">
            stored: {landedWords(r)}
          </li>
        </ul>
      )}
      {r && r.redactions.length > 0 && (
        <p className="report-redactions" data-testid="import-report-redactions">
          Removed before storing: {r.redactions.map((x) => `${x.kind} ×${formatCount(x.count)}`).join(', ')}
        </p>
      )}
      {!r && result.unmapped && (
        <p className="report-unmapped" role="status" data-testid="import-report-unmapped">
          {result.unmapped.missing.length
            ? `Missing for ${result.unmapped.label}: ${result.unmapped.missing.map((m) => `${m.field.replace(/_/g, ' ')} (${m.names.map((n) => `"${n}"`).join(' or ')})`).join('; ')}.`
            : `The ${result.unmapped.label} mapping could not be applied to this file.`}{' '}
          Map its columns to add its rows to posts or daily metrics.
        </p>
      )}
      {warnings.length > 0 && (
        <ul className="warnings" data-testid="import-report-warnings">
          {warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      <div className="report-actions">
        {r && r.rowsRejected > 0 && (
          <button
            type="button"
            className="btn btn-small"
            data-testid="import-report-show-rejects"
            aria-expanded={rejects !== null}
            onClick={() => void showRejects()}
          >
            {rejects ? 'Hide rejected rows' : 'Show rejected rows'}
          </button>
        )}
        {!r && (
          <button
            type="button"
            className="btn btn-small"
            data-testid="import-report-map"
            onClick={() => setMapping(true)}
          >
            Map columns…
          </button>
        )}
      </div>
      {rejects && (
        <div className="report-rejects" data-testid="import-report-rejects">
          <table>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {rejects.rows.map((x, i) => (
                <tr key={i} data-testid="reject-row">
                  <td className="num">{x.row ?? '—'}</td>
                  <td>{x.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rejects.total > rejects.rows.length && (
            <p className="muted">
              First {formatCount(rejects.rows.length)} of {formatCount(rejects.total)}; all are in the{' '}
              <span className="mono">import_rejects</span> table.
            </p>
          )}
        </div>
      )}
      {mapping && (
        <MappingDialog
          columns={dataset.columns.map((c) => c.name).filter((c) => c !== '_row')}
          onClose={() => setMapping(false)}
          save={false}
          onSaved={(m) => {
            setMapping(false)
            call('applyMapping', { datasetId: dataset.id, mapping: m }).then(
              (rep) => {
                setMapped({ token: rep.undo.token, before: recognition })
                setRecognition(rep)
                undo.offer(rep.undo)
                onMapped?.()
              },
              (err) => onError(err, 'Could not apply the mapping')
            )
          }}
        />
      )}
    </section>
  )
}
