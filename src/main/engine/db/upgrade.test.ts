import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openEngine } from '../engine'
import { AppFailure } from '../../../shared/result'
import { invoke } from '../invoke'
import { Database } from './duckdb'
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate } from './migrations'
import { backupName, migrateWithBackup, schemaVersionOf } from './upgrade'

let root: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sb-upgrade-'))
})
afterAll(() => rm(root, { recursive: true, force: true }))

const sha = async (file: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex')

/** A workspace folder whose database stopped at `version`, with two institutions in it, as an older app left it. */
async function workspaceAt(name: string, version: number): Promise<string> {
  const dir = join(root, name)
  await mkdir(dir, { recursive: true })
  const db = await Database.open(join(dir, 'workspace.duckdb'))
  try {
    await migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= version)
    )
    await db.run(
      `INSERT INTO institutions (name, color) VALUES ('Northfield General', '#1f77b4'), ('Corvale', '#ff7f0e')`
    )
  } finally {
    db.close()
  }
  return dir
}

describe('opening a workspace at an older schema', () => {
  it('keeps the original as workspace.v5.bak.duckdb, then upgrades the workspace itself', async () => {
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThan(5)
    const dir = await workspaceAt('v5', 5)
    const before = await sha(join(dir, 'workspace.duckdb'))

    const engine = await openEngine(dir)
    try {
      const info = await invoke(engine, 'workspaceInfo')
      expect(info.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
      expect(info.upgrade).toEqual({
        from: 5,
        to: LATEST_SCHEMA_VERSION,
        backupPath: join(dir, 'workspace.v5.bak.duckdb')
      })
      // The upgraded workspace has the newer tables and kept its rows.
      expect((await invoke(engine, 'listInstitutions')).map((i) => i.name).sort()).toEqual([
        'Corvale',
        'Northfield General'
      ])
      expect(await invoke(engine, 'listEvents', {})).toEqual([])
    } finally {
      engine.close()
    }

    // The backup is the file as the older app left it: same bytes, still at schema 5, no events table.
    const backup = join(dir, 'workspace.v5.bak.duckdb')
    expect(await sha(backup)).toBe(before)
    const old = await Database.open(backup)
    try {
      expect(await schemaVersionOf(old)).toBe(5)
      expect(await old.all(`SELECT name FROM institutions ORDER BY name`)).toEqual([
        { name: 'Corvale' },
        { name: 'Northfield General' }
      ])
      expect(await old.all(`SELECT table_name FROM duckdb_tables() WHERE table_name = 'events'`)).toEqual([])
    } finally {
      old.close()
    }

    // Opened again, it is current: no second backup.
    const again = await openEngine(dir)
    try {
      expect((await invoke(again, 'workspaceInfo')).upgrade).toBeNull()
    } finally {
      again.close()
    }
    expect((await readdir(dir)).filter((f) => f.includes('.bak'))).toEqual(['workspace.v5.bak.duckdb'])
  })

  it('never overwrites an earlier backup of the same schema', async () => {
    const dir = await workspaceAt('v3', 3)
    const file = join(dir, 'workspace.duckdb')
    const db = await Database.open(file)
    try {
      const first = await migrateWithBackup(
        db,
        file,
        MIGRATIONS.filter((m) => m.version <= 3)
      )
      expect(first.upgrade).toBeNull()
    } finally {
      db.close()
    }
    await rm(join(dir, 'workspace.v3.bak.duckdb'), { force: true })
    await writeFile(backupName(file, 3), 'an earlier backup')
    const engine = await openEngine(dir)
    try {
      expect((await invoke(engine, 'workspaceInfo')).upgrade?.backupPath).toBe(join(dir, 'workspace.v3.bak-2.duckdb'))
    } finally {
      engine.close()
    }
    expect(await readFile(backupName(file, 3), 'utf8')).toBe('an earlier backup')
  })

  it('names the backup when a migration fails, and the backup still opens at the old schema', async () => {
    const dir = await workspaceAt('broken', 5)
    const file = join(dir, 'workspace.duckdb')
    const db = await Database.open(file)
    const broken = [
      ...MIGRATIONS.filter((m) => m.version <= 5),
      { version: 6, name: 'broken', sql: ['SELECT * FROM nowhere'] }
    ]
    try {
      await expect(migrateWithBackup(db, file, broken)).rejects.toThrow(
        `The original is kept unchanged as ${join(dir, 'workspace.v5.bak.duckdb')}`
      )
    } finally {
      db.close()
    }
    const old = await Database.open(join(dir, 'workspace.v5.bak.duckdb'))
    try {
      expect(await schemaVersionOf(old)).toBe(5)
    } finally {
      old.close()
    }
  })

  it('refuses a workspace from a newer Socialbench and leaves it as it was', async () => {
    const dir = await workspaceAt('future', LATEST_SCHEMA_VERSION)
    const file = join(dir, 'workspace.duckdb')
    const db = await Database.open(file)
    await db.run(`INSERT INTO schema_version VALUES (999, 'from the future', now()::TIMESTAMP)`)
    db.close()
    const before = await sha(file)
    const failure = await openEngine(dir).then(
      (e) => (e.close(), null),
      (err: unknown) => err as AppFailure
    )
    expect(failure).toBeInstanceOf(AppFailure)
    if (!failure) return
    expect(failure.code).toBe('WORKSPACE_TOO_NEW')
    expect(failure.message).toContain('schema 999')
    expect(await sha(file)).toBe(before)
    expect(existsSync(join(dir, 'workspace.v999.bak.duckdb'))).toBe(false)
  })

  it('opens a new, empty folder without a backup', async () => {
    const dir = join(root, 'fresh')
    const engine = await openEngine(dir)
    try {
      expect((await invoke(engine, 'workspaceInfo')).upgrade).toBeNull()
    } finally {
      engine.close()
    }
    expect((await readdir(dir)).filter((f) => f.includes('.bak'))).toEqual([])
  })
})
