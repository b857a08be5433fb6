/**
 * The engine against a real DuckDB file in a fresh temp folder per test: every supported shape of file,
 * every refusal, and the dataset catalogue (rename, delete, pages, reopening).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import iconv from 'iconv-lite'
import { tableFromIPC } from 'apache-arrow'
import { databaseForTests, openEngine } from './engine'
import { Database } from './db/duckdb'
import { LATEST_SCHEMA_VERSION, migrate } from './db/migrations'
import { dsTables, failureOf, jobId, openTestWorkspace, type TestWorkspace } from '../../../test/support/workspace'
import type { ImportOptions } from '../../shared/types'
import { invoke } from './invoke'

const run = promisify(execFile)
let t: TestWorkspace

beforeEach(async () => {
  t = await openTestWorkspace()
})
afterEach(() => t.dispose())

const importPath = (path: string, extra: { allowDuplicate?: boolean; name?: string; options?: ImportOptions } = {}) =>
  invoke(t.engine, 'importFile', { path, jobId: jobId(), ...extra })
const one = async (sql: string) => (await databaseForTests(t.engine).all(sql))[0]
const typeOf = (cols: { name: string; type: string }[], name: string) => cols.find((c) => c.name === name)?.type

describe('importing supported files', () => {
  it('imports a comma CSV with exact rows, columns and types', async () => {
    const p = t.file('posts.csv', 'id,title,likes\n1,Hello,10\n2,"Quoted, with comma",20\n3,Bye,12\n')
    const r = await importPath(p)
    expect(r.dataset).toMatchObject({ name: 'posts', fileName: 'posts.csv', format: 'csv', rows: 3 })
    expect(r.dataset.columns.map((c) => c.name)).toEqual(['id', 'title', 'likes'])
    expect(typeOf(r.dataset.columns, 'likes')).toBe('BIGINT')
    expect(r.settings).toMatchObject({ delimiter: ',', hasHeader: true, encoding: 'utf-8', hadBom: false })
    expect(await one(`SELECT sum(likes) AS s, max(title) AS t FROM ${r.dataset.tableName}`)).toEqual({
      s: '42',
      t: 'Quoted, with comma'
    })
  })

  it('imports a TSV', async () => {
    const p = t.file('data.tsv', 'date\tviews\tnote\n2024-01-01\t5\ta b\n2024-01-02\t7\tc\n')
    const r = await importPath(p)
    expect(r.settings.delimiter).toBe('\t')
    expect(r.dataset.rows).toBe(2)
    expect(typeOf(r.dataset.columns, 'date')).toBe('DATE')
    expect(Number((await one(`SELECT sum(views) AS s FROM ${r.dataset.tableName}`)).s)).toBe(12)
  })

  it('reads a semicolon file with decimal commas and dot thousands as exact numbers', async () => {
    const rows = [
      'Datum;Reichweite;Rate;Stadt',
      '2024-01-01;1.234;1,5;Köln',
      '2024-01-02;407.137;2,25;Wien',
      '2024-01-03;12;0,1;Graz'
    ]
    const r = await importPath(t.file('de.csv', rows.join('\n') + '\n'))
    expect(r.settings).toMatchObject({ delimiter: ';', decimalSeparator: ',', thousandsSeparator: '.' })
    expect(typeOf(r.dataset.columns, 'Rate')).toBe('DOUBLE')
    expect(typeOf(r.dataset.columns, 'Reichweite')).toBe('BIGINT')
    const s = await one(`SELECT sum(Reichweite)::BIGINT AS reach, sum(Rate) AS rate FROM ${r.dataset.tableName}`)
    expect(Number(s.reach)).toBe(1234 + 407137 + 12)
    expect(s.rate).toBeCloseTo(3.85, 12)
  })

  it('reads a Meta-style UTF-16LE file with BOM, sep= line and a title line', async () => {
    const text =
      'sep=,\n"Facebook follows"\n"Date","Primary"\n' +
      Array.from({ length: 30 }, (_, i) => `"2024-01-${String(i + 1).padStart(2, '0')}T00:00:00","${i}"`).join('\n') +
      '\n'
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])
    // As a plain dataset (the recognised path is covered by the Meta recognizer's own tests).
    const r = await importPath(t.file('Follows.csv', bytes), { options: { generic: true } })
    expect(r.recognition).toBeNull()
    expect(r.settings).toMatchObject({
      encoding: 'utf-16le',
      hadBom: true,
      delimiter: ',',
      skipRows: 1,
      hasHeader: true
    })
    expect(r.dataset.columns.map((c) => c.name)).toEqual(['Date', 'Primary'])
    expect(r.dataset.rows).toBe(30)
    expect(Number((await one(`SELECT sum("Primary") AS s FROM ${r.dataset.tableName}`)).s)).toBe(435)
    expect(readdirSync(join(t.workspace, 'tmp'))).toEqual([])
    // Without --generic the same bytes are recognised as a Meta Business Suite daily metric.
    const again = await importPath(t.file('Follows2.csv', bytes), {
      allowDuplicate: true,
      options: { account: 'FollowsTest' }
    })
    expect(again.recognition?.format).toBe('meta-business-suite-daily')
    expect(again.recognition?.daily).toEqual({ new: 30, updated: 0, unchanged: 0 })
  })

  it('reads a Windows-1252 file with umlauts intact', async () => {
    const text =
      'Name;Ort;Anzahl\n' +
      ['Müller;Köln;1', 'Café Größe;Zürich;2', 'Jürgen;Düsseldorf;3', 'Ärzte;Übach;4'].join('\n') +
      '\n'
    const r = await importPath(t.file('legacy.csv', iconv.encode(text, 'windows-1252')))
    expect(r.settings.encoding).toBe('windows-1252')
    const names = (await databaseForTests(t.engine).all(`SELECT Name FROM ${r.dataset.tableName} ORDER BY Anzahl`)).map(
      (x) => x.Name
    )
    expect(names).toEqual(['Müller', 'Café Größe', 'Jürgen', 'Ärzte'])
    expect(r.dataset.columns.map((c) => c.name)).toEqual(['Name', 'Ort', 'Anzahl'])
  })

  it('imports a JSON array of records', async () => {
    const data = [
      { id: 1, text: 'a', likes: 3 },
      { id: 2, text: 'b', likes: 4 },
      { id: 3, text: 'c', likes: 5 }
    ]
    const r = await importPath(t.file('arr.json', JSON.stringify(data, null, 2)))
    expect(r.dataset).toMatchObject({ format: 'json', rows: 3 })
    expect(r.dataset.columns.map((c) => c.name)).toEqual(['id', 'text', 'likes'])
    expect(Number((await one(`SELECT sum(likes) AS s FROM ${r.dataset.tableName}`)).s)).toBe(12)
  })

  it('unnests the record array inside a JSON object into columns', async () => {
    const doc = {
      type: 'OrderedCollection',
      totalItems: 3,
      orderedItems: [
        { id: 'x1', published: '2024-01-01', replies: 1 },
        { id: 'x2', published: '2024-01-02', replies: 2 },
        { id: 'x3', published: '2024-01-03', replies: 7 }
      ],
      tags: ['one']
    }
    const r = await importPath(t.file('outbox.json', JSON.stringify(doc, null, 2)))
    expect(r.settings.jsonPath).toBe('orderedItems')
    expect(r.dataset.rows).toBe(3)
    expect(r.dataset.columns.map((c) => c.name)).toEqual(['id', 'published', 'replies'])
    expect(Number((await one(`SELECT sum(replies) AS s FROM ${r.dataset.tableName}`)).s)).toBe(10)
  })

  it('imports NDJSON', async () => {
    const p = t.file('events.ndjson', '{"user":"a","n":1}\n{"user":"b","n":2}\n{"user":"c","n":4}\n')
    const r = await importPath(p)
    expect(r.dataset).toMatchObject({ format: 'ndjson', rows: 3 })
    expect(Number((await one(`SELECT sum(n) AS s FROM ${r.dataset.tableName}`)).s)).toBe(7)
  })

  it('strips the UTF-8 BOM from the first column name', async () => {
    const p = t.file(
      'bom.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Page ID,Followers\n1,5\n2,6\n')])
    )
    const r = await importPath(p)
    expect(r.settings.hadBom).toBe(true)
    expect(r.dataset.columns[0].name).toBe('Page ID')
    expect(await one(`SELECT "Page ID" AS id FROM ${r.dataset.tableName} ORDER BY 1 LIMIT 1`)).toEqual({ id: '1' })
  })

  it('keeps a column as text (with a warning) when a value after the type sample does not fit', async () => {
    const lines = ['id;amount']
    for (let i = 1; i <= 6000; i++) lines.push(`${i};${i === 5500 ? 'abc' : '1,5'}`)
    const r = await importPath(t.file('late.csv', lines.join('\n') + '\n'))
    expect(r.dataset.rows).toBe(6000)
    expect(typeOf(r.dataset.columns, 'amount')).toBe('VARCHAR')
    expect(r.warnings.join(' ')).toMatch(/whole file/)
  })

  it('keeps a column of dates written two ways as text, naming it, instead of refusing the file', async () => {
    // DuckDB's sniffer types the column DATE and then cannot read the other style, even from the whole file.
    const lines = [
      'post,day,likes',
      '1,2023-03-12,5',
      '2,2023-03-12,6',
      '3,2023-01-05,7',
      '4,2023-01-05,8',
      '5,05/01/2023,9'
    ]
    const r = await importPath(t.file('dates.csv', lines.join('\n') + '\n'))
    expect(r.dataset.rows).toBe(5)
    expect(typeOf(r.dataset.columns, 'day')).toBe('VARCHAR')
    expect(typeOf(r.dataset.columns, 'likes')).toBe('BIGINT')
    expect(r.warnings.join(' ')).toMatch(/Column "day" mixes value formats/)
    expect(await databaseForTests(t.engine).all(`SELECT day FROM ${r.dataset.tableName} ORDER BY rowid`)).toEqual(
      ['2023-03-12', '2023-03-12', '2023-01-05', '2023-01-05', '05/01/2023'].map((day) => ({ day }))
    )
  })
})

describe('refusing files', () => {
  it('refuses an empty file', async () => {
    const f = await failureOf(importPath(t.file('empty.csv', '')))
    expect(f.code).toBe('EMPTY_FILE')
    expect(f.message).toContain('empty.csv')
  })

  it('refuses a file with only a header and creates no dataset', async () => {
    const f = await failureOf(importPath(t.file('header.csv', 'a,b,c\n')))
    expect(f.code).toBe('EMPTY_FILE')
    expect(await invoke(t.engine, 'listDatasets')).toEqual([])
    expect(await dsTables(t.engine)).toEqual([])
  })

  it('refuses a PNG renamed .csv', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 7)])
    const f = await failureOf(importPath(t.file('chart.csv', png)))
    expect(f).toMatchObject({ code: 'UNSUPPORTED_FILE' })
    expect(f.message).toMatch(/chart\.csv.*PNG/)
  })

  it('refuses a file that does not exist', async () => {
    expect((await failureOf(importPath(join(t.root, 'nope.csv')))).code).toBe('NOT_FOUND')
  })

  it('leaves earlier datasets intact when DuckDB rejects a file', async () => {
    const good = await importPath(t.file('good.csv', 'a,b\n1,2\n3,4\n'))
    // Rows with more fields than the header: no fallback reads them, so the import fails.
    const lines = ['a,b,c']
    for (let i = 0; i < 5000; i++) lines.push(`${i},x,y`)
    lines.push('1,2,3,4,5,6,7')
    lines.push('8,9,10')
    const f = await failureOf(importPath(t.file('bad.csv', lines.join('\n') + '\n')))
    expect(f.code).toBe('IMPORT_FAILED')
    expect(f.message).toContain('bad.csv')
    const list = await invoke(t.engine, 'listDatasets')
    expect(list.map((d) => [d.id, d.rows])).toEqual([[good.dataset.id, 2]])
    expect(await dsTables(t.engine)).toEqual([good.dataset.tableName])
    expect(readdirSync(join(t.workspace, 'tmp'))).toEqual([])
  })
})

describe('duplicates', () => {
  it('refuses the same bytes twice, reports it in the preview, and imports a copy when asked', async () => {
    const content = 'k,v\na,1\nb,2\n'
    const p = t.file('x.csv', content)
    const first = await importPath(p)
    const again = await failureOf(importPath(t.file('x-copy.csv', content)))
    expect(again.code).toBe('DUPLICATE')
    expect(again.message).toContain('"x"')
    expect((await invoke(t.engine, 'listDatasets')).length).toBe(1)

    const preview = await invoke(t.engine, 'previewImport', { path: p })
    expect(preview.alreadyImported?.id).toBe(first.dataset.id)
    expect(preview.rows).toEqual([
      ['a', '1'],
      ['b', '2']
    ])

    const second = await importPath(p, { allowDuplicate: true })
    expect(second.dataset.name).toBe('x (2)')
    expect(second.dataset.id).not.toBe(first.dataset.id)
    expect((await invoke(t.engine, 'listDatasets')).length).toBe(2)
  })
})

describe('catalogue', () => {
  it('renames with unique names and deletes with the table', async () => {
    const a = await importPath(t.file('a.csv', 'n\n1\n2\n'))
    const b = await importPath(t.file('b.csv', 'n\n3\n'))
    const renamed = await invoke(t.engine, 'renameDataset', { datasetId: b.dataset.id, name: 'A' })
    expect(renamed.name).toBe('A (2)') // "a" is taken, case-insensitively
    expect((await invoke(t.engine, 'renameDataset', { datasetId: a.dataset.id, name: '  Reach 2024 ' })).name).toBe(
      'Reach 2024'
    )

    expect(await invoke(t.engine, 'deleteDataset', { datasetId: a.dataset.id })).toMatchObject({ deleted: true })
    expect(await dsTables(t.engine)).toEqual([b.dataset.tableName])
    expect((await invoke(t.engine, 'listDatasets')).map((d) => d.id)).toEqual([b.dataset.id])
    expect((await failureOf(invoke(t.engine, 'deleteDataset', { datasetId: a.dataset.id }))).code).toBe('NOT_FOUND')
  })

  it('serves pages with offset, limit and sort as Arrow', async () => {
    const lines = ['id,name,score']
    for (let i = 1; i <= 100; i++) lines.push(`${i},n${i},${(i * 37) % 101}`)
    const { dataset } = await importPath(t.file('p.csv', lines.join('\n') + '\n'))
    const page = await invoke(t.engine, 'datasetPage', { datasetId: dataset.id, offset: 10, limit: 5 })
    const table = tableFromIPC(page.arrow)
    expect(page.totalRows).toBe(100)
    expect(table.numRows).toBe(5)
    expect(table.schema.fields.map((f) => f.name)).toEqual(['id', 'name', 'score'])
    expect(table.getChild('id')!.toArray()).toEqual(Float64Array.from([11, 12, 13, 14, 15]))
    expect(table.getChild('name')!.get(0)).toBe('n11')

    const sorted = tableFromIPC(
      (
        await invoke(t.engine, 'datasetPage', {
          datasetId: dataset.id,
          offset: 0,
          limit: 3,
          sort: { column: 'score', direction: 'desc' }
        })
      ).arrow
    )
    const expected = Array.from({ length: 100 }, (_, i) => ({ id: i + 1, score: ((i + 1) * 37) % 101 }))
      .sort((x, y) => y.score - x.score || x.id - y.id)
      .slice(0, 3)
    expect([...sorted.getChild('score')!.toArray()]).toEqual(expected.map((e) => e.score))
    expect([...sorted.getChild('id')!.toArray()]).toEqual(expected.map((e) => e.id))

    const bad = await failureOf(
      invoke(t.engine, 'datasetPage', {
        datasetId: dataset.id,
        offset: 0,
        limit: 3,
        sort: { column: 'nope', direction: 'asc' }
      })
    )
    expect(bad.code).toBe('BAD_INPUT')
    expect(bad.message).toContain('nope')
  })

  it('shows everything again after the workspace is closed and reopened', async () => {
    const a = await importPath(t.file('a.csv', 'n,m\n1,2\n3,4\n'))
    await invoke(t.engine, 'renameDataset', { datasetId: a.dataset.id, name: 'Kept' })
    const before = await invoke(t.engine, 'listDatasets')
    t.engine.close()
    t.engine = await openEngine(t.workspace)
    expect(await invoke(t.engine, 'listDatasets')).toEqual(before)
    expect(await invoke(t.engine, 'workspaceInfo')).toMatchObject({
      schemaVersion: LATEST_SCHEMA_VERSION,
      datasetCount: 1,
      isEmpty: false
    })
    const page = tableFromIPC(
      (await invoke(t.engine, 'datasetPage', { datasetId: a.dataset.id, offset: 0, limit: 10 })).arrow
    )
    expect([...page.getChild('m')!.toArray()]).toEqual([2, 4])
  })
})

describe('dispatch', () => {
  it('answers bad input with BAD_INPUT naming the field', async () => {
    expect(await t.engine.callWire('importFile', { path: '', jobId: 'j' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringMatching(/^importFile: path: /) }
    })
    expect(await t.engine.callWire('datasetPage', { datasetId: 1, offset: 0, limit: 5000 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('limit') }
    })
    expect(await t.engine.callWire('renameDataset', { datasetId: 1, name: 'x', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' }
    })
    expect(await t.engine.callWire('dropEverything', {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it('passes an engine failure through with its code, and success as ok', async () => {
    expect(await t.engine.callWire('deleteDataset', { datasetId: 99 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })
    expect(await t.engine.callWire('listDatasets', undefined)).toEqual({ ok: true, value: [] })
  })
})

describe('workspace database', () => {
  it('migrates an empty DuckDB file to the latest schema, and a second run changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-migrate-'))
    const db = await Database.open(join(dir, 'fresh.duckdb'))
    try {
      expect(await migrate(db)).toBe(LATEST_SCHEMA_VERSION)
      const versions = async () =>
        (await db.all(`SELECT version FROM schema_version ORDER BY version`)).map((r) => r.version)
      const expected = Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1)
      expect(await versions()).toEqual(expected)
      expect(await migrate(db)).toBe(LATEST_SCHEMA_VERSION)
      expect(await versions()).toEqual(expected)
      expect((await db.all(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'datasets'`))[0].n).toBe('1')
    } finally {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses a second process while this one holds the workspace', async () => {
    const bin = resolve(__dirname, '../../../bin/socialbench.cjs')
    const r = await run(process.execPath, [bin, 'sql', '--workspace', t.workspace, '--json', 'select 1 as x'], {
      timeout: 60_000
    })
      .then(() => ({ code: 0, stdout: '' }))
      .catch((err: { code: number; stdout: string }) => err)
    expect(r.code).not.toBe(0)
    expect(JSON.parse(r.stdout).error.code).toBe('WORKSPACE_IN_USE')
  })
})
