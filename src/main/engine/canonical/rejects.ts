/** Rows an import could not load, with their row number and reason (the import report's "Show rejected rows"). */
import type { RejectPage } from '../../../shared/canonical'
import type { Database } from '../db/duckdb'

export async function listRejects(db: Database, importId: number, offset: number, limit: number): Promise<RejectPage> {
  const total = Number((await db.all(`SELECT count(*) AS n FROM import_rejects WHERE import_id = $1`, [importId]))[0].n)
  const rows = await db.all(
    `SELECT row_number, reason FROM import_rejects WHERE import_id = $1 ORDER BY row_number NULLS LAST, reason LIMIT $2 OFFSET $3`,
    [importId, limit, offset]
  )
  return {
    total,
    rows: rows.map((r) => ({ row: r.row_number === null ? null : Number(r.row_number), reason: String(r.reason) }))
  }
}
