import { describe, expect, it } from 'vitest'
import { LruCache, pagesForRows } from './pageCache'

describe('LruCache', () => {
  it('evicts the least recently used entry', () => {
    const c = new LruCache<number, string>(2)
    c.set(1, 'a')
    c.set(2, 'b')
    expect(c.get(1)).toBe('a') // 1 is now fresher than 2
    expect(c.set(3, 'c')).toEqual([2])
    expect(c.keys()).toEqual([1, 3])
    expect(c.has(2)).toBe(false)
  })

  it('never grows past its capacity', () => {
    const c = new LruCache<number, number>(10)
    for (let i = 0; i < 50_000; i++) c.set(i, i)
    expect(c.size).toBe(10)
    expect(c.keys()).toEqual([49990, 49991, 49992, 49993, 49994, 49995, 49996, 49997, 49998, 49999])
  })

  it('refreshing an existing key does not evict', () => {
    const c = new LruCache<string, number>(2)
    c.set('a', 1)
    c.set('b', 2)
    expect(c.set('a', 3)).toEqual([])
    expect(c.get('a')).toBe(3)
    c.clear()
    expect(c.size).toBe(0)
  })

  it('rejects a zero capacity', () => {
    expect(() => new LruCache(0)).toThrow()
  })
})

describe('pagesForRows', () => {
  it('lists the pages a row range touches', () => {
    expect(pagesForRows(0, 29)).toEqual([0])
    expect(pagesForRows(190, 230)).toEqual([0, 1])
    expect(pagesForRows(9_999_990, 9_999_999)).toEqual([49_999])
    expect(pagesForRows(5, 4)).toEqual([])
  })
})
