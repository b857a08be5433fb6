import { useState, type DragEvent } from 'react'
import '../../styles/institutions.css'
import type { AccountSummary, Institution } from '../../../../shared/canonical'
import { PLATFORMS } from '../../../../shared/types'
import { countOf } from '../../../../shared/countWords'
import { AccountDialog } from './AccountDialog'
import { ColorPicker } from './ColorPicker'
import { platformLabel } from './platforms'
import { useInstitutions } from './useInstitutions'

const DRAG_TYPE = 'application/x-socialbench-account'

const accountLabel = (a: AccountSummary) => a.displayName ?? (a.handle ? `@${a.handle.replace(/^@/, '')}` : a.accountId)

/**
 * Institutions and the accounts they own. Accounts are dragged onto an institution, or (keyboard, screen readers)
 * assigned with the select in their row; suggestions from matching names are one click.
 */
export function InstitutionsView({ onError }: { onError: (err: unknown, context?: string) => void }) {
  const s = useInstitutions(onError)
  const [newName, setNewName] = useState('')
  const [dropTarget, setDropTarget] = useState<number | 'none' | null>(null)
  const [editing, setEditing] = useState<AccountSummary | null>(null)
  const byId = new Map(s.institutions.map((i) => [i.institutionId, i]))

  const create = async () => {
    const name = newName.trim()
    if (!name) return
    if (await s.create(name)) setNewName('')
  }

  const dropProps = (target: number | null) => ({
    onDragOver: (e: DragEvent) => {
      if (!e.dataTransfer.types.includes(DRAG_TYPE)) return
      e.preventDefault()
      e.dataTransfer.dropEffect = 'move'
      setDropTarget(target ?? 'none')
    },
    onDragLeave: () => setDropTarget(null),
    onDrop: (e: DragEvent) => {
      e.preventDefault()
      setDropTarget(null)
      const id = e.dataTransfer.getData(DRAG_TYPE)
      if (id) void s.assign(id, target)
    }
  })

  const platforms = PLATFORMS.filter((p) => s.accounts.some((a) => a.platform === p))

  return (
    <section className="institutions-view" data-testid="institutions-view" aria-labelledby="institutions-title">
      <header className="view-header">
        <h1 id="institutions-title">Institutions</h1>
        <p className="muted">
          The organisations you benchmark. Each owns accounts on any number of platforms; drag an account onto an
          institution or pick one in its row.
        </p>
      </header>

      <div className="institutions-columns">
        <div className="institutions-pane">
          <form
            className="institution-create"
            onSubmit={(e) => {
              e.preventDefault()
              void create()
            }}
          >
            <label className="sr-only" htmlFor="institution-name">
              New institution name
            </label>
            <input
              id="institution-name"
              className="input"
              data-testid="institution-name-input"
              placeholder="New institution name"
              maxLength={200}
              value={newName}
              onChange={(e) => setNewName(e.target.value)}
            />
            <button
              type="submit"
              className="btn btn-primary"
              data-testid="institution-create"
              disabled={!newName.trim()}
            >
              Create
            </button>
          </form>

          {s.loaded && s.institutions.length === 0 && (
            <p className="empty-note">No institutions yet. Create one above, then give it its accounts.</p>
          )}
          <ul className="institution-list">
            {s.institutions.map((i) => (
              <InstitutionRow
                key={i.institutionId}
                institution={i}
                accounts={s.accounts.filter((a) => a.institutionId === i.institutionId)}
                dropActive={dropTarget === i.institutionId}
                dropProps={dropProps(i.institutionId)}
                onRename={(name) => s.update(i.institutionId, { name })}
                onColor={(color) => void s.update(i.institutionId, { color })}
                onDelete={() => void s.remove(i.institutionId)}
                onUnassign={(accountId) => void s.assign(accountId, null)}
              />
            ))}
          </ul>
        </div>

        <div className={`accounts-pane ${dropTarget === 'none' ? 'drop-active' : ''}`} {...dropProps(null)}>
          <h2 className="pane-title">Accounts</h2>
          {s.suggestions.length > 0 && (
            <div className="suggestions" data-testid="suggestions">
              <h3>Suggestions</h3>
              <ul>
                {s.suggestions.map((g) => (
                  <li key={g.accountId} data-testid="suggestion" data-account-id={g.accountId}>
                    <span>
                      <span className="mono">{g.accountId}</span> → <strong>{g.institutionName}</strong>
                      <span className="muted"> (name shares “{g.matched.join('”, “')}”)</span>
                    </span>
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => void s.assign(g.accountId, g.institutionId)}
                    >
                      Accept
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {s.loaded && s.accounts.length === 0 && (
            <p className="empty-note">
              No accounts yet: they appear when you import a recognised export (or map a file’s columns).
            </p>
          )}
          {platforms.map((p) => (
            <div key={p} className="platform-group">
              <h3 className="platform-title">{platformLabel(p)}</h3>
              <ul className="account-list">
                {s.accounts
                  .filter((a) => a.platform === p)
                  .map((a) => (
                    <li
                      key={a.accountId}
                      className="account-row"
                      data-testid="account-row"
                      data-account-id={a.accountId}
                      draggable
                      onDragStart={(e) => {
                        e.dataTransfer.setData(DRAG_TYPE, a.accountId)
                        e.dataTransfer.setData('text/plain', a.accountId)
                        e.dataTransfer.effectAllowed = 'move'
                      }}
                    >
                      <span className="drag-handle" aria-hidden="true">
                        ⋮⋮
                      </span>
                      <span className="account-main">
                        <span className="account-name" data-testid="account-name">
                          {accountLabel(a)}
                        </span>
                        <span className="account-meta muted">
                          {a.accountId} · {countOf(a.posts, 'post')} · {countOf(a.days, 'day')}
                          {a.firstDate ? ` · ${a.firstDate} – ${a.lastDate}` : ''}
                        </span>
                      </span>
                      <select
                        className="input account-select"
                        aria-label={`Institution of ${a.accountId}`}
                        data-testid="account-institution"
                        value={a.institutionId ?? ''}
                        onChange={(e) =>
                          void s.assign(a.accountId, e.target.value === '' ? null : Number(e.target.value))
                        }
                      >
                        <option value="">Unassigned</option>
                        {s.institutions.map((i) => (
                          <option key={i.institutionId} value={i.institutionId}>
                            {i.name}
                          </option>
                        ))}
                      </select>
                      {a.institutionId !== null && byId.get(a.institutionId) && (
                        <span
                          className="swatch"
                          style={{ background: byId.get(a.institutionId)?.color }}
                          aria-hidden="true"
                        />
                      )}
                      <button
                        type="button"
                        className="btn btn-small"
                        data-testid="account-edit"
                        aria-label={`Rename or merge ${a.accountId}`}
                        onClick={() => setEditing(a)}
                      >
                        Edit…
                      </button>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </div>
      </div>
      {editing && (
        <AccountDialog
          account={editing}
          accounts={s.accounts}
          onRename={(displayName) => s.renameAccount(editing.accountId, displayName)}
          onMerge={(intoId) => s.mergeAccounts(editing.accountId, intoId)}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  )
}

interface InstitutionRowProps {
  institution: Institution
  accounts: AccountSummary[]
  dropActive: boolean
  dropProps: Record<string, unknown>
  onRename: (name: string) => Promise<boolean>
  onColor: (color: string) => void
  onDelete: () => void
  onUnassign: (accountId: string) => void
}

function InstitutionRow({
  institution: i,
  accounts,
  dropActive,
  dropProps,
  onRename,
  onColor,
  onDelete,
  onUnassign
}: InstitutionRowProps) {
  const [editing, setEditing] = useState(false)
  const [name, setName] = useState(i.name)
  const [confirming, setConfirming] = useState(false)
  const finish = async (save: boolean) => {
    if (save && name.trim() && name.trim() !== i.name) {
      if (!(await onRename(name.trim()))) return
    } else setName(i.name)
    setEditing(false)
  }
  return (
    <li
      className={`institution-row ${dropActive ? 'drop-active' : ''}`}
      data-testid="institution-row"
      data-name={i.name}
      {...dropProps}
    >
      <div className="institution-head">
        <ColorPicker color={i.color} label={i.name} onPick={onColor} />
        {editing ? (
          <input
            className="input institution-rename"
            data-testid="institution-rename-input"
            aria-label={`New name for ${i.name}`}
            autoFocus
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
            onBlur={() => void finish(true)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void finish(true)
              if (e.key === 'Escape') {
                e.stopPropagation()
                void finish(false)
              }
            }}
          />
        ) : (
          <span className="institution-name">{i.name}</span>
        )}
        {i.kind && <span className="muted institution-kind">{i.kind}</span>}
        <span className="institution-actions">
          <button
            type="button"
            className="btn btn-small"
            data-testid="institution-rename"
            onClick={() => setEditing(true)}
          >
            Rename
          </button>
          {confirming ? (
            <>
              <button
                type="button"
                className="btn btn-small btn-danger"
                data-testid="institution-delete-confirm"
                onClick={onDelete}
              >
                Delete
              </button>
              <button type="button" className="btn btn-small" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </>
          ) : (
            <button
              type="button"
              className="btn btn-small"
              data-testid="institution-delete"
              onClick={() => setConfirming(true)}
            >
              Delete…
            </button>
          )}
        </span>
      </div>
      {confirming && <p className="muted small">Its {accounts.length} accounts stay in the workspace, unassigned.</p>}
      {accounts.length ? (
        <ul className="owned-accounts">
          {accounts.map((a) => (
            <li key={a.accountId} className="owned-account" data-testid="owned-account" data-account-id={a.accountId}>
              <span className="platform-tag">{platformLabel(a.platform)}</span>
              <span className="mono">{a.handle ?? a.accountId}</span>
              <button
                type="button"
                className="link-button"
                aria-label={`Remove ${a.accountId} from ${i.name}`}
                onClick={() => onUnassign(a.accountId)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="drop-hint muted">Drop accounts here</p>
      )}
    </li>
  )
}
