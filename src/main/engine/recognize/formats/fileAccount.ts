/**
 * The account of a file whose rows do not name it (YouTube Studio tables, daily X/LinkedIn/TikTok series):
 * the account the user chose for the import, else a handle found in the file name, else a stable id made from
 * the file name (with a warning, since two exports of one account then land on two ids).
 */
import type { Platform } from '../../../../shared/types'
import { literal } from '../../db/sql'
import type { NormalizeContext } from '../types'

export interface FileAccount {
  id: string
  handle: string
}

/** `handleIn` returns the handle written in the file name (without extension), or null when it has none. */
export function fileAccount(
  ctx: Pick<NormalizeContext, 'accountHint' | 'fileName' | 'warn'>,
  platform: Platform,
  handleIn: (stem: string) => string | null = () => null
): FileAccount {
  const hint = ctx.accountHint?.trim().replace(/^@/, '')
  if (hint) {
    const handle = hint.toLowerCase().startsWith(`${platform}:`) ? hint.slice(platform.length + 1).replace(/^@/, '') : hint
    return { id: `${platform}:${handle.toLowerCase()}`, handle }
  }
  const stem = ctx.fileName.replace(/\.[^.]+$/, '')
  const named = handleIn(stem)?.trim()
  if (named) return { id: `${platform}:${named.toLowerCase()}`, handle: named }
  const slug = stem.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'file'
  ctx.warn(`No account was given and the file name names none; the rows were filed under "${platform}:${slug}".`)
  return { id: `${platform}:${slug}`, handle: slug }
}

/** The accounts SELECT for one fixed account. */
export function fixedAccountSql(a: FileAccount, platform: Platform, displayName: string | null = null): string {
  return `SELECT ${literal(a.id)} AS account_id, ${literal(platform)} AS platform, ${literal(a.handle)} AS handle,
    ${displayName === null ? 'NULL' : literal(displayName)} AS display_name`
}

/** The first capture of `re` in the stem, or null. */
export const captureIn =
  (...res: RegExp[]) =>
  (stem: string): string | null => {
    for (const re of res) {
      const m = re.exec(stem)
      if (m?.[1]) return m[1]
    }
    return null
  }
