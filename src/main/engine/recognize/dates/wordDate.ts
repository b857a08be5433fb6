/**
 * Full dates written the way a UI language writes them, as SQL: "28 sept. 2026" (fr), "27. Mai 2025" (de),
 * "8 de marzo de 2025" (es, pt), "May 27, 2025", "2025年5月27日" (ja, zh), "27.05.2025" (de numeric). Exports
 * localise these freely (YouTube Studio's "Video publish time" in a French UI) while their other dates stay ISO.
 * The month words are calendarWords()' (the runtime's own locale data), so a language added there is read here too.
 * A value none of the shapes fits is NULL, and callers reject its row naming the value: a date is never guessed.
 * Slash dates ("01/09/2026") are not read here: whether they are day- or month-first only the file can tell.
 */
import { literal } from '../../db/sql'
import { calendarWords } from './calendarWords'

/** CASE over every month word (folded: lower case, accents and trailing dots off) → 1..12, else NULL. */
function monthNumberSql(word: string): string {
  const folded = `rtrim(strip_accents(lower(${word})), '.')`
  const whens = [...calendarWords().months].map(([w, m]) => `WHEN ${literal(w)} THEN ${m}`).join(' ')
  return `(CASE ${folded} ${whens} ELSE NULL END)`
}

const ymd = (y: string, m: string, d: string) => `try_strptime(concat_ws('-', ${y}, ${m}, ${d}), '%Y-%m-%d')::DATE`

/** The day a localised date names, as DATE; NULL when it is not one of the shapes above (or not a real day). */
export function wordDaySql(expr: string): string {
  // One space between parts, no comma before the year: "May 27, 2025" → "may 27 2025".
  const t = `regexp_replace(regexp_replace(trim(${expr}), '[\\s\u00a0\u202f]+', ' ', 'g'), ',', '', 'g')`
  const dayFirst = `'^(\\d{1,2})\\.? (?:de )?([^\\d ]+) (?:de )?(\\d{4})$'`
  const monthFirst = `'^([^\\d ]+) (\\d{1,2}) (\\d{4})$'`
  const cjk = `'^(\\d{4}) ?[年년] ?(\\d{1,2}) ?[月월] ?(\\d{1,2}) ?[日일]$'`
  const dotted = `'^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})$'`
  const part = (re: string, i: number) => `regexp_extract(${t}, ${re}, ${i})`
  return `(CASE
    WHEN regexp_matches(${t}, ${dayFirst}) THEN ${ymd(part(dayFirst, 3), monthNumberSql(part(dayFirst, 2)), part(dayFirst, 1))}
    WHEN regexp_matches(${t}, ${monthFirst}) THEN ${ymd(part(monthFirst, 3), monthNumberSql(part(monthFirst, 1)), part(monthFirst, 2))}
    WHEN regexp_matches(${t}, ${cjk}) THEN ${ymd(part(cjk, 1), part(cjk, 2), part(cjk, 3))}
    WHEN regexp_matches(${t}, ${dotted}) THEN ${ymd(part(dotted, 3), part(dotted, 2), part(dotted, 1))}
    ELSE NULL END)`
}
