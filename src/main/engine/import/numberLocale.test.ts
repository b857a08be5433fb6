import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { classifyColumn, conversionSql } from './numberLocale'

let instance: DuckDBInstance
let conn: DuckDBConnection

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:')
  conn = await instance.connect()
})
afterAll(() => {
  conn.closeSync()
  instance.closeSync()
})

/** Run the generated conversion over the values in real DuckDB; returns the converted values and type. */
async function convert(values: (string | null)[], preferComma: boolean) {
  const c = classifyColumn('v', values, preferComma)
  if (!c) return null
  const rows = values.map((v, i) => `(${i}, ${v === null ? 'NULL' : `'${v}'`})`).join(', ')
  const reader = await conn.runAndReadAll(`SELECT ${conversionSql(c)} AS v FROM (VALUES ${rows}) t(i, v) ORDER BY i`)
  return {
    style: c.style,
    integer: c.integer,
    type: String(reader.columnTypes()[0]),
    values: reader.getColumnsJson()[0]
  }
}

describe('classifyColumn + conversionSql', () => {
  it('reads decimal commas as DOUBLE', async () => {
    const r = await convert(['1,4', '2,25', '10'], true)
    expect(r).toEqual({ style: 'comma-decimal', integer: false, type: 'DOUBLE', values: [1.4, 2.25, 10] })
  })

  it('reads dot thousands "407.137" as 407137 when the file prefers commas', async () => {
    const r = await convert(['407.137', '1.000.000', '12'], true)
    expect(r).toMatchObject({ style: 'comma-decimal', integer: true, type: 'BIGINT' })
    expect(r!.values.map(Number)).toEqual([407137, 1000000, 12])
  })

  it('reads the same "407.137" as a decimal when the file does not prefer commas', async () => {
    const r = await convert(['407.137', '1.5'], false)
    expect(r).toMatchObject({ style: 'dot-decimal', integer: false, type: 'DOUBLE', values: [407.137, 1.5] })
  })

  it('reads "12,345.6" as 12345.6', async () => {
    const r = await convert(['12,345.6', '1,000', '7'], false)
    expect(r).toEqual({ style: 'dot-decimal', integer: false, type: 'DOUBLE', values: [12345.6, 1000, 7] })
  })

  it('turns placeholders into null and counts them', async () => {
    expect(classifyColumn('v', ['1,5', '--', 'N/A', '2'], true)?.placeholders).toBe(2)
    const r = await convert(['1,5', '--', 'N/A', null, '', '2'], true)
    expect(r?.values).toEqual([1.5, null, null, null, null, 2])
  })

  it('leaves a non-numeric column alone', () => {
    expect(classifyColumn('v', ['12', 'Berlin', '3'], true)).toBeNull()
    expect(classifyColumn('v', ['2.5x', '1.1x'], false)).toBeNull()
    expect(classifyColumn('v', ['2024-01-01', '2024-01-02'], false)).toBeNull()
  })

  it('leaves plain integers (nothing to convert) and all-empty columns alone', () => {
    expect(classifyColumn('v', ['1', '2', '3'], true)).toBeNull()
    expect(classifyColumn('v', [null, '', '  '], true)).toBeNull()
  })
})

describe('grouping seen in the values', () => {
  it('reports a thousands separator only when one is actually used', () => {
    expect(classifyColumn('a', ['1,4', '105,68'], true)?.grouping).toBe('')
    expect(classifyColumn('b', ['1.234,5', '12,0'], true)?.grouping).toBe('.')
    expect(classifyColumn('c', ['12,345.6', '7.5'], false)?.grouping).toBe(',')
    expect(classifyColumn('d', ['1 234', '56'], false)?.grouping).toBe(' ')
  })
})
