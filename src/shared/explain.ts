/**
 * Explain a spike: one institution's week (or day) on an engagement or channel chart, taken apart into the posts
 * behind it, its distance from the institution's own median, the events of the period and the post types involved.
 * Pure data and the sentences that explain it, shared by the engine, the CLI and the dashboard.
 */
import type { ChannelMetric, EngagementConvention } from './metrics'
import type { TimelineEvent } from './timeline'

/** What the period is measured by: the engagement chart's rate, or one of the daily channel figures. */
export type ExplainMetric = 'engagement' | ChannelMetric
export const EXPLAIN_UNITS = ['week', 'day'] as const
export type ExplainUnit = (typeof EXPLAIN_UNITS)[number]

/** The constant that makes the MAD comparable to a standard deviation under a normal law (Iglewicz and Hoaglin). */
export const ROBUST_Z_CONSTANT = 0.6745
/** A |robust z| above this is called unusual (Iglewicz and Hoaglin's outlier cut-off). */
export const ROBUST_Z_OUTLIER = 3.5
/** At most this many posts are listed (the count says how many there were). */
export const MAX_EXPLAINED_POSTS = 50

export interface ExplainedPost {
  platform: string
  post_id: string
  published_at: string
  post_type: string | null
  text: string
  url: string | null
  interactions: number | null
  /** The post's rate under the convention (engagement), or its own figure of the channel metric (views, reach...). */
  value: number | null
  /**
   * Engagement: the post's part of the period's rate (the parts add up to it exactly). Channel metrics: the post's own
   * figure (its views...), which is part of the channel's total but not all of it.
   */
  contribution: number
  /** contribution ÷ the period's value (0 when that is 0 or missing). */
  share: number
}

export interface PostTypeShare {
  /** 'unknown' where the export gives no type. */
  postType: string
  posts: number
  interactions: number | null
  contribution: number
  share: number
}

export interface RobustBaseline {
  /** Periods of the range with a value (the clicked one included): what the median is taken over. */
  periods: number
  median: number | null
  /** Median absolute deviation from the median. */
  mad: number | null
  /** 0.6745 × (value − median) ÷ MAD; null when MAD is 0 or there is no value (zNote says why). */
  z: number | null
  zNote: string | null
  /** value − median, and that as a fraction of the median (null when the median is 0). */
  change: number | null
  changePct: number | null
}

export interface ExplainedPeriod {
  institution: { id: number; name: string; color: string }
  metric: ExplainMetric
  convention: EngagementConvention
  unit: ExplainUnit
  /** The period: a Monday-to-Sunday ISO week or one day, 'YYYY-MM-DD', clipped to the benchmark's range. */
  period: { start: string; end: string }
  /** The period's value as the chart draws it (a rate as a fraction, or the channel figure summed over the days). */
  value: number | null
  baseline: RobustBaseline
  /** Posts in the period (all of them), and the first MAX_EXPLAINED_POSTS ranked by contribution. */
  postCount: number
  posts: ExplainedPost[]
  postTypes: PostTypeShare[]
  /** Events touching the period that concern everyone or this institution. */
  events: TimelineEvent[]
  /** What the numbers cannot show (channel totals count older posts' views, MAD 0...). */
  notes: string[]
}

/**
 * The robust z-score of `value` among `values` (which include it): 0.6745 × (x − median) ÷ MAD. The independent
 * reference for the engine's SQL, used by its tests and by the CLI's text.
 */
export function robustZ(value: number, median: number, mad: number): number | null {
  return mad > 0 ? (ROBUST_Z_CONSTANT * (value - median)) / mad : null
}

/** Why there is no z-score, in a sentence a reader understands. */
export const MAD_ZERO_NOTE =
  'No z-score: the median absolute deviation is 0 (at least half of the periods have exactly the median value), so any difference would be infinitely many deviations away; the change against the median is shown alone.'
export const NO_VALUE_NOTE = 'No z-score: this period has no value under this measure.'

/** "+2.4 robust z (unusual)" or the note's short form. */
export function describeZ(b: RobustBaseline): string {
  if (b.z === null) return b.mad === 0 ? 'no z-score (MAD is 0)' : 'no z-score'
  const sign = b.z >= 0 ? '+' : '−'
  return `${sign}${Math.abs(b.z).toFixed(2)} robust z${Math.abs(b.z) > ROBUST_Z_OUTLIER ? ' (unusual)' : ''}`
}
