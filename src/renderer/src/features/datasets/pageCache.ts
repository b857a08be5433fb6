/**
 * A tiny LRU for decoded result pages: the grid keeps at most `capacity` pages, so memory stays flat
 * however far the user scrolls through millions of rows.
 */
export class LruCache<K, V> {
  private readonly map = new Map<K, V>()

  constructor(readonly capacity: number) {
    if (capacity < 1) throw new Error('LRU capacity must be at least 1')
  }

  get size(): number {
    return this.map.size
  }

  has(key: K): boolean {
    return this.map.has(key)
  }

  /** Reading a key makes it the most recently used. */
  get(key: K): V | undefined {
    if (!this.map.has(key)) return undefined
    const value = this.map.get(key) as V
    this.map.delete(key)
    this.map.set(key, value)
    return value
  }

  /** Insert or refresh; evicts the least recently used entries past capacity and returns their keys. */
  set(key: K, value: V): K[] {
    this.map.delete(key)
    this.map.set(key, value)
    const evicted: K[] = []
    while (this.map.size > this.capacity) {
      const oldest = this.map.keys().next().value as K
      this.map.delete(oldest)
      evicted.push(oldest)
    }
    return evicted
  }

  delete(key: K): boolean {
    return this.map.delete(key)
  }

  clear(): void {
    this.map.clear()
  }

  keys(): K[] {
    return [...this.map.keys()]
  }
}

export const PAGE_SIZE = 200
export const MAX_PAGES = 10

/** Pages [first, last] that hold rows [firstRow, lastRow]. */
export function pagesForRows(firstRow: number, lastRow: number, pageSize = PAGE_SIZE): number[] {
  if (lastRow < firstRow) return []
  const pages: number[] = []
  for (let p = Math.floor(firstRow / pageSize); p <= Math.floor(lastRow / pageSize); p++) pages.push(p)
  return pages
}
