/** Types of the benchmark channel: what the dashboard asks for and what it gets back. */
import type { ChannelMetric, EngagementConvention } from './metrics'
import type { TimelineEvent } from './timeline'
import type { Platform } from './types'

/**
 * The benchmark's defaults and limits, each written once: the contract, the engine, the dashboard's controls and
 * the CLI's flags read them from here.
 */
/** Follower counts are carried forward across gaps of at most this many days. */
export const DEFAULT_MAX_GAP_DAYS = 7
/** A breakout post is one whose engagement rate is above the mean plus k standard deviations. */
export const DEFAULT_BREAKOUT_K = 2
/** At most this many institutions in one benchmark (peer statistics need 3 or more). */
export const MAX_BENCHMARK_INSTITUTIONS = 20

export const DATE_PRESETS = ['last30', 'last90', 'ytd', 'last12m', 'all', 'custom'] as const
export type DatePreset = (typeof DATE_PRESETS)[number]

export interface BenchmarkRequest {
  institutionIds: number[]
  /** Empty or missing: every platform. */
  platforms?: Platform[]
  /** Presets end on the latest day with data in the workspace (exports are historical). */
  preset?: DatePreset
  from?: string
  to?: string
  convention: EngagementConvention
  maxGapDays?: number
  /** Breakout threshold: mean + k standard deviations. */
  k?: number
  topN?: number
  /**
   * 'screen': daily lines of ranges over a year come every Nth day (gaps and their edges exact), enough for a chart
   * and several times less to draw. 'full' (the default, for exports and the CLI): every day.
   */
  resolution?: 'screen' | 'full'
  /** Draw the workspace's events on the time charts (default true); a saved setup remembers it. */
  events?: boolean
}

export interface BenchmarkPost {
  institution: string
  platform: string
  post_id: string
  published_at: string
  text: string
  url: string | null
  interactions: number | null
  rate: number | null
}

export interface BenchmarkResult {
  scope: {
    from: string
    to: string
    platforms: Platform[]
    convention: EngagementConvention
    maxGapDays: number
    k: number
    institutions: { id: number; name: string; color: string }[]
    /** 1: the daily series have every day; N: every Nth day (resolution 'screen' on a range over a year). */
    dayStride: number
    /** Whether the time charts draw events (the request's `events`). */
    showEvents: boolean
  }
  summary: InstitutionSummary[]
  /**
   * The events the time charts draw: those touching the range that concern everyone or a compared institution,
   * in date order; empty when the request turned events off.
   */
  events: TimelineEvent[]
  /** Arrow IPC stream bytes per chart. */
  charts: {
    followers: Uint8Array
    indexed: Uint8Array
    engagement: Uint8Array
    heatmap: Uint8Array
    postsWeekly: Uint8Array
    peerIndexed: Uint8Array
    peerEngagement: Uint8Array
    /** Daily channel metrics per institution (account_daily), and their peer band per metric and day. */
    channelDaily: Uint8Array
    peerChannel: Uint8Array
  }
  topPosts: BenchmarkPost[]
  breakouts: { threshold: number | null; mean: number | null; sd: number | null; posts: BenchmarkPost[] }
  /** channelDays: account-days with a daily channel figure (views, reach, ...) in the range. */
  methodology: {
    posts: number
    accounts: number
    channelDays: number
    sources: string[]
    /** The source files with their import id and SHA-256, for the setup exports record (shared/provenance.ts). */
    sourceFiles: { importId: number; fileName: string; sha256: string }[]
    gaps: string[]
  }
  /**
   * Institutions with data on the selected platforms but none in the range (an older export under "Last 12
   * months"), with their own first and last day: they appear in no chart, and the dashboard says so.
   */
  outOfRange: { id: number; name: string; from: string; to: string }[]
  /** The latest and earliest day with data for these institutions (what presets are relative to). */
  dataRange: { from: string | null; to: string | null }
  queryMs: number
}

export interface BenchmarkSetup {
  name: string
  request: BenchmarkRequest
  savedAt: string
}

/** The numbers the dashboard is drawn from, per institution. Rates are fractions; null where data cannot give a value. */
export interface InstitutionSummary {
  institution_id: number
  name: string
  color: string
  posts: number
  interactions: number | null
  posts_per_week: number | null
  interactions_per_post: number | null
  interactions_per_1k_followers: number | null
  avg_followers: number | null
  engagement_rate: {
    followers_at_post: number | null
    avg_followers: number | null
    reach: number | null
    impressions: number | null
    views: number | null
  }
  follower_growth: { abs: number | null; pct: number | null; indexed_end: number | null }
  share_of_voice: { posts: number | null; interactions: number | null; views: number | null }
  /** Sums of the daily channel figures over the range (channel exports); null where the institution has none. */
  channel: Record<ChannelMetric, number | null>
}
