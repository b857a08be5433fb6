/**
 * Topics: named keyword rules ("vaccination": vaccine, vaccination, flu shot) matched in post text case- and
 * accent-insensitively, and the per-institution figures computed from them. Shared by the engine, the CLI
 * (`socialbench topics`) and the dashboard.
 */
import { z } from 'zod'
import type { EngagementConvention } from './metrics'

export interface Topic {
  topicId: number
  name: string
  keywords: string[]
  /** The language the keywords are written in (a label: exports carry no post language, so every rule applies). */
  language: string | null
}

export const topicInput = z
  .object({
    topicId: z.number().int().positive().optional(),
    name: z.string().trim().min(1, 'a topic needs a name').max(100),
    keywords: z.array(z.string().trim().min(1).max(100)).min(1, 'a topic needs at least one keyword').max(100),
    language: z.string().trim().min(2).max(20).nullable().optional()
  })
  .strict()

/** A topic rule as a query pack carries it: its name, keywords and language label; never its id or any post. */
export const packTopic = topicInput.omit({ topicId: true })
export type PackTopic = z.infer<typeof packTopic>

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
