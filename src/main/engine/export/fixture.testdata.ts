/**
 * A deterministic benchmark result for export tests: four institutions over 13 weeks, built from formulas (no
 * randomness, no workspace), with a follower gap, a peer band and one institution without views.
 */
import type { BenchmarkResult, InstitutionSummary } from '../../../shared/benchmark'
import type { ChartSeries, PeerRow } from '../../../shared/charts/series'

const DAY = 86_400_000
const start = Date.UTC(2024, 0, 1)
const days = Array.from({ length: 91 }, (_, i) => new Date(start + i * DAY))
const weeks = days.filter((_, i) => i % 7 === 0)
export const FIXTURE_INSTITUTIONS = [
  { id: 1, name: 'Alpha Hospital', color: '#0072B2' },
  { id: 2, name: 'Beta Clinic', color: '#E69F00' },
  { id: 3, name: 'Gamma Pharmacy', color: '#009E73' },
  { id: 4, name: 'Delta Medical', color: '#CC79A7' }
]

const channel = (k: number, i: number) => 200 * (k + 1) + ((i * 37 + k * 11) % 90)
const followers = (k: number, i: number) => 1000 * (k + 1) + 7 * i * (k + 1) + ((i * 13 + k * 5) % 11)

export function fixtureSeries(): ChartSeries {
  const peer = (xs: Date[], f: (k: number, i: number) => number | null): PeerRow[] =>
    xs.map((x, i) => {
      const v = FIXTURE_INSTITUTIONS.map((_, k) => f(k, i))
        .filter((n): n is number => n !== null)
        .sort((a, b) => a - b)
      return {
        x,
        median: (v[1] + v[2]) / 2,
        q1: v[0] + (v[1] - v[0]) * 0.75,
        q3: v[2] + (v[3] - v[2]) * 0.25,
        n: v.length
      }
    })
  const indexed = (k: number, i: number) => (100 * followers(k, i)) / followers(k, 0)
  const rate = (k: number, w: number) => 0.001 * (((k + 2) * (w + 3)) % 17) + 0.0005 * k
  return {
    followers: FIXTURE_INSTITUTIONS.flatMap((inst, k) =>
      ['facebook', 'x'].flatMap((platform, p) =>
        days.map((day, i) => ({
          institution: inst.name,
          platform,
          day,
          followers: k === 1 && i >= 40 && i < 50 ? null : followers(k, i) / (p + 1)
        }))
      )
    ),
    indexed: FIXTURE_INSTITUTIONS.flatMap((inst, k) =>
      days.map((day, i) => ({ institution: inst.name, day, indexed: indexed(k, i), followers: followers(k, i) }))
    ),
    engagement: FIXTURE_INSTITUTIONS.flatMap((inst, k) =>
      weeks.map((week, w) => ({ institution: inst.name, week, rate: rate(k, w), posts: 2 + ((k + w) % 5) }))
    ),
    heatmap: FIXTURE_INSTITUTIONS.flatMap((inst, k) =>
      Array.from({ length: 7 * 24 }, (_, j) => ({
        institution: inst.name,
        weekday: Math.floor(j / 24),
        hour: j % 24,
        posts: (j * (k + 3)) % 9 === 0 && j % 24 >= 8 && j % 24 <= 18 ? 1 + ((j + k) % 6) : 0
      })).filter((r) => r.posts > 0)
    ),
    postsWeekly: FIXTURE_INSTITUTIONS.flatMap((inst, k) =>
      weeks
        .filter((_, w) => (w + k) % 6 !== 0)
        .map((week, w) => ({ institution: inst.name, week, posts: 2 + ((k + w) % 5) }))
    ),
    peerIndexed: peer(days, indexed),
    peerEngagement: peer(weeks, (k, w) => rate(k, w)),
    // Daily views for all four, reach for all but Delta (which the chart then names as missing).
    channelDaily: FIXTURE_INSTITUTIONS.flatMap((inst, k) =>
      (['views', 'reach'] as const)
        .filter((m) => m === 'views' || k !== 3)
        .flatMap((metric) =>
          days.map((day, i) => ({
            institution: inst.name,
            metric,
            day,
            value: channel(k, i) / (metric === 'reach' ? 2 : 1)
          }))
        )
    ),
    peerChannel: peer(days, channel).map((r) => ({ ...r, metric: 'views' as const }))
  }
}

function summary(k: number): InstitutionSummary {
  const inst = FIXTURE_INSTITUTIONS[k]
  const posts = 30 + 5 * k
  return {
    institution_id: inst.id,
    name: inst.name,
    color: inst.color,
    posts,
    interactions: posts * (10 + k),
    posts_per_week: posts / 13,
    interactions_per_post: 10 + k,
    interactions_per_1k_followers: (10 + k) / (k + 1),
    avg_followers: 1000 * (k + 1),
    engagement_rate: {
      followers_at_post: 0.01 + k / 1000,
      avg_followers: 0.009 + k / 1000,
      reach: null,
      impressions: null,
      views: k === 3 ? null : 0.05
    },
    follower_growth: { abs: 630 * (k + 1), pct: 0.63, indexed_end: 163 },
    share_of_voice: { posts: posts / 150, interactions: (posts * (10 + k)) / 1750, views: k === 3 ? null : 1 / 3 },
    channel: {
      views: days.reduce((a, _, i) => a + channel(k, i), 0),
      reach: null,
      impressions: null,
      profile_visits: null,
      followers_gained: null
    }
  }
}

export function fixtureResult(): BenchmarkResult {
  const empty = new Uint8Array()
  return {
    scope: {
      from: '2024-01-01',
      to: '2024-03-31',
      platforms: ['facebook', 'x'],
      convention: 'followers_at_post',
      maxGapDays: 7,
      k: 2,
      institutions: FIXTURE_INSTITUTIONS,
      dayStride: 1,
      showEvents: true
    },
    summary: FIXTURE_INSTITUTIONS.map((_, k) => summary(k)),
    events: [],
    charts: {
      followers: empty,
      indexed: empty,
      engagement: empty,
      heatmap: empty,
      postsWeekly: empty,
      peerIndexed: empty,
      peerEngagement: empty,
      channelDaily: empty,
      peerChannel: empty
    },
    topPosts: [
      {
        institution: 'Alpha Hospital',
        platform: 'x',
        post_id: 'p1',
        published_at: '2024-02-01T10:00:00Z',
        text: 'Open day, "all welcome", 10–12',
        url: 'https://example.org/p1',
        interactions: 120,
        rate: 0.0123456789
      },
      {
        institution: 'Beta Clinic',
        platform: 'facebook',
        post_id: 'p2',
        published_at: '2024-03-01T09:30:00Z',
        text: 'Flu shots\nthis week',
        url: null,
        interactions: 80,
        rate: 0.1 / 3
      }
    ],
    breakouts: { threshold: 0.03, mean: 0.01, sd: 0.01, posts: [] },
    methodology: {
      posts: 170,
      accounts: 8,
      channelDays: 728,
      sources: ['SYNTHETIC_alpha_x.csv', 'SYNTHETIC_beta_facebook.csv'],
      sourceFiles: [
        { importId: 1, fileName: 'SYNTHETIC_alpha_x.csv', sha256: 'a'.repeat(64) },
        { importId: 2, fileName: 'SYNTHETIC_beta_facebook.csv', sha256: 'b'.repeat(64) }
      ],
      gaps: ['Beta Clinic: no follower counts on 10 days.']
    },
    outOfRange: [],
    dataRange: { from: '2024-01-01', to: '2024-03-31' },
    queryMs: 12
  }
}

/** Free text that ends up in exports: institution names, post texts, a source file name, a deck's titles. */
export interface FixtureTexts {
  /** One per fixture institution (four), distinct. */
  names: string[]
  /** The two top posts' texts. */
  posts: string[]
  source: string
}

/** The fixture with every user-supplied string replaced (the XML and CSV safety tests feed hostile text through it). */
export function fixtureWithTexts(t: FixtureTexts): { result: BenchmarkResult; series: ChartSeries } {
  const rename = new Map(FIXTURE_INSTITUTIONS.map((inst, k) => [inst.name, t.names[k]]))
  const to = (name: string) => rename.get(name) ?? name
  const base = fixtureResult()
  const series = fixtureSeries()
  const renamed = <R extends { institution: string }>(rows: R[]): R[] =>
    rows.map((r) => ({ ...r, institution: to(r.institution) }))
  return {
    result: {
      ...base,
      scope: { ...base.scope, institutions: base.scope.institutions.map((i) => ({ ...i, name: to(i.name) })) },
      summary: base.summary.map((s) => ({ ...s, name: to(s.name) })),
      topPosts: base.topPosts.map((p, k) => ({ ...p, institution: to(p.institution), text: t.posts[k] })),
      methodology: {
        ...base.methodology,
        sources: [t.source, ...base.methodology.sources],
        gaps: [`${t.names[1]}: no follower counts on 10 days.`]
      }
    },
    series: {
      ...series,
      followers: renamed(series.followers),
      indexed: renamed(series.indexed),
      engagement: renamed(series.engagement),
      heatmap: renamed(series.heatmap),
      postsWeekly: renamed(series.postsWeekly),
      channelDaily: renamed(series.channelDaily)
    }
  }
}
