/**
 * One read-only statement against a workspace, on its own locked-down database handle: read-only file access,
 * no file system or network from SQL, configuration locked. (The full SQL sandbox comes with saved queries.)
 */
import { DuckDBInstance, DuckDBTypeId, StatementType, type DuckDBResultReader } from '@duckdb/node-api'
import { existsSync } from 'node:fs'
import { AppFailure } from '../../shared/result'
import { SAFE_OPTIONS } from './db/duckdb'
import { workspacePaths } from './workspace'

const ALLOWED = new Set<StatementType>([StatementType.SELECT, StatementType.EXPLAIN])
/** Functions that change engine state even on a locked connection; never allowed from user SQL. */
const FORBIDDEN_FUNCTIONS = /\b(enable_logging|disable_logging|truncate_duckdb_logs|enable_profiling|disable_profiling|checkpoint|force_checkpoint)\b/i

export interface SqlResult {
  columns: { name: string; type: string }[]
  rows: Record<string, unknown>[]
}

export async function runReadOnlySql(workspaceDir: string, sql: string): Promise<SqlResult> {
  const { dbFile } = workspacePaths(workspaceDir)
  if (!existsSync(dbFile)) throw new AppFailure('NOT_FOUND', `No workspace at ${workspaceDir} (no ${dbFile}).`)
  if (FORBIDDEN_FUNCTIONS.test(sql)) throw new AppFailure('READ_ONLY_SQL', 'This function is not allowed in user SQL.')
  let instance: DuckDBInstance
  try {
    instance = await DuckDBInstance.create(dbFile, {
      ...SAFE_OPTIONS,
      access_mode: 'READ_ONLY',
      enable_external_access: 'false',
      lock_configuration: 'true'
    })
  } catch (err) {
    const message = (err as Error).message
    if (/lock/i.test(message)) throw new AppFailure('WORKSPACE_IN_USE', `The workspace ${workspaceDir} is open elsewhere (${message.split('\n')[0]}).`)
    throw new AppFailure('INTERNAL', message)
  }
  const conn = await instance.connect()
  try {
    const statements = await conn.extractStatements(sql).catch((err) => {
      throw new AppFailure('SQL_FAILED', (err as Error).message)
    })
    if (statements.count !== 1) {
      throw new AppFailure('READ_ONLY_SQL', `Exactly one statement is allowed; this text has ${statements.count}.`)
    }
    const prepared = await statements.prepare(0).catch((err) => {
      throw new AppFailure('SQL_FAILED', (err as Error).message)
    })
    if (!ALLOWED.has(prepared.statementType)) {
      throw new AppFailure(
        'READ_ONLY_SQL',
        `Only read-only statements (SELECT, WITH, DESCRIBE, SUMMARIZE, EXPLAIN...) can run here; this is a ${StatementType[prepared.statementType]} statement.`
      )
    }
    const reader = await prepared.runAndReadAll().catch((err) => {
      throw new AppFailure('SQL_FAILED', (err as Error).message)
    })
    return toJsonRows(reader)
  } finally {
    conn.closeSync()
    instance.closeSync()
  }
}

const INTEGER_TYPES = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.BIGINT, DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT, DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.DECIMAL
])

/** Numbers as JSON numbers (BIGINT beyond 2^53 stays a string rather than losing digits). */
export function toJsonRows(reader: DuckDBResultReader): SqlResult {
  const names = reader.columnNames()
  const types = reader.columnTypes()
  const rows = reader.getRowsJson() as unknown[][]
  return {
    columns: names.map((name, i) => ({ name, type: String(types[i]) })),
    rows: rows.map((r) =>
      Object.fromEntries(
        r.map((v, i) => {
          if (v !== null && INTEGER_TYPES.has(types[i].typeId)) {
            const n = Number(v)
            return [names[i], Number.isSafeInteger(n) || !Number.isInteger(n) ? n : v]
          }
          return [names[i], v]
        })
      )
    )
  }
}
