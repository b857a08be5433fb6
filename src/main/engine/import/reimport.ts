/**
 * Importing the same file again ("Import anyway" on a duplicate). Two savings, each only when it is provably the
 * same work:
 * - The raw table is shared, not stored twice, when the bytes, the read settings, the recognizer and the privacy
 *   choice are all the same (raw_key): the raw table is a function of exactly those.
 * - The canonical step is skipped when, in addition, the account and time-zone options are the same
 *   (canonical_key) and the last canonical run in the workspace was this very key: the canonical upsert is
 *   idempotent, so running it again right after itself changes nothing. Its report is restated from the earlier
 *   import's, every row counted as unchanged. Any other import or column mapping in between runs it in full.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { WriteConn } from '../db/duckdb'
import type {
  DetectedSettings,
  ImportOptions,
  PrivacyOptions,
  RecognitionReport,
  RowCounts
} from '../../../shared/types'
import { setting, writeSetting } from '../db/settingValue'
import type { ReadMode } from './csvPlan'

const LAST_RUN = 'last_canonical_run'

export function rawKey(x: {
  sha256: string
  settings: DetectedSettings
  mode: ReadMode
  recognizer: string | null
  privacy: PrivacyOptions | null
  options: ImportOptions
}): string {
  // Everything in the options that shapes the raw table (not account, platform, zone or period end: those only shape canonical rows).
  const {
    account: _account,
    platform: _platform,
    timeZone: _zone,
    privacy: _privacy,
    periodEnd: _periodEnd,
    ...read
  } = x.options
  return JSON.stringify({
    sha256: x.sha256,
    settings: x.settings,
    mode: x.mode,
    recognizer: x.recognizer,
    privacy: x.privacy,
    read
  })
}

export function canonicalKey(raw: string, options: ImportOptions): string {
  return JSON.stringify({
    raw,
    account: options.account ?? null,
    platform: options.platform ?? null,
    timeZone: options.timeZone ?? null,
    periodEnd: options.periodEnd ?? null
  })
}

export interface SharedRaw {
  id: number
  table: string
  canonicalKey: string | null
  report: RecognitionReport | null
  warnings: string[]
}

/** The latest dataset whose raw table was made from the same input, if any. */
export async function findSharedRaw(conn: DuckDBConnection, key: string): Promise<SharedRaw | null> {
  const rows = (
    await conn.runAndReadAll(
      `SELECT id, table_name, canonical_key, report, warnings FROM datasets WHERE raw_key = $1 ORDER BY id DESC LIMIT 1`,
      [key]
    )
  ).getRowObjectsJson()
  if (!rows.length) return null
  const r = rows[0]
  return {
    id: Number(r.id),
    table: String(r.table_name),
    canonicalKey: r.canonical_key === null ? null : String(r.canonical_key),
    report: r.report === null ? null : (JSON.parse(String(r.report)) as RecognitionReport),
    warnings: JSON.parse(String(r.warnings ?? '[]')) as string[]
  }
}

/** Record which input the canonical tables were last written from (null: a column mapping, never skipped). */
export async function recordCanonicalRun(conn: WriteConn, key: string | null): Promise<void> {
  await writeSetting(conn, LAST_RUN, key)
}

/** True when the canonical step for `key` would change nothing: the last canonical run was this same input. */
export async function canonicalRunIsCurrent(conn: DuckDBConnection, key: string): Promise<boolean> {
  return (await setting<string | null>(conn, LAST_RUN)) === key
}

const allUnchanged = (c: RowCounts | null): RowCounts | null =>
  c ? { new: 0, updated: 0, unchanged: c.new + c.updated + c.unchanged } : null

/** The earlier import's report as a repeat of it reports: the same rows, rejects and redactions, nothing new. */
export function restatedReport(earlier: RecognitionReport): RecognitionReport {
  return {
    ...earlier,
    posts: allUnchanged(earlier.posts),
    daily: allUnchanged(earlier.daily),
    landingWarnings: earlier.landingWarnings ?? []
  }
}

/** The repeat's rejected rows are the earlier import's (same file rows, same reasons). */
export async function copyRejects(conn: WriteConn, fromId: number, toId: number): Promise<void> {
  await conn.run(`INSERT INTO import_rejects SELECT $1, row_number, reason FROM import_rejects WHERE import_id = $2`, [
    toId,
    fromId
  ])
}
