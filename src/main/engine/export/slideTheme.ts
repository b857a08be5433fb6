/**
 * The slide theme of exported charts: light background and large type whatever the app's theme, institution colours
 * kept. Sizes scale with the image's logical width so a 1280-wide slide and a 640-wide chart both read well.
 */
export const SLIDE = {
  background: '#ffffff',
  text: '#1d2430',
  muted: '#5b6472',
  rule: '#d5d9e0'
} as const

export interface TypeScale {
  pad: number
  title: number
  subtitle: number
  legend: number
  axis: number
  footnote: number
}

/** Type sizes in logical px for an image `width` wide (1280 → 32 px titles, 16 px axes). */
export function typeScale(width: number): TypeScale {
  const u = Math.min(1.5, Math.max(0.6, width / 1280))
  const r = (v: number) => Math.round(v * u)
  return { pad: r(40), title: r(32), subtitle: r(20), legend: r(18), axis: r(16), footnote: r(14) }
}

/** Greedy word wrap by an estimate of Liberation Sans widths (no text measurement in Node without a canvas). */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  const width = (s: string) => [...s].reduce((w, ch) => w + charWidth(ch), 0) * fontSize
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word
    if (line && width(next) > maxWidth) {
      lines.push(line)
      line = word
    } else line = next
  }
  if (line) lines.push(line)
  return lines
}

/** Approximate advance widths in em; a little generous so wrapped text never overflows the image. */
export function charWidth(ch: string): number {
  if ("iljtf.,:;|!'’ ".includes(ch)) return 0.3
  if ('mwMW@%'.includes(ch)) return 0.85
  if (/[A-Z0-9]/.test(ch)) return 0.64
  return 0.54
}

export function textWidth(s: string, fontSize: number): number {
  return [...s].reduce((w, ch) => w + charWidth(ch), 0) * fontSize
}
