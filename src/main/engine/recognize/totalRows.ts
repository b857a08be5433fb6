/**
 * The labels exports put on their aggregate row ("Total" first under the header of YouTube Studio's Table data,
 * last in some workbooks), in the UI languages they ship: a recognizer skips such a row explicitly and says so,
 * instead of loading the channel's sum as one more video or day. Sources per language: docs/export-families.md
 * ("Totals rows in other languages").
 */
import { literal } from '../db/sql'

export const TOTAL_LABELS = [
  'Total',
  'Totals',
  'Gesamt',
  'Insgesamt',
  'Totale',
  'Totales',
  'Totaux',
  'Totaal',
  'Totalt',
  'Suma',
  'Razem',
  'Łącznie',
  'Celkem',
  'Összesen',
  'Yhteensä',
  'I alt',
  'Tổng',
  'Toplam',
  'Итого',
  'Всего',
  '合計',
  '合计',
  '總計',
  '총계',
  '합계',
  'कुल'
] as const

/**
 * Folded for comparison: lower case, no accents, no soft hyphens, spaces trimmed. NFC again after the marks go:
 * NFKD splits Hangul syllables into letters, which DuckDB's strip_accents keeps whole.
 */
const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}|\u00ad/gu, '')
    .normalize('NFC')
    .trim()
    .toLowerCase()
const FOLDED = [...new Set(TOTAL_LABELS.map(fold))]

/** True when a label (the first cell of a row) is one of TOTAL_LABELS in any case. */
export const isTotalLabel = (label: string | null): boolean => label !== null && FOLDED.includes(fold(label))

/** SQL: the text is a total label (NULL-safe, false for NULL). */
export function isTotalLabelSql(expr: string): string {
  return `(lower(strip_accents(trim(replace(coalesce(${expr}, ''), chr(173), '')))) IN (${FOLDED.map(literal).join(', ')}))`
}
