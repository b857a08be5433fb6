/**
 * The canonical model: the columns of its tables (the one spec staging, the docs table and the schema test read),
 * and the shapes of institutions, accounts, rejected rows and hand-made column mappings (zod where they arrive
 * over IPC), with the pure helpers both sides need (palette, header signature).
 */
import { z } from 'zod'
import { PLATFORMS, type Platform } from './types'

/**
 * One column of a canonical table, named and typed as DuckDB's DESCRIBE reports it (TIMESTAMPTZ spelled out).
 * `role` says how an import fills it: a `key` is required (a row without it is rejected), a `value` or `metric`
 * comes from the recognizer (NULL when the export lacks it), `import` is the import that last changed the row.
 */
export interface CanonicalColumn {
  name: string
  type: 'VARCHAR' | 'VARCHAR[]' | 'BIGINT' | 'INTEGER' | 'DATE' | 'TIMESTAMP WITH TIME ZONE'
  nullable: boolean
  role: 'key' | 'value' | 'metric' | 'import' | 'attribute' | 'derived'
  /** Shown in the docs table (docs/canonical-model.md) after the name. */
  note?: string
}

const key = (name: string, type: CanonicalColumn['type'] = 'VARCHAR', note?: string): CanonicalColumn => ({
  name,
  type,
  nullable: false,
  role: 'key',
  note
})
const metric = (name: string, note?: string): CanonicalColumn => ({
  name,
  type: 'BIGINT',
  nullable: true,
  role: 'metric',
  note
})
const importId: CanonicalColumn = { name: 'import_id', type: 'INTEGER', nullable: false, role: 'import' }

export const POSTS_COLUMNS: readonly CanonicalColumn[] = [
  key('account_id'),
  key('platform'),
  key('post_id'),
  { name: 'published_at', type: 'TIMESTAMP WITH TIME ZONE', nullable: true, role: 'value', note: 'UTC' },
  { name: 'post_type', type: 'VARCHAR', nullable: true, role: 'value' },
  { name: 'text', type: 'VARCHAR', nullable: true, role: 'value' },
  { name: 'url', type: 'VARCHAR', nullable: true, role: 'value' },
  metric('impressions'),
  metric('reach'),
  metric('views'),
  metric('likes'),
  metric('comments'),
  metric('shares'),
  metric('saves'),
  metric('reactions'),
  metric('clicks'),
  metric('interactions', "the platform's engagement total, per format below"),
  metric('followers_at_post', 'the account’s followers when the post was published'),
  importId,
  // Derived from text when the post is written (canonical/postTags.ts), never by a recognizer.
  {
    name: 'hashtags',
    type: 'VARCHAR[]',
    nullable: true,
    role: 'derived',
    note: 'from the text: lower-case, each once'
  },
  { name: 'mentions', type: 'VARCHAR[]', nullable: true, role: 'derived', note: '@handles in the text, likewise' },
  // Last: migration 10 added it to stored workspaces, and DESCRIBE lists added columns at the end.
  {
    name: 'language',
    type: 'VARCHAR',
    nullable: true,
    role: 'value',
    note: 'ISO 639 code of the post’s language where the export gives one (X archive, Mastodon), else NULL'
  }
]

export const ACCOUNT_DAILY_COLUMNS: readonly CanonicalColumn[] = [
  key('account_id'),
  key('platform'),
  key('day', 'DATE', "the account's local day"),
  metric('followers'),
  metric('followers_gained'),
  metric('followers_lost'),
  metric('impressions'),
  metric('reach'),
  metric('views'),
  metric('profile_visits'),
  importId
]

export const ACCOUNTS_COLUMNS: readonly CanonicalColumn[] = [
  { name: 'account_id', type: 'VARCHAR', nullable: false, role: 'key', note: '`<platform>:<handle or page id>`' },
  { name: 'institution_id', type: 'INTEGER', nullable: true, role: 'attribute' },
  {
    name: 'platform',
    type: 'VARCHAR',
    nullable: false,
    role: 'attribute',
    note: 'x, facebook, instagram, youtube, linkedin, tiktok, mastodon, other'
  },
  { name: 'handle', type: 'VARCHAR', nullable: true, role: 'attribute' },
  { name: 'display_name', type: 'VARCHAR', nullable: true, role: 'attribute' },
  { name: 'time_zone', type: 'VARCHAR', nullable: false, role: 'attribute', note: 'IANA zone, UTC unless set' }
]

export const INSTITUTIONS_COLUMNS: readonly CanonicalColumn[] = [
  { name: 'institution_id', type: 'INTEGER', nullable: false, role: 'key' },
  { name: 'name', type: 'VARCHAR', nullable: false, role: 'attribute' },
  { name: 'color', type: 'VARCHAR', nullable: false, role: 'attribute', note: '#rrggbb' },
  { name: 'kind', type: 'VARCHAR', nullable: true, role: 'attribute' }
]

/** Every canonical table and its columns, in the order DESCRIBE lists them. */
export const CANONICAL_TABLES = {
  institutions: INSTITUTIONS_COLUMNS,
  accounts: ACCOUNTS_COLUMNS,
  posts: POSTS_COLUMNS,
  account_daily: ACCOUNT_DAILY_COLUMNS
} as const

const names = (cols: readonly CanonicalColumn[], ...roles: CanonicalColumn['role'][]) =>
  cols.filter((c) => roles.includes(c.role)).map((c) => c.name)

/** What a recognizer fills in a post and a daily row, besides the keys. */
export const POST_VALUE_COLUMNS: readonly string[] = names(POSTS_COLUMNS, 'value', 'metric')
export const POST_METRICS: readonly string[] = names(POSTS_COLUMNS, 'metric')
export const DAILY_METRICS: readonly string[] = names(ACCOUNT_DAILY_COLUMNS, 'metric')

/**
 * Okabe–Ito, the colour-blind-safe palette (Okabe & Ito 2008), without its black: new institutions take the
 * next colour in this order, so the first eight are distinguishable for every common colour-vision deficiency.
 */
export const INSTITUTION_PALETTE = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#999999'
] as const

export interface Institution {
  institutionId: number
  name: string
  /** '#rrggbb'. */
  color: string
  /** Free text: hospital, clinic network... or null. */
  kind: string | null
  accountCount: number
}

export interface AccountSummary {
  accountId: string
  platform: Platform
  handle: string | null
  displayName: string | null
  institutionId: number | null
  posts: number
  days: number
  /** First and last day with a post or a daily row ('YYYY-MM-DD'), or null when the account has none. */
  firstDate: string | null
  lastDate: string | null
}

export interface AssignmentSuggestion {
  accountId: string
  institutionId: number
  institutionName: string
  /** Shared distinctive name tokens, e.g. ['aurelia']. */
  matched: string[]
}

export interface RejectPage {
  rows: { row: number | null; reason: string }[]
  total: number
}

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb')
const institutionName = z.string().trim().min(1).max(200)

export const institutionInput = z
  .object({ name: institutionName, color: color.optional(), kind: z.string().trim().max(100).nullable().optional() })
  .strict()

export const institutionUpdate = z
  .object({
    institutionId: z.number().int().positive(),
    name: institutionName.optional(),
    color: color.optional(),
    kind: z.string().trim().max(100).nullable().optional()
  })
  .strict()

const column = z.string().min(1).max(300)
/** The metrics "Map columns…" offers: a post's followers at the time is not a column of a post export. */
export const POST_MAPPING_METRICS: readonly string[] = POST_METRICS.filter((m) => m !== 'followers_at_post')
export const DAILY_MAPPING_METRICS: readonly string[] = DAILY_METRICS

/**
 * Which column of an unrecognised file is what. kind 'posts' needs postId (and usually publishedAt); kind 'daily'
 * needs day. account names the column holding the account handle; without it the import's account (or the file
 * name) is used.
 */
export const columnMapping = z
  .object({
    platform: z.enum(PLATFORMS),
    kind: z.enum(['posts', 'daily']),
    account: column.nullable().optional(),
    postId: column.nullable().optional(),
    publishedAt: column.nullable().optional(),
    day: column.nullable().optional(),
    text: column.nullable().optional(),
    url: column.nullable().optional(),
    postType: column.nullable().optional(),
    /** The post's language as a code ("es", "pt-BR"): topics' keywords per language meet it (posts.language). */
    language: column.nullable().optional(),
    /** Columns naming people (commenters, authors): dropped or hashed under the people privacy choice. */
    people: z.array(column).max(50).optional(),
    /** Canonical metric → column. */
    metrics: z.record(z.string(), column)
  })
  .strict()
  .superRefine((m, ctx) => {
    const allowed = m.kind === 'posts' ? POST_MAPPING_METRICS : DAILY_MAPPING_METRICS
    for (const k of Object.keys(m.metrics)) {
      if (!allowed.includes(k)) ctx.addIssue({ code: 'custom', message: `${k} is not a ${m.kind} metric` })
    }
    if (m.kind === 'posts' && !m.postId)
      ctx.addIssue({ code: 'custom', message: 'a posts mapping needs the post id column' })
    if (m.kind === 'daily' && !m.day) ctx.addIssue({ code: 'custom', message: 'a daily mapping needs the day column' })
  })
export type ColumnMapping = z.infer<typeof columnMapping>

/** A header, normalised (BOM, case, spaces) and joined: the key a saved mapping is found by. */
export function headerSignature(columns: string[]): string {
  return columns
    .map((c) =>
      c
        .replace(/^\uFEFF/, '')
        .trim()
        .replace(/\s+/g, ' ')
        .toLowerCase()
    )
    .join('|')
}
