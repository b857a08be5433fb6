/**
 * What the Meta Business Suite recognizers share: cleaning title lines, telling Facebook from Instagram when a
 * file does not say, and the account of a file whose rows do not name their page.
 */
import { AppFailure } from '../../../../shared/result'
import type { Platform } from '../../../../shared/types'
import { col, isSpreadsheetErrorSql } from '../parseSql'
import type { AccountInName, NormalizeContext } from '../types'
import { accountNamedBy, captureIn, chosenAccount, fileAccount, type FileAccount } from './fileAccount'

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
  // A choice naming both platforms' accounts ("facebook:x, instagram:y") says nothing about one series.
  const named = [...new Set(metaChoices(accountHint).map((c) => c.platform))]
  if (named.length === 1 && named[0] !== null) return named[0]
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
 *
 * A stacked file holds a Facebook and an Instagram series, which are two accounts (a Page id and a username). The
 * choice may name both ("facebook:1032418178499222, instagram:mh4u"); a choice that names only the other
 * platform's account ("facebook:<page id>", what the dialog passes for an existing Page) is never reused for this
 * one: `instagram:<page id>` would be an account that does not exist. An unprefixed handle is taken for both.
 */
export function metaAccount(
  ctx: Pick<NormalizeContext, 'accountHint' | 'fileName' | 'folderName'>,
  platform: Platform
): FileAccount {
  const choices = metaChoices(ctx.accountHint)
  const own = choices.find((c) => c.platform === platform) ?? choices.find((c) => c.platform === null)
  if (own) return chosenAccount(own.handle, platform) as FileAccount
  const other = choices.find((c) => c.platform !== null && c.platform !== platform)
  const named = fileAccountOrNull({ ...ctx, accountHint: null }, platform)
  if (named) return named
  if (other) {
    const which = platform === 'instagram' ? 'Instagram' : 'Facebook'
    const chosen = `${other.platform}:${other.handle}`
    throw new AppFailure(
      'ACCOUNT_REQUIRED',
      `${ctx.fileName} also holds ${which === 'Instagram' ? 'an' : 'a'} ${which} series, which needs its ${which} account: the account chosen (${chosen}) ` +
        `is not reused for it. Name both (e.g. "${chosen}, ${platform}:<handle>"; CLI: --account "${chosen}, ${platform}:<handle>"); ` +
        `nothing was imported.`
    )
  }
  return fileAccount({ ...ctx, accountHint: null }, platform, metaAccountInName)
}

/** The account a sample-style file name gives, or null (fileAccount throws ACCOUNT_REQUIRED instead). */
function fileAccountOrNull(
  ctx: Pick<NormalizeContext, 'accountHint' | 'fileName' | 'folderName'>,
  platform: Platform
): FileAccount | null {
  const named = accountNamedBy(metaAccountInName, ctx.fileName, ctx.folderName ?? null)
  return named ? { id: `${platform}:${named.toLowerCase()}`, handle: named } : null
}

/**
 * The account a Meta content file's rows go to on `platform`: the one chosen for it (or an unprefixed one), as a
 * handle; null when the choice names none for this platform, so the file's own Page ID / username is used.
 */
export function chosenMetaHandle(hint: string | null | undefined, platform: Platform): string | null {
  const choices = metaChoices(hint)
  return (choices.find((c) => c.platform === platform) ?? choices.find((c) => c.platform === null))?.handle ?? null
}

/** The accounts a Meta import's choice names: "x", "facebook:x", "fb:x, ig:y" → platform (or null) and handle. */
export function metaChoices(hint: string | null | undefined): { platform: Platform | null; handle: string }[] {
  return (hint ?? '')
    .split(/[,;]|\s+(?=(?:facebook|instagram|fb|ig):)/i)
    .map((part) => part.trim().replace(/^@/, ''))
    .filter(Boolean)
    .map((part) => {
      const m = /^(facebook|instagram|fb|ig):\s*@?(.+)$/i.exec(part)
      if (!m) return { platform: null, handle: part }
      const p = m[1].toLowerCase()
      return { platform: p === 'fb' || p === 'facebook' ? 'facebook' : 'instagram', handle: m[2].trim() }
    })
}

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
