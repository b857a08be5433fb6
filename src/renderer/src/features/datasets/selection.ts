/**
 * The grid's cell selection as plain data: an anchor (where a range started) and a focus (the active cell), both
 * in visible-column coordinates. Moves follow spreadsheet keys: arrows, Shift to extend, Ctrl to jump to the edge,
 * PageUp/PageDown by a screenful, Home/End along the row, Ctrl+Home/End to the corners.
 */
export interface CellRef {
  row: number
  col: number
}

export interface Selection {
  anchor: CellRef
  focus: CellRef
}

export interface Range {
  top: number
  bottom: number
  left: number
  right: number
}

export function rangeOf(s: Selection): Range {
  return {
    top: Math.min(s.anchor.row, s.focus.row),
    bottom: Math.max(s.anchor.row, s.focus.row),
    left: Math.min(s.anchor.col, s.focus.col),
    right: Math.max(s.anchor.col, s.focus.col)
  }
}

export const inRange = (r: Range, row: number, col: number) =>
  row >= r.top && row <= r.bottom && col >= r.left && col <= r.right

export const cellCount = (r: Range) => (r.bottom - r.top + 1) * (r.right - r.left + 1)

export const single = (cell: CellRef): Selection => ({ anchor: cell, focus: cell })

export const selectAll = (rows: number, cols: number): Selection => ({
  anchor: { row: 0, col: 0 },
  focus: { row: Math.max(0, rows - 1), col: Math.max(0, cols - 1) }
})

export interface Bounds {
  rows: number
  cols: number
  /** Rows in a screenful, for PageUp/PageDown. */
  page: number
}

export interface KeyMods {
  shift: boolean
  ctrl: boolean
}

/** The selection after a navigation key, or null when the key is not one. */
export function moveSelection(s: Selection | null, key: string, mods: KeyMods, b: Bounds): Selection | null {
  if (b.rows <= 0 || b.cols <= 0) return null
  const from = s?.focus ?? { row: 0, col: 0 }
  const lastRow = b.rows - 1
  const lastCol = b.cols - 1
  let { row, col } = from
  switch (key) {
    case 'ArrowDown':
      row = mods.ctrl ? lastRow : row + 1
      break
    case 'ArrowUp':
      row = mods.ctrl ? 0 : row - 1
      break
    case 'ArrowRight':
      col = mods.ctrl ? lastCol : col + 1
      break
    case 'ArrowLeft':
      col = mods.ctrl ? 0 : col - 1
      break
    case 'PageDown':
      row += b.page
      break
    case 'PageUp':
      row -= b.page
      break
    case 'Home':
      if (mods.ctrl) row = 0
      col = 0
      break
    case 'End':
      if (mods.ctrl) row = lastRow
      col = lastCol
      break
    default:
      return null
  }
  const focus = { row: clamp(row, 0, lastRow), col: clamp(col, 0, lastCol) }
  // Without a selection yet, the first key lands on the first cell rather than one past it.
  if (!s) return single({ row: 0, col: 0 })
  return mods.shift ? { anchor: s.anchor, focus } : single(focus)
}

function clamp(v: number, lo: number, hi: number) {
  return Math.min(hi, Math.max(lo, v))
}
