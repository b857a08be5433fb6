/**
 * Counts in words, one source for the import report, the toast and the lists: "1 post", "30,001 posts",
 * "10 read · 10 new". A file that yields posts and daily rows from the same lines (CrowdTangle's follower count at
 * posting) is counted once, by its posts: adding both kinds gave "10 read · 20 new" for a 10-line file.
 */
import type { RecognitionReport, RowCounts } from './types'

const IRREGULAR: Record<string, string> = { query: 'queries', 'daily row': 'daily rows' }

/** "1 post", "30,001 posts", "0 posts". */
export function countOf(n: number, noun: string, plural: string = IRREGULAR[noun] ?? `${noun}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : plural}`
}

/** The kind the file's lines became: posts when it has any, else daily rows. */
export function primaryCounts(
  r: Pick<RecognitionReport, 'posts' | 'daily'>
): { kind: 'posts' | 'daily'; counts: RowCounts } | null {
  if (r.posts) return { kind: 'posts', counts: r.posts }
  if (r.daily) return { kind: 'daily', counts: r.daily }
  return null
}

function stored(c: RowCounts | null): number {
  return c ? c.new + c.updated + c.unchanged : 0
}

/** What landed, by kind: "10 posts, 10 daily rows"; "nothing stored" when neither. */
export function landedWords(r: Pick<RecognitionReport, 'posts' | 'daily'>): string {
  const parts = [
    r.posts ? countOf(stored(r.posts), 'post') : null,
    r.daily ? countOf(stored(r.daily), 'daily row') : null
  ].filter((p): p is string => p !== null)
  return parts.length ? parts.join(', ') : 'nothing stored'
}

/** The report's line of counts, in file lines: "10 read · 10 new · 0 updated · 0 unchanged · 0 rejected". */
export function countsLine(r: Pick<RecognitionReport, 'posts' | 'daily' | 'rowsRead' | 'rowsRejected'>): string {
  const p = primaryCounts(r)?.counts ?? { new: 0, updated: 0, unchanged: 0 }
  const f = (n: number) => n.toLocaleString('en-US')
  return `${f(r.rowsRead)} read · ${f(p.new)} new · ${f(p.updated)} updated · ${f(p.unchanged)} unchanged · ${f(r.rowsRejected)} rejected`
}

/** The toast after an import: the same counts as the report's first line, and what landed. */
export function importToast(
  name: string,
  rows: number,
  r: Pick<RecognitionReport, 'posts' | 'daily' | 'rowsRead' | 'rowsRejected'> | null
): string {
  if (!r) return `Imported “${name}”: ${countOf(rows, 'row')} as a plain table`
  const p = primaryCounts(r)?.counts
  return `Imported “${name}”: ${r.rowsRead.toLocaleString('en-US')} read · ${(p?.new ?? 0).toLocaleString('en-US')} new · ${landedWords(r)}`
}
