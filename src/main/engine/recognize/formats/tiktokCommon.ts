/**
 * What TikTok's analytics downloads share: their column names across generations and UI languages, date styles,
 * and the account of files that do not name it. Sources of each name are in docs/export-families.md (TikTok).
 */
import { hasFields, type FieldTable } from '../fields'
import { findColumn } from '../headers'
import { col, countSql } from '../parseSql'
import type { AccountInName, NormalizeContext } from '../types'
import { captureIn, fileAccount, type FileAccount } from './fileAccount'

/** "2025/10/31" (Studio), "02-01-2025" (MM-DD-YYYY, Business Center), "7/24/2025", ISO. Yearless days: dates/. */
export const TIKTOK_DAY_FORMATS = ['%Y/%m/%d', '%m-%d-%Y', '%m/%d/%Y', '%Y-%m-%d']
/** "2025/10/31 18:19:10", "7/24/2025 11:44 am" (upper-cased before parsing), ISO. */
export const TIKTOK_TIME_FORMATS = [
  '%Y/%m/%d %H:%M:%S',
  '%Y/%m/%d %H:%M',
  '%m/%d/%Y %I:%M %p',
  '%m/%d/%Y %H:%M:%S',
  '%m/%d/%Y %H:%M',
  '%m-%d-%Y %H:%M:%S',
  '%m-%d-%Y %H:%M',
  '%Y-%m-%d %H:%M:%S',
  '%Y-%m-%dT%H:%M:%S',
  ...TIKTOK_DAY_FORMATS
]

/**
 * Header names per field, every generation and language seen (case is ignored). Studio (2023-2026) writes
 * "Video Views"; the business overview "Video views"; a Swedish UI translates the business headers; the 2025-26
 * Content.csv says "Total views", "Total likes"...
 */
export const TIKTOK_FIELDS = {
  date: { names: ['Date', 'Datum'] },
  videoViews: { names: ['Video views', 'Videovisningar'] },
  profileViews: { names: ['Profile views', 'Profilvisningar'] },
  likes: { names: ['Likes', 'Gilla-markeringar', 'Total likes'] },
  comments: { names: ['Comments', 'Kommentarer', 'Total comments'] },
  shares: { names: ['Shares', 'Delningar', 'Total shares'] },
  reach: { names: ['Reached audience', 'Målgrupp som nåtts'] },
  newFollowers: { names: ['New followers', 'Nya följare'] },
  lostFollowers: { names: ['Lost followers', 'Tappade följare'] },
  totalFollowers: { names: ['Total followers', 'Followers'] },
  videoTitle: { names: ['Video title', 'Videotitel'] },
  videoLink: { names: ['Video link', 'Videolänk'] },
  postTime: { names: ['Post time', 'Publishing time', 'Publiceringstid'] },
  postViews: { names: ['Video views', 'Total views', 'Videovisningar'] },
  favorites: { names: ['Add to Favorites', 'Add to favorites', 'Favorites', 'Lägg till i Favoriter'] },
  totalViewers: { names: ['Total Viewers'] }
} as const satisfies FieldTable

export type TiktokField = keyof typeof TIKTOK_FIELDS

/** The file's column for a field, or null. */
export function tiktokColumn(columns: string[], field: TiktokField): string | null {
  return findColumn(columns, ...TIKTOK_FIELDS[field].names)
}

export const hasTiktokColumns = (columns: string[], fields: TiktokField[]): boolean =>
  hasFields(TIKTOK_FIELDS, columns, fields)

/** A count column as SQL, NULL when the file has none. */
export function tiktokCount(columns: string[], field: TiktokField): string {
  const hit = tiktokColumn(columns, field)
  return hit === null ? 'NULL' : countSql(col(hit))
}

/** Rows of the overview and followers downloads do not name the account: the import's account, else "@handle" in the name. */
export const tiktokAccountInName: AccountInName = captureIn(/@([A-Za-z0-9_.]+)/)

export function tiktokAccount(ctx: NormalizeContext): FileAccount {
  return fileAccount(ctx, 'tiktok', tiktokAccountInName)
}
