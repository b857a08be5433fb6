import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Database } from '../db/duckdb'
import { peerBandSql, peerIndexedSql } from './series'

let db: Database
beforeEach(async () => {
  db = await Database.open(':memory:')
})
afterEach(() => db.close())

type Band = { x: string; median: number | null; n: number }

const day = (d: number) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10)

/**
 * Five institutions over 60 days, as the indexed series gives them (a row per institution and day, NULL in a gap):
 * A, B, C daily; W a weekly snapshot account whose count lapses past the carry-forward for two days of every week,
 * with the highest index; L whose data starts on day 20 (index 100 there).
 */
async function loadIndexed(): Promise<void> {
  const rows: string[] = []
  for (let d = 0; d < 60; d++) {
    rows.push(`('A', DATE '${day(d)}', ${100 + d * 0.1})`)
    rows.push(`('B', DATE '${day(d)}', ${100 + d * 0.5})`)
    rows.push(`('C', DATE '${day(d)}', ${100 + d * 1})`)
    rows.push(`('W', DATE '${day(d)}', ${d % 7 >= 5 ? 'NULL' : 100 + d * 2})`)
    rows.push(`('L', DATE '${day(d)}', ${d < 20 ? 'NULL' : 100 + (d - 20) * 0.8})`)
  }
  await db.run('CREATE TABLE s (institution VARCHAR, day DATE, indexed DOUBLE)')
  await db.run(`INSERT INTO s VALUES ${rows.join(', ')}`)
}

async function band(sql: string): Promise<Band[]> {
  return (await db.all(`SELECT x::VARCHAR AS x, median, n::INTEGER AS n FROM (${sql}) ORDER BY x`)) as Band[]
}

describe('the indexed chart’s peer band (peerIndexedSql)', () => {
  it('keeps an institution in the set across its own gaps, so the median does not jump when it lapses', async () => {
    await loadIndexed()
    const series = 'SELECT institution, day, indexed FROM s'
    const stable = await band(peerIndexedSql(series))
    const perDay = await band(peerBandSql(series, 'day', 'indexed'))
    // Per day over whoever has a count, W's two missing days a week change the set and move the median down.
    expect(new Set(perDay.filter((r) => r.x >= day(20)).map((r) => r.n))).toEqual(new Set([4, 5]))
    // Stable: 4 until L's data starts, 5 from then on, whatever W's gaps.
    expect(stable.filter((r) => r.x < day(20)).every((r) => r.n === 4)).toBe(true)
    expect(stable.filter((r) => r.x >= day(20)).every((r) => r.n === 5)).toBe(true)
    // Day to day (after L joins) the stable median moves as its members grow, at most 0.8 a day; over whoever has
    // a count it drops 1.5 on each of W's lapses and climbs back when W returns.
    const maxStep = (rows: Band[]) =>
      Math.max(...rows.slice(1).map((r, i) => (r.x > day(20) ? Math.abs(r.median! - rows[i].median!) : 0)))
    expect(maxStep(stable)).toBeLessThanOrEqual(0.8 + 1e-9)
    expect(maxStep(perDay)).toBeGreaterThanOrEqual(1.5 - 1e-9)
    // Day 40, one of W's lapses: A 104, L 116, B 120, C 140 and W with day 39's 178 → 120 (per day: 118).
    const at = (rows: Band[], d: number) => rows.find((r) => r.x === day(d))!
    expect(at(stable, 40).median).toBeCloseTo(120, 6)
    expect(at(perDay, 40).median).toBeCloseTo(118, 6)
  })

  it('counts an institution only between its first and its last value in the range', async () => {
    await loadIndexed()
    // E ends on day 30: it leaves the set there, and is not carried to the end of the range.
    await db.run(
      `INSERT INTO s SELECT 'E', day, CASE WHEN day <= DATE '${day(30)}' THEN 100 END FROM s WHERE institution = 'A'`
    )
    const stable = await band(peerIndexedSql('SELECT institution, day, indexed FROM s'))
    expect(stable.find((r) => r.x === day(10))!.n).toBe(5)
    expect(stable.find((r) => r.x === day(30))!.n).toBe(6)
    expect(stable.find((r) => r.x === day(31))!.n).toBe(5)
  })
})
