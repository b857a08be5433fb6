/** Dates as TikTok analytics downloads write them, and the account of files that do not name it. */
import type { NormalizeContext } from '../types'
import { captureIn, fileAccount, type FileAccount } from './fileAccount'

/** "2025/10/31" (Studio), "02-01-2025" (MM-DD-YYYY, Business Center), "7/24/2025", ISO. */
export const TIKTOK_DAY_FORMATS = ['%Y/%m/%d', '%m-%d-%Y', '%m/%d/%Y', '%Y-%m-%d']
/** "2025/10/31 18:19:10", "7/24/2025 11:44 am" (upper-cased before parsing), ISO. */
export const TIKTOK_TIME_FORMATS = [
  '%Y/%m/%d %H:%M:%S', '%Y/%m/%d %H:%M', '%m/%d/%Y %I:%M %p', '%m/%d/%Y %H:%M:%S', '%m/%d/%Y %H:%M', '%m-%d-%Y %H:%M:%S',
  '%m-%d-%Y %H:%M', '%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S', ...TIKTOK_DAY_FORMATS
]

/** Rows of the overview and followers downloads do not name the account: the import's account, else "@handle" in the name. */
export function tiktokAccount(ctx: NormalizeContext): FileAccount {
  return fileAccount(ctx, 'tiktok', captureIn(/@([A-Za-z0-9_.]+)/))
}
