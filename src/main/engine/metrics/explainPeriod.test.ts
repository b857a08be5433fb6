/**
 * explainPeriod through the front door on a real DuckDB file, against values computed by hand.
 *
 * Range 2024-01-01 (Monday) … 2024-02-04 (Sunday): five ISO weeks W1 … W5 starting Jan 1, 8, 15, 22, 29. All UTC.
 * Alpha (x): followers 1,000 every day to Jan 24, 1,200 from Jan 25. Posts (interactions; followers when posted 1,000
 * except p8, 1,200):
 *   W1 p1 20 photo · W2 p2 20 photo, p3 40 video · W3 p4 10 link · W4 p5 300 video, p6 30 photo, p7 30 photo ·
 *   W5 p8 24 text.
 * Rate by followers at post, weekly mean: .02, .03, .01, (.30 + .03 + .03)/3 = .12, 24/1200 = .02.
 *   Sorted .01 .02 .02 .03 .12: median .02; |x − .02| = 0 .01 .01 .10 0, sorted 0 0 .01 .01 .10: MAD .01.
 *   W4: z = 0.6745 × (.12 − .02)/.01 = 6.745; change +.10 (+500%). Contributions .30/3 = .10, .01, .01 (sum .12).
 * I-Rate (avg_followers), W4: average followers (3 × 1000 + 4 × 1200)/7 = 7800/7; 360/3 ÷ 7800/7 = 840/7800.
 *   Weeks .02, 60/2/1000 = .03, .01, 840/7800 ≈ .10769, 24/1/(7800/7·…) — W5's followers are 1,200 all week: .02.
 *   Sorted .01 .02 .02 .03 .1077: median .02; deviations 0 .01 .01 .0877 0: MAD .01.
 * Views (account_daily): 100 a day, 120 in W2, 90 in W3, 800 on Jan 23. Weeks 700, 840, 630, 1400, 700.
 *   Sorted 630 700 700 840 1400: median 700; deviations 70 0 0 140 700 → 0 0 70 140 700: MAD 70; W4 z = 6.745.
 *   Days: 20 × 100, 7 × 120, 7 × 90, 1 × 800: median 100; over half the deviations are 0: MAD 0, no z.
 *   Posts' own views: p5 500, p6 50, p7 none; shares 500/1400, 50/1400.
 * Beta (x, 500 followers): one post a week, rates .02 .02 .02 .05 (W1 … W4): median .02, MAD 0: no z-score.
 */
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAD_ZERO_NOTE, type ExplainedPeriod } from '../../../shared/explain'
import type { Engine } from '../engine'
import { invoke } from '../invoke'
import { EXPLAIN_FIXTURE_SQL as SQL } from './explainPeriod.testdata'
import { workspaceFromSql } from './statsFixture.testdata'

let engine: Engine
let dir: string
beforeAll(async () => {
  ;({ engine, dir } = await workspaceFromSql(SQL))
  await invoke(engine, 'addEvent', { start: '2024-01-24', title: 'Flu campaign', kind: 'campaign', institutionId: 1 })
  await invoke(engine, 'addEvent', {
    start: '2024-01-19',
    end: '2024-01-22',
    title: 'Feed change',
    kind: 'platform_change'
  })
  await invoke(engine, 'addEvent', { start: '2024-01-23', title: 'Beta only', kind: 'crisis', institutionId: 2 })
  await invoke(engine, 'addEvent', { start: '2024-01-29', title: 'Next week', kind: 'other' })
})
afterAll(() => {
  engine.close()
  rmSync(dir, { recursive: true, force: true })
})

const request = {
  institutionIds: [1, 2],
  convention: 'followers_at_post' as const,
  preset: 'custom' as const,
  from: '2024-01-01',
  to: '2024-02-04'
}
const r12 = (v: number | null) => (v === null ? null : Number(v.toFixed(12)))
const explain = (
  o: Partial<{ institutionId: number; metric: 'engagement' | 'views'; unit: 'week' | 'day'; day: string }> & {
    convention?: 'followers_at_post' | 'avg_followers'
    from?: string
  }
) =>
  invoke(engine, 'explainPeriod', {
    request: { ...request, convention: o.convention ?? request.convention, from: o.from ?? request.from },
    institutionId: o.institutionId ?? 1,
    metric: o.metric ?? 'engagement',
    unit: o.unit ?? 'week',
    day: o.day ?? '2024-01-25'
  })

describe('explainPeriod: the engagement spike of W4', () => {
  let out: ExplainedPeriod
  beforeAll(async () => {
    out = await explain({})
  })

  it('snaps a day to its Monday-to-Sunday week and gives the chart’s weekly rate', () => {
    expect(out.period).toEqual({ start: '2024-01-22', end: '2024-01-28' })
    expect(out.institution).toEqual({ id: 1, name: 'Alpha', color: '#0072B2' })
    expect(r12(out.value)).toBe(0.12)
  })

  it('gives the robust z-score on the MAD of the institution’s own weeks', () => {
    const b = out.baseline
    expect([b.periods, r12(b.median), r12(b.mad), r12(b.z), r12(b.change), r12(b.changePct), b.zNote]).toEqual([
      5,
      0.02,
      0.01,
      6.745,
      0.1,
      5,
      null
    ])
  })

  it('ranks the posts by their contribution, which add up to the rate', () => {
    expect(out.postCount).toBe(3)
    expect(out.posts.map((p) => [p.post_id, r12(p.contribution), r12(p.share), p.post_type, p.interactions])).toEqual([
      ['p5', 0.1, r12(0.1 / 0.12), 'video', 300],
      ['p6', 0.01, r12(0.01 / 0.12), 'photo', 30],
      ['p7', 0.01, r12(0.01 / 0.12), 'photo', 30]
    ])
    expect(out.posts[0]).toMatchObject({ text: 'post p5', published_at: '2024-01-22T10:00:00Z', value: 0.3 })
  })

  it('sums the post types', () => {
    expect(out.postTypes.map((t) => [t.postType, t.posts, t.interactions, r12(t.contribution), r12(t.share)])).toEqual([
      ['video', 1, 300, 0.1, r12(0.1 / 0.12)],
      ['photo', 2, 60, 0.02, r12(0.02 / 0.12)]
    ])
  })

  it('lists the events of the week for everyone or this institution only', () => {
    expect(out.events.map((e) => e.title)).toEqual(['Feed change', 'Flu campaign'])
  })
})

describe('explainPeriod: other measures and edge cases', () => {
  it('I-Rate: the week’s average followers, each post its own term', async () => {
    const out = await explain({ convention: 'avg_followers' })
    expect(r12(out.value)).toBe(r12(840 / 7800))
    expect([r12(out.baseline.median), r12(out.baseline.mad), r12(out.baseline.z)]).toEqual([
      0.02,
      0.01,
      r12((0.6745 * (840 / 7800 - 0.02)) / 0.01)
    ])
    expect(out.posts.map((p) => r12(p.contribution))).toEqual([r12(700 / 7800), r12(70 / 7800), r12(70 / 7800)])
  })

  it('views: the channel’s weekly sum, posts by their own views', async () => {
    const out = await explain({ metric: 'views' })
    expect(out.value).toBe(1400)
    expect([out.baseline.periods, out.baseline.median, out.baseline.mad, r12(out.baseline.z)]).toEqual([
      5, 700, 70, 6.745
    ])
    expect(out.posts.map((p) => [p.post_id, p.value, r12(p.share)])).toEqual([
      ['p5', 500, r12(500 / 1400)],
      ['p6', 50, r12(50 / 1400)],
      ['p7', null, 0]
    ])
    expect(out.notes[0]).toMatch(/older posts included/)
  })

  it('MAD 0: no z-score, and says why', async () => {
    const day = await explain({ metric: 'views', unit: 'day', day: '2024-01-23' })
    expect([
      day.period,
      day.value,
      day.baseline.periods,
      day.baseline.median,
      day.baseline.mad,
      day.baseline.z
    ]).toEqual([{ start: '2024-01-23', end: '2024-01-23' }, 800, 35, 100, 0, null])
    expect(day.baseline.zNote).toBe(MAD_ZERO_NOTE)
    expect(day.baseline.change).toBe(700)
    const beta = await explain({ institutionId: 2 })
    expect([r12(beta.value), r12(beta.baseline.median), beta.baseline.mad, beta.baseline.z]).toEqual([
      0.05,
      0.02,
      0,
      null
    ])
    expect(beta.events.map((e) => e.title)).toEqual(['Feed change', 'Beta only'])
  })

  it('a week cut by the range is clipped, and left out of a channel median', async () => {
    const out = await explain({ metric: 'views', day: '2024-01-05', from: '2024-01-03' })
    expect(out.period).toEqual({ start: '2024-01-03', end: '2024-01-07' })
    expect(out.value).toBe(500)
    expect(out.baseline.periods).toBe(4)
    expect(out.notes.join(' ')).toMatch(/cut by the range/)
  })

  it('refuses an institution outside the benchmark and a day outside the range', async () => {
    const req = { ...request, institutionIds: [1] }
    const base = { request: req, metric: 'engagement' as const, unit: 'week' as const }
    const failure = async (i: typeof base & { institutionId: number; day: string }) => {
      const r = await engine.call('explainPeriod', i)
      return r.ok ? null : r.error
    }
    expect((await failure({ ...base, institutionId: 2, day: '2024-01-10' }))?.code).toBe('BAD_INPUT')
    const outside = await failure({ ...base, institutionId: 1, day: '2024-03-10' })
    expect([outside?.code, outside?.message]).toEqual([
      'BAD_INPUT',
      "day: 2024-03-10 is outside the benchmark's range (2024-01-01 to 2024-02-04)."
    ])
  })
})
