/**
 * The Benchmarks view's controls as plain data, and the two conversions that make saved setups reopen exactly:
 * controls → BenchmarkRequest (what is sent and saved) and BenchmarkRequest → controls (what a saved setup restores).
 */
import {
  DEFAULT_BREAKOUT_K,
  DEFAULT_MAX_GAP_DAYS,
  MAX_BENCHMARK_INSTITUTIONS,
  type BenchmarkRequest,
  type DatePreset
} from '../../../../shared/benchmark'
import type { EngagementConvention } from '../../../../shared/metrics'
import type { Platform } from '../../../../shared/types'

export interface Controls {
  institutionIds: number[]
  /** Empty: every platform. */
  platforms: Platform[]
  preset: DatePreset
  /** Used only with preset 'custom'; otherwise the engine resolves the preset against the data. */
  from: string
  to: string
  convention: EngagementConvention
  maxGapDays: number
  k: number
  /** Draw the workspace's events on the time charts (saved with a setup). */
  showEvents: boolean
}

export const MIN_INSTITUTIONS = 2
export const MAX_INSTITUTIONS = MAX_BENCHMARK_INSTITUTIONS

export const PRESET_LABELS: Record<DatePreset, string> = {
  last30: 'Last 30 days',
  last90: 'Last 90 days',
  ytd: 'Year to date',
  last12m: 'Last 12 months',
  all: 'All data',
  custom: 'Custom range'
}

export const DEFAULT_CONTROLS: Controls = {
  institutionIds: [],
  platforms: [],
  preset: 'last12m',
  from: '',
  to: '',
  convention: 'followers_at_post',
  maxGapDays: DEFAULT_MAX_GAP_DAYS,
  k: DEFAULT_BREAKOUT_K,
  showEvents: true
}

/** Why the controls cannot be sent yet, or null when they can. */
export function controlsProblem(c: Controls): string | null {
  const n = c.institutionIds.length
  if (n < MIN_INSTITUTIONS) return `Choose at least ${MIN_INSTITUTIONS} institutions to compare (${n} chosen).`
  if (n > MAX_INSTITUTIONS) return `Choose at most ${MAX_INSTITUTIONS} institutions (${n} chosen).`
  if (c.preset === 'custom') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(c.from) || !/^\d{4}-\d{2}-\d{2}$/.test(c.to))
      return 'Enter both dates of the custom range.'
    if (c.from > c.to) return `The range starts (${c.from}) after it ends (${c.to}).`
  }
  return null
}

export function toRequest(c: Controls): BenchmarkRequest {
  const req: BenchmarkRequest = {
    institutionIds: [...c.institutionIds].sort((a, b) => a - b),
    convention: c.convention,
    preset: c.preset,
    maxGapDays: c.maxGapDays,
    k: c.k
  }
  if (c.platforms.length) req.platforms = [...c.platforms]
  // Only when off, so setups saved before events existed and setups with them on are the same request.
  if (!c.showEvents) req.events = false
  if (c.preset === 'custom') {
    req.from = c.from
    req.to = c.to
  }
  return req
}

export function fromRequest(r: BenchmarkRequest): Controls {
  return {
    institutionIds: [...r.institutionIds],
    platforms: [...(r.platforms ?? [])],
    preset: r.preset ?? (r.from || r.to ? 'custom' : 'all'),
    from: r.from ?? '',
    to: r.to ?? '',
    convention: r.convention,
    maxGapDays: r.maxGapDays ?? DEFAULT_CONTROLS.maxGapDays,
    k: r.k ?? DEFAULT_CONTROLS.k,
    showEvents: r.events !== false
  }
}

/** Toggle one value in a list, keeping the list's order stable. */
export function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value]
}
