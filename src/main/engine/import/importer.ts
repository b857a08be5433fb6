/**
 * Preview and import of one file as a dataset. An import is one DuckDB transaction: the new table and its
 * catalogue row appear together or not at all, so failure, cancel or a crash leave the workspace as it was.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import { stat } from 'node:fs/promises'
import { AppFailure } from '../../../shared/result'
import type {
  DatasetSummary,
  ImportOptions,
  ImportPhase,
  ImportPreview,
  ImportResult,
  RecognitionReport,
  UnmappedExport
} from '../../../shared/types'
import { hasYearlessDays } from '../recognize/dates/yearless'
import {
  createRawTable,
  defaultPrivacy,
  describeRecognizer,
  detectRecognizer,
  fileIdentity,
  folderOf,
  normalizeRawTable
} from '../recognize/recognizeImport'
import type { Database, WriteConn } from '../db/duckdb'
import { ident, literal } from '../db/sql'
import { findBySha256, getDataset, uniqueName } from '../datasets'
import { convertingColumn, isConversionError, isDiskFull, isInterrupted, isShortRow } from '../db/duckdbMessages'
import { readerFailure } from './duckdbErrors'
import { previewUnmapped, unmappedExport } from '../recognize/unmapped'
import { UnmappedFileError } from '../recognize/fields'
import { PREVIEW_ROWS } from './limits'
import { prepareSource, type PreparedSource } from './prepareSource'
import { planRead, type ColumnNote, type ReadPlan } from './readPlan'
import { clearImportPending, markImportPending } from './pendingImports'
import { canonicalKey, canonicalRunIsCurrent, copyRejects, findSharedRaw, rawKey, restatedReport } from './reimport'
import { FAST, type ReadMode } from './csvPlan'
import { importWorkbook, previewWorkbook } from './workbookImport'
import { sniffWorkbook } from './xlsx'

export interface ImportJob {
  path: string
  options: ImportOptions
  allowDuplicate: boolean
  name?: string
  signal: AbortSignal
  onProgress(phase: ImportPhase, fraction: number | null): void
  /** The file the user chose, when `path` is a sheet converted from it (stored as the dataset's source path). */
  sourcePath?: string
}

export async function previewImport(
  db: Database,
  tmpDir: string,
  path: string,
  options: ImportOptions
): Promise<ImportPreview> {
  const workbook = await sniffWorkbook(path)
  if (workbook) return previewWorkbook(path, tmpDir, workbook, (p) => previewImport(db, tmpDir, p, options))
  const src = await prepareSource(path, options, { tmpDir, previewOnly: true })
  try {
    const { plan, reader } = await withFallbacks(src, async (mode) => {
      const p = await planRead(db.reader, src, options, mode)
      return {
        plan: p,
        reader: await db.reader.runAndReadAll(`SELECT * FROM (${p.select}) LIMIT ${PREVIEW_ROWS}`),
        warnings: p.warnings
      }
    })
    const folderName = folderOf(path)
    const detected = options.generic
      ? null
      : await detectRecognizer(
          db.reader,
          plan.textSource,
          src.fileName,
          plan.settings.format,
          plan.preamble,
          folderName
        ).catch(() => null)
    const recognized = detected?.recognizer ?? null
    const identity = recognized
      ? await fileIdentity({
          conn: db.reader,
          recognizer: recognized,
          textSource: plan.textSource,
          columns: detected!.columns,
          fileName: src.fileName,
          folderName,
          preamble: plan.preamble,
          options
        }).catch(() => null)
      : null
    const names = reader.columnNames()
    const unmapped = recognized ? previewUnmapped(recognized, src.fileName, names) : null
    const types = reader.columnTypes().map(String)
    // Numbers the file grouped ("407.137") are shown grouped as they are read (407,137), so the preview says how the
    // separator was taken; other numbers (ids, years) stay as written.
    const grouped = new Set(plan.groupedColumns)
    const rows = (reader.getRowsJson() as unknown[][]).map((r) =>
      r.map((v, i) => (grouped.has(names[i]) ? groupedValue(v) : displayValue(v)))
    )
    return {
      path,
      fileName: src.fileName,
      sizeBytes: src.scan.size,
      sha256: src.scan.sha256,
      settings: plan.settings,
      columns: names.map((name, i) => ({ name, type: types[i] })),
      rows,
      alreadyImported: await findBySha256(db, src.scan.sha256),
      warnings: plan.warnings,
      recognized: recognized ? { ...describeRecognizer(recognized), datesWithoutYear: hasYearlessDays(rows) } : null,
      unmapped,
      identity
    }
  } finally {
    await src.cleanup()
  }
}

export async function importFile(db: Database, tmpDir: string, job: ImportJob): Promise<ImportResult> {
  const workbook = job.sourcePath ? null : await sniffWorkbook(job.path)
  if (workbook) return importWorkbook(job, tmpDir, workbook, (sheetJob) => importFile(db, tmpDir, sheetJob))
  job.onProgress('reading', 0)
  const src = await prepareSource(job.path, job.options, {
    tmpDir,
    signal: job.signal,
    onScanProgress: (f) => job.onProgress('reading', f * 0.2),
    onConvertProgress: (f) => job.onProgress('converting', 0.2 + f * 0.2)
  })
  try {
    if (!job.allowDuplicate) {
      const existing = await findBySha256(db, src.scan.sha256)
      if (existing) {
        throw new AppFailure(
          'DUPLICATE',
          `${src.fileName} is already imported as "${existing.name}" (${existing.importedAt.slice(0, 10)}); it was not imported again.`
        )
      }
    }
    job.onProgress('loading', 0.4)
    const outcome = await withFallbacks(src, (mode) => writeDataset(db, src, job, mode))
    const dataset = (await getDataset(db, outcome.id)) as DatasetSummary
    job.onProgress('done', 1)
    return {
      dataset,
      settings: outcome.plan.settings,
      warnings: outcome.warnings,
      recognition: outcome.recognition,
      unmapped: outcome.unmapped ?? null
    }
  } finally {
    await src.cleanup()
  }
}

/**
 * The new table and its catalogue row. A generic import is one transaction. A recognised one is two: the raw
 * table is committed first, because DuckDB scans a table created earlier in the same transaction on one thread
 * (the canonical step took twice as long, measured on a million rows); the canonical rows and the catalogue row
 * then commit together. Until that second commit the raw table is an orphan: dropped here if anything fails, and
 * by openEngine (dropOrphanTables) after a crash, so a dataset is never half present.
 * The same input imported again shares the earlier raw table, and may skip the canonical step (reimport.ts).
 */
async function writeDataset(db: Database, src: PreparedSource, job: ImportJob, mode: ReadMode) {
  const first = await db.write(async (conn) => {
    // Planning reads the file too (sniffing, sampling: seconds on a big file), so a cancel interrupts it as well.
    const plan = await withCancel(conn, job, () => planRead(conn, src, job.options, mode))
    const id = Number((await conn.runAndReadAll(`SELECT nextval('dataset_id_seq') AS id`)).getRowObjectsJson()[0].id)
    const detected = job.options.generic
      ? { recognizer: null, columns: [], leadingRows: 0 }
      : await withCancel(conn, job, () =>
          detectRecognizer(
            conn,
            plan.textSource,
            src.fileName,
            plan.settings.format,
            plan.preamble,
            folderOf(job.sourcePath ?? job.path)
          )
        )
    const recognizer = detected.recognizer
    const privacy = recognizer ? (job.options.privacy ?? (await defaultPrivacy(conn))) : null
    const keys = {
      raw: rawKey({
        sha256: src.scan.sha256,
        settings: plan.settings,
        mode,
        recognizer: recognizer?.id ?? null,
        privacy,
        options: job.options
      }),
      canonical: null as string | null
    }
    if (recognizer) keys.canonical = canonicalKey(keys.raw, job.options)
    const shared = await findSharedRaw(conn, keys.raw)
    const table = shared?.table ?? `ds_${id}`
    const base = { plan, id, table, keys, shared, recognizer, columns: detected.columns }
    if (!recognizer) {
      if (!shared) {
        await withCancel(conn, job, () => conn.run(`CREATE TABLE ${ident(table)} AS ${plan.select}`))
        await storeColumnNotes(conn, table, plan.columnNotes)
      }
      return { ...base, redactions: [], done: await catalogue(conn, src, job, base, [...plan.warnings], null) }
    }
    if (detected.leadingRows) {
      const rows =
        detected.leadingRows === 1
          ? 'The row under the header holds'
          : `The ${detected.leadingRows} rows under the header hold`
      plan.warnings.push(`${rows} ${recognizer.label} metric descriptions, not data: not imported.`)
    }
    // Committed with the raw table, cleared with the catalogue row: a crash in between is repaired on open.
    await markImportPending(conn, id)
    const redactions = shared
      ? (shared.report?.redactions ?? [])
      : await withCancel(conn, job, () =>
          createRawTable({
            conn,
            recognizer,
            textSource: plan.textSource,
            columns: detected.columns,
            table,
            options: job.options,
            privacy: privacy!,
            leadingRows: detected.leadingRows
          })
        )
    if (!shared) await storeColumnNotes(conn, table, plan.columnNotes)
    if (job.signal.aborted) throw new AppFailure('CANCELLED', `Import of ${src.fileName} was cancelled.`)
    return { ...base, redactions, done: null }
  })
  if (first.done) return first.done
  const { plan, id, table, keys, shared, recognizer, columns, redactions } = first
  try {
    try {
      return await db.write(async (conn) => {
        await clearImportPending(conn, id)
        if (
          shared?.report &&
          keys.canonical &&
          shared.canonicalKey === keys.canonical &&
          (await canonicalRunIsCurrent(conn, keys.canonical))
        ) {
          await copyRejects(conn, shared.id, id)
          return catalogue(conn, src, job, first, [...shared.warnings], restatedReport(shared.report))
        }
        const warnings = [...plan.warnings]
        // The file the user chose (not a sheet's converted copy): its modification day is the download day.
        const fileModified = await stat(job.sourcePath ?? src.originalPath).then(
          (s) => s.mtime,
          () => null
        )
        const recognition = await withCancel(conn, job, () =>
          normalizeRawTable({
            conn,
            recognizer: recognizer!,
            columns,
            table,
            importId: id,
            fileName: src.fileName,
            folderName: folderOf(job.sourcePath ?? job.path),
            options: job.options,
            warn: (m) => warnings.push(m),
            preamble: plan.preamble,
            redactions,
            runKey: keys.canonical,
            fileModified
          })
        ).catch((err: unknown) => {
          throw isRecognizerFault(err, job) ? new RecognizerFault(err) : err
        })
        return catalogue(conn, src, job, first, warnings, recognition)
      })
    } catch (err) {
      if (!(err instanceof RecognizerFault)) throw err
      // The recognizer could not map this file (another generation of the format, a broken mapping): the canonical
      // step was rolled back, and the raw table, already committed, lands as a plain dataset with the reason.
      const unmapped = unmappedExport(recognizer!, src.fileName, err.cause)
      // A missing field is an expected outcome; anything else is a recognizer bug: its details go to the log only.
      if (!(err.cause instanceof UnmappedFileError))
        console.error(`import of ${src.fileName}: ${recognizer!.id} could not map it:`, err.cause)
      const done = await db.write(async (conn) => {
        await clearImportPending(conn, id)
        return catalogue(
          conn,
          src,
          job,
          { ...first, keys: { raw: keys.raw, canonical: null } },
          [...plan.warnings, unmapped.message],
          null
        )
      })
      return { ...done, unmapped }
    }
  } catch (err) {
    // A shared raw table belongs to the earlier dataset: only a table this import created is dropped.
    await db
      .write(async (conn) => {
        if (!shared) await conn.run(`DROP TABLE IF EXISTS ${ident(table)}`)
        await clearImportPending(conn, id)
      })
      .catch(() => undefined)
    throw err
  }
}

/** A failure of the recognizer's own mapping, as opposed to the import being cancelled or the disk filling up. */
class RecognizerFault extends Error {
  constructor(override readonly cause: unknown) {
    super('recognizer failed')
  }
}

function isRecognizerFault(err: unknown, job: ImportJob): boolean {
  if (job.signal.aborted || isDiskFull(err)) return false
  // The file needs an answer from the user (which account, which platform): refused, never landed as a plain table.
  if (
    err instanceof AppFailure &&
    (err.code === 'CANCELLED' || err.code === 'ACCOUNT_REQUIRED' || err.code === 'PLATFORM_REQUIRED')
  )
    return false
  return !isInterrupted(err)
}

/** A description row's text, kept with the table as its columns' comments (duckdb_columns().comment). */
async function storeColumnNotes(conn: WriteConn, table: string, notes: ColumnNote[]) {
  for (const n of notes) await conn.run(`COMMENT ON COLUMN ${ident(table)}.${ident(n.column)} IS ${literal(n.note)}`)
}

interface Written {
  plan: ReadPlan
  id: number
  table: string
  keys: { raw: string; canonical: string | null }
}

/** Count the stored rows and write the dataset's catalogue row (inside the caller's transaction). */
async function catalogue(
  conn: WriteConn,
  src: PreparedSource,
  job: ImportJob,
  w: Written,
  warnings: string[],
  recognition: RecognitionReport | null
) {
  const { plan, id, table } = w
  if (job.signal.aborted) throw new AppFailure('CANCELLED', `Import of ${src.fileName} was cancelled.`)
  const count = Number((await conn.runAndReadAll(`SELECT count(*) AS n FROM ${ident(table)}`)).getRowObjectsJson()[0].n)
  if (count === 0) {
    throw new AppFailure('EMPTY_FILE', `${src.fileName} has a header but no data rows; nothing was imported.`)
  }
  job.onProgress('committing', 0.97)
  const name = await uniqueName(conn, job.name ?? stripExtension(src.fileName))
  const rowsLoaded = recognition ? recognition.rowsRead - recognition.rowsRejected : count
  await conn.run(
    `INSERT INTO datasets (id, name, table_name, file_name, source_path, format, row_count, size_bytes, sha256, settings, warnings,
                           recognized_format, platform, rows_read, rows_loaded, rows_rejected, rows_new, rows_updated, rows_unchanged,
                           raw_key, canonical_key, report)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`,
    [
      id,
      name,
      table,
      src.fileName,
      job.sourcePath ?? src.originalPath,
      plan.settings.format,
      count,
      src.scan.size,
      src.scan.sha256,
      JSON.stringify(plan.settings),
      JSON.stringify(warnings),
      recognition?.format ?? null,
      recognition?.platform ?? null,
      count,
      rowsLoaded,
      recognition?.rowsRejected ?? 0,
      recognition ? sumCounts(recognition, 'new') : null,
      recognition ? sumCounts(recognition, 'updated') : null,
      recognition ? sumCounts(recognition, 'unchanged') : null,
      w.keys.raw,
      w.keys.canonical,
      recognition ? JSON.stringify(recognition) : null
    ]
  )
  return { id, plan, warnings, recognition, unmapped: null as UnmappedExport | null }
}

function sumCounts(r: RecognitionReport, k: 'new' | 'updated' | 'unchanged'): number {
  return (r.posts?.[k] ?? 0) + (r.daily?.[k] ?? 0)
}

/** Columns kept as text one by one before every column is (each retry reads the file again). */
const MAX_TEXT_RETRIES = 3

/**
 * Try the fast parallel read first; if DuckDB refuses the file for a reason a slower read can handle (rows that
 * end early, a type that only shows up after the sample), retry that way and say so in the warnings.
 */
async function withFallbacks<T extends { warnings: string[] }>(
  src: PreparedSource,
  attempt: (mode: ReadMode) => Promise<T>
): Promise<T> {
  let mode: ReadMode = FAST
  const notes: string[] = []
  for (;;) {
    try {
      const result = await attempt(mode)
      result.warnings.push(...notes)
      return result
    } catch (err) {
      if (err instanceof AppFailure || src.guess.format !== 'csv') throw readerFailure(src.fileName, err)
      if (!mode.pad && isShortRow(err)) {
        mode = { ...mode, pad: true }
        notes.push('Some rows have fewer fields than the header; the missing fields were read as empty (null).')
      } else if (!mode.fullScan && isConversionError(err)) {
        mode = { ...mode, fullScan: true }
        notes.push(
          'Column types were detected from the whole file because later rows did not match the first ones; locale-formatted numbers were kept as text.'
        )
      } else if (isConversionError(err) && mode.text !== 'all') {
        // Even the whole file gives a column one type its values do not all fit (dates written two ways): keep that
        // column as text, as written, rather than refuse the file. Each retry reads the file again, so after a few
        // such columns every column is read as text.
        const column = convertingColumn(err)
        const named = mode.text ?? []
        if (column && !named.includes(column) && named.length < MAX_TEXT_RETRIES) {
          mode = { ...mode, text: [...named, column] }
          notes.push(
            `Column "${column}" mixes value formats (for example two date styles); it was kept as text, as written.`
          )
        } else {
          mode = { ...mode, text: 'all' }
          notes.push('Several columns mix value formats; every column was kept as text, as written.')
        }
      } else {
        throw readerFailure(src.fileName, err)
      }
    }
  }
}

/** Run a DuckDB statement while the job's abort signal can interrupt it; report DuckDB's own progress. */
async function withCancel<T>(conn: DuckDBConnection, job: ImportJob, fn: () => Promise<T>): Promise<T> {
  // A cancel that arrived while the read was being planned has already fired its 'abort' event: stop here,
  // or the whole load would run before anyone looks at the signal again.
  if (job.signal.aborted) throw new AppFailure('CANCELLED', 'Import cancelled.')
  const onAbort = () => conn.interrupt()
  job.signal.addEventListener('abort', onAbort)
  const timer = setInterval(() => {
    const p = conn.progress.percentage
    if (p >= 0) job.onProgress('loading', 0.4 + (Math.min(p, 100) / 100) * 0.55)
  }, 200)
  try {
    return await fn()
  } finally {
    clearInterval(timer)
    job.signal.removeEventListener('abort', onAbort)
  }
}

function stripExtension(fileName: string): string {
  return fileName.replace(/\.(csv|tsv|txt|json|ndjson|jsonl|js)$/i, '') || fileName
}

/** A number in en-US grouping ("407,137", "1,234.5"): the preview's reading of a locale-formatted column. */
function groupedValue(v: unknown): string | null {
  // BIGINTs arrive as strings: grouped exactly, whatever their size.
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v).toLocaleString('en-US')
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN
  return Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: 15 }) : displayValue(v)
}

export function displayValue(v: unknown): string | null {
  if (v === null || v === undefined) return null
  if (typeof v === 'object') return JSON.stringify(v)
  return String(v)
}
