/**
 * Undo on a real engine and DuckDB file: each destructive channel's answer carries an undo token, and `undo` brings
 * back exactly what was there (ids, colours, assignments, raw table rows, canonical rows, query text and params,
 * event fields), in one transaction. Closing the workspace (or a crash, on the next open) makes it all final.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dsTables, failureOf, jobId, openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import { join } from 'node:path'
import { Database } from '../db/duckdb'
import { databaseForTests, openEngine } from '../engine'
import { invoke } from '../invoke'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-undo-')
})
afterEach(() => t.dispose())

const all = (sql: string) => databaseForTests(t.engine).all(sql)
const importPath = (path: string, extra: { allowDuplicate?: boolean } = {}) =>
  invoke(t.engine, 'importFile', { path, jobId: jobId(), ...extra })

const X_HEADER =
  '"Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","retweets","replies","likes","url clicks"'
const xRow = (id: string, handle: string, text: string, time: string, likes: number) =>
  `"${id}","https://twitter.com/${handle}/status/${id}","${text}","${time}","100.0","5.0","1.0","0.0","${likes}.0","0.0"`
const xFile = (name: string, rows: string[]) => t.file(name, [X_HEADER, ...rows].join('\n') + '\n')
const QUILL = [
  xRow('11', 'QuillmereGH', 'Hello', '2024-01-02 10:00 +0000', 3),
  xRow('12', 'QuillmereGH', 'World', '2024-01-03 10:00 +0000', 5)
]

/** Every row of a table, in a stable order, as text: what "restored exactly" is compared on. */
const snapshot = async (table: string, order: string) =>
  (await all(`SELECT * FROM ${table} ORDER BY ${order}`)).map((r) => JSON.stringify(r))
const canonical = async () => ({
  posts: await snapshot('posts', 'platform, post_id'),
  daily: await snapshot('account_daily', 'account_id, day'),
  accounts: await snapshot('accounts', 'account_id'),
  postDays: await snapshot('post_days', 'ALL'),
  aliases: await snapshot('account_aliases', 'alias_id'),
  institutions: await snapshot('institutions', 'institution_id')
})
const undoSchemaTables = async () =>
  (await all(`SELECT table_name FROM duckdb_tables() WHERE schema_name = 'undo' ORDER BY table_name`)).map((r) =>
    String(r.table_name)
  )
const hiddenTables = async () =>
  (await all(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'undo\\_ds\\_%' ESCAPE '\\'`)).map((r) =>
    String(r.table_name)
  )

describe('undo a dataset delete', () => {
  it('brings back the last copy of a raw table with its id, catalogue row and every raw row', async () => {
    const a = await importPath(xFile('quill.csv', QUILL))
    const table = a.dataset.tableName
    const catalogue = await snapshot(`datasets WHERE id = ${a.dataset.id}`, 'id')
    const raw = await snapshot(table, 'rowid')
    const before = await canonical()

    const answer = await invoke(t.engine, 'deleteDataset', { datasetId: a.dataset.id })
    expect(answer.undo).toMatchObject({ kind: 'deleteDataset', label: 'Deleted dataset “quill”' })
    expect(await invoke(t.engine, 'listDatasets')).toEqual([])
    expect(await dsTables(t.engine)).toEqual([])
    expect(await hiddenTables()).toEqual([`undo_${table}`])

    expect(await invoke(t.engine, 'undo', { token: answer.undo.token })).toEqual(answer.undo)
    expect((await invoke(t.engine, 'listDatasets')).map((d) => [d.id, d.name, d.tableName])).toEqual([
      [a.dataset.id, 'quill', table]
    ])
    expect(await snapshot(`datasets WHERE id = ${a.dataset.id}`, 'id')).toEqual(catalogue)
    expect(await snapshot(table, 'rowid')).toEqual(raw)
    expect(await canonical()).toEqual(before)
    expect(await hiddenTables()).toEqual([])
    expect(await undoSchemaTables()).toEqual([])
    expect(await invoke(t.engine, 'listUndo')).toEqual([])
  })

  it('keeps a shared raw table live, and restores both datasets whichever order they are undone in', async () => {
    const path = xFile('quill.csv', QUILL)
    const a = await importPath(path)
    const b = await importPath(path, { allowDuplicate: true })
    expect(b.dataset.tableName).toBe(a.dataset.tableName)
    const raw = await snapshot(a.dataset.tableName, 'rowid')

    const delA = await invoke(t.engine, 'deleteDataset', { datasetId: a.dataset.id })
    expect(await dsTables(t.engine)).toEqual([a.dataset.tableName])
    const delB = await invoke(t.engine, 'deleteDataset', { datasetId: b.dataset.id })
    expect(await dsTables(t.engine)).toEqual([])
    expect((await invoke(t.engine, 'listUndo')).map((e) => e.token)).toEqual([delB.undo.token, delA.undo.token])

    // The older delete first: its table is hidden by the newer one, and comes back for it.
    await invoke(t.engine, 'undo', { token: delA.undo.token })
    expect((await invoke(t.engine, 'listDatasets')).map((d) => d.id)).toEqual([a.dataset.id])
    expect(await snapshot(a.dataset.tableName, 'rowid')).toEqual(raw)
    await invoke(t.engine, 'undo')
    expect((await invoke(t.engine, 'listDatasets')).map((d) => d.id).sort()).toEqual([a.dataset.id, b.dataset.id])
    expect(await dsTables(t.engine)).toEqual([a.dataset.tableName])
  })

  it('after an import in between, both datasets and consistent canonical rows are there', async () => {
    const a = await importPath(xFile('quill.csv', QUILL))
    const del = await invoke(t.engine, 'deleteDataset', { datasetId: a.dataset.id })
    // The same file again: it no longer finds a dataset to share with, so it stores a raw table of its own.
    const again = await importPath(xFile('quill.csv', QUILL), { allowDuplicate: true })
    expect(again.dataset.tableName).not.toBe(a.dataset.tableName)
    const after = await canonical()
    await invoke(t.engine, 'undo', { token: del.undo.token })
    expect((await invoke(t.engine, 'listDatasets')).map((d) => d.id).sort()).toEqual([a.dataset.id, again.dataset.id])
    expect(await dsTables(t.engine)).toEqual([a.dataset.tableName, again.dataset.tableName].sort())
    expect(await canonical()).toEqual(after)
    const page = await invoke(t.engine, 'datasetPage', { datasetId: a.dataset.id, offset: 0, limit: 10 })
    expect(page.totalRows).toBe(2)
  })

  it('a name taken since gets a free variant; the id is kept', async () => {
    const a = await importPath(xFile('quill.csv', QUILL))
    const del = await invoke(t.engine, 'deleteDataset', { datasetId: a.dataset.id })
    await importPath(xFile('quill.csv', [xRow('13', 'QuillmereGH', 'Other', '2024-01-04 10:00 +0000', 1)]))
    await invoke(t.engine, 'undo', { token: del.undo.token })
    const back = (await invoke(t.engine, 'listDatasets')).find((d) => d.id === a.dataset.id)
    expect(back?.name).toBe('quill (2)')
  })
})

describe('undo an institution delete', () => {
  it('brings it back with its id, colour and kind, re-assigns its accounts, and its events concern it again', async () => {
    await importPath(xFile('quill.csv', QUILL))
    const inst = await invoke(t.engine, 'createInstitution', { name: 'Quillmere General', color: '#AB12CD', kind: 'x' })
    await invoke(t.engine, 'assignAccount', { accountId: 'x:quillmeregh', institutionId: inst.institutionId })
    const ev = await invoke(t.engine, 'addEvent', {
      start: '2024-01-02',
      title: 'Open day',
      kind: 'campaign',
      institutionId: inst.institutionId
    })
    const before = await canonical()

    const del = await invoke(t.engine, 'deleteInstitution', { institutionId: inst.institutionId })
    expect(del.undo.label).toBe('Deleted institution “Quillmere General”')
    expect((await invoke(t.engine, 'listAccounts'))[0].institutionId).toBeNull()
    await invoke(t.engine, 'undo', { token: del.undo.token })

    expect(await canonical()).toEqual(before)
    expect(await invoke(t.engine, 'listInstitutions')).toEqual([{ ...inst, accountCount: 1 }])
    expect((await invoke(t.engine, 'listEvents'))[0]).toMatchObject({
      eventId: ev.eventId,
      institutionId: inst.institutionId,
      institutionName: 'Quillmere General'
    })
  })

  it('refuses, naming it, when the name was taken since, and then succeeds once it is free', async () => {
    const inst = await invoke(t.engine, 'createInstitution', { name: 'Halvern' })
    const del = await invoke(t.engine, 'deleteInstitution', { institutionId: inst.institutionId })
    const other = await invoke(t.engine, 'createInstitution', { name: 'halvern' })
    const f = await failureOf(invoke(t.engine, 'undo', { token: del.undo.token }))
    expect(f.code).toBe('DUPLICATE')
    expect(f.message).toContain('“halvern” was created since')
    await invoke(t.engine, 'updateInstitution', { institutionId: other.institutionId, name: 'Halvern Two' })
    await invoke(t.engine, 'undo', { token: del.undo.token })
    expect((await invoke(t.engine, 'listInstitutions')).map((i) => [i.institutionId, i.name])).toEqual([
      [inst.institutionId, 'Halvern'],
      [other.institutionId, 'Halvern Two']
    ])
  })
})

describe('undo a query delete and an event delete', () => {
  it('brings a query back with its id, SQL, params and chart', async () => {
    const saved = await invoke(t.engine, 'saveQuery', {
      query: {
        name: 'Mine',
        description: 'd',
        tags: ['a'],
        sql: 'SELECT $n AS n',
        params: [{ name: 'n', type: 'number', label: 'N', default: 3 }],
        chart: { mark: 'bar', x: 'n', y: 'n', color: null, facet: null }
      }
    })
    const del = await invoke(t.engine, 'deleteQuery', { id: saved.id })
    expect((await invoke(t.engine, 'listQueries')).map((q) => q.id)).not.toContain(saved.id)
    await invoke(t.engine, 'undo', { token: del.undo.token })
    const back = (await invoke(t.engine, 'listQueries')).find((q) => q.id === saved.id)
    expect(back).toEqual(saved)
  })

  it('brings an event back with every field and its id', async () => {
    const ev = await invoke(t.engine, 'addEvent', {
      start: '2024-10-01',
      end: '2024-10-31',
      title: 'Pink October',
      kind: 'awareness_day',
      source: 'https://example.org',
      notes: 'n'
    })
    const stored = await snapshot(`events WHERE event_id = ${ev.eventId}`, 'event_id')
    const del = await invoke(t.engine, 'deleteEvent', { eventId: ev.eventId })
    expect(await invoke(t.engine, 'listEvents')).toEqual([])
    await invoke(t.engine, 'undo', { token: del.undo.token })
    expect(await invoke(t.engine, 'listEvents')).toEqual([ev])
    expect(await snapshot(`events WHERE event_id = ${ev.eventId}`, 'event_id')).toEqual(stored)
  })
})

describe('undo an assignment', () => {
  it('puts an unassigned account back, and refuses when it was assigned again since', async () => {
    await importPath(xFile('quill.csv', QUILL))
    const a = await invoke(t.engine, 'createInstitution', { name: 'A' })
    const b = await invoke(t.engine, 'createInstitution', { name: 'B' })
    await invoke(t.engine, 'assignAccount', { accountId: 'x:quillmeregh', institutionId: a.institutionId })
    const un = await invoke(t.engine, 'assignAccount', { accountId: 'x:quillmeregh', institutionId: null })
    expect(un.undo?.label).toBe('Unassigned @QuillmereGH from “A”')
    await invoke(t.engine, 'undo', { token: un.undo!.token })
    expect((await invoke(t.engine, 'listAccounts'))[0].institutionId).toBe(a.institutionId)

    const un2 = await invoke(t.engine, 'assignAccount', { accountId: 'x:quillmeregh', institutionId: null })
    await invoke(t.engine, 'assignAccount', { accountId: 'x:quillmeregh', institutionId: b.institutionId })
    expect((await failureOf(invoke(t.engine, 'undo', { token: un2.undo!.token }))).code).toBe('DUPLICATE')
    // Nothing moved: the latest assignment stands.
    expect((await invoke(t.engine, 'listAccounts'))[0].institutionId).toBe(b.institutionId)
    // The same place again is no change, and nothing to undo.
    expect(
      (await invoke(t.engine, 'assignAccount', { accountId: 'x:quillmeregh', institutionId: b.institutionId })).undo
    ).toBeNull()
  })

  it('moves an account back to the institution it was moved from', async () => {
    await importPath(xFile('quill.csv', QUILL))
    const a = await invoke(t.engine, 'createInstitution', { name: 'A' })
    const b = await invoke(t.engine, 'createInstitution', { name: 'B' })
    await invoke(t.engine, 'assignAccount', { accountId: 'x:quillmeregh', institutionId: a.institutionId })
    const before = await canonical()
    const moved = await invoke(t.engine, 'assignAccount', {
      accountId: 'x:quillmeregh',
      institutionId: b.institutionId
    })
    expect((await invoke(t.engine, 'listAccounts'))[0].institutionId).toBe(b.institutionId)
    await invoke(t.engine, 'undo', { token: moved.undo!.token })
    expect((await invoke(t.engine, 'listAccounts'))[0].institutionId).toBe(a.institutionId)
    expect(await canonical()).toEqual(before)
  })
})

describe('the stack and the workspace', () => {
  it('undoes the latest first without a token, and says when there is nothing to undo', async () => {
    expect((await failureOf(invoke(t.engine, 'undo'))).code).toBe('NOT_FOUND')
    const e1 = await invoke(t.engine, 'addEvent', { start: '2024-01-01', title: 'One', kind: 'other' })
    const e2 = await invoke(t.engine, 'addEvent', { start: '2024-01-02', title: 'Two', kind: 'other' })
    await invoke(t.engine, 'deleteEvent', { eventId: e1.eventId })
    await invoke(t.engine, 'deleteEvent', { eventId: e2.eventId })
    expect((await invoke(t.engine, 'undo')).label).toBe('Deleted event “Two”')
    expect((await invoke(t.engine, 'listEvents')).map((e) => e.title)).toEqual(['Two'])
    expect((await invoke(t.engine, 'undo')).label).toBe('Deleted event “One”')
  })

  it('closing the workspace makes deletes final and purges the trash', async () => {
    const a = await importPath(xFile('quill.csv', QUILL))
    const ev = await invoke(t.engine, 'addEvent', { start: '2024-01-01', title: 'One', kind: 'other' })
    const q = await invoke(t.engine, 'saveQuery', {
      query: { name: 'Q', description: '', tags: [], sql: 'SELECT 1', params: [], chart: null }
    })
    const del = await invoke(t.engine, 'deleteDataset', { datasetId: a.dataset.id })
    await invoke(t.engine, 'deleteEvent', { eventId: ev.eventId })
    await invoke(t.engine, 'deleteQuery', { id: q.id })
    expect(await undoSchemaTables()).toHaveLength(2)

    await t.engine.shutdown()
    t.engine = await openEngine(t.workspace)
    expect(await invoke(t.engine, 'listUndo')).toEqual([])
    expect((await failureOf(invoke(t.engine, 'undo', { token: del.undo.token }))).code).toBe('NOT_FOUND')
    expect(await hiddenTables()).toEqual([])
    expect(await undoSchemaTables()).toEqual([])
    expect(await all(`SELECT id FROM saved_queries WHERE id = ${q.id}`)).toEqual([])
  })

  it('after a crash, the next open purges what the crashed session kept', async () => {
    const a = await importPath(xFile('quill.csv', QUILL))
    await invoke(t.engine, 'deleteDataset', { datasetId: a.dataset.id })
    expect(await hiddenTables()).toHaveLength(1)
    t.engine.close() // no shutdown: as if the app died
    t.engine = await openEngine(t.workspace)
    expect(await hiddenTables()).toEqual([])
    expect(await undoSchemaTables()).toEqual([])
    expect(await invoke(t.engine, 'listDatasets')).toEqual([])
  })
})

describe('undo an account merge', () => {
  // TikTok overview (daily) files name no account: the import is told which one, spelled two ways here.
  const overview = (name: string, rows: string[]) =>
    t.file(name, ['Date,Video Views,Profile Views,Likes,Comments,Shares', ...rows].join('\n') + '\n')
  const periodEnd = '2025-01-31'
  const importAs = (path: string, account: string) =>
    invoke(t.engine, 'importFile', { path, jobId: jobId(), options: { account, periodEnd } })
  const FROM = 'tiktok:northfield gh'
  const INTO = 'tiktok:northfieldgh'

  async function twoAccounts() {
    await importAs(overview('a.csv', ['"January 1",10,1,0,0,0', '"January 2",20,,0,0,0']), 'Northfield GH')
    await importAs(overview('b.csv', ['"January 2",,7,0,0,0', '"January 3",30,3,0,0,0']), 'NorthfieldGH')
    await importPath(xFile('quill.csv', QUILL))
    const inst = await invoke(t.engine, 'createInstitution', { name: 'Northfield' })
    await invoke(t.engine, 'assignAccount', { accountId: FROM, institutionId: inst.institutionId })
    await invoke(t.engine, 'renameAccount', { accountId: FROM, displayName: 'Northfield General' })
    return inst
  }

  it('puts both accounts back exactly: daily rows, institution, display name', async () => {
    await twoAccounts()
    const before = await canonical()
    const merged = await invoke(t.engine, 'mergeAccounts', { fromId: FROM, intoId: INTO })
    expect(merged.undo.label).toBe('Merged @Northfield GH into @NorthfieldGH')
    expect(await canonical()).not.toEqual(before)
    await invoke(t.engine, 'undo', { token: merged.undo.token })
    expect(await canonical()).toEqual(before)
  })

  it('moves the posts back to the account they came from', async () => {
    await importPath(xFile('quill.csv', QUILL))
    await importPath(xFile('quill2.csv', [xRow('21', 'Quillmere_GH', 'Other', '2024-01-05 10:00 +0000', 1)]))
    const before = await canonical()
    const merged = await invoke(t.engine, 'mergeAccounts', { fromId: 'x:quillmeregh', intoId: 'x:quillmere_gh' })
    expect(Number((await all(`SELECT count(*) AS n FROM posts WHERE account_id = 'x:quillmere_gh'`))[0].n)).toBe(3)
    await invoke(t.engine, 'undo', { token: merged.undo.token })
    expect(await canonical()).toEqual(before)
  })

  it('after an import in between, the import’s rows stay and every key is still unique', async () => {
    await twoAccounts()
    const before = await canonical()
    const merged = await invoke(t.engine, 'mergeAccounts', { fromId: FROM, intoId: INTO })
    // The kept account's export again, now with January 1 (a day that came from the other account) and a new Jan 3.
    await importAs(overview('b2.csv', ['"January 1",99,,0,0,0', '"January 3",31,3,0,0,0']), 'NorthfieldGH')
    await invoke(t.engine, 'undo', { token: merged.undo.token })

    const keys = await all(
      `SELECT account_id, count(*) AS n FROM account_daily GROUP BY account_id, day HAVING count(*) > 1`
    )
    expect(keys).toEqual([])
    const daily = await all(
      `SELECT account_id, CAST(day AS VARCHAR) AS day, views::INT AS views, profile_visits::INT AS visits
       FROM account_daily ORDER BY account_id, day`
    )
    expect(daily).toEqual([
      // The merged-away account has its own rows again.
      { account_id: FROM, day: '2025-01-01', views: 10, visits: 1 },
      { account_id: FROM, day: '2025-01-02', views: 20, visits: null },
      // January 1 was rewritten by the import after the merge: it stays as the import left it.
      { account_id: INTO, day: '2025-01-01', views: 99, visits: 1 },
      // January 2 was only the merge's doing: back to the kept account's own values.
      { account_id: INTO, day: '2025-01-02', views: null, visits: 7 },
      { account_id: INTO, day: '2025-01-03', views: 31, visits: 3 }
    ])
    expect((await canonical()).accounts).toEqual(before.accounts)
  })

  it('refuses while the kept account is itself merged away, and works once that is undone', async () => {
    await twoAccounts()
    await importAs(overview('c.csv', ['"January 5",5,5,0,0,0']), 'Northfield-GH')
    const before = await canonical()
    const first = await invoke(t.engine, 'mergeAccounts', { fromId: FROM, intoId: INTO })
    const second = await invoke(t.engine, 'mergeAccounts', { fromId: INTO, intoId: 'tiktok:northfield-gh' })
    expect((await failureOf(invoke(t.engine, 'undo', { token: first.undo.token }))).code).toBe('NOT_FOUND')
    await invoke(t.engine, 'undo', { token: second.undo.token })
    await invoke(t.engine, 'undo', { token: first.undo.token })
    expect(await canonical()).toEqual(before)
  })
})

describe('copies of the workspace', () => {
  it('a .sbw export and a duplicate carry none of what was kept for undo, and the undo still works here', async () => {
    const a = await importPath(xFile('quill.csv', QUILL))
    const q = await invoke(t.engine, 'saveQuery', {
      query: { name: 'Secret', description: '', tags: [], sql: 'SELECT 1', params: [], chart: null }
    })
    const del = await invoke(t.engine, 'deleteDataset', { datasetId: a.dataset.id })
    await invoke(t.engine, 'deleteQuery', { id: q.id })
    const out = join(t.root, 'copy.sbw')
    await invoke(t.engine, 'exportWorkspace', { out })
    const opened = await invoke(t.engine, 'openWorkspaceArchive', { archive: out, into: join(t.root, 'colleague') })
    const duplicate = await invoke(t.engine, 'duplicateWorkspace', { into: join(t.root, 'dup') })
    for (const dir of [opened.path, duplicate.path]) {
      // Read the file as it arrives, not through an engine (whose open would purge it anyway).
      const copy = await Database.open(join(dir, 'workspace.duckdb'))
      try {
        const kept = await copy.all(
          `SELECT schema_name || '.' || table_name AS t FROM duckdb_tables()
           WHERE schema_name = 'undo' OR table_name LIKE 'undo%'`
        )
        expect(kept, dir).toEqual([])
        expect(await copy.all(`SELECT id FROM saved_queries WHERE id = ${q.id}`)).toEqual([])
      } finally {
        copy.close()
      }
    }
    await invoke(t.engine, 'undo', { token: del.undo.token })
    expect((await invoke(t.engine, 'listDatasets')).map((d) => d.id)).toEqual([a.dataset.id])
  })
})
