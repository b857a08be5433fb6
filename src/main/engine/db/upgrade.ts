/**
 * Opening a workspace written at an older schema upgrades it, but never without a way back: before the first
 * migration runs, the file as it was is copied next to it as `workspace.v<N>.bak.duckdb` (N = the schema it had),
 * so a migration that goes wrong, or an older Socialbench that must read it again, still has the original.
 * A fresh workspace (no schema yet) and one already at the latest schema are opened as they are.
 */
import { constants } from 'node:fs'
import { copyFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { AppFailure } from '../../../shared/result'
import { checkpoint, type Database } from './duckdb'
import { migrate, MIGRATIONS, type Migration } from './migrations'

export interface SchemaUpgrade {
  from: number
  to: number
  /** The untouched copy of the file at schema `from`. */
  backupPath: string
}

/** The schema a database is at: 0 for a new, empty one. */
export async function schemaVersionOf(db: Database): Promise<number> {
  const table = await db.all(
    `SELECT count(*) AS n FROM duckdb_tables() WHERE database_name = current_database() AND table_name = 'schema_version'`
  )
  if (Number(table[0].n) === 0) return 0
  const rows = await db.all(`SELECT coalesce(max(version), 0) AS v FROM schema_version`)
  return Number(rows[0].v)
}

/** `workspace.duckdb` at schema 5 → `workspace.v5.bak.duckdb`; `-2`, `-3`… when that name is taken. */
export function backupName(dbFile: string, version: number, attempt = 1): string {
  const stem = basename(dbFile).replace(/\.duckdb$/i, '')
  const suffix = attempt === 1 ? '' : `-${attempt}`
  return join(dirname(dbFile), `${stem}.v${version}.bak${suffix}.duckdb`)
}

/**
 * Copy the open database's file, complete: CHECKPOINT first writes everything in the write-ahead log into the
 * file, and nothing writes between that and the end of the copy (this runs at open, before any handler, or inside
 * Database.exclusive). Never overwrites: a taken name moves on to the next.
 */
export async function copyCheckpointed(db: Database, dbFile: string, target: (attempt: number) => string) {
  await checkpoint(db.writer)
  for (let attempt = 1; ; attempt++) {
    const path = target(attempt)
    try {
      await copyFile(dbFile, path, constants.COPYFILE_EXCL)
      return path
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 100) continue
      throw err
    }
  }
}

/**
 * Bring the workspace's database to the latest schema, copying it first when it is at an older one. A workspace
 * from a newer Socialbench is refused before anything is touched.
 */
export async function migrateWithBackup(
  db: Database,
  dbFile: string,
  migrations: readonly Migration[] = MIGRATIONS
): Promise<{ version: number; upgrade: SchemaUpgrade | null }> {
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0
  const current = await schemaVersionOf(db)
  if (current > latest) {
    throw new AppFailure(
      'WORKSPACE_TOO_NEW',
      `The workspace ${dirname(dbFile)} was written by a newer Socialbench (schema ${current}; this one reads up to ${latest}). Open it with that version; nothing in it was changed.`
    )
  }
  if (current === 0 || current === latest) return { version: await migrate(db, migrations), upgrade: null }

  let backupPath: string
  try {
    backupPath = await copyCheckpointed(db, dbFile, (attempt) => backupName(dbFile, current, attempt))
  } catch (err) {
    throw new AppFailure(
      'WORKSPACE_UNWRITABLE',
      `The workspace ${dirname(dbFile)} needs an upgrade from schema ${current}, and its backup copy could not be written (${(err as Error).message}). Nothing was changed; free some disk space or make the folder writable, then open it again.`
    )
  }
  try {
    const version = await migrate(db, migrations)
    return { version, upgrade: { from: current, to: version, backupPath } }
  } catch (err) {
    throw new AppFailure(
      'INTERNAL',
      `Upgrading the workspace ${dirname(dbFile)} from schema ${current} failed (${(err as Error).message}). The original is kept unchanged as ${backupPath}.`
    )
  }
}
