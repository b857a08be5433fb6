/**
 * The account of a file whose rows do not name it (YouTube Studio tables, daily X/LinkedIn/TikTok series): the
 * account the user chose for the import, else a handle the recognizer's pattern finds in the file name (or, for
 * YouTube, the export's folder), else none: the import is refused with ACCOUNT_REQUIRED (accountIdentity.ts says
 * why a generic name such as "Table data.csv" never becomes an account).
 */
import type { Platform } from '../../../../shared/types'
import { literal } from '../../db/sql'
import { accountRequired, handleInFileName } from '../accountIdentity'
import type { AccountInName, NormalizeContext } from '../types'

export interface FileAccount {
  id: string
  handle: string
}

/**
 * The account the user chose, for `platform`: "@Handle", "Handle" and "<platform>:Handle" all name the same one;
 * `prefixes` are other spellings of the platform prefix to strip ("fb:", "ig:"). Null when none was chosen.
 */
export function chosenAccount(
  hint: string | null | undefined,
  platform: Platform,
  prefixes: readonly string[] = []
): FileAccount | null {
  let handle = hint?.trim().replace(/^@/, '') ?? ''
  for (const p of [platform, ...prefixes]) {
    if (handle.toLowerCase().startsWith(`${p}:`)) {
      handle = handle.slice(p.length + 1)
      break
    }
  }
  handle = handle.trim().replace(/^@/, '')
  return handle ? { id: `${platform}:${handle.toLowerCase()}`, handle } : null
}

/** The account for a file's rows; throws ACCOUNT_REQUIRED when neither the user nor the file names one. */
export function fileAccount(
  ctx: Pick<NormalizeContext, 'accountHint' | 'fileName' | 'folderName'>,
  platform: Platform,
  accountIn?: AccountInName
): FileAccount {
  const chosen = chosenAccount(ctx.accountHint, platform)
  if (chosen) return chosen
  const named = accountNamedBy(accountIn, ctx.fileName, ctx.folderName ?? null)
  if (named) return { id: `${platform}:${named.toLowerCase()}`, handle: named }
  throw accountRequired(ctx.fileName, platform)
}

/** The handle a recognizer finds in a file's name or folder, unless generic; null when it finds none. */
export function accountNamedBy(
  accountIn: AccountInName | undefined,
  fileName: string,
  folderName: string | null
): string | null {
  return accountIn ? handleInFileName(fileName, (stem) => accountIn({ stem, folderName })) : null
}

/** The accounts SELECT of a file that writes no canonical rows (a breakdown kept raw): no account at all. */
export const NO_ACCOUNTS = `SELECT NULL AS account_id, NULL AS platform, NULL AS handle, NULL AS display_name WHERE false`

/** The accounts SELECT for one fixed account. */
export function fixedAccountSql(a: FileAccount, platform: Platform, displayName: string | null = null): string {
  return `SELECT ${literal(a.id)} AS account_id, ${literal(platform)} AS platform, ${literal(a.handle)} AS handle,
    ${displayName === null ? 'NULL' : literal(displayName)} AS display_name`
}

/** An AccountInName: the first capture of any of `res` in the file name's stem, or null. */
export const captureIn =
  (...res: RegExp[]): AccountInName =>
  ({ stem }) => {
    for (const re of res) {
      const m = re.exec(stem)
      if (m?.[1]) return m[1]
    }
    return null
  }
