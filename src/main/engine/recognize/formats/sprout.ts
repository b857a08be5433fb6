/**
 * Shared by the Sprout Social report recognizers (sproutProfiles.ts, sproutCompetitorPosts.ts). Sprout writes every
 * field quoted, counts with ',' thousands ("136,832"), rates with '%', empty strings for metrics it does not have,
 * daily dates as MM-DD-YYYY ("02-01-2025" = 1 February; Sprout exports are US-formatted, and the file names say
 * "February 1, 2025 - ..."), post dates as "7/24/2025 11:44 am" (no zone: read in the import's zone), and guards
 * profile cells against spreadsheet formulas with a leading apostrophe ("'@devilsreserve").
 * Every profile in a report (the user's own and each competitor) is an account '<platform>:<lower-case handle>'.
 */
import type { Platform } from '../../../../shared/types'
import { findColumn } from '../headers'
import { col } from '../parseSql'

export const SPROUT_DAY_FORMATS = ['%m-%d-%Y', '%m/%d/%Y']

/** The handle in a profile cell: no formula-guard apostrophe, no '@', no spaces. */
export function sproutHandleSql(expr: string): string {
  return `nullif(regexp_replace(trim(${expr}), '^''?@?', ''), '')`
}

const NETWORKS: Record<string, Platform> = {
  instagram: 'instagram',
  facebook: 'facebook',
  x: 'x',
  twitter: 'x',
  linkedin: 'linkedin',
  tiktok: 'tiktok',
  youtube: 'youtube'
}

/** Sprout's "Network" cell as a canonical platform; networks outside the model (Threads, Pinterest) are 'other'. */
export function sproutNetworkSql(expr: string): string {
  const cases = Object.entries(NETWORKS)
    .map(([k, v]) => `WHEN '${k}' THEN '${v}'`)
    .join(' ')
  return `(CASE lower(regexp_replace(trim(${expr}), '\\s*\\(.*\\)$', '')) ${cases} ELSE 'other' END)`
}

/** A column of the file as SQL text, or NULL when this export has no such column. */
export const columnOrNull =
  (columns: string[]) =>
  (...names: string[]): string => {
    const hit = findColumn(columns, ...names)
    return hit ? col(hit) : 'CAST(NULL AS VARCHAR)'
  }
