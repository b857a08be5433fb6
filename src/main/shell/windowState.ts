/**
 * Remembered window size and position, in a small JSON file in userData. Pure apart from fs, so it is
 * testable without Electron; window.ts passes in the displays' work areas.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  bounds: Rect
  maximized: boolean
}

export const DEFAULT_SIZE = { width: 1280, height: 820 }
export const MIN_SIZE = { width: 720, height: 480 }

export function loadWindowState(file: string): WindowState | null {
  try {
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'))
    return isWindowState(raw) ? raw : null
  } catch {
    return null // first run, or a damaged file: fall back to defaults
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, JSON.stringify(state))
  } catch {
    // Losing the window position is not worth an error.
  }
}

/**
 * The saved bounds if the window would be usable where it was: its title-bar area must overlap a display
 * still attached (monitors get unplugged; a window restored off-screen cannot be grabbed).
 */
export function restorableBounds(state: WindowState | null, workAreas: readonly Rect[]): Rect | null {
  if (!state) return null
  const b = state.bounds
  if (b.width < MIN_SIZE.width || b.height < MIN_SIZE.height) return null
  // The top strip of the window, where the user can grab it.
  const grip: Rect = { x: b.x, y: b.y, width: b.width, height: Math.min(40, b.height) }
  const visible = workAreas.some((a) => overlap(grip, a) >= 40 * 40)
  return visible ? b : null
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

function isWindowState(v: unknown): v is WindowState {
  if (!v || typeof v !== 'object') return false
  const s = v as Partial<WindowState>
  const b = s.bounds as Partial<Rect> | undefined
  const finite = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n)
  return typeof s.maximized === 'boolean' && !!b && finite(b.x) && finite(b.y) && finite(b.width) && finite(b.height)
}
