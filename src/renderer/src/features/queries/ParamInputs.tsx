import { PARAM_TYPES, type ParamDef, type ParamType, type ParamValue } from '../../../../shared/queries'

interface ParamInputsProps {
  params: ParamDef[]
  values: Record<string, ParamValue>
  institutions: string[]
  onType: (name: string, type: ParamType) => void
  onValue: (name: string, value: ParamValue) => void
}

const TYPE_LABEL: Record<ParamType, string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  institutions: 'Institutions'
}

/** One typed input per `$name` in the SQL. Values are sent separately and bound, never written into the SQL. */
export function ParamInputs({ params, values, institutions, onType, onValue }: ParamInputsProps) {
  if (!params.length) return null
  return (
    <div className="q-params" data-testid="query-params" aria-label="Parameters">
      {params.map((p) => {
        const value = values[p.name] ?? null
        return (
          <div key={p.name} className="q-param" data-testid="query-param" data-name={p.name}>
            <label className="q-param-name" htmlFor={`param-${p.name}`}>
              ${p.name}
            </label>
            <select
              className="input input-small q-param-type"
              aria-label={`Type of $${p.name}`}
              value={p.type}
              onChange={(e) => onType(p.name, e.target.value as ParamType)}
            >
              {PARAM_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABEL[t]}
                </option>
              ))}
            </select>
            {p.type === 'institutions' ? (
              <InstitutionPicker
                id={`param-${p.name}`}
                all={institutions}
                value={Array.isArray(value) ? value : []}
                onChange={(v) => onValue(p.name, v)}
              />
            ) : (
              <input
                id={`param-${p.name}`}
                className="input input-small q-param-value"
                type={p.type === 'date' ? 'date' : p.type === 'number' ? 'number' : 'text'}
                value={value === null || Array.isArray(value) ? '' : String(value)}
                placeholder={p.type === 'date' ? 'any' : ''}
                onChange={(e) => {
                  const raw = e.target.value
                  onValue(
                    p.name,
                    p.type === 'number'
                      ? raw === ''
                        ? null
                        : Number(raw)
                      : raw === '' && p.type === 'date'
                        ? null
                        : raw
                  )
                }}
              />
            )}
          </div>
        )
      })}
    </div>
  )
}

function InstitutionPicker({
  id,
  all,
  value,
  onChange
}: {
  id: string
  all: string[]
  value: string[]
  onChange: (v: string[]) => void
}) {
  const summary =
    value.length === 0 ? 'All institutions' : value.length === 1 ? value[0] : `${value.length} institutions`
  return (
    <details className="q-picker">
      <summary id={id} className="input input-small">
        {summary}
      </summary>
      <div className="q-picker-menu" role="group" aria-label="Institutions">
        {all.length === 0 && <p className="q-muted">No institutions in this workspace yet.</p>}
        {all.map((name) => (
          <label key={name} className="q-picker-item">
            <input
              type="checkbox"
              checked={value.includes(name)}
              onChange={(e) => onChange(e.target.checked ? [...value, name] : value.filter((v) => v !== name))}
            />
            {name}
          </label>
        ))}
        {value.length > 0 && (
          <button type="button" className="link-button" onClick={() => onChange([])}>
            Clear (all institutions)
          </button>
        )}
      </div>
    </details>
  )
}
