/**
 * One read-only statement against a workspace from the CLI (`socialbench sql`): the same sandbox as the SQL editor
 * (queries/sandbox.ts: in-memory DuckDB, workspace attached READ_ONLY, no file or network access, configuration
 * locked), the same checks (queries/sqlPolicy.ts) and the same limits: the app's 60 s time limit unless told
 * otherwise, and the memory cap of a kept result, so the CLI is no looser than the app.
 */
import { DuckDBTypeId } from '@duckdb/node-api'
import { existsSync } from 'node:fs'
import { paramNames } from '../../shared/queries'
import { AppFailure } from '../../shared/result'
import { MAX_RESULT_BYTES } from './queries/resultBudget'
import { DEFAULT_LIMITS } from './queries/limits'
import { openSandbox } from './queries/sandbox'
import { runUserSql, type Materialized } from './queries/userSql'
import { workspacePaths } from './workspace'

export interface SqlResult {
  columns: { name: string; type: string }[]
  rows: Record<string, unknown>[]
}

export interface ReadOnlySqlOptions {
  /** The app's limit by default (60 s); the statement is interrupted after it. */
  timeoutMs?: number
  /** Estimated memory the printed rows may hold (resultBudget.ts). */
  maxBytes?: number
}

export async function runReadOnlySql(
  workspaceDir: string,
  sql: string,
  options: ReadOnlySqlOptions = {}
): Promise<SqlResult> {
  const { dbFile } = workspacePaths(workspaceDir)
  if (!existsSync(dbFile)) throw new AppFailure('NOT_FOUND', `No workspace at ${workspaceDir} (no ${dbFile}).`)
  if (paramNames(sql).length > 0)
    throw new AppFailure('BAD_INPUT', 'Parameters ($name) need a saved query: use `socialbench query run`.')
  const sandbox = await openSandbox(dbFile)
  try {
    const m = await runUserSql(sandbox.conn, sql, {
      values: {},
      params: [],
      timeoutMs: options.timeoutMs ?? DEFAULT_LIMITS.timeoutMs,
      maxRows: Number.POSITIVE_INFINITY,
      maxBytes: options.maxBytes ?? MAX_RESULT_BYTES
    })
    return toJsonRows(m)
  } finally {
    sandbox.close()
  }
}

const INTEGER_TYPES = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DOUBLE,
  DuckDBTypeId.DECIMAL
])

/** Numbers as JSON numbers (BIGINT beyond 2^53 stays a string rather than losing digits). */
export function toJsonRows(m: Materialized): SqlResult {
  const numeric = m.columns.map((c) => INTEGER_TYPES.has(c.typeId))
  const rows = Array.from({ length: m.rowCount }, (_, r) =>
    Object.fromEntries(
      m.columns.map((c, i) => {
        const v = m.data[i][r]
        if (v !== null && numeric[i]) {
          const n = Number(v)
          return [c.name, Number.isSafeInteger(n) || !Number.isInteger(n) ? n : v]
        }
        return [c.name, v]
      })
    )
  )
  return { columns: m.columns.map(({ name, type }) => ({ name, type })), rows }
}
