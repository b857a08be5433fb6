/**
 * Ordered schema migrations. Each runs once, in its own transaction, and bumps schema_version.
 * Append new migrations at the end; never edit one that has shipped.
 */
import type { Database } from './duckdb'

export interface Migration {
  version: number
  name: string
  sql: string[]
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'datasets catalogue',
    sql: [
      `CREATE SEQUENCE dataset_id_seq START 1`,
      `CREATE TABLE datasets (
         id INTEGER PRIMARY KEY DEFAULT nextval('dataset_id_seq'),
         name VARCHAR NOT NULL,
         table_name VARCHAR NOT NULL UNIQUE,
         file_name VARCHAR NOT NULL,
         source_path VARCHAR NOT NULL,
         format VARCHAR NOT NULL,
         row_count BIGINT NOT NULL,
         size_bytes BIGINT NOT NULL,
         sha256 VARCHAR NOT NULL,
         imported_at TIMESTAMP NOT NULL DEFAULT (now()::TIMESTAMP),
         settings JSON NOT NULL,
         warnings JSON NOT NULL
       )`,
      `CREATE INDEX datasets_sha256 ON datasets (sha256)`
    ]
  }
]

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version

/** Bring the database up to the latest schema; returns the version it ended at. */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  await db.run(`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)`)
  const rows = await db.all(`SELECT coalesce(max(version), 0) AS v FROM schema_version`, [], db.writer)
  let current = Number(rows[0].v)
  for (const m of migrations) {
    if (m.version <= current) continue
    await db.write(async (conn) => {
      for (const statement of m.sql) await conn.run(statement)
      await conn.run(`INSERT INTO schema_version VALUES ($1, $2, now()::TIMESTAMP)`, [m.version, m.name])
    })
    current = m.version
  }
  return current
}
