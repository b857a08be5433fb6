/** The dataset catalogue: list, find, rename, delete, and pages of rows for the grid. */
import type { DuckDBConnection, DuckDBResultReader } from '@duckdb/node-api'
import type { Handlers } from '../../shared/contract'
import { AppFailure } from '../../shared/result'
import type { GridView } from '../../shared/gridView'
import type { ColumnInfo, DataPage, DatasetSummary } from '../../shared/types'
import type { DeleteAnswer } from '../../shared/undo'
import type { Database, Row } from './db/duckdb'
import { ident } from './db/sql'
import { paramBinder, viewQueryText, viewSql } from './datasetView'
import { GridViews } from './gridViews'
import type { UndoStack } from './undo/stack'
import { hiddenRawTable, tableExists } from './undo/trash'

const SELECT_DATASETS = `
  SELECT d.id, d.name, d.recognized_format, d.platform, d.table_name, d.file_name, d.format, d.row_count, d.size_bytes, d.sha256,
         strftime(d.imported_at, '%Y-%m-%dT%H:%M:%SZ') AS imported_at,
         (SELECT list({'name': c.column_name, 'type': c.data_type} ORDER BY c.column_index)
            FROM duckdb_columns() c WHERE c.table_name = d.table_name AND c.schema_name = 'main') AS columns
  FROM datasets d`

function toSummary(r: Row): DatasetSummary {
  return {
    id: Number(r.id),
    name: String(r.name),
    tableName: String(r.table_name),
    fileName: String(r.file_name),
    format: r.format as DatasetSummary['format'],
    rows: Number(r.row_count),
    columns: ((r.columns as ColumnInfo[] | null) ?? []).map((c) => ({ name: c.name, type: c.type })),
    sizeBytes: Number(r.size_bytes),
    importedAt: String(r.imported_at),
    sha256: String(r.sha256),
    recognizedFormat: (r.recognized_format as string | null) ?? null,
    platform: (r.platform as DatasetSummary['platform']) ?? null
  }
}

export async function listDatasets(db: Database): Promise<DatasetSummary[]> {
  return (await db.all(`${SELECT_DATASETS} ORDER BY d.imported_at DESC, d.id DESC`)).map(toSummary)
}

export async function getDataset(db: Database, id: number): Promise<DatasetSummary | null> {
  const rows = await db.all(`${SELECT_DATASETS} WHERE d.id = $1`, [id])
  return rows.length ? toSummary(rows[0]) : null
}

async function requireDataset(db: Database, id: number): Promise<DatasetSummary> {
  const d = await getDataset(db, id)
  if (!d) throw new AppFailure('NOT_FOUND', `Dataset ${id} does not exist (it may have been deleted).`)
  return d
}

export async function findBySha256(db: Database, sha256: string): Promise<DatasetSummary | null> {
  const rows = await db.all(`${SELECT_DATASETS} WHERE d.sha256 = $1 ORDER BY d.id LIMIT 1`, [sha256])
  return rows.length ? toSummary(rows[0]) : null
}

/** "Report", then "Report (2)", "Report (3)"... so names stay unique and recognisable. */
export async function uniqueName(conn: DuckDBConnection, wanted: string, exceptId?: number): Promise<string> {
  const reader = await conn.runAndReadAll(`SELECT name FROM datasets WHERE id IS DISTINCT FROM $1`, [exceptId ?? null])
  const taken = new Set((reader.getRowObjectsJson() as { name: string }[]).map((r) => r.name.toLowerCase()))
  if (!taken.has(wanted.toLowerCase())) return wanted
  for (let i = 2; ; i++) {
    const candidate = `${wanted} (${i})`
    if (!taken.has(candidate.toLowerCase())) return candidate
  }
}

export async function renameDataset(db: Database, id: number, name: string): Promise<DatasetSummary> {
  await requireDataset(db, id)
  await db.write(async (conn) => {
    const unique = await uniqueName(conn, name.trim(), id)
    await conn.run(`UPDATE datasets SET name = $1 WHERE id = $2`, [unique, id])
  })
  return requireDataset(db, id)
}

/**
 * Delete a dataset, undoably: its catalogue row moves to the undo schema and, when no other dataset shares its raw
 * table, the table is renamed out of sight (undo/trash.ts) rather than dropped or copied. Its canonical rows stay,
 * as they always did: they belong to the accounts, and a later import may have updated them.
 */
export async function deleteDataset(db: Database, undo: UndoStack, id: number): Promise<DeleteAnswer> {
  const d = await requireDataset(db, id)
  const saved = undo.table('dataset')
  const hidden = hiddenRawTable(d.tableName)
  await db.write(async (conn) => {
    await conn.run(`CREATE TABLE ${saved.sql} AS SELECT * FROM datasets WHERE id = $1`, [id])
    await conn.run(`DELETE FROM datasets WHERE id = $1`, [id])
    // A re-import of the same file shares its raw table (import/reimport.ts): it goes with the last dataset using it.
    const users = await conn.runAndReadAll(`SELECT count(*) AS n FROM datasets WHERE table_name = $1`, [d.tableName])
    if (Number(users.getRowObjectsJson()[0].n) === 0) {
      await conn.run(`ALTER TABLE ${ident(d.tableName)} RENAME TO ${ident(hidden)}`)
    }
  })
  const entry = await undo.push({
    kind: 'deleteDataset',
    label: `Deleted dataset “${d.name}”`,
    // Every record of a dataset on this raw table holds it: the table is dropped with the last of them.
    holds: [saved.name, hidden],
    async restore(conn) {
      // The other dataset on a shared table may have been deleted since, hiding the table: bring it back.
      if (await tableExists(conn, 'main', hidden)) {
        await conn.run(`ALTER TABLE ${ident(hidden)} RENAME TO ${ident(d.tableName)}`)
      } else if (!(await tableExists(conn, 'main', d.tableName))) {
        throw new AppFailure('NOT_FOUND', `The rows of dataset “${d.name}” are gone; it cannot be restored.`)
      }
      await conn.run(`INSERT INTO datasets SELECT * FROM ${saved.sql}`)
      // Its id and everything else come back as they were; only a name taken since gets a free variant.
      const name = await uniqueName(conn, d.name, id)
      if (name !== d.name) await conn.run(`UPDATE datasets SET name = $1 WHERE id = $2`, [name, id])
    }
  })
  return { deleted: true, undo: entry }
}

/**
 * Raw tables with no catalogue row: an import that crashed between committing its raw table and its canonical
 * rows (importer.ts, writeDataset). Nothing refers to them; they are dropped when the workspace opens.
 */
export async function dropOrphanTables(db: Database): Promise<string[]> {
  const orphans = (
    await db.all(
      `SELECT table_name AS t FROM duckdb_tables()
       WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary
         AND regexp_full_match(table_name, 'ds_[0-9]+')
         AND table_name NOT IN (SELECT table_name FROM datasets)`,
      [],
      db.writer
    )
  ).map((r) => String(r.t))
  if (orphans.length) {
    await db.write(async (conn) => {
      for (const t of orphans) await conn.run(`DROP TABLE IF EXISTS ${ident(t)}`)
    })
  }
  return orphans
}

export async function datasetPage(
  db: Database,
  views: GridViews,
  id: number,
  offset: number,
  limit: number,
  view: GridView
): Promise<DataPage> {
  const d = await requireDataset(db, id)
  const bind = paramBinder()
  const { where, orderBy } = viewSql(d, view, bind, { stableOrder: true })
  let reader: DuckDBResultReader
  let totalRows = d.rows
  if (where || orderBy) {
    ;({ reader, total: totalRows } = await views.page(
      { dataset: d, where, orderBy, params: bind.params },
      offset,
      limit
    ))
  } else {
    reader = await db.reader.runAndReadAll(`SELECT * FROM ${ident(d.tableName)} LIMIT $1 OFFSET $2`, [limit, offset])
  }
  // Arrow is loaded on the first page, not with the engine: the CLI's import and sql commands never need it.
  const { rowsToArrowIpc } = await import('./arrowPage')
  return { arrow: rowsToArrowIpc(reader), offset, totalRows }
}

export async function datasetQuerySql(db: Database, id: number, view: GridView): Promise<{ sql: string }> {
  return { sql: viewQueryText(await requireDataset(db, id), view) }
}

/** The catalogue's channels (the import slice adds datasets, import/slice.ts). */
export function datasetHandlers(db: Database, undo: UndoStack) {
  const views = new GridViews(db)
  return {
    listDatasets: () => listDatasets(db),
    datasetPage: ({ datasetId, offset, limit, ...view }) => datasetPage(db, views, datasetId, offset, limit, view),
    datasetQuerySql: ({ datasetId, ...view }) => datasetQuerySql(db, datasetId, view),
    renameDataset: ({ datasetId, name }) => renameDataset(db, datasetId, name),
    deleteDataset: ({ datasetId }) => deleteDataset(db, undo, datasetId)
  } satisfies Partial<Handlers>
}
