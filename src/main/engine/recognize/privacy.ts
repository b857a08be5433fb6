/**
 * Personal data removed before anything is written: the raw table and the canonical tables are built from the
 * same SELECT, so what is redacted here never reaches the workspace file.
 */
import type { PrivacyOptions } from '../../../shared/types'
import { ident, literal } from '../db/sql'
import type { PrivacyColumns } from './types'

export const DEFAULT_PRIVACY: PrivacyOptions = { text: 'keep', people: 'keep' }

/** Patterns replaced in post text when redacting; each is counted in the import report. */
export const REDACTIONS: { kind: string; pattern: string; replacement: string }[] = [
  { kind: 'e-mail address', pattern: '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}', replacement: '[email]' },
  { kind: 'phone number', pattern: '(\\+?\\(?\\d[\\d ()./-]{7,}\\d)', replacement: '[phone]' },
  { kind: '@handle', pattern: '(^|[^A-Za-z0-9_])@[A-Za-z0-9_]{2,30}', replacement: '\\1@[handle]' },
  // A person's name is only recognisable with a title in front ("Dr. Jane Smith", "Mrs Okafor"): names without
  // one cannot be told from place or product names by a pattern, so they are left for the user to review.
  {
    kind: 'titled name',
    pattern: '\\b(Dr|Mr|Mrs|Ms|Mx|Prof|Nurse|Dra|Sr|Sra|Herr|Frau)\\.? [A-Z][a-zà-ÿ]+( [A-Z][a-zà-ÿ]+)?',
    replacement: '[name]'
  }
]

export function redactSql(expr: string): string {
  return REDACTIONS.reduce(
    (acc, r) => `regexp_replace(${acc}, ${literal(r.pattern)}, ${literal(r.replacement)}, 'g')`,
    expr
  )
}

export interface PrivacySelect {
  /** SELECT list over the raw source, in column order (dropped columns left out). */
  list: string[]
  /** Columns whose values were changed, to count redactions after the table exists. */
  touched: { column: string; kind: 'text' | 'people' }[]
}

export function privacySelect(
  columns: string[],
  privacy: PrivacyOptions,
  cols: PrivacyColumns | undefined,
  salt: string
): PrivacySelect {
  const text = new Set(cols?.text ?? [])
  const people = new Set(cols?.people ?? [])
  const list: string[] = []
  const touched: PrivacySelect['touched'] = []
  for (const c of columns) {
    const q = ident(c)
    if (text.has(c) && privacy.text !== 'keep') {
      touched.push({ column: c, kind: 'text' })
      list.push(privacy.text === 'drop' ? `CAST(NULL AS VARCHAR) AS ${q}` : `${redactSql(`${q}::VARCHAR`)} AS ${q}`)
    } else if (people.has(c) && privacy.people !== 'keep') {
      touched.push({ column: c, kind: 'people' })
      list.push(
        privacy.people === 'drop'
          ? `CAST(NULL AS VARCHAR) AS ${q}`
          : `CASE WHEN ${q} IS NULL THEN NULL ELSE 'person-' || left(sha256(${literal(salt)} || ${q}::VARCHAR), 12) END AS ${q}`
      )
    } else {
      list.push(q)
    }
  }
  return { list, touched }
}

/**
 * How many values each privacy step changed, counted on the source before it is stored: one scan of the file for
 * every count (a UNION of one scan per column and pattern read the file a dozen times, each with its own buffers).
 */
export function redactionCountSql(
  source: string,
  touched: PrivacySelect['touched'],
  privacy: PrivacyOptions
): string | null {
  const kinds: string[] = []
  const sums: string[] = []
  for (const t of touched) {
    const q = `${ident(t.column)}::VARCHAR`
    if (t.kind === 'people' || privacy.text === 'drop') {
      kinds.push(
        t.kind === 'people'
          ? `${t.column}: ${privacy.people === 'drop' ? 'dropped' : 'hashed'}`
          : `${t.column}: text dropped`
      )
      sums.push(`count(${q})`)
    } else {
      for (const r of REDACTIONS) {
        kinds.push(r.kind)
        sums.push(`coalesce(sum(len(regexp_extract_all(${q}, ${literal(r.pattern)}))), 0)`)
      }
    }
  }
  if (!sums.length) return null
  const counts = `SELECT ${sums.map((e, i) => `CAST(${e} AS BIGINT) AS c${i}`).join(', ')} FROM ${source}`
  return `SELECT kind, sum(n)::BIGINT AS n FROM (
      SELECT unnest([${kinds.map(literal).join(', ')}]) AS kind, unnest([${sums.map((_, i) => `c${i}`).join(', ')}]) AS n FROM (${counts})
    ) GROUP BY kind HAVING sum(n) > 0 ORDER BY kind`
}
