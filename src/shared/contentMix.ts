/**
 * Content mix and timing: per institution, posts and engagement by kind of post (video, photo, link…), and a
 * weekday × hour grid of the MEDIAN interactions per post in each account's own time zone. Shared by the engine, the
 * CLI (`socialbench mix`) and the dashboard.
 */
import type { EngagementConvention } from './metrics'

/** Kinds of post, in the order charts and tables list them. */
export const POST_KINDS = [
  'video',
  'reel',
  'photo',
  'carousel',
  'link',
  'text',
  'story',
  'reply',
  'repost',
  'other',
  'unknown'
] as const
export type PostKind = (typeof POST_KINDS)[number]

export const POST_KIND_LABELS: Record<PostKind, string> = {
  video: 'Video',
  reel: 'Reel / short',
  photo: 'Photo',
  carousel: 'Carousel / album',
  link: 'Link',
  text: 'Text',
  story: 'Story',
  reply: 'Reply',
  repost: 'Repost',
  other: 'Other',
  unknown: 'Type not exported'
}

/**
 * How the exports' own post types map to a kind, first match wins, on the lower-cased type: `contains` matches a
 * part of it, `equals` the whole ("tweet" and "post" say only that it is a post, so they are kinds unknown).
 * Examples: Meta "Native Video", "Live Video Complete" → video; CrowdTangle "Album" → carousel; "Status" → text.
 */
export const POST_KIND_RULES: { kind: PostKind; contains?: string[]; equals?: string[] }[] = [
  { kind: 'reel', contains: ['reel', 'short'] },
  { kind: 'story', contains: ['story', 'stories'] },
  { kind: 'carousel', contains: ['carousel', 'album', 'multi'] },
  { kind: 'video', contains: ['video', 'live'] },
  { kind: 'photo', contains: ['photo', 'image', 'picture'] },
  { kind: 'link', contains: ['link'] },
  { kind: 'text', contains: ['status', 'text'] },
  { kind: 'reply', contains: ['reply', 'comment'] },
  { kind: 'repost', contains: ['retweet', 'repost', 'boost', 'share'] },
  { kind: 'unknown', equals: ['', 'tweet', 'post', 'posts'] }
]

export interface KindRow {
  kind: PostKind
  posts: number
  /** Of the institution's posts in the range. */
  postShare: number
  /** Sum over the kind's posts with a count; null when none has one. */
  interactions: number | null
  /** Of the institution's interactions; null when it has none. */
  interactionShare: number | null
  medianInteractions: number | null
  /** Mean per-post engagement rate under the convention; null where the convention has no per-post rate. */
  rate: number | null
}

export interface HeatCell {
  /** 0 = Monday … 6 = Sunday, in the account's own time zone. */
  weekday: number
  hour: number
  posts: number
  /** Median interactions of the slot's posts that have a count; null when none has. */
  medianInteractions: number | null
  /** Median per-post rate under the convention; null where none. */
  medianRate: number | null
}

export interface InstitutionMix {
  institution_id: number
  name: string
  color: string
  posts: number
  /** Median interactions of all its posts with a count: the "typical post" the heatmap compares each slot with. */
  medianInteractions: number | null
  /** The time zones of its accounts on the chosen platforms (the heatmap's hours are local to each). */
  timeZones: string[]
  kinds: KindRow[]
  heatmap: HeatCell[]
}

export interface ContentMix {
  from: string
  to: string
  convention: EngagementConvention
  institutions: InstitutionMix[]
  /** Every post type of the exports in scope and the kind it was counted as (the methodology lists them). */
  types: { platform: string; postType: string | null; kind: PostKind; posts: number }[]
  methods: string[]
}

export const CONTENT_MIX_METHODS = [
  'Kind of post: the type the export gives, mapped to video, reel, photo, carousel, link, text, story, reply or repost; a type that says only "tweet" or "post", or none, is "type not exported".',
  'Share of posts: the kind’s posts ÷ all the institution’s posts in the range; share of interactions likewise with the interactions.',
  'Median interactions: half of the posts of that kind (or that slot) had more, half fewer; one viral post does not move it as it moves an average.',
  'Weekday × hour: each post is placed at its publication time in its account’s own time zone (daylight saving included); a slot shows the median interactions of its posts and how many posts it holds, and the chart colours it by that median ÷ the institution’s median over all its posts (2× = twice its typical post), so a small and a large institution read on one scale.',
  'Rate: the mean per-post engagement rate under the chosen convention; the average-audience convention has no per-post rate, so it is left empty.'
]

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

export const MIX_KIND_HEADER = [
  'institution',
  'kind',
  'posts',
  'post_share',
  'interactions',
  'interaction_share',
  'median_interactions',
  'rate'
]
/** A row per institution and kind of post (shares and rates as fractions). */
export const mixKindRows = (c: ContentMix): (string | number | null)[][] =>
  c.institutions.flatMap((i) =>
    i.kinds.map((k) => [
      i.name,
      k.kind,
      k.posts,
      k.postShare,
      k.interactions,
      k.interactionShare,
      k.medianInteractions,
      k.rate
    ])
  )

export const MIX_TIME_HEADER = ['institution', 'weekday', 'hour', 'posts', 'median_interactions', 'median_rate']
/** A row per institution and weekday × hour slot with posts (local time of each account). */
export const mixTimeRows = (c: ContentMix): (string | number | null)[][] =>
  c.institutions.flatMap((i) =>
    i.heatmap.map((h) => [i.name, WEEKDAY_NAMES[h.weekday], h.hour, h.posts, h.medianInteractions, h.medianRate])
  )
