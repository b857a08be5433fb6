import { useState } from 'react'
import { Modal } from '../../components/Modal'
import { formatBytes, formatImportedAt, shortSha } from '../datasets/format'
import { ImportRecognition } from './ImportRecognition'
import { missingIdentity } from './ImportIdentityFields'
import { ImportSettings } from './ImportSettings'
import { MappingDialog } from './MappingDialog'
import { PeriodEndField } from './PeriodEndField'
import { PreviewTable } from './PreviewTable'
import type { ImportJob } from './useImport'
import type { ImportOptions } from '../../../../shared/types'

interface ImportDialogProps {
  job: ImportJob
  queued: number
  onOptions: (patch: ImportOptions) => void
  onCommit: (allowDuplicate?: boolean) => void
  onCancel: () => void
  onShowExisting: () => void
  /** Preview again (after a column mapping was saved). */
  onRepreview?: () => void
}

const PHASES: Record<string, string> = {
  reading: 'Reading the file',
  converting: 'Converting',
  loading: 'Loading into the workspace',
  committing: 'Saving',
  done: 'Done'
}

const baseName = (p: string) => p.split(/[\\/]/).pop() || p

export function ImportDialog({
  job,
  queued,
  onOptions,
  onCommit,
  onCancel,
  onShowExisting,
  onRepreview
}: ImportDialogProps) {
  const [mapping, setMapping] = useState(false)
  const { preview, stage, error, progress } = job
  const importing = stage === 'importing'
  const fileName = preview?.fileName ?? baseName(job.path)
  const existing = preview?.alreadyImported ?? null
  const fraction = progress?.fraction ?? null
  const missing = missingIdentity(preview, job.options)

  return (
    <Modal
      title={`Import ${fileName}`}
      testId="import-dialog"
      size="large"
      locked={importing}
      onClose={onCancel}
      footer={
        <>
          {missing && !importing && (
            <span className="footer-note" data-testid="import-missing">
              {missing}
            </span>
          )}
          {queued > 0 && (
            <span className="footer-note">
              {queued} more {queued === 1 ? 'file' : 'files'} waiting
            </span>
          )}
          <button type="button" className="btn" data-testid="import-cancel" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="import-commit"
            data-autofocus
            disabled={!preview || stage === 'previewing' || importing || missing !== null}
            title={missing ?? undefined}
            onClick={() => onCommit(false)}
          >
            {importing ? 'Importing…' : 'Import'}
          </button>
        </>
      }
    >
      <div className="import-file">
        <span className="import-file-path mono" title={job.path}>
          <bdi>{job.path}</bdi>
        </span>
        {preview && (
          <span className="import-file-meta">
            {formatBytes(preview.sizeBytes)} ·{' '}
            <span className="mono" title={preview.sha256}>
              sha256 {shortSha(preview.sha256)}
            </span>
          </span>
        )}
      </div>

      {existing && !importing && (
        <div className="notice notice-info" data-testid="already-imported">
          <span>
            Already imported as <strong>{existing.name}</strong> on {formatImportedAt(existing.importedAt)} UTC.
          </span>
          <span className="notice-actions">
            <button type="button" className="btn btn-small" onClick={onShowExisting}>
              Show it
            </button>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => onCommit(true)}
              title="Adds a second dataset over the same stored rows (no second copy); canonical rows already stored are not counted twice"
            >
              Import again anyway
            </button>
          </span>
        </div>
      )}

      {error && (
        <div
          className={`notice ${error.code === 'CANCELLED' ? 'notice-info' : 'notice-error'}`}
          role="alert"
          data-testid="import-error"
          data-code={error.code}
        >
          {error.message}
        </div>
      )}

      {importing && (
        <div className="import-progress" data-testid="import-progress" data-phase={progress?.phase ?? 'starting'}>
          <div className="progress-label">
            <span>{progress ? (PHASES[progress.phase] ?? progress.phase) : 'Starting'}…</span>
            {fraction !== null && <span className="num">{Math.round(fraction * 100)}%</span>}
          </div>
          <div
            className={`progress-bar ${fraction === null ? 'indeterminate' : ''}`}
            role="progressbar"
            aria-label="Import progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
          >
            <span style={fraction === null ? undefined : { width: `${fraction * 100}%` }} />
          </div>
        </div>
      )}

      {preview ? (
        <>
          <ImportSettings settings={preview.settings} options={job.options} disabled={importing} onChange={onOptions} />
          <ImportRecognition
            preview={preview}
            options={job.options}
            disabled={importing}
            onChange={onOptions}
            onMapColumns={() => setMapping(true)}
          />
          <PeriodEndField preview={preview} options={job.options} disabled={importing} onChange={onOptions} />
          {mapping && (
            <MappingDialog
              columns={preview.columns.map((c) => c.name)}
              onClose={() => setMapping(false)}
              onSaved={() => {
                setMapping(false)
                onRepreview?.()
              }}
            />
          )}
          {preview.warnings.length > 0 && (
            <ul className="warnings" data-testid="import-warnings">
              {preview.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
          <div className="preview-heading">
            <h3>Preview</h3>
            <span className="muted">
              first {preview.rows.length} rows · {preview.columns.length} columns
              {stage === 'previewing' && (
                <span className="spinner spinner-small inline" aria-label="Updating preview" />
              )}
            </span>
          </div>
          <PreviewTable columns={preview.columns} rows={preview.rows} />
        </>
      ) : (
        stage === 'previewing' && (
          <div className="loading-block">
            <span className="spinner" aria-hidden="true" /> Reading {fileName}…
          </div>
        )
      )}
    </Modal>
  )
}
