/**
 * Hashtags and @mentions of a post, extracted from its text when it is written (the import's upsert, and once for the
 * stored posts by migration 9), so topic and hashtag queries read a column rather than run a regex over every text.
 * Lower-cased, each once, sorted. A tag starts after the start of the text or a character that is not a letter,
 * digit or underscore (so `page#section` in a URL is none); a mention also not after `.` or `@` (so an e-mail
 * address is none). Letters and digits of any script count (`#Vacunación`). Text redacted or dropped on import has
 * none of what was removed.
 */
const WORD = String.raw`[\p{L}\p{N}_]`
const TAG = String.raw`(?:^|[^\p{L}\p{N}_])#(${WORD}+)`
const MENTION = String.raw`(?:^|[^\p{L}\p{N}_@.])@(${WORD}+)`
/** A sign that cannot start a tag because of the character before it: the only case that needs TAG or MENTION. */
const BLOCKED = { '#': String.raw`[\p{L}\p{N}_]#`, '@': String.raw`[\p{L}\p{N}_@.]@` }

// A text without the sign has none: the patterns' leading class makes the regex scan every character (on 300k posts
// 0.16 s of CPU for mentions; a contains() first, 0.03 s), and most posts have no mention and many no hashtag.
// Where no sign follows a character that blocks it (a tag after a space, a line break or the start: most texts), every
// sign followed by tag characters starts one, and a pattern that begins with the sign finds the same tags: RE2 jumps to
// each sign instead of trying the leading class at every position (1M posts with a hashtag each: 1.3 s of CPU for the
// exact pattern, 0.4 s for the check and 0.3 s for this one).
const extract = (text: string, sign: '#' | '@', re: string) => {
  const tags = (pattern: string) =>
    `list_sort(list_distinct(list_transform(regexp_extract_all(${text}, '${pattern}', 1), x -> lower(x))))`
  return `CASE WHEN ${text} IS NULL THEN NULL WHEN NOT contains(${text}, '${sign}') THEN CAST([] AS VARCHAR[])
    WHEN regexp_matches(${text}, '${BLOCKED[sign]}') THEN ${tags(re)} ELSE ${tags(`${sign}(${WORD}+)`)} END`
}

export const hashtagsSql = (text: string): string => extract(text, '#', TAG)
export const mentionsSql = (text: string): string => extract(text, '@', MENTION)
