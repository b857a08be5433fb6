/**
 * A post's language as the export gives it (X archive "lang", Mastodon's contentMap key), written as topics compare
 * languages (shared/topics.ts languageCode): the primary ISO 639 code in lower case ("es-419" → "es"), the codes ISO
 * renamed as today's ("iw" → "he"), and NULL for codes that name no one language ("und", "zxx", X's private-use
 * "qme" for media only). The JS side also turns three-letter codes into two ("eng" → "en") through Intl; the exports
 * read here write two-letter codes, so SQL leaves three-letter ones as they are.
 */
import { literal } from '../db/sql'
import { NOT_A_LANGUAGE, RENAMED_LANGUAGES } from '../../../shared/topics'

export function postLanguageSql(code: string): string {
  const primary = `regexp_extract(lower(trim(${code})), '^([a-z]{2,3})([-_][a-z0-9]+)*$', 1)`
  const renamed = Object.entries(RENAMED_LANGUAGES)
    .map(([from, to]) => `WHEN ${literal(from)} THEN ${literal(to)}`)
    .join(' ')
  // One evaluation of the pattern per row: the code goes through a one-element list's lambda.
  return `list_transform([${primary}], l -> CASE WHEN l = '' OR l IN (${NOT_A_LANGUAGE.map(literal).join(', ')}) OR l BETWEEN 'qaa' AND 'qtz' THEN NULL
    ELSE CASE l ${renamed} ELSE l END END)[1]`
}
