import type { DetectedSettings, ImportOptions } from '../../../../shared/types'
import { delimiterLabel } from '../datasets/format'

const DELIMITERS = [',', ';', '\t', '|']

interface ImportSettingsProps {
  settings: DetectedSettings
  options: ImportOptions
  disabled: boolean
  onChange: (patch: ImportOptions) => void
}

const thousandsLabel = (t: DetectedSettings['thousandsSeparator']) =>
  t === '' ? 'None' : t === ' ' ? 'Space' : t === ',' ? 'Comma (,)' : 'Period (.)'

/** What the engine detected, with the CSV settings the user may override (each re-runs the preview). */
export function ImportSettings({ settings, options, disabled, onChange }: ImportSettingsProps) {
  const csv = settings.format === 'csv'
  const delimiter = options.delimiter ?? settings.delimiter ?? ','
  const choices = DELIMITERS.includes(delimiter) ? DELIMITERS : [...DELIMITERS, delimiter]
  return (
    <div className="import-settings">
      <dl className="settings-facts">
        <div>
          <dt>Format</dt>
          <dd data-testid="import-format">{settings.format.toUpperCase()}</dd>
        </div>
        <div>
          <dt>Encoding</dt>
          <dd data-testid="import-encoding">
            {settings.encoding.toUpperCase()}
            {settings.hadBom ? ' (BOM)' : ''}
          </dd>
        </div>
        <div>
          <dt>Decimal separator</dt>
          <dd data-testid="import-decimal">{settings.decimalSeparator === ',' ? 'Comma (,)' : 'Period (.)'}</dd>
        </div>
        <div>
          <dt>Thousands separator</dt>
          <dd data-testid="import-thousands">{thousandsLabel(settings.thousandsSeparator)}</dd>
        </div>
        {settings.jsonPath && (
          <div>
            <dt>Records at</dt>
            <dd className="mono">{settings.jsonPath}</dd>
          </div>
        )}
      </dl>
      <div className="settings-controls" aria-label="CSV settings">
        <label className="field">
          <span className="field-label">Delimiter</span>
          <select
            className="input"
            data-testid="import-delimiter"
            value={delimiter}
            disabled={disabled || !csv}
            onChange={(e) => onChange({ delimiter: e.target.value })}
          >
            {choices.map((d) => (
              <option key={d} value={d}>
                {delimiterLabel(d)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-check">
          <input
            type="checkbox"
            data-testid="import-header"
            checked={options.hasHeader ?? settings.hasHeader}
            disabled={disabled || !csv}
            onChange={(e) => onChange({ hasHeader: e.target.checked })}
          />
          <span className="field-label">First row is a header</span>
        </label>
        <label className="field">
          <span className="field-label">Skip lines</span>
          <input
            type="number"
            className="input input-number"
            data-testid="import-skip"
            min={0}
            max={1000}
            value={options.skipRows ?? settings.skipRows}
            disabled={disabled || !csv}
            onChange={(e) => {
              const n = Number.parseInt(e.target.value, 10)
              if (Number.isFinite(n) && n >= 0 && n <= 1000) onChange({ skipRows: n })
            }}
          />
        </label>
      </div>
    </div>
  )
}
