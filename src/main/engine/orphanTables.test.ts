import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseForTests, openEngine } from './engine'
import { invoke } from './invoke'

/** A recognised export (CrowdTangle search): two commits, canonical rows. */
const FIXTURE = resolve(
  __dirname,
  '../../../test/fixtures/exports/crowdtangle-search/SYNTHETIC-2023-03-13-10-00-00-EDT-search-csv-export.csv'
)

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-orphan-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const dsTables = async (e: Awaited<ReturnType<typeof openEngine>>) =>
  (
    await databaseForTests(e).all(
      `SELECT table_name AS t FROM duckdb_tables() WHERE table_name LIKE 'ds\\_%' ESCAPE '\\' ORDER BY 1`
    )
  ).map((r) => String(r.t))

describe("raw tables left by a crash between an import's two commits", () => {
  it('are dropped when the workspace opens; catalogued datasets stay', async () => {
    const ws = join(dir, 'ws')
    const csv = join(dir, 'a.csv')
    await writeFile(csv, 'name,n\nx,1\ny,2\n')
    const first = await openEngine(ws)
    const imported = await invoke(first, 'importFile', { path: csv, jobId: 'a' })
    // What a crash after the raw table's commit leaves behind: a ds_ table with no catalogue row.
    await databaseForTests(first).run(`CREATE TABLE ds_999 AS SELECT 1 AS x`)
    expect(await dsTables(first)).toEqual([imported.dataset.tableName, 'ds_999'])
    first.close()

    const again = await openEngine(ws)
    try {
      expect(await dsTables(again)).toEqual([imported.dataset.tableName])
      expect((await invoke(again, 'listDatasets')).map((d) => d.id)).toEqual([imported.dataset.id])
    } finally {
      again.close()
    }
  })
})

describe('canonical rows left by an unfinished recognised import', () => {
  it('are removed on open with its raw table and marker; a finished import and the rows before are untouched', async () => {
    const ws = join(dir, 'ws-pending')
    const csv = FIXTURE
    const first = await openEngine(ws)
    const done = await invoke(first, 'importFile', { path: csv, jobId: 'a' })
    expect(done.recognition?.posts?.new).toBeGreaterThan(0)
    const before = await databaseForTests(first).all(`SELECT * FROM posts ORDER BY post_id`)
    // What DuckDB was seen to bring back after a kill during the second commit: the import's appended canonical rows
    // and its raw table, with its pending marker, but no catalogue row.
    await databaseForTests(first).run(`INSERT INTO settings VALUES ('import_pending:77', 'true')`)
    await databaseForTests(first).run(`CREATE TABLE ds_77 AS SELECT 1 AS x`)
    await databaseForTests(first).run(
      `INSERT INTO posts (account_id, platform, post_id, import_id) SELECT 'facebook:pendingtest', 'facebook', 'p' || i, 77 FROM range(5) r(i)`
    )
    await databaseForTests(first).run(
      `INSERT INTO account_daily (account_id, platform, day, followers, import_id) VALUES ('facebook:pendingtest', 'facebook', DATE '2024-01-09', 9, 77)`
    )
    await databaseForTests(first).run(`INSERT INTO import_rejects VALUES (77, 3, 'bad')`)
    // A stale marker of a finished import must not cost it its rows.
    await databaseForTests(first).run(`INSERT INTO settings VALUES ('import_pending:${done.dataset.id}', 'true')`)
    first.close()

    const again = await openEngine(ws)
    try {
      expect(await databaseForTests(again).all(`SELECT * FROM posts ORDER BY post_id`)).toEqual(before)
      for (const t of ['account_daily', 'import_rejects']) {
        expect(
          (await databaseForTests(again).all(`SELECT count(*)::INT AS n FROM ${t} WHERE import_id = 77`))[0].n
        ).toBe(0)
      }
      expect(await dsTables(again)).toEqual([done.dataset.tableName])
      expect(
        await databaseForTests(again).all(`SELECT key FROM settings WHERE starts_with(key, 'import_pending:')`)
      ).toEqual([])
    } finally {
      again.close()
    }
  })

  it('a finished import leaves no marker behind', async () => {
    const ws = join(dir, 'ws-clean')
    const csv = FIXTURE
    const e = await openEngine(ws)
    try {
      const r = await invoke(e, 'importFile', { path: csv, jobId: 'a' })
      expect(r.recognition).not.toBeNull()
      expect(
        await databaseForTests(e).all(`SELECT key FROM settings WHERE starts_with(key, 'import_pending:')`)
      ).toEqual([])
    } finally {
      e.close()
    }
  })
})
