import { useState } from 'react'
import type { AccountSummary } from '../../../../shared/canonical'
import { countOf } from '../../../../shared/countWords'
import { Modal } from '../../components/Modal'

interface AccountDialogProps {
  account: AccountSummary
  /** Every account of the workspace: those of the same platform are offered to merge into. */
  accounts: AccountSummary[]
  onRename: (displayName: string | null) => Promise<boolean>
  onMerge: (intoId: string) => Promise<boolean>
  onClose: () => void
}

const label = (a: AccountSummary) => `${a.displayName ?? a.handle ?? a.accountId} (${a.accountId})`

/**
 * One account's name, and merging it into another account of its platform: for one account that arrived under two
 * ids ("Northfield GH" and "NorthfieldGH" typed at two imports). The merge says what it moves before it runs.
 */
export function AccountDialog({ account, accounts, onRename, onMerge, onClose }: AccountDialogProps) {
  const [name, setName] = useState(account.displayName ?? '')
  const [into, setInto] = useState('')
  const [busy, setBusy] = useState(false)
  const others = accounts.filter((a) => a.platform === account.platform && a.accountId !== account.accountId)
  const target = others.find((a) => a.accountId === into)

  const run = async (fn: () => Promise<boolean>) => {
    setBusy(true)
    const ok = await fn()
    setBusy(false)
    if (ok) onClose()
  }

  return (
    <Modal
      title={`Account ${account.accountId}`}
      testId="account-dialog"
      onClose={onClose}
      locked={busy}
      footer={
        <button type="button" className="btn" data-testid="account-dialog-close" onClick={onClose} disabled={busy}>
          Close
        </button>
      }
    >
      <form
        className="account-dialog-section"
        onSubmit={(e) => {
          e.preventDefault()
          void run(() => onRename(name.trim() || null))
        }}
      >
        <label className="field">
          <span className="field-label">Name shown (empty: the handle)</span>
          <input
            className="input"
            data-testid="account-name-input"
            data-autofocus
            value={name}
            placeholder={account.handle ?? account.accountId}
            maxLength={200}
            disabled={busy}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="account-rename"
          disabled={busy || name.trim() === (account.displayName ?? '')}
        >
          Rename
        </button>
      </form>
      <div className="account-dialog-section">
        <label className="field">
          <span className="field-label">Merge into another {account.platform} account</span>
          <select
            className="input"
            data-testid="account-merge-into"
            value={into}
            disabled={busy || others.length === 0}
            onChange={(e) => setInto(e.target.value)}
          >
            <option value="">
              {others.length ? 'Choose the account to keep…' : 'No other account of this platform'}
            </option>
            {others.map((a) => (
              <option key={a.accountId} value={a.accountId}>
                {label(a)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn btn-danger"
          data-testid="account-merge"
          disabled={busy || !target}
          onClick={() => target && void run(() => onMerge(target.accountId))}
        >
          Merge
        </button>
      </div>
      <p className="muted account-dialog-note" data-testid="account-merge-note">
        {target
          ? `Moves ${countOf(account.posts, 'post')} and ${countOf(account.days, 'day')} of ${account.accountId} to ${target.accountId}, then removes ${account.accountId}. A day both have keeps ${target.accountId}’s values. Later imports of ${account.accountId} go to ${target.accountId}.`
          : `${countOf(account.posts, 'post')} and ${countOf(account.days, 'day')}.`}
      </p>
    </Modal>
  )
}
