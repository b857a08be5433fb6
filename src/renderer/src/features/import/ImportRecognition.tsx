import { useEffect, useState } from 'react'
import { call } from '../../api'
import { platformLabel } from '../institutions/platforms'
import { ImportIdentityFields } from './ImportIdentityFields'
import type { AccountSummary } from '../../../../shared/canonical'
import type { ImportOptions, ImportPreview, PrivacyOptions } from '../../../../shared/types'

interface ImportRecognitionProps {
  preview: ImportPreview
  options: ImportOptions
  disabled: boolean
  onChange: (patch: ImportOptions) => void
  onMapColumns: () => void
}

const TEXT_LABEL: Record<PrivacyOptions['text'], string> = {
  keep: 'Keep',
  redact: 'Redact e-mails, phones, @handles',
  drop: 'Drop post text'
}
const PEOPLE_LABEL: Record<PrivacyOptions['people'], string> = { keep: 'Keep', drop: 'Drop', hash: 'Replace by a hash' }

/** What the file was recognised as, the account it needs, and what happens to personal data in it. */
export function ImportRecognition({ preview, options, disabled, onChange, onMapColumns }: ImportRecognitionProps) {
  const r = preview.recognized
  const [defaults, setDefaults] = useState<PrivacyOptions>({ text: 'keep', people: 'keep' })
  const [accounts, setAccounts] = useState<AccountSummary[]>([])
  useEffect(() => {
    void call('getPrivacyDefaults').then(setDefaults, () => undefined)
    void call('listAccounts').then(setAccounts, () => undefined)
  }, [])
  const privacy = options.privacy ?? defaults
  const setPrivacy = (patch: Partial<PrivacyOptions>) => onChange({ privacy: { ...privacy, ...patch } })

  return (
    <div className="import-recognition" data-testid="import-recognition">
      <div className="recognition-line">
        <span className="field-label">Recognised as</span>
        {r ? (
          <strong data-testid="import-recognized" data-format={r.format}>
            {r.label} <span className="platform-tag">{platformLabel(r.platform)}</span>
          </strong>
        ) : (
          <span data-testid="import-recognized" data-format="">
            {options.generic ? 'Plain table (recognition off)' : 'Not a known export: it imports as a plain table.'}
          </span>
        )}
        {preview.unmapped && !options.generic && (
          <span className="recognition-unmapped" role="status" data-testid="import-unmapped">
            {preview.unmapped.message}
          </span>
        )}
        {(!r || preview.unmapped) && !options.generic && (
          <button
            type="button"
            className="btn btn-small"
            data-testid="map-columns"
            disabled={disabled}
            onClick={onMapColumns}
          >
            Map columns…
          </button>
        )}
        <label className="field-check recognition-generic">
          <input
            type="checkbox"
            data-testid="import-generic"
            checked={options.generic ?? false}
            disabled={disabled}
            onChange={(e) => onChange({ generic: e.target.checked || undefined })}
          />
          <span className="field-label">Import as plain table</span>
        </label>
      </div>
      {r && !options.generic && (
        <ImportIdentityFields
          preview={preview}
          options={options}
          accounts={accounts}
          disabled={disabled}
          onChange={onChange}
        />
      )}
      <div className="settings-controls" aria-label="Privacy">
        <label className="field">
          <span className="field-label">Post text</span>
          <select
            className="input"
            data-testid="import-privacy-text"
            value={privacy.text}
            disabled={disabled}
            onChange={(e) => setPrivacy({ text: e.target.value as PrivacyOptions['text'] })}
          >
            {(Object.keys(TEXT_LABEL) as PrivacyOptions['text'][]).map((k) => (
              <option key={k} value={k}>
                {TEXT_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Commenter / user columns</span>
          <select
            className="input"
            data-testid="import-privacy-people"
            value={privacy.people}
            disabled={disabled}
            onChange={(e) => setPrivacy({ people: e.target.value as PrivacyOptions['people'] })}
          >
            {(Object.keys(PEOPLE_LABEL) as PrivacyOptions['people'][]).map((k) => (
              <option key={k} value={k}>
                {PEOPLE_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="link-button"
          disabled={disabled}
          title="Use this choice for every import in this workspace"
          onClick={() => void call('setPrivacyDefaults', privacy).then(setDefaults, () => undefined)}
        >
          Make default
        </button>
      </div>
    </div>
  )
}
