import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Database } from '../db/duckdb'
import { migrate } from '../db/migrations'
import { FIXTURE_SCOPE, loadMetricsFixture } from './fixture.testdata'
import { tableFromIPC } from 'apache-arrow'
import { runBenchmark } from './benchmark'
import { benchmarkSummary, type InstitutionSummary } from './summary'

let db: Database
beforeEach(async () => {
  db = await Database.open(':memory:')
  await migrate(db)
  await loadMetricsFixture(db)
})
afterEach(() => db.close())

const byName = (rows: InstitutionSummary[], name: string) => rows.find((r) => r.name === name)!

describe('benchmark summary on the hand-computed fixture', () => {
  it('counts posts in the range by each account’s local day, and cadence per week', async () => {
    const rows = await benchmarkSummary(db.reader, FIXTURE_SCOPE)
    expect(rows.map((r) => [r.name, r.posts, r.interactions])).toEqual([
      ['Alpha Hospital', 2, 80],
      ['Beta Clinic', 2, 10],
      // p5 at 03:00 UTC on the 15th is 22:00 on the 14th in New York: inside; p6 is on Dec 31 in New York: outside.
      ['Gamma Pharmacy', 1, 5]
    ])
    expect(byName(rows, 'Alpha Hospital').posts_per_week).toBe(1)
    expect(byName(rows, 'Gamma Pharmacy').posts_per_week).toBe(0.5)
  })

  it('interactions per post ignore posts without an interaction count', async () => {
    const rows = await benchmarkSummary(db.reader, FIXTURE_SCOPE)
    expect(byName(rows, 'Alpha Hospital').interactions_per_post).toBe(40)
    expect(byName(rows, 'Beta Clinic').interactions_per_post).toBe(10)
  })

  it('carries followers forward only across allowed gaps and averages the daily totals', async () => {
    const rows = await benchmarkSummary(db.reader, FIXTURE_SCOPE)
    // Alpha: 1500 on days 1-8 (day 1 + 7 carried), gap on days 9-13, 1700 on day 14.
    expect(byName(rows, 'Alpha Hospital').avg_followers).toBeCloseTo((1500 * 8 + 1700) / 9, 9)
    expect(byName(rows, 'Beta Clinic').avg_followers).toBeCloseTo(265, 9)
    expect(byName(rows, 'Gamma Pharmacy').avg_followers).toBeNull()
    const wider = await benchmarkSummary(db.reader, { ...FIXTURE_SCOPE, maxGapDays: 30 })
    expect(byName(wider, 'Alpha Hospital').avg_followers).toBeCloseTo((1500 * 13 + 1700) / 14, 9)
  })

  it('follower growth: absolute, percent and indexed', async () => {
    const rows = await benchmarkSummary(db.reader, FIXTURE_SCOPE)
    expect(byName(rows, 'Alpha Hospital').follower_growth).toEqual({
      abs: 200,
      pct: expect.closeTo(200 / 1500, 12),
      indexed_end: expect.closeTo(113.3333333333, 8)
    })
    expect(byName(rows, 'Beta Clinic').follower_growth).toEqual({
      abs: 130,
      pct: expect.closeTo(0.65, 12),
      indexed_end: expect.closeTo(165, 9)
    })
    expect(byName(rows, 'Gamma Pharmacy').follower_growth).toEqual({ abs: null, pct: null, indexed_end: null })
  })

  it('engagement under every convention', async () => {
    const rows = await benchmarkSummary(db.reader, FIXTURE_SCOPE)
    const a = byName(rows, 'Alpha Hospital').engagement_rate
    // p1: 30 / 1000 (last known x:alpha followers on Jan 2); p2: 50 / 480 (the export's own figure).
    expect(a.followers_at_post).toBeCloseTo((30 / 1000 + 50 / 480) / 2, 12)
    expect(a.avg_followers).toBeCloseTo(40 / ((1500 * 8 + 1700) / 9), 12)
    expect(a.reach).toBeCloseTo(0.1, 12)
    expect(a.impressions).toBeCloseTo(0.03, 12)
    expect(a.views).toBeNull()
    const b = byName(rows, 'Beta Clinic').engagement_rate
    expect(b.followers_at_post).toBeCloseTo(10 / 240, 12)
    expect(b.avg_followers).toBeCloseTo(10 / 265, 12)
    expect(b.impressions).toBeCloseTo(10 / 500, 12)
    expect(b.reach).toBeNull()
    const g = byName(rows, 'Gamma Pharmacy').engagement_rate
    expect(g).toEqual({ followers_at_post: null, avg_followers: null, reach: null, impressions: null, views: 0.05 })
    expect(byName(rows, 'Beta Clinic').interactions_per_1k_followers).toBeCloseTo((10 / 265) * 1000, 9)
  })

  it('share of voice by posts, interactions and views (null where an institution has no such data)', async () => {
    const rows = await benchmarkSummary(db.reader, FIXTURE_SCOPE)
    expect(byName(rows, 'Alpha Hospital').share_of_voice).toEqual({
      posts: 0.4,
      interactions: expect.closeTo(80 / 95, 12),
      views: null
    })
    expect(byName(rows, 'Gamma Pharmacy').share_of_voice).toEqual({
      posts: 0.2,
      interactions: expect.closeTo(5 / 95, 12),
      views: 1
    })
  })

  it('platform filter narrows posts and followers', async () => {
    const rows = await benchmarkSummary(db.reader, { ...FIXTURE_SCOPE, platforms: ['facebook'] })
    expect(byName(rows, 'Alpha Hospital').posts).toBe(1)
    expect(byName(rows, 'Alpha Hospital').follower_growth.abs).toBe(100)
    expect(byName(rows, 'Beta Clinic').posts).toBe(0)
    expect(byName(rows, 'Beta Clinic').posts_per_week).toBe(0)
  })
})

describe('the benchmark channel', () => {
  it('gives the same numbers from its materialised scope as the direct queries, with series and methodology', async () => {
    const direct = await benchmarkSummary(db.reader, FIXTURE_SCOPE)
    const r = await db.withConnection((c) =>
      runBenchmark(c, {
        institutionIds: [1, 2, 3],
        platforms: ['x', 'facebook'],
        preset: 'custom',
        from: '2024-01-01',
        to: '2024-01-14',
        convention: 'followers_at_post'
      })
    )
    expect(r.summary).toEqual(direct)
    expect(r.methodology.posts).toBe(5)
    expect(r.methodology.accounts).toBe(4)
    const followers = tableFromIPC(r.charts.followers)
    expect(followers.numRows).toBe(3 * 14) // alpha x, alpha facebook, beta x; gamma has no follower data
    const heat = tableFromIPC(r.charts.heatmap)
      .toArray()
      .map((row) => row.toJSON())
    expect(heat.find((h) => h.institution === 'Gamma Pharmacy')).toEqual({
      institution: 'Gamma Pharmacy',
      weekday: 6,
      hour: 22,
      posts: 1
    })
    expect(r.topPosts[0]).toMatchObject({ post_id: 'p2', rate: expect.closeTo(50 / 480, 12) })
    expect(r.methodology.gaps).toContain('Gamma Pharmacy: no follower counts in the selected platforms.')
  })

  it('presets end on the latest day with data', async () => {
    const r = await db.withConnection((c) =>
      runBenchmark(c, { institutionIds: [1, 2], preset: 'last30', convention: 'reach' })
    )
    // Alpha and Beta's last data is on Jan 14 (Gamma, later in New York time, is not in this peer set).
    expect(r.scope).toMatchObject({ from: '2023-12-16', to: '2024-01-14' })
    expect(r.methodology.gaps[0]).toMatch(/peer set has 2 institutions/)
  })
})
