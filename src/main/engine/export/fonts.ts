/**
 * Fonts for exported images. The SVG names them (so a viewer with Arial or Liberation Sans draws the same metrics) and
 * resvg gets the files, because it draws text only with fonts it was handed: Liberation Sans is metric-compatible
 * with Arial, which every slide tool has; DejaVu Sans covers the symbols Liberation lacks (×, →, …).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** The font stack written into every exported SVG. */
export const EXPORT_FONT_FAMILY = "'Liberation Sans', Arial, Helvetica, 'DejaVu Sans', sans-serif"

const DIRS = [
  '/usr/share/fonts/truetype/liberation',
  '/usr/share/fonts/truetype/liberation2',
  '/usr/share/fonts/liberation-sans',
  '/usr/share/fonts/truetype/dejavu',
  '/usr/share/fonts/dejavu'
]
const FILES = ['LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf', 'DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']

export interface ResvgFonts {
  fontFiles: string[]
  loadSystemFonts: boolean
  defaultFontFamily: string
}

let cached: ResvgFonts | null = null

/** Known font files where present (Linux, CI); elsewhere (macOS, Windows) the system fonts, which hold Arial. */
export function resvgFonts(): ResvgFonts {
  if (cached) return cached
  const fontFiles = FILES.flatMap((f) =>
    DIRS.map((d) => join(d, f))
      .filter((p) => existsSync(p))
      .slice(0, 1)
  )
  const hasLiberation = fontFiles.some((f) => f.includes('Liberation'))
  cached = {
    fontFiles,
    loadSystemFonts: !hasLiberation,
    defaultFontFamily: hasLiberation ? 'Liberation Sans' : fontFiles.length ? 'DejaVu Sans' : 'Arial'
  }
  return cached
}
