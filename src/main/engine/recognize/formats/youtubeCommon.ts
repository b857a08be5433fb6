/** What the YouTube Studio recognizers share: the channel of a file that does not name it, and count columns. */
import type { FieldTable } from '../fields'
import { findColumn, normalizeHeader } from '../headers'
import { synonymsOf } from '../synonyms'
import { YOUTUBE_SYNONYMS, type YoutubeConcept } from './youtubeSynonyms'
import { col, countSql } from '../parseSql'
import { youtubeChannelInFolder } from '../accountIdentity'
import type { AccountInName, NormalizeContext } from '../types'
import { captureIn, fileAccount, type FileAccount } from './fileAccount'

const inStem = captureIn(/(?:^|_)youtube_(.+?)_\d{4}-\d{2}-\d{2}/i, /(?:^|_)youtube_([A-Za-z0-9.-]+)(?:_|$)/i)

const names = (concept: YoutubeConcept) => ({ names: synonymsOf(YOUTUBE_SYNONYMS, concept) })

/** Header names per field: English first, then each UI language (youtubeSynonyms.ts). */
export const YOUTUBE_FIELDS = {
  content: names('content'),
  date: names('date'),
  title: names('title'),
  published: names('published'),
  views: names('views'),
  watchTime: names('watchTime'),
  subscribers: names('subscribers'),
  impressions: names('impressions'),
  subscribersGained: names('subscribersGained'),
  subscribersLost: names('subscribersLost'),
  likes: names('likes'),
  comments: names('comments'),
  shares: names('shares')
} satisfies FieldTable

export type YoutubeField = keyof typeof YOUTUBE_FIELDS

/** Every metric header name known in any language, normalised (normalizeHeader): Chart data's non-dimensions. */
export const YOUTUBE_METRIC_NAMES: ReadonlySet<string> = new Set(
  (Object.keys(YOUTUBE_SYNONYMS) as YoutubeConcept[])
    .filter((c) => !['content', 'date', 'title', 'published'].includes(c))
    .flatMap((c) => synonymsOf(YOUTUBE_SYNONYMS, c))
    .map(normalizeHeader)
)

/**
 * Studio's files never name the channel ("Table data.csv"); its export folder does ("Content 2024-01-01_2024-12-31
 * <channel>"), and so does a file name shaped like the sample's "SYNTHETIC_youtube_<handle>_<from>_<to>_Table data.csv".
 */
export const youtubeAccountInName: AccountInName = (name) => inStem(name) ?? youtubeChannelInFolder(name.folderName)

/** The import's account, else the channel the file name or folder names (else ACCOUNT_REQUIRED). */
export function youtubeAccount(ctx: NormalizeContext): FileAccount {
  return fileAccount(ctx, 'youtube', youtubeAccountInName)
}

/** A count column if the file has it (any of the field's names), else NULL: a metric the export lacks is not 0. */
export function countOf(ctx: Pick<NormalizeContext, 'columns'>, field: YoutubeField): string {
  const hit = findColumn(ctx.columns, ...YOUTUBE_FIELDS[field].names)
  return hit === null ? 'NULL' : countSql(col(hit))
}

/** The file's column for a field, or null. */
export const youtubeColumn = (columns: string[], field: YoutubeField): string | null =>
  findColumn(columns, ...YOUTUBE_FIELDS[field].names)

/**
 * YouTube interactions = likes + comments + shares, over those of the three the file has; NULL when it has none
 * of them or all three cells are empty (Studio leaves cells empty where it has no data).
 */
export function youtubeInteractions(ctx: NormalizeContext): string {
  const parts = [countOf(ctx, 'likes'), countOf(ctx, 'comments'), countOf(ctx, 'shares')].filter((p) => p !== 'NULL')
  if (!parts.length) return 'NULL'
  return `CASE WHEN ${parts.map((p) => `${p} IS NULL`).join(' AND ')} THEN NULL ELSE ${parts.map((p) => `coalesce(${p}, 0)`).join(' + ')} END`
}
