/**
 * Browsers cap an element's height (about 16.7M px in Chromium; Firefox is lower), and 10M rows × 28 px is
 * 280M px. So the scroller gets at most MAX_SCROLL_HEIGHT of real space, and a real scroll position is
 * mapped linearly onto the full "virtual" content height: top maps to top and bottom maps to bottom, so the
 * first and last rows are always reachable. Below the cap the mapping is the identity.
 */
export const MAX_SCROLL_HEIGHT = 8_000_000

export interface ScrollSpace {
  /** Height the content would need: header + rows × rowHeight. */
  virtualHeight: number
  /** Height actually given to the scroll canvas (≤ cap). */
  realHeight: number
  /** Visible height of the scroller. */
  viewport: number
}

export function scrollSpace(virtualHeight: number, viewport: number, cap = MAX_SCROLL_HEIGHT): ScrollSpace {
  return { virtualHeight, realHeight: Math.min(virtualHeight, cap), viewport }
}

/** How many virtual pixels one real pixel of scrolling moves (1 when not capped). */
export function scrollRatio(s: ScrollSpace): number {
  const realMax = s.realHeight - s.viewport
  const virtualMax = s.virtualHeight - s.viewport
  if (realMax <= 0 || virtualMax <= 0 || s.realHeight === s.virtualHeight) return 1
  return virtualMax / realMax
}

/** Real scrollTop → offset in the full virtual content. Clamped so overscroll bounce never escapes. */
export function toVirtualOffset(realTop: number, s: ScrollSpace): number {
  const virtualMax = Math.max(0, s.virtualHeight - s.viewport)
  return clamp(realTop * scrollRatio(s), 0, virtualMax)
}

/** Virtual offset → real scrollTop (inverse of toVirtualOffset). */
export function toRealOffset(virtualTop: number, s: ScrollSpace): number {
  const realMax = Math.max(0, s.realHeight - s.viewport)
  return clamp(virtualTop / scrollRatio(s), 0, realMax)
}

/**
 * Where to draw an item whose virtual start is `virtualStart`, in the real canvas: relative to the
 * current real scrollTop it sits exactly where it would sit in the uncapped content.
 */
export function toRealPosition(virtualStart: number, realTop: number, s: ScrollSpace): number {
  return realTop + (virtualStart - toVirtualOffset(realTop, s))
}

/** Rows [first, last] whose pixels intersect the viewport below a sticky header. */
export function visibleRows(virtualTop: number, viewport: number, rowHeight: number, header: number, count: number) {
  if (count <= 0) return { first: 0, last: -1 }
  const first = clamp(Math.floor(virtualTop / rowHeight), 0, count - 1)
  const last = clamp(Math.ceil((virtualTop + viewport - header) / rowHeight) - 1, 0, count - 1)
  return { first, last }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v))
}
