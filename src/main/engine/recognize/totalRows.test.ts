/** Totals-row labels: the SQL test (run in a real DuckDB) and the JS one agree, and only whole labels match. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { literal } from '../db/sql'
import { TOTAL_LABELS, isTotalLabel, isTotalLabelSql } from './totalRows'

let conn: DuckDBConnection
beforeAll(async () => {
  conn = await (await DuckDBInstance.create(':memory:')).connect()
})
afterAll(() => conn.closeSync())

async function sqlSays(v: string | null): Promise<boolean> {
  const r = await conn.runAndReadAll(`SELECT ${isTotalLabelSql(v === null ? 'NULL' : literal(v))} AS t`)
  return (r.getRowObjectsJson()[0] as { t: boolean }).t
}

describe('totals-row labels', () => {
  it.each([...TOTAL_LABELS, ' TOTAL ', 'gesamt', 'Tong', 'Tot\u00adale', 'TOTALES'])(
    '"%s" is a totals row',
    async (label) => {
      expect(isTotalLabel(label)).toBe(true)
      expect(await sqlSays(label)).toBe(true)
    }
  )

  it.each(['Totally', 'Total views', 'abcDEF12345', '2024-01-01', '', null])('"%s" is not', async (label) => {
    expect(isTotalLabel(label)).toBe(false)
    expect(await sqlSays(label)).toBe(false)
  })
})
