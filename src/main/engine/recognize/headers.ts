/** Header matching that survives BOMs, quotes, case and stray spaces, which exports add freely. */

const MAX_HEADER_CHARS = 1024

export function normalizeHeader(name: string): string {
  // No export has a header this long: it is a huge field read as a header. Left whole, every recognizer's
  // comparisons re-normalised megabytes (minutes of regex and GC for a 1.5 MB field); cut, it still matches nothing.
  if (name.length > MAX_HEADER_CHARS) return name.slice(0, MAX_HEADER_CHARS)
  return (
    name
      .replace(/^\uFEFF/, '')
      // NFKC: one form for "é" typed or decomposed, and Japanese full-width "（単位: 時間）" = "(単位: 時間)".
      .normalize('NFKC')
      // German YouTube Studio headers carry soft hyphens ("Veröffent\u00adlichungs…") that no one sees.
      .replace(/\u00AD/g, '')
      .trim()
      .replace(/\s+/g, ' ')
      .toLowerCase()
  )
}

/** True when every one of `required` is among the columns (case-insensitive). */
export function hasColumns(columns: string[], required: string[]): boolean {
  const set = new Set(columns.map(normalizeHeader))
  return required.every((r) => set.has(normalizeHeader(r)))
}

/** The actual column name in the file for a wanted name (case-insensitive), or null. */
export function findColumn(columns: string[], ...wanted: string[]): string | null {
  for (const w of wanted) {
    const hit = columns.find((c) => normalizeHeader(c) === normalizeHeader(w))
    if (hit !== undefined) return hit
  }
  return null
}
