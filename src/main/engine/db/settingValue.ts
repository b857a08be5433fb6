/** One workspace setting (the settings table holds JSON values), read or written on a caller's connection and transaction. */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { WriteConn } from './duckdb'

export async function setting<T>(conn: DuckDBConnection, key: string): Promise<T | null> {
  const r = (await conn.runAndReadAll(`SELECT value FROM settings WHERE key = $1`, [key])).getRowObjectsJson()
  return r.length ? (JSON.parse(String(r[0].value)) as T) : null
}

export async function writeSetting(conn: WriteConn, key: string, value: unknown): Promise<void> {
  await conn.run(`INSERT INTO settings VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [
    key,
    JSON.stringify(value)
  ])
}
