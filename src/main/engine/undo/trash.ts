/**
 * Where undo keeps what an action removed, until the workspace closes:
 * - the `undo` schema: rows moved out of the workspace's tables (a deleted institution, event or dataset
 *   catalogue row; the rows a merge or a column mapping overwrote), one set of tables per undo record;
 * - a deleted dataset's raw table, renamed `undo_ds_N` rather than copied (it can hold millions of rows);
 * - saved queries, which are soft-deleted (deleted_at, migration 3).
 * All of it is purged when the workspace closes and when it opens, so a crash never brings a deleted thing back
 * and never leaves its data behind.
 */
import { checkpoint, Database, type WriteConn } from '../db/duckdb'
import { ident } from '../db/sql'

export const UNDO_SCHEMA = 'undo'

/** The name a deleted dataset's raw table hides under: not `ds_N`, so nothing lists it or drops it as an orphan. */
export function hiddenRawTable(table: string): string {
  return `undo_${table}`
}

export async function tableExists(conn: WriteConn, schema: string, name: string): Promise<boolean> {
  const r = await conn.runAndReadAll(
    `SELECT count(*) AS n FROM duckdb_tables()
     WHERE database_name = current_database() AND schema_name = $1 AND table_name = $2 AND NOT temporary`,
    [schema, name]
  )
  return Number(r.getRowObjectsJson()[0].n) > 0
}

/**
 * Make every undoable action final: empty the undo schema, drop the hidden raw tables, the soft-deleted queries.
 * Writes only when there is something to purge, so opening a workspace costs no write of its own.
 */
export async function purgeTrash(db: Database): Promise<void> {
  const found = await db.all(
    `SELECT schema_name AS s, table_name AS t FROM duckdb_tables()
     WHERE database_name = current_database() AND NOT temporary
       AND (schema_name = $1 OR (schema_name = 'main' AND regexp_full_match(table_name, 'undo_ds_[0-9]+')))`,
    [UNDO_SCHEMA],
    db.writer
  )
  const schema = await db.all(
    `SELECT count(*) AS n FROM duckdb_schemas() WHERE database_name = current_database() AND schema_name = $1`,
    [UNDO_SCHEMA],
    db.writer
  )
  const deleted = await db.all(`SELECT count(*) AS n FROM saved_queries WHERE deleted_at IS NOT NULL`, [], db.writer)
  const hasSchema = Number(schema[0].n) > 0
  if (!found.length && hasSchema && Number(deleted[0].n) === 0) return
  await db.write(async (conn) => {
    for (const r of found) await conn.run(`DROP TABLE IF EXISTS ${ident(String(r.s))}.${ident(String(r.t))}`)
    if (!hasSchema) await conn.run(`CREATE SCHEMA IF NOT EXISTS ${ident(UNDO_SCHEMA)}`)
    await conn.run(`DELETE FROM saved_queries WHERE deleted_at IS NOT NULL`)
  })
}

/**
 * Purge a copy of the workspace file (a .sbw export, a duplicate) before it leaves: what a deleted dataset or query
 * left for undo belongs to this session, not to the colleague who opens the copy.
 */
export async function purgeTrashInCopy(file: string): Promise<void> {
  const copy = await Database.open(file)
  try {
    await purgeTrash(copy)
    await checkpoint(copy.writer)
  } finally {
    copy.close()
  }
}
