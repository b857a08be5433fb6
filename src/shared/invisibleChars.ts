/**
 * Characters a reader cannot see but a terminal or a text renderer obeys: C0 and C1 controls (ESC sequences that
 * recolour, retitle or clear a terminal), DEL, zero-width and direction marks, the bidirectional embeddings,
 * overrides and isolates (U+202A-202E, U+2066-2069, "Trojan Source") and the byte-order mark.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const INVISIBLE_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g

/** The first invisible character in `s`, as U+XXXX, with its 1-based position; null when there is none. */
export function findInvisible(s: string): { codePoint: string; position: number } | null {
  const m = new RegExp(INVISIBLE_CHARS.source).exec(s)
  if (!m) return null
  return { codePoint: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, position: m.index + 1 }
}
