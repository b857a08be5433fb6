/**
 * The benchmark charts: id, title, the metric each one draws (its text comes from shared/metrics.ts, so the app,
 * the CLI and export footnotes explain a number the same way), and whether the engagement convention shapes it.
 */
import { ENGAGEMENT_DEFINITIONS, METRICS, type EngagementConvention, type MetricDefinition } from '../metrics'

export const CHART_IDS = [
  'followers',
  'indexed',
  'channelDaily',
  'engagement',
  'postsWeekly',
  'heatmap',
  'shareOfVoice',
  'topPosts',
  'breakouts'
] as const
export type ChartId = (typeof CHART_IDS)[number]

export interface ChartDef {
  id: ChartId
  title: string
  /** True when the chosen engagement convention changes what is drawn. */
  usesConvention: boolean
  metric: (convention: EngagementConvention) => MetricDefinition
}

const fixed = (m: MetricDefinition) => () => m
/** The weekly engagement chart's peer band: a week without a rated post has no rate, so nothing is carried. */
const ENGAGEMENT_PEER =
  'median and interquartile range, per week, of the rates of the institutions with a rated post that week, drawn where 3 or more have one'
const engagement = (c: EngagementConvention): MetricDefinition => ({
  ...ENGAGEMENT_DEFINITIONS[c],
  peer: ENGAGEMENT_PEER
})

export const CHARTS: Record<ChartId, ChartDef> = {
  followers: { id: 'followers', title: 'Followers over time', usesConvention: false, metric: fixed(METRICS.followers) },
  indexed: {
    id: 'indexed',
    title: 'Indexed follower growth (start = 100)',
    usesConvention: false,
    metric: fixed(METRICS.indexed_growth)
  },
  channelDaily: {
    id: 'channelDaily',
    title: 'Channel activity by day',
    usesConvention: false,
    metric: fixed(METRICS.channel_daily)
  },
  engagement: { id: 'engagement', title: 'Engagement rate by week', usesConvention: true, metric: engagement },
  postsWeekly: {
    id: 'postsWeekly',
    title: 'Posting cadence: posts per week',
    usesConvention: false,
    metric: fixed(METRICS.posts_per_week)
  },
  heatmap: {
    id: 'heatmap',
    title: 'Posting cadence: weekday × hour',
    usesConvention: false,
    metric: fixed({
      id: 'cadence_heatmap',
      label: 'Posts by weekday and hour',
      unit: 'posts',
      formula: 'count of posts per weekday and hour of the day, in each account’s own time zone',
      denominator: '—'
    })
  },
  shareOfVoice: {
    id: 'shareOfVoice',
    title: 'Share of voice',
    usesConvention: false,
    metric: fixed(METRICS.share_of_voice)
  },
  topPosts: { id: 'topPosts', title: 'Top posts', usesConvention: true, metric: engagement },
  breakouts: { id: 'breakouts', title: 'Breakout posts', usesConvention: true, metric: fixed(METRICS.breakout) }
}

/** Short convention name for labels: "by followers at post time — Rival IQ, CrowdTangle". */
export function conventionLabel(c: EngagementConvention): string {
  const d = ENGAGEMENT_DEFINITIONS[c]
  const by = d.label.replace(/^(Engagement|Interaction) rate /, '')
  return d.convention ? `${by} — ${d.convention}` : by
}
