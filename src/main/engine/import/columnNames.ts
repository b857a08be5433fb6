/**
 * Column names for a header that repeats a name. DuckDB renames the second "c" to "c_1" even when the file has its
 * own "c_1" column, which it then renames to "c_1_1": the file's c_1 values end up under another column's name.
 * Here every name the file uses once keeps it, and each repeat gets the first free "_2", "_3"... suffix.
 */

/**
 * The names to read a header with, or null when DuckDB's own are right (no name repeats). `header` is the header
 * record's text; `fallback` DuckDB's names, used for cells the file left empty ("column2").
 */
export function headerNames(header: string[], fallback: string[]): string[] | null {
  if (header.length !== fallback.length) return null
  const wanted = header.map((n, i) => (n.trim() === '' ? fallback[i] : n))
  // DuckDB's identifiers ignore case: "Likes" and "likes" are the same column name.
  const key = (n: string) => n.toLowerCase()
  if (new Set(wanted.map(key)).size === wanted.length) return null
  const taken = new Set<string>()
  const firsts = wanted.map((n) => {
    if (taken.has(key(n))) return null
    taken.add(key(n))
    return n
  })
  // Names used once anywhere in the header are reserved before any repeat is renamed.
  return firsts.map((n, i) => {
    if (n !== null) return n
    for (let k = 2; ; k++) {
      const candidate = `${wanted[i]}_${k}`
      if (!taken.has(key(candidate))) {
        taken.add(key(candidate))
        return candidate
      }
    }
  })
}
