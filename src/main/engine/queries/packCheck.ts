/**
 * Which queries of a pack can never run, said when the pack is read (before anything is saved): each query is
 * checked by the sandbox policy and prepared (never run) against the canonical model alone, a fresh in-memory
 * database with the workspace migrations and nothing else. A query that names a table or column the model does
 * not have (a dataset table of someone else's workspace, a column of an older version) gets a warning, as does
 * one the sandbox would refuse. Warnings, not refusals: the user may still want to save and edit the SQL.
 */
import type { QueryDraft, QueryPackWarning } from '../../../shared/queries'
import { AppFailure } from '../../../shared/result'
import { Database } from '../db/duckdb'
import { missingColumn, missingTable } from '../db/duckdbMessages'
import { migrate } from '../db/migrations'
import { prepareUserSql } from './userSql'

export async function packWarnings(queries: QueryDraft[]): Promise<QueryPackWarning[]> {
  // External access off: the migrations need no file, and nothing a pack holds may reach one while it is checked.
  const db = await Database.open(':memory:', { enable_external_access: 'false' })
  try {
    await migrate(db)
    const warnings: QueryPackWarning[] = []
    for (const [index, q] of queries.entries()) {
      const message = await whyItCannotRun(db, q.sql)
      if (message) warnings.push({ index, name: q.name, message })
    }
    return warnings
  } finally {
    db.close()
  }
}

async function whyItCannotRun(db: Database, sql: string): Promise<string | null> {
  try {
    const prepared = await prepareUserSql(db.reader, sql)
    prepared.destroySync()
    return null
  } catch (err) {
    if (!(err instanceof AppFailure)) throw err
    if (err.code === 'READ_ONLY_SQL') return `It would be refused: ${err.message}`
    const table = missingTable(err)
    if (table) return `It reads a table, ${table}, that the Socialbench data model does not have.`
    const column = missingColumn(err)
    if (column) return `It reads a column, ${column}, that the Socialbench data model does not have.`
    return `It does not run against the Socialbench data model: ${err.message}`
  }
}
