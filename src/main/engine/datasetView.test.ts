/**
 * The grid's sort, filters and search through the front door, on a real DuckDB file: typed order with nulls
 * last both ways, each filter kind, search across columns, hostile names and values, and "Open as query" SQL
 * that returns the same rows in the SQL editor's sandbox.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tableFromIPC } from 'apache-arrow'
import { failureOf, jobId, openTestWorkspace, type TestWorkspace } from '../../../test/support/workspace'
import type { ColumnFilter, GridView } from '../../shared/gridView'
import type { DatasetSummary } from '../../shared/types'
import { invoke } from './invoke'

let t: TestWorkspace
let d: DatasetSummary
const HOSTILE = 'a"; DROP'

// id, text, number (with a null), date (with a null), timestamp, and a column whose name is an injection attempt.
const CSV = [
  `id,city,score,day,seen_at,"a""; DROP"`,
  `1,berlin,9,2024-03-01,2024-03-01 23:30:00,plain`,
  `2,Amsterdam,100,,2024-01-15 08:00:00,"say ""hi"" O'Neil"`,
  `3,cairo,,2023-12-31,2023-12-31 00:00:00,`,
  `4,Berlin,10,2024-01-15,2024-01-16 00:00:00,x`,
  `5,,-3,2024-02-29,,'); DROP TABLE datasets; --`
].join('\n')

beforeEach(async () => {
  t = await openTestWorkspace()
  d = (await invoke(t.engine, 'importFile', { path: t.file('cities.csv', CSV + '\n'), jobId: jobId() })).dataset
})
afterEach(() => t.dispose())

async function page(view: GridView, limit = 100) {
  const p = await invoke(t.engine, 'datasetPage', { datasetId: d.id, offset: 0, limit, ...view })
  const table = tableFromIPC(p.arrow)
  return { total: p.totalRows, ids: [...table.getChild('id')!.toArray()].map(Number), table }
}
const ids = async (view: GridView) => (await page(view)).ids
const only = (...filters: ColumnFilter[]) => ids({ filters })

describe('typed sort', () => {
  it('imports the columns typed, the hostile name intact', () => {
    expect(d.columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'BIGINT'],
      ['city', 'VARCHAR'],
      ['score', 'BIGINT'],
      ['day', 'DATE'],
      ['seen_at', 'TIMESTAMP'],
      [HOSTILE, 'VARCHAR']
    ])
  })

  it('sorts numbers as numbers, nulls last in both directions', async () => {
    // As text, 10 and 100 would come before 9.
    expect(await ids({ sort: { column: 'score', direction: 'asc' } })).toEqual([5, 1, 4, 2, 3])
    expect(await ids({ sort: { column: 'score', direction: 'desc' } })).toEqual([2, 4, 1, 5, 3])
  })

  it('sorts dates and timestamps by time, nulls last in both directions', async () => {
    expect(await ids({ sort: { column: 'day', direction: 'asc' } })).toEqual([3, 4, 5, 1, 2])
    expect(await ids({ sort: { column: 'day', direction: 'desc' } })).toEqual([1, 5, 4, 3, 2])
    expect(await ids({ sort: { column: 'seen_at', direction: 'desc' } })).toEqual([1, 4, 2, 3, 5])
  })

  it('sorts text ignoring case, equal values in file order, nulls last', async () => {
    expect(await ids({ sort: { column: 'city', direction: 'asc' } })).toEqual([2, 1, 4, 3, 5])
    expect(await ids({ sort: { column: 'city', direction: 'desc' } })).toEqual([3, 1, 4, 2, 5])
  })

  it('sorts by a column with a hostile name', async () => {
    // ' < p < s < x
    expect(await ids({ sort: { column: HOSTILE, direction: 'asc' } })).toEqual([5, 1, 2, 4, 3])
  })
})

describe('filters', () => {
  it('text contains, case-insensitive, on text and on numbers as their text', async () => {
    expect(await only({ column: 'city', kind: 'contains', text: 'BERL' })).toEqual([1, 4])
    expect(await only({ column: 'score', kind: 'contains', text: '10' })).toEqual([2, 4])
    const p = await page({ filters: [{ column: 'city', kind: 'contains', text: 'ber' }] })
    expect(p.total).toBe(2)
  })

  it('treats quotes, % and _ in a value as plain text', async () => {
    expect(await only({ column: HOSTILE, kind: 'contains', text: `"hi" o'neil` })).toEqual([2])
    expect(await only({ column: HOSTILE, kind: 'contains', text: `'); DROP TABLE datasets; --` })).toEqual([5])
    expect(await only({ column: 'city', kind: 'contains', text: '%' })).toEqual([])
    expect(await only({ column: 'city', kind: 'contains', text: '_' })).toEqual([])
    expect((await invoke(t.engine, 'listDatasets')).map((x) => x.id)).toEqual([d.id])
  })

  it('number range, inclusive, either end open, nulls out', async () => {
    expect(await only({ column: 'score', kind: 'numberRange', min: 9, max: 10 })).toEqual([1, 4])
    expect(await only({ column: 'score', kind: 'numberRange', min: null, max: 9 })).toEqual([1, 5])
    expect(await only({ column: 'score', kind: 'numberRange', min: 10, max: null })).toEqual([2, 4])
    expect(await only({ column: 'score', kind: 'numberRange', min: null, max: null })).toEqual([1, 2, 4, 5])
  })

  it('date range on dates and on timestamps by their whole day', async () => {
    expect(await only({ column: 'day', kind: 'dateRange', from: '2024-01-01', to: '2024-02-29' })).toEqual([4, 5])
    expect(await only({ column: 'day', kind: 'dateRange', from: null, to: '2023-12-31' })).toEqual([3])
    // 2024-03-01 23:30 is on the 1st; 2024-01-16 00:00 is not on the 15th.
    expect(await only({ column: 'seen_at', kind: 'dateRange', from: '2024-01-15', to: '2024-01-15' })).toEqual([2])
    expect(await only({ column: 'seen_at', kind: 'dateRange', from: '2024-03-01', to: null })).toEqual([1])
  })

  it('empty and not empty: NULL, and the empty string for text', async () => {
    expect(await only({ column: 'score', kind: 'empty' })).toEqual([3])
    expect(await only({ column: 'city', kind: 'empty' })).toEqual([5])
    expect(await only({ column: HOSTILE, kind: 'empty' })).toEqual([3])
    expect(await only({ column: 'day', kind: 'notEmpty' })).toEqual([1, 3, 4, 5])
  })

  it('combines filters with AND, and with a sort', async () => {
    const view: GridView = {
      filters: [
        { column: 'score', kind: 'notEmpty' },
        { column: 'day', kind: 'dateRange', from: '2024-01-01', to: null }
      ],
      sort: { column: 'score', direction: 'desc' }
    }
    const p = await page(view)
    expect(p.ids).toEqual([4, 1, 5])
    expect(p.total).toBe(3)
  })

  it('refuses unknown columns and filters the column type cannot take, naming them', async () => {
    const noColumn = await failureOf(only({ column: 'nope', kind: 'empty' }))
    expect(noColumn).toEqual({ code: 'BAD_INPUT', message: 'Dataset "cities" has no column "nope".' })
    const wrongKind = await failureOf(only({ column: 'city', kind: 'numberRange', min: 1, max: 2 }))
    expect(wrongKind.code).toBe('BAD_INPUT')
    expect(wrongKind.message).toContain('"city"')
    const backwards = await failureOf(only({ column: 'day', kind: 'dateRange', from: '2024-02-01', to: '2024-01-01' }))
    expect(backwards.code).toBe('BAD_INPUT')
    expect(
      await t.engine.callWire('datasetPage', {
        datasetId: d.id,
        offset: 0,
        limit: 5,
        filters: [{ column: 'day', kind: 'dateRange', from: '1 Jan', to: null }]
      })
    ).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('YYYY-MM-DD') } })
  })
})

describe('search', () => {
  it('finds text in any column, case-insensitively, dates and numbers as shown', async () => {
    expect(await ids({ search: 'BERLIN' })).toEqual([1, 4])
    expect(await ids({ search: '2023-12' })).toEqual([3])
    expect(await ids({ search: "o'neil" })).toEqual([2])
    expect(await ids({ search: '-3' })).toEqual([3, 5]) // 2023-12-31 and -3
    expect((await page({ search: 'nothing like this' })).total).toBe(0)
    expect(await ids({ search: '   ' })).toEqual([1, 2, 3, 4, 5])
    // Without letters the needle needs no lower(); with them, text of any case matches.
    expect(await ids({ search: '100' })).toEqual([2])
    expect(await ids({ search: 'aMsTeRdAm' })).toEqual([2])
  })

  it('finds text of any case inside a nested (struct) column, and digits inside numbers', async () => {
    const nested = (
      await invoke(t.engine, 'importFile', {
        path: t.file(
          'nested.ndjson',
          '{"id":1,"meta":{"Name":"Berlin","n":4242}}\n{"id":2,"meta":{"Name":"Oslo","n":7}}\n'
        ),
        jobId: jobId()
      })
    ).dataset
    expect(nested.columns.find((c) => c.name === 'meta')?.type).toMatch(/^STRUCT/)
    const found = async (search: string) => {
      const p = await invoke(t.engine, 'datasetPage', { datasetId: nested.id, offset: 0, limit: 10, search })
      return [...tableFromIPC(p.arrow).getChild('id')!.toArray()].map(Number)
    }
    expect(await found('berlin')).toEqual([1])
    expect(await found('NAME')).toEqual([1, 2])
    expect(await found('4242')).toEqual([1])
  })

  it('pages a search with the filtered total', async () => {
    const p = await invoke(t.engine, 'datasetPage', { datasetId: d.id, offset: 1, limit: 1, search: 'e' })
    // Rows 1 berlin, 2 Amsterdam, 4 Berlin hold an "e"; so do 5 ("DROP TABLE datasets") and 3? (cairo, 2023-12-31: no).
    expect(p.totalRows).toBe(4)
    expect([...tableFromIPC(p.arrow).getChild('id')!.toArray()]).toEqual([2])
  })
})

describe('open as query', () => {
  it('writes SQL with quoted names and literals that returns the rows the grid shows', async () => {
    const view: GridView = {
      sort: { column: HOSTILE, direction: 'desc' },
      filters: [
        { column: HOSTILE, kind: 'contains', text: `'` },
        { column: 'score', kind: 'numberRange', min: -5, max: 1000 },
        { column: 'day', kind: 'dateRange', from: '2023-01-01', to: null }
      ],
      search: 'drop t'
    }
    const grid = await ids(view)
    expect(grid).toEqual([5])
    const { sql } = await invoke(t.engine, 'datasetQuerySql', { datasetId: d.id, ...view })
    expect(sql).toContain(`"a""; DROP"`)
    expect(sql).toContain(`''''`)
    expect(sql).not.toContain('$1')
    const info = await invoke(t.engine, 'runQuery', { runId: 'open-as-query', sql })
    const result = await invoke(t.engine, 'queryPage', { resultId: info.resultId, offset: 0, limit: 100 })
    expect([...tableFromIPC(result.arrow).getChild('id')!.toArray()].map(Number)).toEqual(grid)
  })

  it('orders the editor query as the grid does', async () => {
    const view: GridView = { sort: { column: 'score', direction: 'desc' } }
    const { sql } = await invoke(t.engine, 'datasetQuerySql', { datasetId: d.id, ...view })
    const info = await invoke(t.engine, 'runQuery', { runId: 'sorted', sql })
    const result = await invoke(t.engine, 'queryPage', { resultId: info.resultId, offset: 0, limit: 100 })
    expect([...tableFromIPC(result.arrow).getChild('id')!.toArray()].map(Number)).toEqual(await ids(view))
  })
})

describe('materialised views', () => {
  it('serves deep pages of a sort and later pages of a filter from one build, and rebuilds after eviction', async () => {
    // More rows than the top-N shortcut covers, so the sorted view is built.
    const lines = ['n,k']
    for (let i = 0; i < 12_000; i++) lines.push(`${i},${(i * 7919) % 12_000}`)
    const big = (
      await invoke(t.engine, 'importFile', { path: t.file('big.csv', lines.join('\n') + '\n'), jobId: jobId() })
    ).dataset
    const pageOf = async (view: GridView, offset: number) => {
      const p = await invoke(t.engine, 'datasetPage', { datasetId: big.id, offset, limit: 5, ...view })
      return { total: p.totalRows, k: [...tableFromIPC(p.arrow).getChild('k')!.toArray()].map(Number) }
    }
    const desc: GridView = { sort: { column: 'k', direction: 'desc' } }
    // k is a permutation of 0..11999, so row r of the descending sort holds 11999 - r.
    expect(await pageOf(desc, 0)).toEqual({ total: 12_000, k: [11_999, 11_998, 11_997, 11_996, 11_995] })
    expect(await pageOf(desc, 11_000)).toEqual({ total: 12_000, k: [999, 998, 997, 996, 995] })
    // The first page in a block was fetched on its own; the next ones there come from the block it then builds.
    expect(await pageOf(desc, 10_005)).toEqual({ total: 12_000, k: [1994, 1993, 1992, 1991, 1990] })
    expect(await pageOf(desc, 11_995)).toEqual({ total: 12_000, k: [4, 3, 2, 1, 0] })
    const small: GridView = { filters: [{ column: 'k', kind: 'numberRange', min: 100, max: 119 }] }
    const asc: GridView = { ...small, sort: { column: 'k', direction: 'asc' } }
    expect(await pageOf(asc, 5)).toEqual({ total: 20, k: [105, 106, 107, 108, 109] })
    // Four more views push the first ones out; asking again rebuilds them with the same answer.
    for (const min of [1, 2, 3, 4]) await pageOf({ filters: [{ column: 'k', kind: 'numberRange', min, max: null }] }, 0)
    expect(await pageOf(desc, 11_000)).toEqual({ total: 12_000, k: [999, 998, 997, 996, 995] })
    expect(await pageOf(asc, 15)).toEqual({ total: 20, k: [115, 116, 117, 118, 119] })
    expect((await pageOf(small, 0)).total).toBe(20)
    // A page running past the end, and one wholly past it: the rows there are, then none, with the columns.
    expect(await pageOf(asc, 18)).toEqual({ total: 20, k: [118, 119] })
    expect(await pageOf(asc, 40)).toEqual({ total: 20, k: [] })
  })

  it('keeps equal values of a deep text sort in file order, every row once', async () => {
    // Eight spellings of three words, case ignored: ties are broken by the file's order (rowid).
    const words = ['beta', 'Alpha', 'gamma', 'ALPHA', 'Beta', 'alpha', 'GAMMA', 'BETA']
    const lines = ['n,w']
    for (let i = 0; i < 12_000; i++) lines.push(`${i},${words[i % words.length]}`)
    const big = (
      await invoke(t.engine, 'importFile', { path: t.file('words.csv', lines.join('\n') + '\n'), jobId: jobId() })
    ).dataset
    const seen: number[] = []
    for (let offset = 0; offset < 12_000; offset += 2_000) {
      const p = await invoke(t.engine, 'datasetPage', {
        datasetId: big.id,
        offset,
        limit: 2_000,
        sort: { column: 'w', direction: 'asc' }
      })
      seen.push(...[...tableFromIPC(p.arrow).getChild('n')!.toArray()].map(Number))
    }
    const order = (w: string) => ['alpha', 'beta', 'gamma'].indexOf(w.toLowerCase())
    const expected = [...Array(12_000).keys()].sort(
      (a, b) => order(words[a % words.length]) - order(words[b % words.length]) || a - b
    )
    expect(seen).toEqual(expected)
  })
})
