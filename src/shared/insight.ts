/**
 * Honest comparisons: each institution's engagement rate with a bootstrap confidence interval, the peer median with
 * its own, the difference of each from it, and a pairwise permutation test. Pure data and formatting, shared by the
 * engine, the CLI and the dashboard so the numbers and the sentences that explain them never drift apart.
 */
import type { EngagementConvention } from './metrics'

/** Institutions with fewer posts than this in the range are flagged thin: their rate rests on too few posts. */
export const THIN_POSTS = 30
/** Bootstrap resamples and permutations: at least this many (the contract refuses fewer). */
export const MIN_RESAMPLES = 2000
export const DEFAULT_RESAMPLES = 2000
export const MAX_RESAMPLES = 20000
/** The fixed seed: the same posts always give the same interval and p-value. */
export const DEFAULT_SEED = 18
export const CONFIDENCE_LEVEL = 0.95

/** An estimate and its 95% percentile-bootstrap interval; all null where the data gives no value. */
export interface Interval {
  estimate: number | null
  low: number | null
  high: number | null
}

/** A difference with its interval; `significant` when the interval leaves 0 out (else the UI greys it out). */
export interface Difference extends Interval {
  significant: boolean
}

export interface InstitutionInterval {
  institution_id: number
  name: string
  color: string
  /** Posts in the range (the summary's count). */
  posts: number
  /** Posts with a rate under the convention: what the bootstrap resamples. */
  postsWithRate: number
  /** Fewer than THIN_POSTS posts in the range. */
  thin: boolean
  rate: Interval
  /** This institution's rate minus the peer median, each resample drawing both afresh. */
  vsPeer: Difference
}

export interface PairComparison {
  a: { institution_id: number; name: string }
  b: { institution_id: number; name: string }
  /** Rate of a minus rate of b, with its bootstrap interval. */
  difference: Difference
  /** Two-sided permutation test of the difference of mean per-post rates. */
  pValue: number | null
  /** 'exact' when every split of the pooled posts was enumerated (no more of them than the permutations asked). */
  permutation: 'exact' | 'randomized' | null
  permutations: number
}

export interface BenchmarkStats {
  from: string
  to: string
  convention: EngagementConvention
  resamples: number
  seed: number
  level: number
  institutions: InstitutionInterval[]
  /** Median of the institutions' rates (null with fewer than 3 institutions with a rate). */
  peerMedian: Interval
  pair: PairComparison | null
  /** Method sentences for the methodology panel, the exports and the CLI. */
  methods: string[]
}

/** How each statistic is computed, in sentences a non-statistician can follow. */
export function statsMethods(resamples: number, seed: number, permutations: number): string[] {
  return [
    `Confidence intervals: percentile bootstrap over posts. Each institution's posts are drawn with replacement ${resamples.toLocaleString('en-US')} times ` +
      `(seed ${seed}, so the same data always gives the same interval); the middle 95% of the recomputed rates is the interval.`,
    'Peer median: the median of the institutions’ rates; its interval, and that of each institution’s difference from it, recompute the median in every resample. ' +
      'A difference whose interval includes 0 is not distinguishable from the peer median and is shown greyed out.',
    `Thin: fewer than ${THIN_POSTS} posts in the range; such a rate and its interval rest on few posts.`,
    `Pairwise: difference of the two rates with its bootstrap interval, and a two-sided permutation test (${permutations.toLocaleString('en-US')} random ` +
      'relabellings of the pooled posts, or every one when there are fewer; p = share of relabellings at least as far from 0 as observed, ' +
      'with one added to both counts for a randomized test, as scipy.stats.permutation_test does).'
  ]
}

/** Percentage points with a sign: 0.0041 → "+0.41". */
export function formatPoints(v: number, digits = 2): string {
  const s = (v * 100).toFixed(digits)
  return v > 0 && Number(s) !== 0 ? `+${s}` : Number(s) === 0 ? (0).toFixed(digits) : s
}

/** "A vs peer median: +0.41 pts (95% CI +0.12 to +0.70)". */
export function formatDifference(label: string, d: Interval): string {
  if (d.estimate === null) return `${label}: no value`
  const ci = d.low === null || d.high === null ? '' : ` (95% CI ${formatPoints(d.low)} to ${formatPoints(d.high)})`
  return `${label}: ${formatPoints(d.estimate)} pts${ci}`
}

/** The comparisons as a flat table (CSV, XLSX, Parquet): a row per institution, then the peer median's. */
export const COMPARISON_HEADER = [
  'institution',
  'posts',
  'posts_with_rate',
  'thin',
  'rate',
  'rate_ci_low',
  'rate_ci_high',
  'vs_peer_median',
  'vs_peer_ci_low',
  'vs_peer_ci_high',
  'distinguishable_from_peer'
]
/** Which columns of COMPARISON_HEADER hold text (yes/no flags and names); the rest are numbers. */
export const COMPARISON_TEXT_COLUMNS = ['institution', 'thin', 'distinguishable_from_peer']
export const PEER_MEDIAN_ROW = 'Peer median'

const yesNo = (b: boolean) => (b ? 'yes' : 'no')
export const comparisonRows = (s: BenchmarkStats): (string | number | null)[][] => [
  ...s.institutions.map((i) => [
    i.name,
    i.posts,
    i.postsWithRate,
    yesNo(i.thin),
    i.rate.estimate,
    i.rate.low,
    i.rate.high,
    i.vsPeer.estimate,
    i.vsPeer.low,
    i.vsPeer.high,
    i.vsPeer.estimate === null ? null : yesNo(i.vsPeer.significant)
  ]),
  [
    PEER_MEDIAN_ROW,
    null,
    null,
    null,
    s.peerMedian.estimate,
    s.peerMedian.low,
    s.peerMedian.high,
    null,
    null,
    null,
    null
  ]
]
