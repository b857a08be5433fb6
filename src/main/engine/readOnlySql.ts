/**
 * One read-only statement against a workspace from the CLI (`socialbench sql`): the same sandbox as the SQL editor
 * (queries/sandbox.ts: in-memory DuckDB, workspace attached READ_ONLY, no file or network access, configuration
 * locked) and the same checks (queries/userSql.ts: one statement, read-only types, no logging/checkpoint calls).
 */
import type { DuckDBResultReader } from '@duckdb/node-api'
import { DuckDBTypeId } from '@duckdb/node-api'
import { existsSync } from 'node:fs'
import { AppFailure } from '../../shared/result'
import { openSandbox } from './queries/sandbox'
import { prepareUserSql, sqlError } from './queries/userSql'
import { workspacePaths } from './workspace'

export interface SqlResult {
  columns: { name: string; type: string }[]
  rows: Record<string, unknown>[]
}

export async function runReadOnlySql(workspaceDir: string, sql: string): Promise<SqlResult> {
  const { dbFile } = workspacePaths(workspaceDir)
  if (!existsSync(dbFile)) throw new AppFailure('NOT_FOUND', `No workspace at ${workspaceDir} (no ${dbFile}).`)
  const sandbox = await openSandbox(dbFile)
  try {
    const prepared = await prepareUserSql(sandbox.conn, sql)
    try {
      if (prepared.parameterCount > 0) throw new AppFailure('BAD_INPUT', 'Parameters ($name) need a saved query: use `socialbench query run`.')
      const reader = await prepared.runAndReadAll().catch((err) => {
        throw sqlError(err, sql)
      })
      return toJsonRows(reader)
    } finally {
      prepared.destroySync()
    }
  } finally {
    sandbox.close()
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
