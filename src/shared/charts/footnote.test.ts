import { describe, expect, it } from 'vitest'
import type { BenchmarkResult } from '../benchmark'
import { conventionLabel } from './chartDefs'
import { footnote } from './footnote'

const result = (over: Partial<BenchmarkResult['scope']> = {}, sources = ['a.csv', 'b.csv']): BenchmarkResult =>
  ({
    scope: {
      from: '2024-01-01',
      to: '2024-06-30',
      platforms: ['x'],
      convention: 'followers_at_post',
      maxGapDays: 7,
      k: 2,
      institutions: [],
      ...over
    },
    methodology: { posts: 12345, accounts: 4, sources, gaps: [] }
  }) as unknown as BenchmarkResult

describe('footnote', () => {
  it('names metric, range, posts, accounts and sources', () => {
    expect(footnote(result(), 'followers')).toBe(
      'Followers · 2024-01-01 to 2024-06-30 · 12,345 posts, 4 accounts · sources: a.csv, b.csv'
    )
  })

  it('names the convention on charts it shapes', () => {
    expect(footnote(result({ convention: 'views' }), 'engagement')).toBe(
      'Engagement rate by views · engagement by views — TikTok, YouTube · 2024-01-01 to 2024-06-30 · 12,345 posts, 4 accounts · sources: a.csv, b.csv'
    )
    expect(footnote(result({ k: 1.5 }), 'breakouts')).toContain('k = 1.5')
  })

  it('shortens long source lists and says when there are none', () => {
    expect(footnote(result({}, ['1', '2', '3', '4', '5']), 'indexed')).toContain('sources: 1, 2 and 3 more')
    expect(footnote(result({}, []), 'indexed')).toContain('no source files')
  })

  it('labels conventions with who uses them', () => {
    expect(conventionLabel('followers_at_post')).toBe('by followers at post time — Rival IQ, CrowdTangle')
    expect(conventionLabel('avg_followers')).toBe('by average audience — Quintly I-Rate')
  })
})
