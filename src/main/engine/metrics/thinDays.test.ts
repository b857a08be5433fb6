import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Database } from '../db/duckdb'
import { migrate } from '../db/migrations'
import { FIXTURE_SCOPE, loadMetricsFixture } from './fixture.testdata'
import { tableFromIPC } from 'apache-arrow'
import { runBenchmark } from './benchmark'
import { SCREEN_DAYS, screenDayStride, thinDays } from './series'

let db: Database
beforeEach(async () => {
  db = await Database.open(':memory:')
})
afterEach(() => db.close())

type Row = { institution: string; platform: string; day: string; followers: number | null }

/** Three lines over 900 days with seeded random gaps of 1 to 12 days, and one isolated known day. */
async function loadSeries(): Promise<Row[]> {
  let seed = 7
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const rows: Row[] = []
  for (const [institution, platform] of [
    ['North', 'x'],
    ['North', 'facebook'],
    ['South', 'x']
  ]) {
    let gapLeft = 0
    for (let d = 0; d < 900; d++) {
      if (gapLeft === 0 && rand() < 0.02) gapLeft = 1 + Math.floor(rand() * 12)
      const day = new Date(Date.UTC(2021, 0, 1 + d)).toISOString().slice(0, 10)
      rows.push({ institution, platform, day, followers: gapLeft > 0 ? null : 1000 + d })
      if (gapLeft > 0) gapLeft--
    }
  }
  // An isolated known day: nulls on both sides.
  for (const r of rows.filter((r) => r.institution === 'South' && r.day >= '2022-06-01' && r.day <= '2022-06-05'))
    r.followers = r.day === '2022-06-03' ? 5 : null
  await db.run('CREATE TABLE s (institution VARCHAR, platform VARCHAR, day DATE, followers DOUBLE)')
  await db.run(
    `INSERT INTO s VALUES ${rows.map((r) => `('${r.institution}', '${r.platform}', DATE '${r.day}', ${r.followers ?? 'NULL'})`).join(', ')}`
  )
  return rows
}

/** The runs of known days per line, as "line first..last": where each line starts, breaks and ends. */
function runs(rows: Row[]): string[] {
  const out: string[] = []
  let line = ''
  let first: string | null = null
  let last: string | null = null
  const close = () => {
    if (first) out.push(`${line} ${first}..${last}`)
    first = null
  }
  for (const r of rows) {
    const key = `${r.institution}/${r.platform}`
    if (key !== line) {
      close()
      line = key
    }
    if (r.followers === null) close()
    else {
      first ??= r.day
      last = r.day
    }
  }
  close()
  return out
}

describe('thinDays (daily lines for the screen)', () => {
  it('keeps every gap day, both edges of every run of known days and every Nth day, with the real values', async () => {
    const full = await loadSeries()
    const scope = { ...FIXTURE_SCOPE, from: '2021-01-01', to: '2023-06-19' }
    const stride = 5
    const sql = thinDays('SELECT institution, platform, day, followers FROM s', {
      partition: ['institution', 'platform'],
      day: 'day',
      value: 'followers',
      stride,
      s: scope
    })
    const thin = (await db.all(`SELECT institution, platform, day::VARCHAR AS day, followers FROM (${sql})`)) as Row[]
    const byKey = new Map(full.map((r) => [`${r.institution}/${r.platform}/${r.day}`, r.followers]))
    expect(thin.length).toBeLessThan(full.length / 3)
    for (const r of thin) expect(r.followers).toBe(byKey.get(`${r.institution}/${r.platform}/${r.day}`))
    expect(thin.filter((r) => r.followers === null).length).toBe(full.filter((r) => r.followers === null).length)
    expect(runs(thin).sort()).toEqual(runs(full).sort())
    expect(runs(full)).toContain('South/x 2022-06-03..2022-06-03')
    const sampled = thin.filter((r) => r.institution === 'North' && r.platform === 'x').map((r) => r.day)
    for (let d = 0; d < 900; d += stride)
      expect(sampled).toContain(new Date(Date.UTC(2021, 0, 1 + d)).toISOString().slice(0, 10))
    expect(sampled.at(-1)).toBe('2023-06-19')
  })

  it('stride 1 leaves the query as it is', () => {
    const sql = 'SELECT 1'
    expect(thinDays(sql, { partition: [], day: 'day', value: 'v', stride: 1, s: FIXTURE_SCOPE })).toBe(sql)
  })

  it('a year or less is daily; longer ranges keep about a year of points per line', () => {
    expect(screenDayStride(SCREEN_DAYS)).toBe(1)
    expect(screenDayStride(SCREEN_DAYS + 1)).toBe(2)
    expect(screenDayStride(5 * 365)).toBe(5)
  })
})

describe('benchmark resolution', () => {
  it("'screen' thins a multi-year range's daily series and says so; 'full' (exports) keeps every day", async () => {
    await migrate(db)
    await loadMetricsFixture(db)
    const req = {
      institutionIds: FIXTURE_SCOPE.institutionIds,
      convention: 'followers_at_post' as const,
      preset: 'custom' as const,
      from: '2024-01-01',
      to: '2026-12-31',
      maxGapDays: 366
    }
    const full = await db.withConnection((c) => runBenchmark(c, { ...req, resolution: 'full' }))
    const screen = await db.withConnection((c) => runBenchmark(c, { ...req, resolution: 'screen' }))
    expect(full.scope.dayStride).toBe(1)
    expect(screen.scope.dayStride).toBe(3)
    // Gap days are all kept (the fixture's lines end within a year), so compare the days with a value.
    const known = (bytes: Uint8Array, column: string) => {
      const v = tableFromIPC(bytes).getChild(column)!
      return v.length - v.nullCount
    }
    for (const [chart, column] of [
      ['followers', 'followers'],
      ['indexed', 'indexed'],
      ['peerIndexed', 'median']
    ] as const) {
      const f = known(full.charts[chart], column)
      const s = known(screen.charts[chart], column)
      expect(s, chart).toBeGreaterThan(0)
      expect(s, chart).toBeLessThan(f / 2)
    }
    expect(screen.summary).toEqual(full.summary)
  })
})
