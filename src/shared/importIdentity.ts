/**
 * The batch rules of account and platform identity, shared by the import dialog and the CLI (one pure function,
 * so both clients decide alike). A batch is the files of one source: one drop or multi-select, one folder (a
 * YouTube Studio export's Table data, Chart data and Totals), one CLI command line.
 *
 * - Account: a file whose rows and name name no account needs one (FileIdentity.accountRequired); the batch is
 *   asked once, and the answer applies to every file of the batch that needs one.
 * - Platform: a file whose platform is open (a Meta "Reach" series) takes the platform of the other files of the
 *   batch when those that share its candidate platforms all agree ("Reach.csv" dropped with "Facebook visits" and
 *   "Facebook follows" is Facebook's); else the batch's answer; else it is asked.
 */
import type { FileIdentity, Platform } from './types'

export interface BatchFile {
  /** A key of the caller's (the path). */
  key: string
  identity: FileIdentity | null
}

export interface BatchDecision {
  key: string
  /** The platform to pass as ImportOptions.platform, or null to pass none. */
  platform: Platform | null
  /** Why that platform, for the dialog and the CLI's warnings. */
  platformReason: string | null
  /** Still open after the batch rule: the user must choose one of `platforms`. */
  askPlatform: boolean
  platforms: Platform[]
  /** The user must name the account (once for the batch). */
  askAccount: boolean
}

/** The settled platform of each file of a batch, from the others' evidence, and what is still to be asked. */
export function decideBatch(
  files: readonly BatchFile[],
  answered: { platform?: Platform | null } = {}
): BatchDecision[] {
  return files.map((f) => {
    const id = f.identity
    const base = { key: f.key, platforms: id?.platforms ?? [], askAccount: id?.accountRequired ?? false }
    if (!id?.platformRequired) return { ...base, platform: null, platformReason: null, askPlatform: false }
    const siblings = files
      .filter((o) => o.key !== f.key && o.identity && !o.identity.platformRequired && o.identity.platform !== null)
      .map((o) => o.identity!.platform as Platform)
      .filter((p) => id.platforms.includes(p))
    const agreed = [...new Set(siblings)]
    if (agreed.length === 1) {
      const n = siblings.length
      return {
        ...base,
        platform: agreed[0],
        askPlatform: false,
        platformReason: `the ${n === 1 ? 'other file' : `${n} other files`} imported with it ${n === 1 ? 'is' : 'are'} ${agreed[0]}`
      }
    }
    if (answered.platform && id.platforms.includes(answered.platform)) {
      return { ...base, platform: answered.platform, platformReason: 'chosen for this batch', askPlatform: false }
    }
    return { ...base, platform: null, platformReason: id.platformReason, askPlatform: true }
  })
}
