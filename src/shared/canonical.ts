/**
 * Institutions, accounts, rejected rows and hand-made column mappings of the canonical model: their shapes (zod
 * where they arrive over IPC) and the pure helpers both sides need (palette, header signature).
 */
import { z } from 'zod'
import { PLATFORMS, type Platform } from './types'

/**
 * Okabe–Ito, the colour-blind-safe palette (Okabe & Ito 2008), without its black: new institutions take the
 * next colour in this order, so the first eight are distinguishable for every common colour-vision deficiency.
 */
export const INSTITUTION_PALETTE = [
  '#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999'
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
export const POST_MAPPING_METRICS = [
  'impressions', 'reach', 'views', 'likes', 'comments', 'shares', 'saves', 'reactions', 'clicks', 'interactions'
] as const
export const DAILY_MAPPING_METRICS = [
  'followers', 'followers_gained', 'followers_lost', 'impressions', 'reach', 'views', 'profile_visits'
] as const

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
    /** Columns naming people (commenters, authors): dropped or hashed under the people privacy choice. */
    people: z.array(column).max(50).optional(),
    /** Canonical metric → column. */
    metrics: z.record(z.string(), column)
  })
  .strict()
  .superRefine((m, ctx) => {
    const allowed: readonly string[] = m.kind === 'posts' ? POST_MAPPING_METRICS : DAILY_MAPPING_METRICS
    for (const k of Object.keys(m.metrics)) {
      if (!allowed.includes(k)) ctx.addIssue({ code: 'custom', message: `${k} is not a ${m.kind} metric` })
    }
    if (m.kind === 'posts' && !m.postId) ctx.addIssue({ code: 'custom', message: 'a posts mapping needs the post id column' })
    if (m.kind === 'daily' && !m.day) ctx.addIssue({ code: 'custom', message: 'a daily mapping needs the day column' })
  })
export type ColumnMapping = z.infer<typeof columnMapping>

/** A header, normalised (BOM, case, spaces) and joined: the key a saved mapping is found by. */
export function headerSignature(columns: string[]): string {
  return columns.map((c) => c.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase()).join('|')
}
