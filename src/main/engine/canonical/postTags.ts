/**
 * Hashtags and @mentions of a post, extracted from its text when it is written (the import's upsert, and once for the
 * stored posts by migration 9), so topic and hashtag queries read a column rather than run a regex over every text.
 * Lower-cased, each once, sorted. A tag starts after the start of the text or a character that is not a letter,
 * digit or underscore (so `page#section` in a URL is none); a mention also not after `.` or `@` (so an e-mail
 * address is none). Letters and digits of any script count (`#Vacunación`). Text redacted or dropped on import has
 * none of what was removed.
 */
const TAG = String.raw`(?:^|[^\p{L}\p{N}_])#([\p{L}\p{N}_]+)`
const MENTION = String.raw`(?:^|[^\p{L}\p{N}_@.])@([\p{L}\p{N}_]+)`

// A text without the sign has none: the patterns' leading class makes the regex scan every character (on 300k posts
// 0.16 s of CPU for mentions; a contains() first, 0.03 s), and most posts have no mention and many no hashtag.
const extract = (text: string, sign: '#' | '@', re: string) =>
  `CASE WHEN ${text} IS NULL THEN NULL WHEN NOT contains(${text}, '${sign}') THEN CAST([] AS VARCHAR[]) ELSE list_sort(list_distinct(list_transform(regexp_extract_all(${text}, '${re}', 1), x -> lower(x)))) END`

export const hashtagsSql = (text: string): string => extract(text, '#', TAG)
export const mentionsSql = (text: string): string => extract(text, '@', MENTION)
