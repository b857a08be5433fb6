/**
 * What the Meta Business Suite recognizers share: cleaning title lines, telling Facebook from Instagram when a
 * file does not say, and the account of a file whose rows do not name their page.
 */
import type { Platform } from '../../../../shared/types'
import { col, isSpreadsheetErrorSql } from '../parseSql'
import type { AccountInName, NormalizeContext } from '../types'
import { captureIn, chosenAccount, fileAccount, type FileAccount } from './fileAccount'

/** A title line as written ('"Facebook follows"', 'Facebook reach<TAB>', 'Follows;;;') → 'Facebook follows'. */
export function cleanTitle(line: string): string {
  return line
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/[,;\t\s]+$/, '')
    .replace(/^"(.*)"$/, '$1')
    .replace(/""/g, '"')
    .trim()
}

/** The last non-empty title line above the table, or null. */
export function preambleTitle(preamble: string[] | undefined): string | null {
  const titles = (preamble ?? []).map(cleanTitle).filter((t) => t !== '' && !/^sep=/i.test(t))
  return titles.length ? titles[titles.length - 1] : null
}

const word = (w: string) => new RegExp(`(^|[^a-z])(${w})([^a-z]|$)`, 'i')

/**
 * The platform a title names, first in English ("Instagram profile visits") or later in other UI languages
 * ("Alcance de Instagram", "Visitas al perfil de Instagram"), or null when it names none ("Reach", "Alcance").
 */
export function platformInTitle(title: string | null): Platform | null {
  if (!title) return null
  if (/^(instagram|ig)\b/i.test(title) || /\binstagram\b/i.test(title)) return 'instagram'
  if (/^(facebook|fb)\b/i.test(title) || /\bfacebook\b/i.test(title)) return 'facebook'
  return null
}

/** The platform a file name or account hint suggests ("IG_REACH.csv", "instagram:vintagerest.bg"), or null. */
export function platformInName(fileName: string, accountHint: string | null): Platform | null {
  const hint = accountHint?.trim().toLowerCase() ?? ''
  if (hint.startsWith('instagram:')) return 'instagram'
  if (hint.startsWith('facebook:')) return 'facebook'
  const stem = fileName.replace(/\.[^.]+$/, '').replace(/_/g, ' ')
  if (word('ig|instagram').test(stem)) return 'instagram'
  if (word('fb|facebook').test(stem)) return 'facebook'
  return null
}

/** The handle the built-in sample writes into its file names (SYNTHETIC_meta_<Handle>_Follows_2024.csv). */
export const metaAccountInName: AccountInName = captureIn(/(?:^|_)meta_([^_]+)_/i)

/**
 * The account for a platform: the one the user chose (any Meta platform prefix removed), else the handle in a
 * sample-style file name. Meta names these files after the metric ("Reach.csv"), which names no account: then
 * the import is refused with ACCOUNT_REQUIRED rather than filing two pages' series under one made-up account.
 */
export function metaAccount(
  ctx: Pick<NormalizeContext, 'accountHint' | 'fileName' | 'folderName'>,
  platform: Platform
): FileAccount {
  return chosenAccount(ctx.accountHint, platform, META_PREFIXES) ?? fileAccount(ctx, platform, metaAccountInName)
}

const META_PREFIXES = ['facebook', 'instagram', 'fb', 'ig']

/** Warn, per column, about cells a spreadsheet turned into errors ("#NAME?"): they are read as empty (NULL). */
export async function warnSpreadsheetErrors(
  ctx: Pick<NormalizeContext, 'conn' | 'raw' | 'columns' | 'warn'>
): Promise<void> {
  if (!ctx.columns.length) return
  const counts = ctx.columns.map((c, i) => `count(*) FILTER (WHERE ${isSpreadsheetErrorSql(col(c))}) AS c${i}`)
  const row = (
    await ctx.conn.runAndReadAll(`SELECT ${counts.join(', ')} FROM ${ctx.raw}`)
  ).getRowObjectsJson()[0] as Record<string, string>
  ctx.columns.forEach((c, i) => {
    const n = Number(row[`c${i}`])
    if (n > 0)
      ctx.warn(`Column "${c}": ${n} cell(s) were spreadsheet errors such as "#NAME?" and were read as empty (NULL).`)
  })
}
