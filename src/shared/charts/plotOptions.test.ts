import { describe, expect, it } from 'vitest'
import type { InstitutionSummary } from '../benchmark'
import {
  engagementChart,
  followersChart,
  honestPeer,
  indexedChart,
  isolatedDays,
  missingInstitutions,
  postsPerWeek,
  postsWeeklyChart,
  shareOfVoiceChart,
  shareRows,
  weeklyRatePct,
  type ChartContext
} from './plotOptions'
import { heatmapChart, heatmapLayout } from './heatmap'
import { utcDay, weekStart, weeksBetween, type PeerRow } from './series'

const ctx = (over: Partial<ChartContext> = {}): ChartContext => ({
  width: 800,
  institutions: [
    { name: 'Alpha', color: '#1f77b4' },
    { name: 'Beta', color: '#ff7f0e' },
    { name: 'Gamma', color: '#2ca02c' }
  ],
  from: '2024-01-01', // a Monday
  to: '2024-01-21', // a Sunday: three whole weeks
  convention: 'followers_at_post',
  theme: 'light',
  ...over
})

const summary = (name: string, over: Partial<InstitutionSummary> = {}): InstitutionSummary => ({
  institution_id: 1,
  name,
  color: '#000000',
  posts: 10,
  interactions: 100,
  posts_per_week: 3.5,
  interactions_per_post: 10,
  interactions_per_1k_followers: 1,
  avg_followers: 1000,
  engagement_rate: { followers_at_post: 0.0123, avg_followers: 0.01, reach: null, impressions: null, views: 0.05 },
  follower_growth: { abs: 10, pct: 0.01, indexed_end: 101 },
  share_of_voice: { posts: 0.5, interactions: 0.25, views: null },
  channel: { views: null, reach: null, impressions: null, profile_visits: null, followers_gained: null },
  ...over
})

describe('weeks', () => {
  it('starts weeks on Monday, as DuckDB date_trunc does', () => {
    expect(weekStart(utcDay('2024-01-03')).toISOString()).toBe('2024-01-01T00:00:00.000Z')
    expect(weekStart(utcDay('2024-01-07')).toISOString()).toBe('2024-01-01T00:00:00.000Z')
    expect(weekStart(utcDay('2024-01-08')).toISOString()).toBe('2024-01-08T00:00:00.000Z')
    expect(weeksBetween(utcDay('2024-01-03'), utcDay('2024-01-15')).map((d) => d.toISOString().slice(0, 10))).toEqual([
      '2024-01-01',
      '2024-01-08',
      '2024-01-15'
    ])
  })
})

describe('colours, labels and accessibility', () => {
  it('colours every institution with its own colour in legend order', () => {
    const { options } = postsWeeklyChart([], ctx())
    expect(options.color).toMatchObject({
      domain: ['Alpha', 'Beta', 'Gamma'],
      range: ['#1f77b4', '#ff7f0e', '#2ca02c'],
      legend: true
    })
  })

  it('labels axes with units and styles from CSS variables', () => {
    expect(postsWeeklyChart([], ctx()).options.y).toMatchObject({ label: 'Posts/week' })
    expect(engagementChart([], [], ctx()).options.y).toMatchObject({ label: 'Engagement rate (%)' })
    expect(followersChart([], ctx()).options.y).toMatchObject({ label: 'Followers' })
    expect(shareOfVoiceChart([], ctx()).options.x).toMatchObject({ label: 'Share (%)' })
    expect(String(postsWeeklyChart([], ctx()).options.style)).toContain('var(--text)')
  })

  it('spans the whole requested range on the x axis, so empty stretches stay visible', () => {
    const x = indexedChart([], [], ctx()).options.x as { domain: Date[] }
    expect(x.domain.map((d) => d.toISOString().slice(0, 10))).toEqual(['2024-01-01', '2024-01-21'])
  })

  it('gives every chart an aria label and a description with its numbers', () => {
    const e = engagementChart([], [], ctx({ summary: [summary('Alpha'), summary('Beta')] }))
    expect(e.options.ariaLabel).toBe('Engagement rate by week, by followers at post time — Rival IQ, CrowdTangle')
    expect(e.options.ariaDescription).toContain('2024-01-01 to 2024-01-21')
    expect(e.options.ariaDescription).toContain('Alpha 1.23%')
    const v = engagementChart([], [], ctx({ convention: 'views', summary: [summary('Alpha')] }))
    expect(v.options.ariaLabel).toContain('by views — TikTok, YouTube')
    expect(v.options.ariaDescription).toContain('Alpha 5.00%')
  })
})

describe('followers', () => {
  const rows = [
    { institution: 'Alpha', platform: 'x', day: utcDay('2024-01-01'), followers: 100 },
    { institution: 'Alpha', platform: 'x', day: utcDay('2024-01-02'), followers: null },
    { institution: 'Alpha', platform: 'x', day: utcDay('2024-01-03'), followers: 110 },
    { institution: 'Beta', platform: 'facebook', day: utcDay('2024-01-01'), followers: 5000 }
  ]

  it('keeps NULL days in the data (Plot breaks the line there) and says so', () => {
    const { options, notes } = followersChart(rows, ctx())
    const mark = (options.marks as unknown as { data: unknown[] }[])[0]
    expect(mark.data).toHaveLength(4)
    expect(notes.join(' ')).toContain('not interpolated')
    expect(options.ariaDescription).toContain('1 institution-platform days have no follower count')
  })

  it('marks lone days between gaps with a dot, since a line cannot show them', () => {
    const lone = [
      { institution: 'Alpha', platform: 'x', day: utcDay('2024-01-01'), followers: null },
      { institution: 'Alpha', platform: 'x', day: utcDay('2024-01-02'), followers: 7 },
      { institution: 'Alpha', platform: 'x', day: utcDay('2024-01-03'), followers: null },
      { institution: 'Beta', platform: 'x', day: utcDay('2024-01-01'), followers: 8 },
      { institution: 'Beta', platform: 'x', day: utcDay('2024-01-02'), followers: 9 }
    ]
    expect(isolatedDays(lone, (r) => r.followers).map((r) => r.followers)).toEqual([7])
  })

  it('facets by platform, or overlays them', () => {
    expect(followersChart(rows, ctx()).options.fy).toMatchObject({ domain: ['facebook', 'x'] })
    expect(followersChart(rows, ctx(), 'overlay').options.fy).toBeUndefined()
  })

  it('names institutions with no follower data', () => {
    expect(followersChart(rows, ctx()).notes[0]).toBe('No follower counts for Gamma in this range and these platforms.')
    expect(followersChart(rows, ctx()).options.ariaDescription).toContain('Alpha on x: 110 followers on 2024-01-03')
  })
})

describe('peer statistics', () => {
  const peer: PeerRow[] = [
    { x: utcDay('2024-01-01'), median: 0.01, q1: 0.005, q3: 0.02, n: 3 },
    { x: utcDay('2024-01-08'), median: 0.02, q1: 0.01, q3: 0.03, n: 2 }
  ]

  it('blanks the band where fewer than 3 institutions contribute, and scales to percent', () => {
    expect(honestPeer(peer, 100)).toEqual([
      { x: peer[0].x, median: 1, q1: 0.5, q3: 2, n: 3 },
      { x: peer[1].x, median: null, q1: null, q3: null, n: 2 }
    ])
  })

  it('draws median and band only when asked, and says when the peer set is too small', () => {
    expect((indexedChart([], peer, ctx()).options.marks as unknown[]).length).toBe(5)
    expect((indexedChart([], peer, ctx(), false).options.marks as unknown[]).length).toBe(3)
    const two = ctx({ institutions: ctx().institutions.slice(0, 2) })
    expect(engagementChart([], peer, two).notes).toContain(
      'Peer median and band not drawn: the peer set has 2 institutions (needs 3).'
    )
  })

  it('names where the indexed chart’s peer set changes, and says nothing when it does not', () => {
    const days = (from: number, to: number) =>
      Array.from({ length: 21 }, (_, d) => utcDay(`2024-01-${String(d + 1).padStart(2, '0')}`)).map((day, d) => ({
        day,
        indexed: d >= from && d <= to ? 100 + d : null,
        followers: null
      }))
    const rows = [
      ...days(0, 20).map((r) => ({ ...r, institution: 'Alpha' })),
      // Gaps inside its span do not change the set: only where its data starts.
      ...days(4, 20).map((r, d) => ({ ...r, institution: 'Beta', indexed: d === 9 ? null : r.indexed })),
      ...days(0, 15).map((r) => ({ ...r, institution: 'Gamma' }))
    ]
    const drawn: PeerRow[] = [{ x: utcDay('2024-01-05'), median: 104, q1: 102, q3: 106, n: 3 }]
    expect(indexedChart(rows, drawn, ctx()).notes).toContain(
      'Peer median: each institution counts from its first to its last follower count in the range, so the set changes only there — Beta from 2024-01-05; Gamma until 2024-01-16.'
    )
    const stable = rows.filter((r) => r.institution === 'Alpha')
    expect(indexedChart(stable, drawn, ctx()).notes.join(' ')).not.toMatch(/Peer median: each/)
    // No note about the set where no median is drawn, or the peer band is off.
    expect(indexedChart(rows, [], ctx()).notes.join(' ')).not.toMatch(/Peer median: each/)
    expect(indexedChart(rows, drawn, ctx(), false).notes.join(' ')).not.toMatch(/Peer median: each/)
  })

  it('names the thin institutions (fewer than 30 posts) under the engagement chart', () => {
    const s = [summary('Alpha', { posts: 29 }), summary('Beta', { posts: 30 }), summary('Gamma', { posts: 1 })]
    expect(engagementChart([], [], ctx({ summary: s })).notes).toContain(
      'Thin (fewer than 30 posts in the range): Alpha (29 posts), Gamma (1 post).'
    )
    expect(engagementChart([], [], ctx({ summary: [summary('Beta', { posts: 30 })] })).notes.join(' ')).not.toMatch(
      /Thin/
    )
  })
})

describe('weekly series', () => {
  it('fills every week of the range: no post is 0 posts, no rate is a gap', () => {
    const week2 = utcDay('2024-01-08')
    const c = ctx({ institutions: [{ name: 'Alpha', color: '#000' }] })
    expect(postsPerWeek([{ institution: 'Alpha', week: week2, posts: 4 }], c).map((r) => r.posts)).toEqual([0, 4, 0])
    expect(
      weeklyRatePct([{ institution: 'Alpha', week: week2, rate: 0.0125, posts: 4 }], c).map((r) => r.rate)
    ).toEqual([null, 1.25, null])
  })

  it('names institutions without posts', () => {
    const rows = [{ institution: 'Alpha', week: utcDay('2024-01-01'), posts: 2 }]
    expect(missingInstitutions(rows, ctx(), (r) => r.posts > 0)).toEqual(['Beta', 'Gamma'])
    expect(postsWeeklyChart(rows, ctx()).notes).toEqual(['No posts for Beta, Gamma in this range and these platforms.'])
  })
})

describe('cadence heatmap', () => {
  it('lays institutions out in a grid of small multiples', () => {
    const { columns, place } = heatmapLayout(
      ctx().institutions.map((i) => i.name),
      640
    )
    expect(columns).toBe(2)
    expect(place.get('Gamma')).toEqual({ col: 0, row: 1 })
  })

  it('gives the single-chart view (large, 736 px at 1280x800 and 1024x640) two columns, not one tall strip', () => {
    const { options } = heatmapChart(
      [{ institution: 'Alpha', weekday: 0, hour: 9, posts: 1 }],
      ctx({ width: 736, large: true })
    )
    expect((options.fx as { domain: number[] }).domain).toEqual([0, 1])
    expect(options.height).toBe(40 + 2 * 200)
  })

  it('uses a cell mark per institution in its colour, weekdays Monday first, and reports the busiest slot', () => {
    const rows = [
      { institution: 'Alpha', weekday: 0, hour: 9, posts: 5 },
      { institution: 'Alpha', weekday: 4, hour: 17, posts: 2 }
    ]
    const { options } = heatmapChart(rows, ctx())
    expect((options.y as { domain: number[] }).domain).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(options.opacity).toMatchObject({ domain: [1, 5], legend: true })
    expect(options.ariaDescription).toContain('Alpha Mon 9:00 (5 posts)')
    expect((options.marks as unknown[]).length).toBe(1 + 3 + 1)
  })
})

describe('cadence heatmap in dark', () => {
  /** WCAG relative luminance of an sRGB colour given as 0-255 channels. */
  const luminance = (rgb: number[]) => {
    const [r, g, b] = rgb.map((c) => {
      const v = c / 255
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  const hex = (h: string) => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16))
  const contrast = (a: number[], b: number[]) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
    return (hi + 0.05) / (lo + 0.05)
  }
  // Plot's tableau10 (d3.schemeTableau10) and d3.schemeCategory10: the colours institutions get by default.
  const DEFAULTS = [
    '#4e79a7',
    '#f28e2c',
    '#e15759',
    '#76b7b2',
    '#59a14f',
    '#edc949',
    '#af7aa1',
    '#ff9da7',
    '#9c755f',
    '#bab0ab',
    '#1f77b4',
    '#ff7f0e',
    '#2ca02c',
    '#d62728',
    '#9467bd',
    '#8c564b',
    '#e377c2',
    '#7f7f7f',
    '#bcbd22',
    '#17becf'
  ]
  const PANEL_DARK = hex('#1d2128')

  it('draws a slot with one post distinguishable from the dark panel in every default colour', () => {
    const rows = [
      { institution: 'Alpha', weekday: 0, hour: 9, posts: 1 },
      { institution: 'Alpha', weekday: 4, hour: 17, posts: 60 }
    ]
    const { options } = heatmapChart(rows, ctx({ theme: 'dark' }))
    const o = options.opacity as { domain: number[]; range: number[] }
    // The lowest drawn value is 1 post, at the range's first opacity.
    expect(o.domain).toEqual([1, 60])
    const alpha = o.range[0]
    for (const c of DEFAULTS) {
      const cell = hex(c).map((v, i) => alpha * v + (1 - alpha) * PANEL_DARK[i])
      expect(contrast(cell, PANEL_DARK), c).toBeGreaterThanOrEqual(1.5)
    }
    expect(o.range[1]).toBe(1)
  })
})

describe('share of voice', () => {
  it('stacks shares in percent and leaves out (and names) measures without data', () => {
    const s = [summary('Alpha'), summary('Beta', { share_of_voice: { posts: 0.5, interactions: 0.75, views: null } })]
    expect(shareRows(s, ['posts', 'interactions'])).toEqual([
      { measure: 'By posts', institution: 'Alpha', share: 50 },
      { measure: 'By posts', institution: 'Beta', share: 50 },
      { measure: 'By interactions', institution: 'Alpha', share: 25 },
      { measure: 'By interactions', institution: 'Beta', share: 75 }
    ])
    const chart = shareOfVoiceChart(s, ctx())
    expect(chart.notes).toEqual(['No views data for any institution: share by views not drawn.'])
    expect(chart.options.ariaDescription).toContain('By interactions: Alpha 25.0%, Beta 75.0%')
  })
})
