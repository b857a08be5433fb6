import { DATE_PRESETS, type BenchmarkResult, type DatePreset } from '../../../../shared/benchmark'
import type { Institution } from '../../../../shared/canonical'
import { ENGAGEMENT_CONVENTIONS, type EngagementConvention } from '../../../../shared/metrics'
import { PLATFORMS } from '../../../../shared/types'
import { conventionLabel } from '../../../../shared/charts/chartDefs'
import { PRESET_LABELS, toggle, type Controls } from './controls'
import { InstitutionPicker } from './InstitutionPicker'

interface BenchmarkControlsProps {
  institutions: Institution[]
  controls: Controls
  result: BenchmarkResult | null
  onChange: (patch: Partial<Controls>) => void
}

/** Peer set, platforms, date range, convention, carry-forward gap and breakout k. Every control is a native one. */
export function BenchmarkControls({ institutions, controls: c, result, onChange }: BenchmarkControlsProps) {
  // The date inputs show the dates actually used: a preset's resolution by the engine, or the custom range.
  const shownFrom = c.preset === 'custom' ? c.from : (result?.scope.from ?? '')
  const shownTo = c.preset === 'custom' ? c.to : (result?.scope.to ?? '')
  const setDate = (patch: { from?: string; to?: string }) =>
    onChange({ preset: 'custom', from: shownFrom, to: shownTo, ...patch })

  return (
    <div className="bm-controls" data-testid="bm-controls">
      <InstitutionPicker
        institutions={institutions}
        selected={c.institutionIds}
        onChange={(ids) => onChange({ institutionIds: ids })}
      />

      <fieldset className="bm-fieldset">
        <legend>
          Platforms <span className="muted">{c.platforms.length ? `${c.platforms.length} chosen` : 'all'}</span>
        </legend>
        <div className="bm-chips">
          {PLATFORMS.map((p) => (
            <button
              key={p}
              type="button"
              className="bm-chip"
              data-testid="bm-platform"
              data-platform={p}
              aria-pressed={c.platforms.includes(p)}
              onClick={() => onChange({ platforms: toggle(c.platforms, p) })}
            >
              {p}
            </button>
          ))}
        </div>
      </fieldset>

      <fieldset className="bm-fieldset">
        <legend>Date range</legend>
        <label className="bm-field">
          <span>Preset</span>
          <select
            className="input"
            data-testid="bm-preset"
            value={c.preset}
            onChange={(e) => {
              const preset = e.target.value as DatePreset
              onChange(preset === 'custom' ? { preset, from: shownFrom, to: shownTo } : { preset })
            }}
          >
            {DATE_PRESETS.map((p) => (
              <option key={p} value={p}>
                {PRESET_LABELS[p]}
              </option>
            ))}
          </select>
        </label>
        <div className="bm-dates">
          <label className="bm-field">
            <span>From</span>
            <input
              className="input"
              type="date"
              data-testid="bm-from"
              value={shownFrom}
              onChange={(e) => setDate({ from: e.target.value })}
            />
          </label>
          <label className="bm-field">
            <span>To</span>
            <input
              className="input"
              type="date"
              data-testid="bm-to"
              value={shownTo}
              onChange={(e) => setDate({ to: e.target.value })}
            />
          </label>
        </div>
        {result?.dataRange.from && (
          <p className="muted bm-small">
            Presets end on the latest day with data ({result.dataRange.to}); data starts {result.dataRange.from}.
          </p>
        )}
      </fieldset>

      <fieldset className="bm-fieldset">
        <legend>Metric</legend>
        <label className="bm-field">
          <span>Engagement convention</span>
          <select
            className="input"
            data-testid="bm-convention"
            value={c.convention}
            onChange={(e) => onChange({ convention: e.target.value as EngagementConvention })}
          >
            {ENGAGEMENT_CONVENTIONS.map((k) => (
              <option key={k} value={k}>
                {conventionLabel(k)}
              </option>
            ))}
          </select>
        </label>
        <div className="bm-dates">
          <label
            className="bm-field"
            title="Follower counts are carried forward over gaps up to this many days; longer gaps show as gaps."
          >
            <span>Max carry-forward (days)</span>
            <input
              className="input"
              type="number"
              min={0}
              max={366}
              step={1}
              data-testid="bm-gap"
              value={c.maxGapDays}
              onChange={(e) => {
                const v = Math.round(Number(e.target.value))
                if (e.target.value !== '' && v >= 0 && v <= 366) onChange({ maxGapDays: v })
              }}
            />
          </label>
          <label className="bm-field" title="Breakout posts: engagement above the peer mean + k standard deviations.">
            <span>Breakout k (sd)</span>
            <input
              className="input"
              type="number"
              min={0}
              max={10}
              step={0.5}
              data-testid="bm-k"
              value={c.k}
              onChange={(e) => {
                const v = Number(e.target.value)
                if (e.target.value !== '' && v >= 0 && v <= 10) onChange({ k: v })
              }}
            />
          </label>
        </div>
      </fieldset>

      <fieldset className="bm-fieldset">
        <legend>Events</legend>
        <label
          className="bm-check"
          title="Campaigns, awareness days, crises and platform changes (Events view) as lines and bands on the time charts"
        >
          <input
            type="checkbox"
            data-testid="bm-show-events"
            checked={c.showEvents}
            onChange={(e) => onChange({ showEvents: e.target.checked })}
          />
          Show events on time charts
        </label>
      </fieldset>
    </div>
  )
}
