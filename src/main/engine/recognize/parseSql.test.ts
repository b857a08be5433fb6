import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { literal } from '../db/sql'
import { countSql, daySql, decimalSql, isSpreadsheetErrorSql, textSql, timestampSql } from './parseSql'

let conn: DuckDBConnection
beforeAll(async () => {
  conn = await (await DuckDBInstance.create(':memory:')).connect()
})
afterAll(() => conn.closeSync())

/** Evaluate an expression over one text value `v`. */
async function evalOn(build: (v: string) => string, value: string | null): Promise<unknown> {
  const r = await conn.runAndReadAll(
    `SELECT ${build('v')} AS out FROM (SELECT ${value === null ? 'NULL' : literal(value)}::VARCHAR AS v)`
  )
  return r.getRowObjectsJson()[0].out
}

describe('countSql', () => {
  it.each([
    ['1938', 1938],
    ['1938.0', 1938],
    ['18.0', 18],
    ['1,938', 1938],
    ['407.137', 407137],
    ['1.234.567', 1234567],
    ['1,000', 1000],
    ['12.000', 12000],
    ['1,000,000', 1000000],
    ['1,000.0', 1000],
    ['5.00', 5],
    ['1 234', 1234],
    // French YouTube Studio groups thousands with a narrow no-break space (U+202F), German/Swiss with U+00A0.
    ['44\u202f531', 44531],
    ['1\u00a0234\u00a0567', 1234567],
    ['  42 ', 42],
    ['-3', -3],
    ['0', 0]
  ])('%s → %d', async (text, want) => {
    expect(Number(await evalOn(countSql, text))).toBe(want)
  })
  it.each(['', '-', '--', 'N/A', 'n/a', 'NAN', 'null', '#NAME?', '#VALUE!', '1.5', '12K', 'abc'])(
    '%j → null',
    async (text) => {
      expect(await evalOn(countSql, text)).toBeNull()
    }
  )
  it('NULL stays NULL, never 0', async () => {
    expect(await evalOn(countSql, null)).toBeNull()
  })
})

describe('decimalSql', () => {
  it.each([
    ['0.009287925696594427', '.', 0.009287925696594427],
    ['1,4', ',', 1.4],
    ['105,68', ',', 105.68],
    ['1.234,5', ',', 1234.5],
    ['12,345.6', '.', 12345.6],
    ['9.58%', '.', 9.58],
    ['1\u202f234,5', ',', 1234.5]
  ] as const)('%s (decimal %s) → %d', async (text, decimal, want) => {
    expect(await evalOn((v) => decimalSql(v, decimal), text)).toBeCloseTo(want, 12)
  })
  it('placeholders are null', async () => {
    expect(await evalOn((v) => decimalSql(v), '--')).toBeNull()
  })
})

describe('timestampSql (stored as UTC)', () => {
  const utc = (v: string) =>
    `strftime(${timestampSql(v, "'America/Sao_Paulo'")} AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S')`
  it.each([
    ['2016-12-23 18:50 +0000', '2016-12-23 18:50:00'],
    ['2021-07-05 18:02:45 BRT', '2021-07-05 21:02:45'],
    ['2024-03-01 09:00:00 EST', '2024-03-01 14:00:00'],
    ['2024-07-01 09:00:00 EDT', '2024-07-01 13:00:00'],
    ['2025-01-01T01:00:00', '2025-01-01 04:00:00'],
    ['2024-05-06T07:08:09Z', '2024-05-06 07:08:09'],
    ['2024-05-06T07:08:09+02:00', '2024-05-06 05:08:09'],
    ['02/16/2025 05:14', '2025-02-16 08:14:00'],
    ['7/24/2025 11:44 am', '2025-07-24 14:44:00'],
    ['7/24/2025 1:05 pm', '2025-07-24 16:05:00'],
    ['Mar 25, 2024', '2024-03-25 03:00:00'],
    ['Wed Oct 10 20:19:24 +0000 2018', null]
  ])('%s → %s', async (text, want) => {
    expect(await evalOn(utc, text)).toBe(want)
  })
  it('placeholders and garbage are null', async () => {
    expect(await evalOn(utc, 'N/A')).toBeNull()
    expect(await evalOn(utc, 'yesterday')).toBeNull()
  })
})

describe('daySql', () => {
  it('keeps the local date of zone-less stamps and converts zoned ones into the account zone', async () => {
    const day = (v: string) => `${daySql(v, "'America/New_York'")}::VARCHAR`
    expect(await evalOn(day, '2025-01-01T00:00:00')).toBe('2025-01-01')
    expect(await evalOn(day, '2025-01-01T03:00:00Z')).toBe('2024-12-31')
    expect(await evalOn(day, '02/01/2025')).toBe('2025-02-01')
  })
})

describe('helpers', () => {
  it('textSql trims and blanks to null; spreadsheet errors are recognised', async () => {
    expect(await evalOn(textSql, '  hi ')).toBe('hi')
    expect(await evalOn(textSql, '   ')).toBeNull()
    expect(await evalOn(isSpreadsheetErrorSql, '#NAME?')).toBe(true)
    expect(await evalOn(isSpreadsheetErrorSql, 'NAME')).toBe(false)
  })
})
