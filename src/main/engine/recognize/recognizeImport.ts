/**
 * The recognition step of an import, run inside its transaction: which format the file is, the raw table as exact
 * text (after privacy), and the canonical rows.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { WriteConn } from '../db/duckdb'
import { randomBytes } from 'node:crypto'
import { basename, dirname } from 'node:path'
import type {
  FileIdentity,
  ImportOptions,
  PrivacyOptions,
  RecognitionReport,
  RecognizedFormat
} from '../../../shared/types'
import { accountNamedBy } from './formats/fileAccount'
import { mappedRecognizers } from '../canonical/mappings'
import { ident, literal } from '../db/sql'
import { normalizeImport } from './normalize'
import { setting } from '../db/settingValue'
import { DEFAULT_PRIVACY, privacySelect, redactionCountSql } from './privacy'
import { createTypedRawTable, rawColumnTypes, rawTextColumns } from './rawTypes'
import { recognize } from './registry'
import type { NormalizeContext, PlatformEvidence, Recognizer } from './types'

const SAMPLE_ROWS = 20

export async function detectRecognizer(
  conn: DuckDBConnection,
  textSource: string,
  fileName: string,
  format: string,
  preamble: string[] = [],
  folderName: string | null = null
): Promise<{ recognizer: Recognizer | null; columns: string[]; leadingRows: number }> {
  const reader = await conn.runAndReadAll(`SELECT * FROM ${textSource} LIMIT ${SAMPLE_ROWS}`)
  const columns = reader.columnNames()
  const sample = (reader.getRowsJson() as unknown[][]).map((r) =>
    r.map((v) => (v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v)))
  )
  const saved = await mappedRecognizers(conn)
  const input = { fileName, folderName, columns, sample, format, preamble }
  const recognizer = recognize(input, saved)
  const leadingRows = Math.max(0, Math.min(SAMPLE_ROWS - 1, Math.floor(recognizer?.leadingRows?.(input) ?? 0)))
  return { recognizer, columns, leadingRows }
}

/** The folder a file is in, by name ("Content 2024-01-01_2024-12-31 Northfield" for a Studio export). */
export function folderOf(path: string): string | null {
  return basename(dirname(path)) || null
}

/**
 * What a recognised file says about its account and platform before it is imported (the preview's identity):
 * the handle its name or folder carries, whether the import must be told the account, and its platform or the
 * platforms it could be from. `textSource` is the file's all-text read.
 */
export async function fileIdentity(x: {
  conn: DuckDBConnection
  recognizer: Recognizer
  textSource: string
  columns: string[]
  fileName: string
  folderName: string | null
  preamble: string[]
  options: ImportOptions
}): Promise<FileIdentity> {
  const r = x.recognizer
  const evidence: PlatformEvidence = r.platformOf
    ? await r.platformOf({
        conn: x.conn,
        source: `(SELECT row_number() OVER () AS _row, * FROM ${x.textSource})`,
        columns: x.columns,
        fileName: x.fileName,
        preamble: x.preamble,
        options: { account: x.options.account ?? null, platform: x.options.platform ?? null }
      })
    : {
        platform: r.platform,
        platforms: [r.platform],
        reason: null,
        open: false,
        loadsRows: !(r.keptRaw?.(x.columns) ?? false)
      }
  const account = r.needsAccount ? accountNamedBy(r.accountInName, x.fileName, x.folderName) : null
  return {
    account,
    accountRequired: (r.needsAccount ?? false) && evidence.loadsRows && account === null,
    platform: evidence.platform,
    platforms: evidence.platforms,
    platformRequired: evidence.open && evidence.loadsRows,
    platformReason: evidence.reason
  }
}

export function describeRecognizer(r: Recognizer): RecognizedFormat {
  return { format: r.id, label: r.label, platform: r.platform, needsAccount: r.needsAccount ?? false }
}

/** The per-workspace salt for hashed people columns: stable, so the same person hashes the same way every time. */
async function privacySalt(conn: DuckDBConnection): Promise<string> {
  const existing = await setting<string>(conn, 'privacy_salt')
  if (existing) return existing
  const salt = randomBytes(16).toString('hex')
  await conn.run(`INSERT INTO settings VALUES ('privacy_salt', $1)`, [JSON.stringify(salt)])
  return salt
}

export async function defaultPrivacy(conn: DuckDBConnection): Promise<PrivacyOptions> {
  return (await setting<PrivacyOptions>(conn, 'privacy')) ?? DEFAULT_PRIVACY
}

export interface RecognizedImport {
  conn: WriteConn
  recognizer: Recognizer
  textSource: string
  columns: string[]
  table: string
  importId: number
  fileName: string
  folderName: string | null
  options: ImportOptions
  warn(message: string): void
  /** Title lines above the table (ReadPlan.preamble). */
  preamble?: string[]
  /** The file's modification time: the download day that yearless dates end on by default (dates/periodEnd.ts). */
  fileModified?: Date | null
  /** Rows under the header that are not data (Recognizer.leadingRows), left out of the raw table. */
  leadingRows?: number
}

/**
 * A raw table as recognizers read it, with `_row` (the 1-based file row) first. The table keeps the file's order,
 * and DuckDB numbers its rows contiguously in that order, from 0 once committed and from a large base inside the
 * transaction that created it; so `_row` is rowid minus the smallest rowid, plus one. Should the numbering ever
 * not be contiguous, the slower window function gives the same numbers.
 */
export async function rawWithRowNumbers(conn: DuckDBConnection, table: string): Promise<string> {
  // Number columns printed back as the file's text (rawTypes.ts): recognizers parse the text they always did.
  return withRowNumbers(conn, table, (await rawTextColumns(conn, table)).join(', '))
}

/** The raw table with `_row` and its columns as stored (NormalizeContext.stored). */
export async function storedWithRowNumbers(conn: DuckDBConnection, table: string): Promise<NormalizeContext['stored']> {
  return { raw: await withRowNumbers(conn, table, '*'), types: await rawColumnTypes(conn, table) }
}

async function withRowNumbers(conn: DuckDBConnection, table: string, text: string): Promise<string> {
  const q = ident(table)
  const r = (
    await conn.runAndReadAll(
      `SELECT min(rowid)::VARCHAR AS lo, max(rowid)::VARCHAR AS hi, count(*)::VARCHAR AS n FROM ${q}`
    )
  ).getRowObjectsJson()[0]
  const n = BigInt(String(r.n))
  if (n === 0n) return `(SELECT CAST(NULL AS BIGINT) AS _row, ${text} FROM ${q})`
  const lo = BigInt(String(r.lo))
  if (BigInt(String(r.hi)) - lo + 1n !== n) return `(SELECT row_number() OVER () AS _row, ${text} FROM ${q})`
  return `(SELECT rowid - ${lo} + 1 AS _row, ${text} FROM ${q})`
}

/**
 * Create the raw table (privacy applied); returns how many values privacy changed. The importer commits this table
 * on its own before the canonical step (see importer.ts, writeDataset).
 */
export async function createRawTable(
  x: Omit<RecognizedImport, 'importId' | 'warn' | 'preamble' | 'fileName' | 'folderName'> & { privacy: PrivacyOptions }
): Promise<RecognitionReport['redactions']> {
  const { conn, recognizer, privacy } = x
  const salt = await privacySalt(conn)
  const ps = privacySelect(x.columns, privacy, recognizer.privacy, salt)
  // The file's order is kept by the scan (insertion order), so OFFSET drops exactly the rows under the header.
  const source = x.leadingRows ? `(SELECT * FROM ${x.textSource} OFFSET ${x.leadingRows})` : x.textSource
  const countSql = redactionCountSql(source, ps.touched, privacy)
  const redactions = countSql
    ? ((await conn.runAndReadAll(countSql)).getRowObjectsJson() as { kind: string; n: number | string }[]).map((r) => ({
        kind: r.kind,
        count: Number(r.n)
      }))
    : []
  // No stored row-number column: row_number() OVER () serialises the parallel CSV read (measured +45% on a
  // million rows). The file row is derived from rowid instead (rawWithRowNumbers): the numbers in rejects, and
  // in the grid's gutter.
  // Numbers sort as numbers in the grid; columns privacy rewrote are text by construction.
  await createTypedRawTable(
    conn,
    x.table,
    source,
    x.columns.map((name, i) => ({ name, select: ps.list[i] })),
    new Set(ps.touched.map((t) => t.column))
  )
  return redactions
}

/** Fill the canonical tables from an existing raw table; returns the import report. */
export async function normalizeRawTable(
  x: Omit<RecognizedImport, 'textSource'> & { redactions: RecognitionReport['redactions']; runKey: string | null }
): Promise<RecognitionReport> {
  const report = await normalizeImport(
    x.recognizer,
    {
      conn: x.conn,
      raw: await rawWithRowNumbers(x.conn, x.table),
      stored: await storedWithRowNumbers(x.conn, x.table),
      columns: x.columns,
      importId: x.importId,
      fileName: x.fileName,
      folderName: x.folderName,
      accountHint: x.options.account ?? null,
      platformHint: x.options.platform ?? null,
      timeZoneSql: literal(x.options.timeZone ?? 'UTC'),
      warn: x.warn,
      preamble: x.preamble ?? [],
      dates: {
        periodEnd: x.options.periodEnd ?? null,
        fileModified: x.fileModified ?? null,
        timeZone: x.options.timeZone ?? 'UTC'
      }
    },
    x.runKey
  )
  return { ...report, redactions: x.redactions }
}
