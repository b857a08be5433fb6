import type { ImportOptions, ImportPreview } from '../../../../shared/types'

interface PeriodEndFieldProps {
  preview: ImportPreview
  options: ImportOptions
  disabled: boolean
  onChange: (patch: ImportOptions) => void
}

/**
 * "Period ends" for exports whose days have no year (TikTok Studio's "April 12"): the days are placed in the
 * year(s) ending on it. Empty: a range in the file name, else the file's date (the download day), else today.
 */
export function PeriodEndField({ preview, options, disabled, onChange }: PeriodEndFieldProps) {
  if (!preview.recognized?.datesWithoutYear) return null
  return (
    <label className="field import-period-end">
      <span className="field-label">Period ends (the dates in this file have no year)</span>
      <input
        type="date"
        className="input"
        data-testid="import-period-end"
        value={options.periodEnd ?? ''}
        disabled={disabled}
        onChange={(e) => onChange({ periodEnd: e.target.value || undefined })}
      />
      <span className="field-hint muted">
        Empty: a date range in the file name, else the day the file was saved, else today.
      </span>
    </label>
  )
}
