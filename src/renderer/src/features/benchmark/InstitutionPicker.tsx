import type { Institution } from '../../../../shared/canonical'
import { MAX_INSTITUTIONS, MIN_INSTITUTIONS } from './controls'

interface InstitutionPickerProps {
  institutions: Institution[]
  selected: number[]
  onChange: (ids: number[]) => void
}

/** The peer set: native checkboxes (keyboard: Tab, Space) with each institution's colour. */
export function InstitutionPicker({ institutions, selected, onChange }: InstitutionPickerProps) {
  const chosen = new Set(selected)
  return (
    <fieldset className="bm-fieldset">
      <legend>
        Institutions{' '}
        <span className="muted">
          {selected.length} of {institutions.length} · {MIN_INSTITUTIONS}–{MAX_INSTITUTIONS}
        </span>
      </legend>
      <div className="bm-row-actions">
        <button
          type="button"
          className="link-button"
          data-testid="bm-select-all"
          onClick={() => onChange(institutions.slice(0, MAX_INSTITUTIONS).map((i) => i.institutionId))}
        >
          Select all
        </button>
        <button type="button" className="link-button" data-testid="bm-select-none" onClick={() => onChange([])}>
          None
        </button>
      </div>
      <ul className="bm-institutions">
        {institutions.map((inst) => {
          const on = chosen.has(inst.institutionId)
          const full = !on && selected.length >= MAX_INSTITUTIONS
          return (
            <li key={inst.institutionId}>
              <label className="bm-check" data-testid="bm-institution" data-name={inst.name} data-checked={on}>
                <input
                  type="checkbox"
                  checked={on}
                  disabled={full}
                  onChange={() =>
                    onChange(
                      on ? selected.filter((id) => id !== inst.institutionId) : [...selected, inst.institutionId]
                    )
                  }
                />
                <span className="swatch" style={{ background: inst.color }} aria-hidden="true" />
                <span className="bm-check-label" title={inst.name}>
                  {inst.name}
                </span>
                {inst.accountCount === 0 && <span className="muted bm-small">no accounts</span>}
              </label>
            </li>
          )
        })}
      </ul>
    </fieldset>
  )
}
