/** Header matching that survives BOMs, quotes, case and stray spaces, which exports add freely. */
export function normalizeHeader(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase()
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
