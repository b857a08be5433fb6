/** Plain data types shared by engine, shell and renderer. */

import type { AppCommand } from './shortcuts'

export type SourceFormat = 'csv' | 'json' | 'ndjson'

/** Platforms of the canonical model; anything else is 'other'. */
export const PLATFORMS = ['x', 'facebook', 'instagram', 'youtube', 'linkedin', 'tiktok', 'mastodon', 'other'] as const
export type Platform = (typeof PLATFORMS)[number]

/**
 * What happens to personal data in an import (these exports can hold patients' comments and names).
 * text: post text kept, redacted (e-mails, phone numbers, @handles of others) or dropped.
 * people: commenter/user columns kept, dropped, or replaced by a salted hash.
 */
export interface PrivacyOptions {
  text: 'keep' | 'redact' | 'drop'
  people: 'keep' | 'drop' | 'hash'
}
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'windows-1251'

export interface ColumnInfo {
  name: string
  /** DuckDB type name, e.g. BIGINT, DOUBLE, VARCHAR, DATE, TIMESTAMP. */
  type: string
}

export interface DatasetSummary {
  id: number
  name: string
  tableName: string
  fileName: string
  format: SourceFormat
  rows: number
  columns: ColumnInfo[]
  sizeBytes: number
  /** ISO 8601, UTC. */
  importedAt: string
  sha256: string
  /** The recognised export format (e.g. 'x-tweet-activity'), or null for a plain dataset. */
  recognizedFormat: string | null
  platform: Platform | null
}

/** Settings the import dialog shows and lets the user override. */
export interface ImportOptions {
  delimiter?: string
  hasHeader?: boolean
  skipRows?: number
  encoding?: Encoding
  /**
   * The account a file belongs to when the file does not say (Meta per-metric files, YouTube tables): a handle,
   * optionally prefixed by its platform ("instagram:vintagerest.bg"). A generic file name ("Table data.csv") never
   * stands in for it: without it such an import is refused with ACCOUNT_REQUIRED.
   */
  account?: string
  /**
   * The platform of a file that could be from either of two (a Meta Business Suite "Reach" series: Facebook or
   * Instagram), when nothing in the file, its name, its batch or the workspace settles it (else PLATFORM_REQUIRED).
   */
  platform?: Platform
  /** IANA zone for timestamps written without one (default: the account's zone, else UTC). */
  timeZone?: string
  privacy?: PrivacyOptions
  /** Import as a plain dataset even if the format is recognised. */
  generic?: boolean
  /**
   * The last day (YYYY-MM-DD) of an export whose dates have no year ("April 12", "8 de marzo"): its days are placed
   * in the year(s) ending then. Default: a range in the file name, else the file's modification day, else today.
   */
  periodEnd?: string
}

export interface DetectedSettings {
  format: SourceFormat
  encoding: Encoding
  hadBom: boolean
  delimiter: string | null
  hasHeader: boolean
  skipRows: number
  decimalSeparator: '.' | ','
  thousandsSeparator: '' | ',' | '.' | ' '
  /** For JSON objects: the key of the array that holds the records. */
  jsonPath: string | null
}

export interface ImportPreview {
  path: string
  fileName: string
  sizeBytes: number
  sha256: string
  settings: DetectedSettings
  columns: ColumnInfo[]
  /** First rows, as display strings (null stays null). */
  rows: (string | null)[][]
  alreadyImported: DatasetSummary | null
  warnings: string[]
  recognized: RecognizedFormat | null
  /** The file looks like `recognized` but lacks fields its mapping needs: it will import as a plain table. */
  unmapped?: UnmappedExport | null
  /** What the file itself says about its account and platform; null when it is not recognised. */
  identity: FileIdentity | null
}

/**
 * Whose a recognised file is, as far as the file (rows, name, folder) and the options tell, before it is imported.
 * The import dialog and the CLI ask for what is missing (src/shared/importIdentity.ts applies the batch rules).
 */
export interface FileIdentity {
  /** The account the file names (in its name or folder) when its rows do not, or null. */
  account: string | null
  /** True when the import needs ImportOptions.account: its rows name no account and neither does its name. */
  accountRequired: boolean
  /** The platform of its rows, or null when they are of several (a stacked Meta file) or it is open. */
  platform: Platform | null
  /** The platforms its rows are of, or, when `platformRequired`, the ones they could be of. */
  platforms: Platform[]
  /** True when nothing settles the platform: the import needs ImportOptions.platform (one of `platforms`). */
  platformRequired: boolean
  /** Why the platform is what it is, or why it is open ("the title "Reach" names no platform"). */
  platformReason: string | null
}

/**
 * A file that looked like a known export but could not be mapped onto the canonical model (another generation of
 * the format, a column missing, a mapping that failed): it landed as a plain dataset instead, with this reason.
 */
export interface UnmappedExport {
  format: string
  label: string
  platform: Platform
  /** The canonical fields not found, each with the header names that were looked for. */
  missing: { field: string; names: string[] }[]
  /** The whole reason in words, naming the file, the format and what was missing (also in the warnings). */
  message: string
}

export interface RecognizedFormat {
  format: string
  label: string
  platform: Platform
  /** True when the file does not name its account, so the import needs `account`. */
  needsAccount: boolean
  /** The preview shows days without a year ("April 12"): the dialog offers "Period ends" (ImportOptions.periodEnd). */
  datesWithoutYear?: boolean
}

export interface RowCounts {
  new: number
  updated: number
  unchanged: number
}

export interface RejectedRow {
  /** 1-based data row in the file (header not counted), when known. */
  row: number | null
  reason: string
}

/** What the recognition step made of one import: the import report. */
export interface RecognitionReport extends RecognizedFormat {
  accounts: { accountId: string; handle: string | null; displayName: string | null }[]
  period: { from: string | null; to: string | null }
  posts: RowCounts | null
  daily: RowCounts | null
  rowsRead: number
  rowsRejected: number
  /** The first rejected rows (all are in the import_rejects table). */
  rejects: RejectedRow[]
  redactions: { kind: string; count: number }[]
  /** How dates written without a year were placed in time, when the file had such dates. */
  yearAssumed?: YearAssumption | null
  /** What did not land: shown in the headline of the import report and as the CLI's `warnings`. */
  landingWarnings?: LandingWarning[]
}

/** Dates without a year were read as the year(s) of a period ending on `periodEnd`. */
export interface YearAssumption {
  /** The column whose dates had no year. */
  column: string
  periodEnd: string
  /**
   * Where the period end came from: the import's "Period ends", a range in the file name, the file's own download-day
   * column (TikTok Content.csv's "Time"), the file's date, today.
   */
  source: 'option' | 'file-name' | 'download-column' | 'file-modified' | 'today'
  /** The first and last day the column was read as. */
  from: string | null
  to: string | null
}

export const LANDING_WARNING_CODES = ['nothing-landed', 'rows-rejected'] as const

/**
 * A recognised import that landed less than its file holds: nothing at all ('nothing-landed'), or more than a few
 * percent of its rows rejected ('rows-rejected').
 */
export interface LandingWarning {
  code: (typeof LANDING_WARNING_CODES)[number]
  /** One sentence for the headline: how many rows, why, an example. */
  message: string
  /** The reason most rejected rows share, without their values (e.g. 'unreadable date'). */
  cause: string
  /** Two rejected rows showing the cause. */
  examples: RejectedRow[]
}

export interface ImportResult {
  dataset: DatasetSummary
  settings: DetectedSettings
  warnings: string[]
  recognition: RecognitionReport | null
  /** Set when the file was recognised but could not be mapped, so it landed as a plain dataset (recognition null). */
  unmapped?: UnmappedExport | null
  /**
   * Only for a spreadsheet workbook (.xlsx): every non-empty sheet is imported as its own dataset, in its own
   * transaction; this lists each sheet's outcome in workbook order. The fields above are the first imported sheet's.
   */
  sheets?: SheetImportOutcome[]
}

export interface SheetImportOutcome {
  sheet: string
  result: ImportResult | null
  error: { code: string; message: string } | null
  /** Why a sheet was not imported without being an error (an empty sheet). */
  skipped?: string
}

export type ImportPhase = 'reading' | 'converting' | 'loading' | 'committing' | 'done'

export interface ImportProgress {
  jobId: string
  phase: ImportPhase
  /** 0..1 over the whole import, or null when it cannot be known. */
  fraction: number | null
  fileName: string
}

export type { SortSpec } from './gridView'

export interface DataPage {
  /** Arrow IPC stream bytes of the requested rows. */
  arrow: Uint8Array
  offset: number
  totalRows: number
}

export interface WorkspaceInfo {
  path: string
  schemaVersion: number
  datasetCount: number
  isEmpty: boolean
  /** Set when this open upgraded the workspace from an older schema: where the untouched original was kept. */
  upgrade: { from: number; to: number; backupPath: string } | null
}

export interface AppInfo {
  name: string
  version: string
  /** Where the local diagnostic log is written; it is never sent anywhere. */
  logPath: string | null
  workspacePath: string
}

export interface MenuCommand {
  command: AppCommand
}
