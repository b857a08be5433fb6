/** The LinkedIn Page of a file: the import's account, else the page name LinkedIn puts before "_followers" etc. */
import type { AccountInName, NormalizeContext } from '../types'
import { captureIn, fileAccount, type FileAccount } from './fileAccount'

/** LinkedIn names downloads "<page>_followers_<epoch ms>.xls", "<page>_content_<epoch ms>.xls", "<page>_visitors_...". */
export const linkedinAccountInName: AccountInName = captureIn(
  /^(.+?)_(?:followers|content|updates|visitors|clean)(?:_\d+)?(?:[ _-].*)?$/i
)

export function linkedinAccount(ctx: NormalizeContext): FileAccount {
  return fileAccount(ctx, 'linkedin', linkedinAccountInName)
}

/** LinkedIn dates: M/D/YYYY in native downloads, ISO after a conversion. */
export const LINKEDIN_DAY_FORMATS = ['%m/%d/%Y', '%Y-%m-%d']
