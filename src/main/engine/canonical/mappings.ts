/**
 * Hand-made column mappings for files no built-in recognizer knows: saved per header signature, consulted by the
 * next import with the same header, and applicable to a generic dataset that is already in the workspace.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import { columnMapping, headerSignature, type ColumnMapping } from '../../../shared/canonical'
import { AppFailure } from '../../../shared/result'
import type { RecognitionReport } from '../../../shared/types'
import type { UndoEntry } from '../../../shared/undo'
import type { Database, WriteConn } from '../db/duckdb'
import { ident, literal } from '../db/sql'
import { MAPPED_FORMAT, mappedRecognizer } from '../recognize/mapped'
import { normalizeImport } from '../recognize/normalize'
import { rawWithRowNumbers } from '../recognize/recognizeImport'
import type { Recognizer } from '../recognize/types'
import type { UndoStack } from '../undo/stack'
import { mappingCapture, type MappingCapture } from './mappingUndo'

export async function saveMapping(
  db: Database,
  signature: string,
  mapping: ColumnMapping
): Promise<{ headerSignature: string; mapping: ColumnMapping }> {
  await db.write((conn) => upsertMapping(conn, signature, mapping))
  return { headerSignature: signature, mapping }
}

async function upsertMapping(conn: WriteConn, signature: string, mapping: ColumnMapping): Promise<void> {
  await conn.run(
    `INSERT INTO column_mappings (header_signature, mapping) VALUES ($1, $2)
     ON CONFLICT (header_signature) DO UPDATE SET mapping = EXCLUDED.mapping, updated_at = now()::TIMESTAMP`,
    [signature, JSON.stringify(mapping)]
  )
}

export async function getMapping(db: Database, signature: string): Promise<ColumnMapping | null> {
  const rows = await db.all(`SELECT mapping FROM column_mappings WHERE header_signature = $1`, [signature])
  return rows.length ? parseMapping(rows[0].mapping) : null
}

function parseMapping(value: unknown): ColumnMapping | null {
  // A mapping saved by an older version that no longer validates is ignored rather than breaking every import.
  const parsed = columnMapping.safeParse(typeof value === 'string' ? JSON.parse(value) : value)
  return parsed.success ? parsed.data : null
}

/** Every saved mapping as a recognizer, for the registry to try before the built-in formats. */
export async function mappedRecognizers(conn: DuckDBConnection): Promise<Recognizer[]> {
  const rows = (await conn.runAndReadAll(`SELECT header_signature, mapping FROM column_mappings`)).getRowObjectsJson()
  const out: Recognizer[] = []
  for (const r of rows) {
    const m = parseMapping(r.mapping)
    if (m) out.push(mappedRecognizer(String(r.header_signature), m))
  }
  return out
}

/**
 * Map a dataset imported as a plain table: run the mapping for its header over its table, in one transaction, and
 * record the outcome on the dataset as if it had been recognised on import. `given` is saved for the header in the
 * same transaction (else the saved one is used). Undoable: undo restores the canonical rows, the dataset's report and
 * rejects, and the saved mapping, as they were (mappingUndo.ts).
 */
export async function applyMapping(
  db: Database,
  undo: UndoStack,
  datasetId: number,
  given?: ColumnMapping
): Promise<RecognitionReport & { undo: UndoEntry }> {
  let capture: MappingCapture | null = null
  let name = ''
  const report = await db.write(async (conn) => {
    const ds = (
      await conn.runAndReadAll(
        `SELECT name, table_name, file_name, recognized_format, warnings FROM datasets WHERE id = $1`,
        [datasetId]
      )
    ).getRowObjectsJson()[0]
    if (!ds) throw new AppFailure('NOT_FOUND', `Dataset ${datasetId} does not exist (it may have been deleted).`)
    if (ds.recognized_format && ds.recognized_format !== MAPPED_FORMAT) {
      throw new AppFailure(
        'BAD_INPUT',
        `Dataset ${datasetId} was recognised as ${String(ds.recognized_format)}; it needs no column mapping.`
      )
    }
    const table = String(ds.table_name)
    const all = (
      (
        await conn.runAndReadAll(
          `SELECT column_name FROM duckdb_columns() WHERE table_name = $1 AND schema_name = 'main' ORDER BY column_index`,
          [table]
        )
      ).getRowObjectsJson() as { column_name: string }[]
    ).map((c) => c.column_name)
    const hasRow = all[0] === '_row'
    const columns = hasRow ? all.slice(1) : all
    const signature = headerSignature(columns)
    name = String(ds.name)
    capture = mappingCapture(undo, datasetId, signature)
    await capture.capture(conn)
    if (given) await upsertMapping(conn, signature, given)
    const found = (
      await conn.runAndReadAll(`SELECT mapping FROM column_mappings WHERE header_signature = $1`, [signature])
    ).getRowObjectsJson()
    const mapping = found.length ? parseMapping(found[0].mapping) : null
    if (!mapping)
      throw new AppFailure(
        'NOT_FOUND',
        `No column mapping is saved for the header of dataset ${datasetId}. Map its columns first.`
      )

    // The file row as an import numbers it (older workspaces stored it as a `_row` column).
    await conn.run(
      `CREATE OR REPLACE TEMP TABLE mapped_raw AS SELECT * FROM ${hasRow ? ident(table) : await rawWithRowNumbers(conn, table)}`
    )
    await conn.run(`DELETE FROM import_rejects WHERE import_id = $1`, [datasetId])
    const warnings: string[] = JSON.parse(String(ds.warnings ?? '[]'))
    const report = await normalizeImport(mappedRecognizer(signature, mapping), {
      conn,
      raw: 'mapped_raw',
      columns,
      importId: datasetId,
      fileName: String(ds.file_name),
      accountHint: null,
      timeZoneSql: literal('UTC'),
      warn: (m) => warnings.push(m),
      observer: capture.observer(conn)
    })
    await conn.run(`DROP TABLE IF EXISTS mapped_raw`)
    const sum = (k: 'new' | 'updated' | 'unchanged') => (report.posts?.[k] ?? 0) + (report.daily?.[k] ?? 0)
    await conn.run(
      `UPDATE datasets SET recognized_format = $1, platform = $2, rows_read = $3, rows_loaded = $4, rows_rejected = $5,
         rows_new = $6, rows_updated = $7, rows_unchanged = $8, warnings = $9 WHERE id = $10`,
      [
        MAPPED_FORMAT,
        report.platform,
        report.rowsRead,
        report.rowsRead - report.rowsRejected,
        report.rowsRejected,
        sum('new'),
        sum('updated'),
        sum('unchanged'),
        JSON.stringify(warnings),
        datasetId
      ]
    )
    return report
  })
  const entry = await undo.push(capture!.record(`Mapped the columns of “${name}”`))
  return { ...report, undo: entry }
}
