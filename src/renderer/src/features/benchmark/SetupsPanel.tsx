import { useState } from 'react'
import type { BenchmarkSetup } from '../../../../shared/benchmark'
import { conventionLabel } from '../../../../shared/charts/chartDefs'
import { PRESET_LABELS } from './controls'

interface SetupsPanelProps {
  setups: BenchmarkSetup[]
  canSave: boolean
  onSave: (name: string) => Promise<boolean>
  onOpen: (setup: BenchmarkSetup) => void
  onDelete: (name: string) => void
}

function describe(s: BenchmarkSetup): string {
  const r = s.request
  const range =
    r.preset === 'custom' || (!r.preset && r.from) ? `${r.from} to ${r.to}` : PRESET_LABELS[r.preset ?? 'all']
  return `${r.institutionIds.length} institutions · ${r.platforms?.length ? r.platforms.join(', ') : 'all platforms'} · ${range} · ${conventionLabel(r.convention)}`
}

/** Named setups (peer set, platforms, range, convention, gap, k) saved in the workspace; saving a name again replaces it. */
export function SetupsPanel({ setups, canSave, onSave, onOpen, onDelete }: SetupsPanelProps) {
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const save = async () => {
    const n = name.trim()
    if (!n) return
    setBusy(true)
    if (await onSave(n)) setName('')
    setBusy(false)
  }
  return (
    <fieldset className="bm-fieldset bm-setups">
      <legend>Saved setups</legend>
      <form
        className="bm-save"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <label className="visually-hidden" htmlFor="bm-setup-name">
          Setup name
        </label>
        <input
          id="bm-setup-name"
          className="input"
          data-testid="bm-setup-name"
          placeholder="Name this setup"
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="btn" data-testid="bm-setup-save" disabled={!canSave || !name.trim() || busy}>
          Save
        </button>
      </form>
      {setups.length === 0 ? (
        <p className="muted bm-small">No saved setups yet.</p>
      ) : (
        <ul className="bm-setup-list">
          {setups.map((s) => (
            <li key={s.name} data-testid="bm-setup" data-name={s.name}>
              <button
                type="button"
                className="bm-setup-open"
                onClick={() => onOpen(s)}
                title={describe(s)}
                data-testid="bm-setup-open"
              >
                <span className="bm-setup-name">{s.name}</span>
                <span className="muted bm-small">{describe(s)}</span>
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Delete setup ${s.name}`}
                title="Delete"
                data-testid="bm-setup-delete"
                onClick={() => onDelete(s.name)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}
