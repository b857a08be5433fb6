import { useState } from 'react'
import { platformLabel } from '../institutions/platforms'
import type { AccountSummary } from '../../../../shared/canonical'
import type { ImportOptions, ImportPreview, Platform } from '../../../../shared/types'
import { countOf } from '../../../../shared/countWords'

interface ImportIdentityFieldsProps {
  preview: ImportPreview
  options: ImportOptions
  /** The workspace's accounts: those of the file's platform(s) are offered first. */
  accounts: AccountSummary[]
  disabled: boolean
  onChange: (patch: ImportOptions) => void
}

const NEW = '__new__'
/** The only files whose platform can be open are Meta Business Suite series. */
const META_PLATFORMS: Platform[] = ['facebook', 'instagram']

/** What the import still needs to know about whose the file is: the account, and the platform when it is open. */
export function missingIdentity(preview: ImportPreview | null, options: ImportOptions): string | null {
  const id = preview?.identity
  if (!id || options.generic) return null
  if (id.accountRequired && !options.account?.trim()) return 'Choose the account this file belongs to.'
  if (id.platformRequired && !options.platform) return 'Choose the platform of this file.'
  return null
}

/**
 * The account (and, for a Meta series whose title names no platform, the platform) of a file that does not say.
 * A generic file name ("Table data.csv") is never taken for an account, so the user picks one of the existing
 * accounts of the file's platform or names a new one.
 */
export function ImportIdentityFields({ preview, options, accounts, disabled, onChange }: ImportIdentityFieldsProps) {
  const id = preview.identity
  const platforms: Platform[] = id?.platforms.length
    ? id.platforms
    : preview.recognized
      ? [preview.recognized.platform]
      : []
  const mine = accounts.filter((a) => platforms.includes(a.platform))
  const chosen = options.account ?? ''
  const existing = mine.find((a) => a.accountId === chosen)
  // '' (nothing chosen yet) or NEW (typing a name); an existing account chosen shows as itself. Until the user
  // picks, the mode follows the accounts, which may arrive after the first render: with accounts of the platform
  // the user is asked to choose one (or a new one), never silently handed "A new account…".
  const [picked, setMode] = useState<string | null>(null)
  const mode = existing ? existing.accountId : (picked ?? (mine.length && !chosen ? '' : NEW))
  const [name, setName] = useState(existing ? '' : chosen)
  if (!preview.recognized?.needsAccount && !id?.platformRequired) return null
  const askAccount = preview.recognized?.needsAccount ?? false
  const named = id?.account ?? null

  return (
    <div className="recognition-identity" data-testid="import-identity">
      {askAccount && (
        <div className="field recognition-account">
          <span className="field-label" id="import-account-label">
            {id?.accountRequired
              ? 'Account (required: this file does not name it)'
              : `Account (the file names “${named ?? ''}”)`}
          </span>
          {mine.length > 0 && (
            <select
              className="input"
              data-testid="import-account-existing"
              aria-labelledby="import-account-label"
              value={mode}
              disabled={disabled}
              onChange={(e) => {
                setMode(e.target.value)
                if (e.target.value !== NEW) onChange({ account: e.target.value || undefined })
                else onChange({ account: name.trim() || undefined })
              }}
            >
              {!existing && mode !== NEW && <option value="">Choose an account…</option>}
              {mine.map((a) => (
                <option key={a.accountId} value={a.accountId}>
                  {a.handle ?? a.accountId} · {platformLabel(a.platform)} · {countOf(a.posts, 'post')},{' '}
                  {countOf(a.days, 'day')}
                </option>
              ))}
              <option value={NEW}>A new account…</option>
            </select>
          )}
          {(mode === NEW || mine.length === 0) && (
            <input
              className="input"
              data-testid="import-account"
              aria-labelledby="import-account-label"
              placeholder={named ?? 'e.g. QuillmereGeneral'}
              value={name}
              disabled={disabled}
              maxLength={200}
              onChange={(e) => setName(e.target.value)}
              onBlur={() => name.trim() !== (options.account ?? '') && onChange({ account: name.trim() || undefined })}
            />
          )}
        </div>
      )}
      {(id?.platformRequired || options.platform) && (
        <label className="field recognition-platform">
          <span className="field-label">
            Platform ({id?.platformRequired ? (id.platformReason ?? 'the file does not say') : 'chosen'})
          </span>
          <select
            className="input"
            data-testid="import-platform"
            value={options.platform ?? ''}
            disabled={disabled}
            onChange={(e) => onChange({ platform: (e.target.value || undefined) as Platform | undefined })}
          >
            <option value="">Choose…</option>
            {(id?.platformRequired ? id.platforms : META_PLATFORMS).map((p) => (
              <option key={p} value={p}>
                {platformLabel(p)}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  )
}
