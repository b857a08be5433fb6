import { Float64, Table, Utf8, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow'
import { DuckDBInstance, DuckDBTypeId } from '@duckdb/node-api'
import { describe, expect, it } from 'vitest'
import { decodeRows } from '../../shared/charts/series'
import { columnsToArrowIpc, rowsToArrowIpc } from './arrowPage'

describe('decodeRows with dictionary columns (as the engine sends chart series)', () => {
  it('decodes the same rows as plain text columns, NULLs included, and each distinct day to one Date', () => {
    const institution = ['North', 'South', null, 'North', 'South']
    const day = ['2024-01-01', '2024-01-01', '2024-01-02', '2024-01-02', null]
    const followers = [10, null, 12, 13, 14]
    const plain = tableToIPC(
      new Table({
        institution: vectorFromArray(institution, new Utf8()),
        day: vectorFromArray(day, new Utf8()),
        followers: vectorFromArray(followers, new Float64())
      }),
      'stream'
    )
    const dict = columnsToArrowIpc(
      ['institution', 'day', 'followers'],
      [DuckDBTypeId.VARCHAR, DuckDBTypeId.DATE, DuckDBTypeId.DOUBLE],
      [institution, day, followers],
      { dictionary: true }
    )
    expect(tableFromIPC(dict).getChild('institution')?.type.toString()).toBe('Dictionary<Int32, Utf8>')
    const rows = decodeRows(dict, ['day'])
    expect(rows).toEqual(decodeRows(plain, ['day']))
    expect(rows[2]).toEqual({ institution: null, day: new Date('2024-01-02T00:00:00Z'), followers: 12 })
    expect(rows[4].day).toBeNull()
    expect(rows[1].followers).toBeNull()
    expect(rows[0].day).toBe(rows[1].day)
  })
})

describe('rowsToArrowIpc with dictionary columns', () => {
  it('gives the rows the JSON values gave, for every type a series can hold', async () => {
    const db = await DuckDBInstance.create(':memory:')
    const conn = await db.connect()
    try {
      // More rows than one chunk (2048), repeated days, NULLs, BIGINTs past 2^53, NaN and infinities.
      const reader = await conn.runAndReadAll(`
        SELECT 'Institution number ' || (i % 7) AS institution, CASE WHEN i % 11 = 0 THEN NULL ELSE DATE '2024-01-01' + (i % 400)::INTEGER END AS day,
               CASE WHEN i % 13 = 0 THEN NULL ELSE i * 1234567890123 END AS big, i::INTEGER AS n, (i % 3)::TINYINT AS t,
               CASE i % 5 WHEN 0 THEN 'NaN'::DOUBLE WHEN 1 THEN 'inf'::DOUBLE WHEN 2 THEN NULL ELSE i / 7 END AS rate,
               (i / 8)::DECIMAL(12, 3) AS dec, i::HUGEINT * 1000000000000 AS huge, i % 2 = 0 AS flag,
               TIMESTAMPTZ '2024-03-01 10:00:00+00' + to_seconds(i) AS ts, [i, i + 1] AS list
        FROM range(5000) t(i)`)
      const types = reader.columnTypes().map((t) => t.typeId)
      const before = columnsToArrowIpc(reader.columnNames(), types, reader.getColumnsJson() as unknown[][], {
        dictionary: true
      })
      // String(): NaN and null stay apart (JSON.stringify writes both as null).
      const rows = (bytes: Uint8Array) =>
        tableFromIPC(bytes)
          .toArray()
          .map((r) => Object.values(r.toJSON() as Record<string, unknown>).map((v) => String(v)))
      expect(rows(rowsToArrowIpc(reader, { dictionary: true }))).toEqual(rows(before))
    } finally {
      conn.closeSync()
      db.closeSync()
    }
  })
})
