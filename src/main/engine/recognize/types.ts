/**
 * A recognizer knows one export format: how to tell it from its header and first rows, and how to map its raw
 * (all-text) table into the canonical model. Each lives in formats/<id>.ts and is listed in registry.ts.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { WriteConn } from '../db/duckdb'
import type { Platform, YearAssumption } from '../../../shared/types'
import type { PeriodEndHints } from './dates/periodEnd'
import type { FieldTable } from './fields'

export interface RecognizeInput {
  fileName: string
  /** The name of the folder the file was in (a YouTube Studio export's folder names its channel), if known. */
  folderName?: string | null
  /** Column names as read (header row), in order. */
  columns: string[]
  /** The first rows as text (null stays null), same order as columns. */
  sample: (string | null)[][]
  /** 'csv' | 'json' | 'ndjson'. */
  format: string
  /** Title lines above the table as written (e.g. '"Facebook follows"'), after any `sep=` line; often empty. */
  preamble?: string[]
}

export interface NormalizeContext {
  conn: WriteConn
  /** The raw table, FROM-able: every column is VARCHAR (CSV) or as JSON gave it, plus `_row` (1-based file row). */
  raw: string
  /** Column names of the raw table (without `_row`). */
  columns: string[]
  /**
   * The same rows with the columns as stored (rawTypes.ts: some are BIGINT or DOUBLE), and their types. A recognizer
   * that reads a million-row export can take counts from it without printing numbers back to text and parsing the
   * text again (parseSql.ts storedCountSql). Absent where the canonical step runs over something else (a mapping).
   */
  stored?: { raw: string; types: ReadonlyMap<string, string> }
  importId: number
  fileName: string
  /** See RecognizeInput.folderName. */
  folderName?: string | null
  /** The account the user named for this file, if any (ImportOptions.account). */
  accountHint: string | null
  /** The platform the user chose for a file that could be from either of two (ImportOptions.platform). */
  platformHint?: Platform | null
  /** SQL string literal of the IANA zone for timestamps written without one. */
  timeZoneSql: string
  warn(message: string): void
  /** Title lines above the table as written (see RecognizeInput.preamble). */
  preamble?: string[]
  /**
   * Run `select` once into a TEMP table dropped when the import's canonical step ends; returns its name. A
   * recognizer whose parsed rows feed several outputs (accounts, posts, daily, checks) parses them once here:
   * on a million-row export each parse pass costs seconds.
   */
  materialize(name: string, select: string): Promise<string>
  /** What dates without a year are placed against (dates/periodEnd.ts); absent: today, in UTC. */
  dates?: Omit<PeriodEndHints, 'fileName'>
  /** Record how a column's yearless dates were placed: the import report says so (RecognitionReport.yearAssumed). */
  assumeYear(a: YearAssumption): void
  /** Told before each canonical write, so an undoable caller can keep what is about to change. */
  observer?: WriteObserver
}

/**
 * What a caller that must be able to revert the canonical step (undo of a column mapping, canonical/mappingUndo.ts)
 * hears before each write, inside the same transaction, while the rows about to change are still as they were.
 */
export interface WriteObserver {
  /** `ids`: a SELECT of one column, account_id, naming every account about to be inserted or updated. */
  accounts(ids: string): Promise<void>
  /** `keys`: FROM-able, the conflict keys of the rows about to be inserted or updated in `target`. */
  rows(target: 'posts' | 'account_daily', keys: string): Promise<void>
}

/** What the caller of normalizeImport provides; `materialize` and `assumeYear` are supplied by the framework. */
export type NormalizeInput = Omit<NormalizeContext, 'materialize' | 'assumeYear'>

/**
 * SELECT statements over ctx.raw producing canonical rows. The framework stages them, rejects rows whose
 * `_reject` is not null, upserts the rest and counts new/updated/unchanged.
 * posts and daily columns: _row, _reject and the columns of POSTS_COLUMNS / ACCOUNT_DAILY_COLUMNS in
 *   shared/canonical.ts except import_id; any may be omitted except _row and the keys (omitted ones are NULL).
 * accounts columns: account_id, platform, handle, display_name.
 */
export interface NormalizeOutput {
  posts?: string
  daily?: string
  accounts: string
}

export interface PrivacyColumns {
  /** Columns of free text written by the account (post text, captions): redacted or dropped on request. */
  text?: string[]
  /** Columns that name people (commenters, authors of mentions): dropped or hashed on request. */
  people?: string[]
}

/**
 * The handle a file's name (its stem: no extension) or folder names, by a format's own naming pattern; null when
 * it names none. A generic result ("Table data") is discarded by the caller (accountIdentity.ts).
 */
export type AccountInName = (name: { stem: string; folderName: string | null }) => string | null

/** What a recognizer can tell about a file's platform before importing it (see FileIdentity). */
export interface PlatformEvidence {
  platform: Platform | null
  platforms: Platform[]
  reason: string | null
  /** True when nothing settles the platform (the import needs ImportOptions.platform). */
  open: boolean
  /** False when the file holds nothing canonical (only metrics without a column): it needs no account then. */
  loadsRows: boolean
}

export interface Recognizer {
  id: string
  label: string
  platform: Platform
  /** True when rows do not say which account they belong to, so the user must name it. */
  needsAccount?: boolean
  /** For a needsAccount format: the handle its file names carry, if they do (used by normalize and the preview). */
  accountInName?: AccountInName
  /**
   * For a format whose platform the file may not tell (Meta per-metric series): the evidence over the whole file,
   * `source` being FROM-able with the raw columns and `_row`. Without it the platform is the recognizer's.
   */
  platformOf?(x: {
    conn: DuckDBConnection
    source: string
    columns: string[]
    fileName: string
    preamble: string[]
    options: { account: string | null; platform: Platform | null }
  }): Promise<PlatformEvidence>
  /** True when a file of this format is kept raw only (a breakdown by a dimension): it needs no account then. */
  keptRaw?(columns: string[]): boolean
  detect(input: RecognizeInput): boolean
  /**
   * The family's field table (recognize/fields.ts). When given, the import checks its required fields before
   * normalize() runs: a file missing one lands as a plain table naming the field, and the preview says so.
   */
  fields?: FieldTable
  privacy?: PrivacyColumns
  /**
   * Rows right under the header that are not data (legacy Facebook Insights: a second header row of metric
   * descriptions). They are left out of the raw table, so they are never counted, parsed or shown as data.
   * Decided from the sample, so a file whose extra row was already removed upstream gets 0.
   */
  leadingRows?(input: RecognizeInput): number
  normalize(ctx: NormalizeContext): Promise<NormalizeOutput> | NormalizeOutput
}
