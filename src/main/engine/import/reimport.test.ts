import { resolve, join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportOptions } from '../../../shared/types'
import { openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import { invoke } from '../invoke'
import { databaseForTests } from '../engine'

const FIXTURES = resolve(__dirname, '../../../../test/fixtures/exports')
const SEARCH_1 = join(FIXTURES, 'crowdtangle-search/SYNTHETIC-2023-03-13-10-00-00-EDT-search-csv-export.csv')
const SEARCH_2 = join(FIXTURES, 'crowdtangle-search/SYNTHETIC-2023-03-21-10-00-00-EDT-search-csv-export.csv')

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-reimport-')
})
afterEach(() => t.dispose())
const engine = () => t.engine

const importAgain = (path: string, options: ImportOptions = {}) =>
  invoke(engine(), 'importFile', { path, jobId: randomUUID(), options, allowDuplicate: true })
const rawTables = async () =>
  (
    await databaseForTests(engine()).all(
      `SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'ds\\_%' ESCAPE '\\' ORDER BY 1`
    )
  ).map((r) => String(r.table_name))
const posts = () =>
  databaseForTests(engine()).all(
    `SELECT post_id, likes::BIGINT AS likes, views::BIGINT AS views, interactions::BIGINT AS i FROM posts ORDER BY post_id`
  )
const rejectsOf = (id: number) =>
  databaseForTests(engine()).all(
    `SELECT row_number::INT AS row, reason FROM import_rejects WHERE import_id = ${id} ORDER BY row_number`
  )

describe('importing the same file again (Import anyway)', () => {
  it('shares the raw table and restates the earlier report: every row unchanged, the same rejects', async () => {
    const first = await importAgain(SEARCH_1)
    const after = await posts()
    const again = await importAgain(SEARCH_1)
    expect(again.dataset.id).not.toBe(first.dataset.id)
    expect(again.dataset.tableName).toBe(first.dataset.tableName)
    expect(await rawTables()).toEqual([first.dataset.tableName])
    expect(again.recognition!.posts).toEqual({ new: 0, updated: 0, unchanged: 4 })
    expect(again.recognition!.daily).toEqual({ new: 0, updated: 0, unchanged: 2 })
    expect(again.recognition!.rejects).toEqual(first.recognition!.rejects)
    expect(await rejectsOf(again.dataset.id)).toEqual(await rejectsOf(first.dataset.id))
    expect(await rejectsOf(again.dataset.id)).toHaveLength(1)
    expect(again.dataset.rows).toBe(first.dataset.rows)
    expect(await posts()).toEqual(after)
    // The grid reads the shared table for both datasets.
    const page = await invoke(engine(), 'datasetPage', { datasetId: again.dataset.id, offset: 0, limit: 10 })
    expect(page.totalRows).toBe(first.dataset.rows)
  })

  it('runs the canonical step in full when another import came in between, so the older file’s values come back', async () => {
    await importAgain(SEARCH_1)
    const fromFirst = await posts()
    const newer = await importAgain(SEARCH_2)
    expect(newer.recognition!.posts!.updated).toBe(1)
    const again = await importAgain(SEARCH_1)
    // Post ...002 was changed by the newer export; the repeat of the older one writes it back, and is not skipped.
    expect(again.recognition!.posts).toEqual({ new: 0, updated: 1, unchanged: 3 })
    const now = await posts()
    expect(now.filter((p) => fromFirst.some((q) => q.post_id === p.post_id))).toEqual(fromFirst)
    expect(await rawTables()).toHaveLength(2)
  })

  it('stores a new raw table when the privacy choice differs, and a different zone re-runs the canonical step', async () => {
    const first = await importAgain(SEARCH_1)
    const redacted = await importAgain(SEARCH_1, { privacy: { text: 'drop', people: 'keep' } })
    expect(redacted.dataset.tableName).not.toBe(first.dataset.tableName)
    const zoned = await importAgain(SEARCH_1, { timeZone: 'Asia/Tokyo' })
    expect(zoned.dataset.tableName).toBe(first.dataset.tableName)
    // Follower days move with the zone: a full canonical run, not a restated report.
    expect(zoned.recognition!.daily!.new + zoned.recognition!.daily!.updated).toBeGreaterThan(0)
  })

  it('deleting one of two datasets on a shared table keeps the table; deleting the last one drops it', async () => {
    const first = await importAgain(SEARCH_1)
    const again = await importAgain(SEARCH_1)
    await invoke(engine(), 'deleteDataset', { datasetId: first.dataset.id })
    expect(await rawTables()).toEqual([again.dataset.tableName])
    expect(
      (await invoke(engine(), 'datasetPage', { datasetId: again.dataset.id, offset: 0, limit: 5 })).totalRows
    ).toBe(again.dataset.rows)
    await invoke(engine(), 'deleteDataset', { datasetId: again.dataset.id })
    expect(await rawTables()).toEqual([])
  })

  it('a plain (generic) dataset imported twice shares its table too', async () => {
    const a = await importAgain(SEARCH_1, { generic: true })
    const b = await importAgain(SEARCH_1, { generic: true })
    expect(a.recognition).toBeNull()
    expect(b.dataset.tableName).toBe(a.dataset.tableName)
    expect(await rawTables()).toEqual([a.dataset.tableName])
  })
})
