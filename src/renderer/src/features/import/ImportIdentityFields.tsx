import { useState } from 'react'
import { platformLabel } from '../institutions/platforms'
import type { AccountSummary } from '../../../../shared/canonical'
import type { FileIdentity, ImportOptions, ImportPreview, Platform } from '../../../../shared/types'
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
  if (id.accountRequired && isStacked(id)) {
    const named = stackedChoices(options.account)
    const missing = id.platforms.filter((p) => !named[p])
    if (missing.length) return `Choose the ${missing.map(platformLabel).join(' and the ')} account of this file.`
    return null
  }
  if (id.accountRequired && !options.account?.trim()) return 'Choose the account this file belongs to.'
  if (id.platformRequired && !options.platform) return 'Choose the platform of this file.'
  return null
}

/**
 * A stacked Meta file holds a Facebook and an Instagram series: two accounts (a Page and a profile), one chooser
 * each. The engine takes them as one choice, "facebook:<page>, instagram:<handle>" (metaChoices in the engine).
 */
const isStacked = (id: FileIdentity): boolean => id.platform === null && !id.platformRequired && id.platforms.length > 1

/** The per-platform accounts a stacked choice names ("facebook:x, instagram:y" → { facebook: 'facebook:x', … }). */
function stackedChoices(account: string | undefined): Partial<Record<Platform, string>> {
  const out: Partial<Record<Platform, string>> = {}
  for (const part of (account ?? '').split(',')) {
    const m = /^\s*(\w+):(.+?)\s*$/.exec(part)
    if (m) out[m[1] as Platform] = `${m[1]}:${m[2]}`
  }
  return out
}

interface AccountChoiceProps {
  /** Distinguishes the ids of two choosers in one dialog (a stacked file). */
  idSuffix: string
  label: string
  named: string | null
  /** The workspace's accounts of this chooser's platform(s). */
  mine: AccountSummary[]
  /** The account chosen: an existing account's id, or a typed name. */
  value: string
  disabled: boolean
  onValue: (value: string | undefined) => void
}

/** One account: the existing accounts of its platform first, or a new name typed. */
function AccountChoice({ idSuffix, label, named, mine, value, disabled, onValue }: AccountChoiceProps) {
  const existing = mine.find((a) => a.accountId === value)
  // '' (nothing chosen yet) or NEW (typing a name); an existing account chosen shows as itself. Until the user
  // picks, the mode follows the accounts, which may arrive after the first render: with accounts of the platform
  // the user is asked to choose one (or a new one), never silently handed "A new account…".
  const [picked, setMode] = useState<string | null>(null)
  const mode = existing ? existing.accountId : (picked ?? (mine.length && !value ? '' : NEW))
  const [name, setName] = useState(existing ? '' : value)
  const labelId = `import-account-label${idSuffix}`
  return (
    <div className="field recognition-account">
      <span className="field-label" id={labelId}>
        {label}
      </span>
      {mine.length > 0 && (
        <select
          className="input"
          data-testid={`import-account-existing${idSuffix}`}
          aria-labelledby={labelId}
          value={mode}
          disabled={disabled}
          onChange={(e) => {
            setMode(e.target.value)
            if (e.target.value !== NEW) onValue(e.target.value || undefined)
            else onValue(name.trim() || undefined)
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
          data-testid={`import-account${idSuffix}`}
          aria-labelledby={labelId}
          placeholder={named ?? 'e.g. QuillmereGeneral'}
          value={name}
          disabled={disabled}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => name.trim() !== value && onValue(name.trim() || undefined)}
        />
      )}
    </div>
  )
}

/**
 * The account (and, for a Meta series whose title names no platform, the platform) of a file that does not say.
 * A generic file name ("Table data.csv") is never taken for an account, so the user picks one of the existing
 * accounts of the file's platform or names a new one. A stacked Meta file gets a chooser per platform.
 */
export function ImportIdentityFields({ preview, options, accounts, disabled, onChange }: ImportIdentityFieldsProps) {
  const id = preview.identity
  const platforms: Platform[] = id?.platforms.length
    ? id.platforms
    : preview.recognized
      ? [preview.recognized.platform]
      : []
  if (!preview.recognized?.needsAccount && !id?.platformRequired) return null
  const askAccount = preview.recognized?.needsAccount ?? false
  const named = id?.account ?? null
  const required = id?.accountRequired ?? false
  const stacked = id !== null && askAccount && required && isStacked(id)
  const choices = stackedChoices(options.account)

  return (
    <div className="recognition-identity" data-testid="import-identity">
      {stacked &&
        platforms.map((p) => (
          <AccountChoice
            key={p}
            idSuffix={`-${p}`}
            label={`${platformLabel(p)} account (required: this file holds ${/^[AEIOU]/.test(platformLabel(p)) ? 'an' : 'a'} ${platformLabel(p)} series and does not name it)`}
            named={null}
            mine={accounts.filter((a) => a.platform === p)}
            value={choices[p] ?? ''}
            disabled={disabled}
            onValue={(v) => {
              // A typed name is this platform's; an existing account's id already says its platform.
              const next = { ...choices, [p]: v === undefined ? undefined : v.startsWith(`${p}:`) ? v : `${p}:${v}` }
              const joined = platforms.flatMap((q) => (next[q] ? [next[q]] : [])).join(', ')
              onChange({ account: joined || undefined })
            }}
          />
        ))}
      {askAccount && !stacked && (
        <AccountChoice
          idSuffix=""
          label={
            required ? 'Account (required: this file does not name it)' : `Account (the file names “${named ?? ''}”)`
          }
          named={named}
          mine={accounts.filter((a) => platforms.includes(a.platform))}
          value={options.account ?? ''}
          disabled={disabled}
          onValue={(v) => onChange({ account: v })}
        />
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
