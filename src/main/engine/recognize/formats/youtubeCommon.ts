/** What the YouTube Studio recognizers share: the channel of a file that does not name it, and count columns. */
import { findColumn } from '../headers'
import { col, countSql } from '../parseSql'
import type { NormalizeContext } from '../types'
import { captureIn, fileAccount, type FileAccount } from './fileAccount'

/**
 * Studio downloads never name the channel. The import's account wins; else a handle in a file name shaped like
 * the sample's "SYNTHETIC_youtube_<handle>_<from>_<to>_Table data.csv" or "youtube_<handle>_....csv".
 */
export function youtubeAccount(ctx: NormalizeContext): FileAccount {
  return fileAccount(ctx, 'youtube', captureIn(/(?:^|_)youtube_(.+?)_\d{4}-\d{2}-\d{2}/i, /(?:^|_)youtube_([A-Za-z0-9.-]+)(?:_|$)/i))
}

/** A count column if the file has it (any of the spellings), else NULL: a metric the export lacks is not 0. */
export function countOf(ctx: NormalizeContext, ...names: string[]): string {
  const hit = findColumn(ctx.columns, ...names)
  return hit === null ? 'NULL' : countSql(col(hit))
}

/**
 * YouTube interactions = likes + comments + shares, over those of the three the file has; NULL when it has none
 * of them or all three cells are empty (Studio leaves cells empty where it has no data).
 */
export function youtubeInteractions(ctx: NormalizeContext): string {
  const parts = [countOf(ctx, 'Likes'), countOf(ctx, 'Comments added', 'Comments'), countOf(ctx, 'Shares')].filter((p) => p !== 'NULL')
  if (!parts.length) return 'NULL'
  return `CASE WHEN ${parts.map((p) => `${p} IS NULL`).join(' AND ')} THEN NULL ELSE ${parts.map((p) => `coalesce(${p}, 0)`).join(' + ')} END`
}
