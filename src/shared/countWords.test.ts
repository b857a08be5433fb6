import { describe, expect, it } from 'vitest'
import { countOf, countsLine, importToast, landedWords } from './countWords'

// CrowdTangle's search export: every line is a post and a day of followers at posting.
const crowdTangle = {
  posts: { new: 10, updated: 0, unchanged: 0 },
  daily: { new: 10, updated: 0, unchanged: 0 },
  rowsRead: 10,
  rowsRejected: 0
}

describe('count words', () => {
  it('says 1 post, 30,001 posts, 1 query, 2 daily rows', () => {
    expect(countOf(1, 'post')).toBe('1 post')
    expect(countOf(30001, 'post')).toBe('30,001 posts')
    expect(countOf(0, 'post')).toBe('0 posts')
    expect(countOf(1, 'query')).toBe('1 query')
    expect(countOf(3, 'query')).toBe('3 queries')
    expect(countOf(2, 'daily row')).toBe('2 daily rows')
  })

  it('counts a file that gives posts and daily rows once, by its posts', () => {
    expect(countsLine(crowdTangle)).toBe('10 read · 10 new · 0 updated · 0 unchanged · 0 rejected')
    expect(landedWords(crowdTangle)).toBe('10 posts, 10 daily rows')
  })

  it("the toast carries the report's counts", () => {
    expect(importToast('search.csv', 10, crowdTangle)).toBe(
      'Imported “search.csv”: 10 read · 10 new · 10 posts, 10 daily rows'
    )
    const daily = { posts: null, daily: { new: 0, updated: 484, unchanged: 2 }, rowsRead: 486, rowsRejected: 0 }
    expect(importToast('Visits.csv', 486, daily)).toBe('Imported “Visits.csv”: 486 read · 0 new · 486 daily rows')
    expect(importToast('notes.csv', 1, null)).toBe('Imported “notes.csv”: 1 row as a plain table')
  })
})
