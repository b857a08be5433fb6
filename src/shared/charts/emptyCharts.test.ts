/** A chart with no value at all in the range is a sentence, not an empty frame; with one value it is drawn. */
import { describe, expect, it } from 'vitest'
import type { BenchmarkResult, InstitutionSummary } from '../benchmark'
import { buildChart, chartContext, PLOT_CHARTS } from './buildChart'
import { utcDay, type ChartSeries } from './series'

const names = ['Aster Health', 'Birch Clinic', 'Cedar Care']
const summary = (name: string, posts: number): InstitutionSummary => ({
  institution_id: names.indexOf(name) + 1,
  name,
  color: '#336699',
  posts,
  interactions: posts ? 10 : null,
  posts_per_week: posts / 4,
  interactions_per_post: null,
  interactions_per_1k_followers: null,
  avg_followers: null,
  engagement_rate: {
    followers_at_post: null,
    avg_followers: null,
    reach: posts ? 0.1 : null,
    impressions: null,
    views: null
  },
  follower_growth: { abs: null, pct: null, indexed_end: null },
  share_of_voice: { posts: posts ? 1 : null, interactions: posts ? 1 : null, views: null },
  channel: { views: 10, reach: null, impressions: null, profile_visits: null, followers_gained: null }
})
const result = (posts: number): BenchmarkResult =>
  ({
    scope: {
      from: '2025-03-01',
      to: '2025-03-28',
      platforms: ['x'],
      convention: 'followers_at_post',
      maxGapDays: 7,
      k: 2,
      dayStride: 1,
      institutions: names.map((name) => ({ id: 1, name, color: '#336699' }))
    },
    summary: names.map((n, i) => summary(n, i === 0 ? posts : 0)),
    methodology: { posts, accounts: 3, channelDays: 0, sources: [], gaps: [] }
  }) as unknown as BenchmarkResult
const none: ChartSeries = {
  followers: [],
  indexed: [],
  engagement: [],
  heatmap: [],
  postsWeekly: [],
  peerIndexed: [],
  peerEngagement: [],
  channelDaily: [],
  peerChannel: []
}

describe('empty charts', () => {
  it('every chart of a workspace without posts, followers or channel figures is a short message', () => {
    const r = result(0)
    for (const id of PLOT_CHARTS) {
      const built = buildChart(id, r, none, chartContext(r, 800, 'light'))
      expect(built.empty, id).toMatch(/^No /)
    }
  })

  it('says that a follows-gained series is not a follower count, and sends an engagement gap to the notices', () => {
    const r = result(3)
    const ctx = chartContext(r, 800, 'light')
    expect(buildChart('followers', r, none, ctx).empty).toContain('follows gained alone is not one')
    const withPosts = {
      ...none,
      postsWeekly: [{ institution: 'Aster Health', week: utcDay('2025-03-03'), posts: 3 }],
      engagement: [{ institution: 'Aster Health', week: utcDay('2025-03-03'), rate: null, posts: 3 }]
    }
    expect(buildChart('engagement', r, withPosts, ctx).empty).toBe(
      'No engagement rate by followers at post time — Rival IQ, CrowdTangle in this range: see the data notices for the conventions these posts have a denominator for.'
    )
    expect(buildChart('postsWeekly', r, withPosts, ctx).empty).toBeUndefined()
    expect(buildChart('shareOfVoice', r, withPosts, ctx).empty).toBeUndefined()
  })

  it('one value is enough to draw', () => {
    const r = result(1)
    const one = {
      ...none,
      followers: [{ institution: 'Aster Health', platform: 'x', day: utcDay('2025-03-02'), followers: 10 }]
    }
    expect(buildChart('followers', r, one, chartContext(r, 800, 'light')).empty).toBeUndefined()
  })
})
