import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openEngine } from './engine'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-orphan-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const dsTables = async (e: Awaited<ReturnType<typeof openEngine>>) =>
  (await e.db.all(`SELECT table_name AS t FROM duckdb_tables() WHERE table_name LIKE 'ds\\_%' ESCAPE '\\' ORDER BY 1`)).map((r) => String(r.t))

describe('raw tables left by a crash between an import\'s two commits', () => {
  it('are dropped when the workspace opens; catalogued datasets stay', async () => {
    const ws = join(dir, 'ws')
    const csv = join(dir, 'a.csv')
    await writeFile(csv, 'name,n\nx,1\ny,2\n')
    const first = await openEngine(ws)
    const imported = await first.handlers.importFile({ path: csv, jobId: 'a' })
    // What a crash after the raw table's commit leaves behind: a ds_ table with no catalogue row.
    await first.db.run(`CREATE TABLE ds_999 AS SELECT 1 AS x`)
    expect(await dsTables(first)).toEqual([imported.dataset.tableName, 'ds_999'])
    first.close()

    const again = await openEngine(ws)
    try {
      expect(await dsTables(again)).toEqual([imported.dataset.tableName])
      expect((await again.handlers.listDatasets()).map((d) => d.id)).toEqual([imported.dataset.id])
    } finally {
      again.close()
    }
  })
})
