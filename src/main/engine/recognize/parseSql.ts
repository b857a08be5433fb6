/**
 * SQL expressions that parse export text exactly. Each takes a column (quoted with col()) and yields a typed value
 * or NULL: placeholders ("--", "N/A", "NAN", empty) and spreadsheet errors ("#NAME?") become NULL, never 0.
 */
import { ident, literal } from '../db/sql'

export const col = (name: string): string => `${ident(name)}::VARCHAR`

const PLACEHOLDER_RE = `'^\\s*(|-|--|—|n/?a|nan|null|none|#name\\?|#value!|#ref!|#div/0!|#n/a|#num!|#null!)\\s*$'`

/** True when the text is a placeholder or spreadsheet error (used for warnings). */
export function isBlankSql(expr: string): string {
  return `(${expr} IS NULL OR regexp_matches(lower(${expr}), ${PLACEHOLDER_RE}))`
}

export function isSpreadsheetErrorSql(expr: string): string {
  return `(${expr} IS NOT NULL AND regexp_matches(trim(${expr}), '^#(NAME\\?|VALUE!|REF!|DIV/0!|N/A|NUM!|NULL!)$'))`
}

/**
 * A count (integer by nature): "1938", "1938.0", "1,938", "1.938" (dot thousands), "1 938", "12K"? (not parsed).
 * A dot or comma followed by exactly three digits is a thousands separator, since counts have no fractions: also
 * "1,000" and "1.000" (= 1000, not a float 1.000), which Sprout and CrowdTangle write for round thousands.
 */
export function countSql(expr: string): string {
  const t = `trim(${expr})`
  // Float zeros after a count ("18.0", "1,234.00"); never exactly three digits, which are a thousands group.
  const zeros = `[.,](0{1,2}|0{4,})`
  // Fast path first: plain digits (most values in big exports) take one anchored match and a cast instead of the
  // placeholder test and three patterns (measured: 5x faster over a million rows). TRY_CAST keeps a 25-digit
  // "count" NULL instead of failing the import.
  return `(CASE
    WHEN regexp_full_match(${expr}, '[0-9]+') THEN TRY_CAST(${expr} AS BIGINT)
    WHEN ${isBlankSql(expr)} THEN NULL
    WHEN regexp_matches(${t}, '^[-+]?\\d+(${zeros})?$') THEN TRY_CAST(regexp_extract(${t}, '^[-+]?\\d+') AS BIGINT)
    WHEN regexp_matches(${t}, '^[-+]?\\d{1,3}([.,\\s\u00a0\u202f]\\d{3})+(${zeros})?$') AND NOT regexp_matches(${t}, '^[-+]?\\d{1,3}[.,]\\d{3}${zeros}$')
      THEN TRY_CAST(regexp_replace(regexp_replace(${t}, '${zeros}$', ''), '[.,\\s\u00a0\u202f]', '', 'g') AS BIGINT)
    WHEN regexp_matches(${t}, '^[-+]?\\d{1,3}[.,]\\d{3}${zeros}$') THEN TRY_CAST(regexp_replace(regexp_replace(${t}, '${zeros}$', ''), '[.,]', '', 'g') AS BIGINT)
    ELSE NULL END)`
}

/** A decimal number written with '.' or ',' as decimal separator (the other one, or spaces, as grouping). */
export function decimalSql(expr: string, decimal: '.' | ',' = '.'): string {
  const t = `trim(replace(${expr}, '%', ''))`
  const normalized =
    decimal === '.'
      ? `regexp_replace(${t}, '[,\\s\u00a0\u202f]', '', 'g')`
      : `replace(regexp_replace(${t}, '[.\\s\u00a0\u202f]', '', 'g'), ',', '.')`
  return `(CASE WHEN ${isBlankSql(expr)} THEN NULL ELSE TRY_CAST(${normalized} AS DOUBLE) END)`
}

/** Time-zone abbreviations seen in exports, as UTC offsets in minutes. */
const ZONE_ABBREVIATIONS: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  BRT: -180,
  BRST: -120,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  CET: 60,
  CEST: 120,
  BST: 60,
  EET: 120,
  EEST: 180,
  IST: 330,
  JST: 540,
  AEST: 600,
  AEDT: 660
}

/** strptime formats tried in order for local (zone-less) timestamps. */
export const LOCAL_FORMATS = [
  '%Y-%m-%dT%H:%M:%S',
  '%Y-%m-%d %H:%M:%S',
  '%Y-%m-%dT%H:%M',
  '%Y-%m-%d %H:%M',
  '%Y-%m-%d',
  '%m/%d/%Y %I:%M %p',
  '%m/%d/%Y %H:%M:%S',
  '%m/%d/%Y %H:%M',
  '%m/%d/%Y',
  '%b %d, %Y',
  '%B %d, %Y',
  '%a %b %d %H:%M:%S %Y'
]

/**
 * A timestamp to TIMESTAMPTZ. Handles ISO with 'Z' or an offset ("+0000", "+02:00"), a zone abbreviation suffix
 * ("2021-07-05 18:02:45 BRT"), and local times in `formats`, read in the zone `tzSql` (an SQL string expression).
 */
export function timestampSql(expr: string, tzSql: string, formats: string[] = LOCAL_FORMATS): string {
  const t = `regexp_replace(upper(trim(${expr})), '\\s+', ' ', 'g')`
  const fmtList = `[${formats.map(literal).join(', ')}]`
  const abbrevCase = Object.entries(ZONE_ABBREVIATIONS)
    .map(([k, v]) => `WHEN '${k}' THEN ${v}`)
    .join(' ')
  const zone = `regexp_extract(${t}, ' ([A-Z]{1,4})$', 1)`
  const withoutZone = `regexp_replace(${t}, ' [A-Z]{1,4}$', '')`
  return `(CASE
    ${isoFastPaths(expr, tzSql, formats, abbrevCase)}
    WHEN ${isBlankSql(expr)} THEN NULL
    WHEN regexp_matches(${t}, '^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?( ?(Z|[+-]\\d{2}:?\\d{2}))$')
      THEN TRY_CAST(regexp_replace(regexp_replace(${t}, '^(\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2})( |Z|[+-])', '\\1:00\\2'), ' ?([+-]\\d{2}):?(\\d{2})$', '\\1:\\2') AS TIMESTAMPTZ)
    WHEN ${zone} <> '' AND (CASE ${zone} ${abbrevCase} ELSE NULL END) IS NOT NULL
      THEN timezone('UTC', try_strptime(${withoutZone}, ${fmtList}) - to_minutes(CAST(CASE ${zone} ${abbrevCase} END AS BIGINT)))
    ELSE timezone(${tzSql}, try_strptime(${t}, ${fmtList}))
  END)`
}

/**
 * The two shapes that fill big exports, "2021-07-05 18:02:45" and "2021-07-05 18:02:45 EST", checked by character
 * position and cast directly: the general path below (upper, regex, a list of strptime formats) is ten times
 * slower per value and a million-row import pays it per row. Anything else falls through to the general path.
 */
function isoFastPaths(expr: string, tzSql: string, formats: string[], abbrevCase: string): string {
  if (!formats.includes('%Y-%m-%d %H:%M:%S') || !formats.includes('%Y-%m-%dT%H:%M:%S')) return ''
  const at = (i: number, ch: string) => `substr(${expr}, ${i}, 1) = '${ch}'`
  const isoSeconds = `${at(5, '-')} AND ${at(8, '-')} AND substr(${expr}, 11, 1) IN (' ', 'T') AND ${at(14, ':')} AND ${at(17, ':')}`
  const head = `TRY_CAST(left(${expr}, 19) AS TIMESTAMP)`
  const zone = `upper(substr(${expr}, 21))`
  return `WHEN length(${expr}) = 19 AND ${isoSeconds} THEN timezone(${tzSql}, ${head})
    WHEN length(${expr}) BETWEEN 21 AND 24 AND ${isoSeconds} AND ${at(20, ' ')} AND (CASE ${zone} ${abbrevCase} ELSE NULL END) IS NOT NULL
      THEN timezone('UTC', ${head} - to_minutes(CAST(CASE ${zone} ${abbrevCase} END AS BIGINT)))`
}

/** A calendar day. Local timestamps keep their own date; zoned ones are converted to `tzSql` first. */
export function daySql(expr: string, tzSql: string, formats: string[] = LOCAL_FORMATS): string {
  const t = `upper(trim(${expr}))`
  const fmtList = `[${formats.map(literal).join(', ')}]`
  return `(CASE
    WHEN ${isBlankSql(expr)} THEN NULL
    WHEN regexp_matches(${t}, '(Z|[+-]\\d{2}:?\\d{2})$') THEN CAST(timezone(${tzSql}, ${timestampSql(expr, tzSql, formats)}) AS DATE)
    ELSE CAST(try_strptime(${t}, ${fmtList}) AS DATE)
  END)`
}

/**
 * Trimmed text, NULL when blank. trim() is only called on values that start or end with a space: it is
 * Unicode-aware and costs more per value than the whole rest of a typical parse.
 */
export function textSql(expr: string): string {
  return `(CASE WHEN ${expr} IS NULL THEN NULL
    WHEN starts_with(${expr}, ' ') OR ends_with(${expr}, ' ') THEN nullif(trim(${expr}), '')
    ELSE nullif(${expr}, '') END)`
}
