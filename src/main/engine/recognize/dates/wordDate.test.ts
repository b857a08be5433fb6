/** Localised full dates as UI languages write them, read by SQL in a real DuckDB. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { literal } from '../../db/sql'
import { wordDaySql } from './wordDate'

let conn: DuckDBConnection
beforeAll(async () => {
  conn = await (await DuckDBInstance.create(':memory:')).connect()
})
afterAll(() => conn.closeSync())

async function day(value: string): Promise<string | null> {
  const r = await conn.runAndReadAll(
    `SELECT strftime(${wordDaySql('v')}, '%Y-%m-%d') AS d FROM (SELECT ${literal(value)} AS v)`
  )
  return (r.getRowObjectsJson()[0] as { d: string | null }).d
}

describe('wordDaySql', () => {
  it.each([
    ['May 27, 2025', '2025-05-27'],
    ['Sep 8, 2026', '2026-09-08'],
    ['28 sept. 2026', '2026-09-28'],
    ['1 févr. 2024', '2024-02-01'],
    ['27. Mai 2025', '2025-05-27'],
    ['3. März 2024', '2024-03-03'],
    ['8 de marzo de 2025', '2025-03-08'],
    ['27 de mai. de 2025', '2025-05-27'],
    ['12 ott 2024', '2024-10-12'],
    ['12 okt. 2024', '2024-10-12'],
    ['2025年5月27日', '2025-05-27'],
    ['27.05.2025', '2025-05-27'],
    ['27\u202fmai\u202f2025', '2025-05-27']
  ])('%s is %s', async (text, iso) => {
    expect(await day(text)).toBe(iso)
  })

  it.each(['30 févr. 2024', '31.04.2025', '01/09/2026', 'Total', '', 'Sept 2026', '12 Blub 2024'])(
    '"%s" is no day (NULL, for the caller to reject naming it)',
    async (text) => {
      expect(await day(text)).toBeNull()
    }
  )
})
