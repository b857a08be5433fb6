/**
 * The sandbox user SQL runs in. Its own in-memory DuckDB instance, created with extensions off and limits set,
 * ATTACHes the workspace file READ_ONLY, then switches external access off and locks the configuration BEFORE
 * any user statement. Nothing the user writes can then read or write a file, reach the network, load code or
 * change a setting; what is left (reading the attached workspace) is further narrowed to one read-only statement.
 *
 * Why a fresh instance per run rather than a connection on the engine's own Database: locking the configuration
 * or external access is instance-wide and would stop imports. DuckDB lets one process attach a file that another
 * instance of the same process has open read-write (tested in sandbox.test.ts), and a read-only attach sees a
 * snapshot of what was committed when it attached, so a new instance per run always sees the latest data.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { AppFailure } from '../../../shared/result'
import { SAFE_OPTIONS, useUtc } from '../db/duckdb'
import { isLockConflict } from '../db/duckdbMessages'
import { literal } from '../db/sql'
import { DEFAULT_LIMITS, type SandboxLimits } from './limits'

/** The catalog name the workspace is attached under (and made the default, so `FROM posts` just works). */
export const WORKSPACE_CATALOG = 'workspace'

export interface Sandbox {
  conn: DuckDBConnection
  close(): void
}

export async function openSandbox(dbFile: string, limits: SandboxLimits = DEFAULT_LIMITS): Promise<Sandbox> {
  const instance = await DuckDBInstance.create(':memory:', {
    ...SAFE_OPTIONS,
    memory_limit: limits.memoryLimit,
    threads: String(limits.threads),
    // No spilling to disk: an empty temp directory means a query over the memory limit fails instead.
    temp_directory: ''
  })
  let conn: DuckDBConnection | null = null
  try {
    conn = await instance.connect()
    try {
      await conn.run(`ATTACH ${literal(dbFile)} AS ${WORKSPACE_CATALOG} (READ_ONLY)`)
    } catch (err) {
      const message = (err as Error).message
      if (isLockConflict(err)) {
        // Same words as the engine's own open (db/duckdb.ts), so the app and the CLI say one thing.
        throw new AppFailure(
          'WORKSPACE_IN_USE',
          `The workspace ${dbFile} is open in another Socialbench window or command. Close it there, then try again.`
        )
      }
      throw new AppFailure('INTERNAL', `Cannot open the workspace for queries: ${message}`)
    }
    await conn.run(`USE ${WORKSPACE_CATALOG}`)
    // The order matters: once these two run, no statement can undo them (tested).
    await useUtc(conn)
    await conn.run(`SET enable_external_access = false`)
    await conn.run(`SET lock_configuration = true`)
  } catch (err) {
    conn?.closeSync()
    instance.closeSync()
    throw err
  }
  const c = conn
  return {
    conn: c,
    close() {
      c.closeSync()
      instance.closeSync()
    }
  }
}
