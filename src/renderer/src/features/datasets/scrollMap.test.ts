import { describe, expect, it } from 'vitest'
import { MAX_SCROLL_HEIGHT, scrollSpace, toRealOffset, toRealPosition, toVirtualOffset, visibleRows } from './scrollMap'

const ROW = 28
const HEADER = 44

describe('scroll mapping', () => {
  it('is the identity below the cap', () => {
    const s = scrollSpace(HEADER + 1000 * ROW, 600)
    expect(s.realHeight).toBe(s.virtualHeight)
    expect(toVirtualOffset(1234, s)).toBe(1234)
    expect(toRealOffset(1234, s)).toBe(1234)
    expect(toRealPosition(HEADER + 50 * ROW, 1234, s)).toBe(HEADER + 50 * ROW)
  })

  it('caps the real height for 10 million rows and keeps both ends reachable', () => {
    const rows = 10_000_000
    const viewport = 700
    const s = scrollSpace(HEADER + rows * ROW, viewport)
    expect(s.realHeight).toBe(MAX_SCROLL_HEIGHT)
    expect(toVirtualOffset(0, s)).toBe(0)

    const realMax = s.realHeight - viewport
    const virtualTop = toVirtualOffset(realMax, s)
    expect(virtualTop).toBeCloseTo(s.virtualHeight - viewport, 3)
    // The virtual content includes the header as padding, so row i starts at HEADER + i × ROW.
    const { last } = visibleRows(virtualTop, viewport, ROW, HEADER, rows)
    expect(last).toBe(rows - 1)
    // The last row is drawn inside the real canvas, flush with the viewport bottom.
    const lastTop = toRealPosition(HEADER + (rows - 1) * ROW, realMax, s)
    expect(lastTop + ROW).toBeCloseTo(realMax + viewport, 3)
    expect(lastTop + ROW).toBeLessThanOrEqual(s.realHeight + 1e-6)
  })

  it('round-trips and stays monotonic', () => {
    const s = scrollSpace(HEADER + 3_000_000 * ROW, 500)
    let prev = -1
    for (let real = 0; real <= s.realHeight - 500; real += 99_991) {
      const v = toVirtualOffset(real, s)
      expect(v).toBeGreaterThan(prev)
      prev = v
      expect(toRealOffset(v, s)).toBeCloseTo(real, 6)
    }
  })

  it('clamps overscroll', () => {
    const s = scrollSpace(HEADER + 10 * ROW, 600)
    expect(toVirtualOffset(-50, s)).toBe(0)
    expect(toVirtualOffset(5000, s)).toBe(0) // content shorter than viewport
  })

  it('computes the visible rows', () => {
    expect(visibleRows(0, 600, ROW, HEADER, 0)).toEqual({ first: 0, last: -1 })
    expect(visibleRows(0, HEADER + 10 * ROW, ROW, HEADER, 100)).toEqual({ first: 0, last: 9 })
    expect(visibleRows(5 * ROW, HEADER + 10 * ROW, ROW, HEADER, 12)).toEqual({ first: 5, last: 11 })
  })
})
