/**
 * Topics: named keyword rules ("vaccination": vaccine, vaccination, flu shot) matched in post text case- and
 * accent-insensitively, and the per-institution figures computed from them. Shared by the engine, the CLI
 * (`socialbench topics`) and the dashboard.
 */
import { z } from 'zod'
import type { EngagementConvention } from './metrics'

/** Keywords that match only posts in one language (`language`: an ISO 639 code, 'es'). */
export interface LanguageKeywords {
  language: string
  keywords: string[]
}

export interface Topic {
  topicId: number
  name: string
  /** Keywords that match a post in any language. */
  keywords: string[]
  /**
   * Keywords per language, a language at most once: they match the posts of that language and the posts whose
   * language the export does not give (most exports give none), never a post known to be in another language.
   */
  languages: LanguageKeywords[]
}

/**
 * A language as the topics compare it: its primary ISO 639 code, lower-case ("pt-BR" and "pt_br" are "pt", "eng" is
 * "en"), with the codes ISO renamed ("in", "iw", "ji", "tl", "mo") as today's; null for what is not a language
 * (Intl knows no name for it) or says none ("und", "zxx", "mul"). posts.language is written the same way at import,
 * in SQL (canonical/postLanguage.ts), so a rule's "es" meets a post's "es-419".
 */
export function languageCode(text: string): string | null {
  const m = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/.exec(text.trim().toLowerCase())
  if (!m || NOT_A_LANGUAGE.includes(m[1])) return null
  const primary = RENAMED_LANGUAGES[m[1]] ?? m[1]
  try {
    const code = new Intl.Locale(Intl.getCanonicalLocales(primary)[0]).language
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code)
    return name && name !== code ? code : null
  } catch {
    return null
  }
}
/** Codes ISO replaced, as Intl canonicalises them; the import maps a post's language through the same table. */
export const RENAMED_LANGUAGES: Readonly<Record<string, string>> = { in: 'id', iw: 'he', ji: 'yi', tl: 'fil', mo: 'ro' }
/** Codes that say a post has no one language (X also writes private-use q.. codes, such as "qme" for media only). */
export const NOT_A_LANGUAGE: readonly string[] = ['und', 'zxx', 'mul', 'mis']

const keyword = z.string().trim().min(1).max(100)
const language = z
  .string()
  .trim()
  .max(20)
  .refine((s) => languageCode(s) !== null, 'a language is an ISO 639 code such as en, es or pt-BR')
  .transform((s) => languageCode(s)!)

const topicFields = {
  topicId: z.number().int().positive().optional(),
  name: z.string().trim().min(1, 'a topic needs a name').max(100),
  /** Keywords for every language; with `language` (the form of query packs before per-language keywords), that language's. */
  keywords: z.array(keyword).max(100),
  language: language.nullable().optional(),
  languages: z
    .array(z.object({ language, keywords: z.array(keyword).min(1, 'a language needs a keyword').max(100) }).strict())
    .max(50)
    .optional()
}

type TopicFields = {
  keywords: string[]
  language?: string | null
  languages?: LanguageKeywords[]
}
function checkTopic(t: TopicFields, ctx: z.RefinementCtx): void {
  if (!t.keywords.length && !t.languages?.length)
    ctx.addIssue({ code: 'custom', path: ['keywords'], message: 'a topic needs at least one keyword' })
  const seen = new Set<string>(t.language ? [t.language] : [])
  for (const [n, l] of (t.languages ?? []).entries()) {
    if (seen.has(l.language))
      ctx.addIssue({ code: 'custom', path: ['languages', n, 'language'], message: `${l.language} is given twice` })
    seen.add(l.language)
  }
}

export const topicInput = z.object(topicFields).strict().superRefine(checkTopic)

/**
 * A topic rule as a query pack carries it: its name and keywords (per language); never its id or any post. A
 * version 2 pack's `language` was a free label: one that is no language code ("Spanish") leaves the keywords for every
 * language, as migration 10 does with the stored ones.
 */
export const packTopic = z
  .object({
    name: topicFields.name,
    keywords: topicFields.keywords,
    language: z
      .string()
      .max(20)
      .nullable()
      .transform((s) => (s ? languageCode(s) : null))
      .optional(),
    languages: topicFields.languages
  })
  .strict()
  .superRefine(checkTopic)
export type PackTopic = z.infer<typeof packTopic>

/**
 * A rule's keywords as stored: every-language keywords and one entry per language, each trimmed and once. The older
 * form `{ keywords, language: 'es' }` (a label then; query packs of version 2) means those keywords are Spanish.
 */
export function ruleOf(t: TopicFields): { keywords: string[]; languages: LanguageKeywords[] } {
  const once = (ks: string[]) => [...new Set(ks.map((k) => k.trim()).filter(Boolean))]
  const byLanguage = new Map<string, string[]>()
  const add = (l: string, ks: string[]) => byLanguage.set(l, once([...(byLanguage.get(l) ?? []), ...ks]))
  if (t.language) add(t.language, t.keywords)
  for (const l of t.languages ?? []) add(l.language, l.keywords)
  return {
    keywords: t.language ? [] : once(t.keywords),
    languages: [...byLanguage].map(([language, keywords]) => ({ language, keywords }))
  }
}

/**
 * A rule written as one line, as the dashboard's form and `topics add` take it: keywords for every language, then
 * per language after its code and a colon, groups separated by semicolons: "vaccine, flu shot; es: vacuna, gripe".
 */
export function parseRuleText(text: string): { keywords: string[]; languages: LanguageKeywords[] } {
  const split = (s: string) =>
    s
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean)
  const keywords: string[] = []
  const languages: LanguageKeywords[] = []
  for (const group of text.split(';')) {
    const m = /^\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)\s*:(.*)$/.exec(group)
    const code = m ? languageCode(m[1]) : null
    if (m && code) {
      const hit = languages.find((l) => l.language === code)
      if (hit) hit.keywords.push(...split(m[2]))
      else languages.push({ language: code, keywords: split(m[2]) })
    } else keywords.push(...split(group))
  }
  return { keywords, languages: languages.filter((l) => l.keywords.length) }
}

/** The rule as parseRuleText reads it back: "vaccine, flu shot; es: vacuna, gripe". */
export const ruleText = (t: Pick<Topic, 'keywords' | 'languages'>): string =>
  [t.keywords.join(', '), ...t.languages.map((l) => `${l.language}: ${l.keywords.join(', ')}`)]
    .filter(Boolean)
    .join('; ')

export interface TopicRow {
  topicId: number
  topic: string
  posts: number
  /** Of the institution's posts in the range. */
  share: number
  medianInteractions: number | null
  /** Mean per-post engagement rate under the convention; null where it has none. */
  rate: number | null
  /** The institution's rate minus the peer median of the institutions' rates on this topic. */
  vsPeer: number | null
  /** Of all the compared institutions' posts on this topic. */
  shareOfVoice: number
}

export interface InstitutionTopics {
  institution_id: number
  name: string
  color: string
  posts: number
  topics: TopicRow[]
  /** Its most used hashtags in the range, most posts first (at most 10). */
  topHashtags: { tag: string; posts: number }[]
}

export interface TopicReport {
  from: string
  to: string
  convention: EngagementConvention
  topics: Topic[]
  institutions: InstitutionTopics[]
  /** Per topic, the median across institutions of their rates on it (those with posts on it). */
  peer: { topicId: number; topic: string; posts: number; medianRate: number | null }[]
  methods: string[]
}

export const TOPIC_METHODS = [
  'Topic: a post is on a topic when its text contains one of the topic’s keywords, ignoring case and accents (“Vacunación” matches “vacunacion”); a keyword matches inside longer words too, so “vaccin” finds “vaccination”. A post can be on several topics.',
  'Languages: keywords given for a language (es: vacuna) match only posts in that language and posts whose export gives no language; keywords for every language match every post. The X archive and Mastodon give each post’s language; most other exports give none.',
  'Share of posts: the institution’s posts on the topic ÷ all its posts in the range.',
  'Engagement on a topic: the mean per-post engagement rate of those posts under the chosen convention; “vs peer median” subtracts the median of the institutions’ rates on that topic.',
  'Share of voice: the institution’s posts on the topic ÷ all the compared institutions’ posts on it.',
  'Hashtags: taken from the post text when it was imported, lower-cased; a post counts once per tag.'
]

export const TOPIC_HEADER = [
  'institution',
  'topic',
  'posts',
  'share',
  'median_interactions',
  'rate',
  'rate_vs_peer_median',
  'share_of_voice'
]
export const topicRows = (r: TopicReport): (string | number | null)[][] =>
  r.institutions.flatMap((i) =>
    i.topics.map((t) => [i.name, t.topic, t.posts, t.share, t.medianInteractions, t.rate, t.vsPeer, t.shareOfVoice])
  )
