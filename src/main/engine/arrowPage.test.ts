import { Float64, Table, Utf8, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow'
import { DuckDBTypeId } from '@duckdb/node-api'
import { describe, expect, it } from 'vitest'
import { decodeRows } from '../../shared/charts/series'
import { columnsToArrowIpc } from './arrowPage'

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
