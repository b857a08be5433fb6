/**
 * The query library in the workspace (table saved_queries, migration "saved queries"). Deleting is soft (deleted_at)
 * so the Undo toast can restore; names are unique among live queries so `socialbench query run NAME` is unambiguous.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import { queryDraft, type QueryDraft, type SavedQuery } from '../../../shared/queries'
import { AppFailure } from '../../../shared/result'
import type { DeleteAnswer } from '../../../shared/undo'
import type { Database, Row } from '../db/duckdb'
import type { UndoStack } from '../undo/stack'

const COLUMNS = `id, name, description, tags, sql, params, chart, starter, created_at, updated_at`

export async function listQueries(db: Database, search = ''): Promise<SavedQuery[]> {
  const needle = `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const rows = await db.all(
    `SELECT ${COLUMNS} FROM saved_queries
     WHERE deleted_at IS NULL
       AND ($1 = '%%' OR name ILIKE $1 ESCAPE '\\' OR description ILIKE $1 ESCAPE '\\'
            OR CAST(tags AS VARCHAR) ILIKE $1 ESCAPE '\\' OR sql ILIKE $1 ESCAPE '\\')
     ORDER BY lower(name)`,
    [needle]
  )
  return rows.map(toSaved)
}

export async function getQuery(db: Database, id: number, includeDeleted = false): Promise<SavedQuery> {
  const rows = await db.all(
    `SELECT ${COLUMNS} FROM saved_queries WHERE id = $1 ${includeDeleted ? '' : 'AND deleted_at IS NULL'}`,
    [id]
  )
  if (!rows.length) throw new AppFailure('NOT_FOUND', `There is no saved query ${id}.`)
  return toSaved(rows[0])
}

export async function findQueryByName(db: Database, name: string): Promise<SavedQuery> {
  const rows = await db.all(
    `SELECT ${COLUMNS} FROM saved_queries WHERE deleted_at IS NULL AND lower(name) = lower($1)`,
    [name.trim()]
  )
  if (!rows.length) throw new AppFailure('NOT_FOUND', `There is no saved query named "${name}".`)
  return toSaved(rows[0])
}

export async function createQuery(db: Database, draft: QueryDraft, starter = false): Promise<SavedQuery> {
  const d = queryDraft.parse(draft)
  const id = await db.write(async (conn) => {
    const name = await freeName(conn, d.name, null)
    const r = await conn.runAndReadAll(
      `INSERT INTO saved_queries (name, description, tags, sql, params, chart, starter)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        name,
        d.description,
        JSON.stringify(d.tags),
        d.sql,
        JSON.stringify(d.params),
        d.chart ? JSON.stringify(d.chart) : null,
        starter
      ]
    )
    return Number(r.getRowsJson()[0][0])
  })
  return getQuery(db, id)
}

/** Save over an existing query; a name already taken by another query is refused rather than silently changed. */
export async function updateQuery(db: Database, id: number, draft: QueryDraft): Promise<SavedQuery> {
  const d = queryDraft.parse(draft)
  await getQuery(db, id)
  await db.write(async (conn) => {
    await refuseTakenName(conn, d.name, id)
    await conn.run(
      `UPDATE saved_queries SET name = $2, description = $3, tags = $4, sql = $5, params = $6, chart = $7,
         updated_at = now()::TIMESTAMP WHERE id = $1`,
      [
        id,
        d.name,
        d.description,
        JSON.stringify(d.tags),
        d.sql,
        JSON.stringify(d.params),
        d.chart ? JSON.stringify(d.chart) : null
      ]
    )
  })
  return getQuery(db, id)
}

export async function renameQuery(db: Database, id: number, name: string): Promise<SavedQuery> {
  return updateQuery(db, id, { ...toDraft(await getQuery(db, id)), name })
}

export const toDraft = ({ name, description, tags, sql, params, chart }: SavedQuery): QueryDraft => ({
  name,
  description,
  tags,
  sql,
  params,
  chart
})

export async function duplicateQuery(db: Database, id: number): Promise<SavedQuery> {
  const q = await getQuery(db, id)
  return createQuery(db, { ...toDraft(q), name: `${q.name} (copy)` })
}

/**
 * Delete a query, undoably: it is soft-deleted (deleted_at) and comes back with its id, SQL, parameters and chart;
 * the workspace purges soft-deleted queries when it closes and opens (undo/trash.ts).
 */
export async function deleteQuery(db: Database, undo: UndoStack, id: number): Promise<DeleteAnswer> {
  const q = await getQuery(db, id)
  await db.write((conn) => conn.run(`UPDATE saved_queries SET deleted_at = now()::TIMESTAMP WHERE id = $1`, [id]))
  const entry = await undo.push({
    kind: 'deleteQuery',
    label: `Deleted query “${q.name}”`,
    restore: (conn) => undeleteQuery(conn, id, q.name),
    async discard(conn) {
      await conn.run(`DELETE FROM saved_queries WHERE id = $1 AND deleted_at IS NOT NULL`, [id])
    }
  })
  return { deleted: true, undo: entry }
}

async function undeleteQuery(conn: Conn, id: number, wanted: string): Promise<void> {
  const name = await freeName(conn, wanted, id)
  await conn.run(`UPDATE saved_queries SET deleted_at = NULL, name = $2 WHERE id = $1`, [id, name])
}

/** Undo a delete. If the name was reused meanwhile, the restored query gets a free variant of it. */
export async function restoreQuery(db: Database, id: number): Promise<SavedQuery> {
  const q = await getQuery(db, id, true)
  await db.write((conn) => undeleteQuery(conn, id, q.name))
  return getQuery(db, id)
}

type Conn = DuckDBConnection

async function nameTaken(conn: Conn, name: string, exceptId: number | null): Promise<boolean> {
  const r = await conn.runAndReadAll(
    `SELECT count(*) FROM saved_queries WHERE deleted_at IS NULL AND lower(name) = lower($1) AND id IS DISTINCT FROM $2`,
    [name, exceptId]
  )
  return Number(r.getRowsJson()[0][0]) > 0
}

async function refuseTakenName(conn: Conn, name: string, exceptId: number): Promise<void> {
  if (await nameTaken(conn, name, exceptId))
    throw new AppFailure('DUPLICATE', `A saved query is already named "${name}".`)
}

/** `name`, or `name (2)`, `name (3)`... whichever is free. */
async function freeName(conn: Conn, name: string, exceptId: number | null): Promise<string> {
  if (!(await nameTaken(conn, name, exceptId))) return name
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`
    if (!(await nameTaken(conn, candidate, exceptId))) return candidate
  }
}

const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v)
const iso = (v: unknown): string => `${String(v).replace(' ', 'T')}${/[zZ]|[+-]\d\d:?\d\d$/.test(String(v)) ? '' : 'Z'}`

function toSaved(r: Row): SavedQuery {
  return {
    id: Number(r.id),
    name: String(r.name),
    description: String(r.description ?? ''),
    tags: (json(r.tags) as string[]) ?? [],
    sql: String(r.sql),
    params: (json(r.params) as SavedQuery['params']) ?? [],
    chart: r.chart == null ? null : (json(r.chart) as SavedQuery['chart']),
    starter: Boolean(r.starter),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at)
  }
}
