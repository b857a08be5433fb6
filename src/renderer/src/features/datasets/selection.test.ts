import { describe, expect, it } from 'vitest'
import { cellCount, inRange, moveSelection, rangeOf, selectAll, single } from './selection'

const b = { rows: 100, cols: 5, page: 10 }
const none = { shift: false, ctrl: false }
const shift = { shift: true, ctrl: false }
const ctrl = { shift: false, ctrl: true }

describe('moveSelection', () => {
  it('starts on the first cell, then moves with arrows inside the bounds', () => {
    const first = moveSelection(null, 'ArrowDown', none, b)
    expect(first).toEqual(single({ row: 0, col: 0 }))
    expect(moveSelection(first, 'ArrowDown', none, b)).toEqual(single({ row: 1, col: 0 }))
    expect(moveSelection(first, 'ArrowUp', none, b)).toEqual(single({ row: 0, col: 0 }))
    expect(moveSelection(single({ row: 3, col: 4 }), 'ArrowRight', none, b)).toEqual(single({ row: 3, col: 4 }))
  })

  it('extends from the anchor with Shift', () => {
    const s = moveSelection(moveSelection(single({ row: 2, col: 1 }), 'ArrowDown', shift, b), 'ArrowRight', shift, b)
    expect(s).toEqual({ anchor: { row: 2, col: 1 }, focus: { row: 3, col: 2 } })
    expect(rangeOf(s!)).toEqual({ top: 2, bottom: 3, left: 1, right: 2 })
    expect(cellCount(rangeOf(s!))).toBe(4)
  })

  it('jumps to edges with Ctrl, by pages, and to the corners', () => {
    expect(moveSelection(single({ row: 5, col: 2 }), 'ArrowDown', ctrl, b)?.focus).toEqual({ row: 99, col: 2 })
    expect(moveSelection(single({ row: 5, col: 2 }), 'PageDown', none, b)?.focus).toEqual({ row: 15, col: 2 })
    expect(moveSelection(single({ row: 5, col: 2 }), 'PageUp', none, b)?.focus).toEqual({ row: 0, col: 2 })
    expect(moveSelection(single({ row: 5, col: 2 }), 'End', ctrl, b)?.focus).toEqual({ row: 99, col: 4 })
    expect(moveSelection(single({ row: 5, col: 2 }), 'Home', none, b)?.focus).toEqual({ row: 5, col: 0 })
    expect(moveSelection(single({ row: 5, col: 2 }), 'x', none, b)).toBeNull()
  })

  it('selects everything and tests membership', () => {
    const r = rangeOf(selectAll(100, 5))
    expect(r).toEqual({ top: 0, bottom: 99, left: 0, right: 4 })
    expect(inRange(r, 99, 4)).toBe(true)
    expect(inRange(rangeOf(single({ row: 1, col: 1 })), 1, 2)).toBe(false)
  })
})
