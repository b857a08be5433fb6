/**
 * A query's chart exported like the dashboard's: TIMESTAMPTZ and date_trunc(...) x axes are time axes (dated ticks,
 * no "Invalid Date"), a line over a result ordered by something else is drawn in time order, and PNG and SVG come
 * out of the same drawing. Through the front door, on a real workspace with a synthetic X export.
 */
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failureOf, jobId, openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import { invoke } from '../invoke'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-query-chart-')
  await invoke(t.engine, 'importFile', {
    path: resolve(__dirname, '../../../../e2e/fixtures/data/x_tweet_activity_synthetic.csv'),
    jobId: jobId()
  })
})
afterEach(() => t.dispose())

const run = async (sql: string) => (await invoke(t.engine, 'runQuery', { runId: `r${Math.random()}`, sql })).resultId
const text = (f: { bytes: Uint8Array }) => new TextDecoder().decode(f.bytes)
/** The text of the x axis's tick labels. */
const xTicks = (svg: string) => {
  const axis = /<g[^>]*aria-label="x-axis tick label"[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? ''
  return [...axis.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1].replace(/<[^>]+>/g, '').trim())
}

describe('query chart export', () => {
  it('a week of date_trunc over TIMESTAMPTZ: dated ticks, as SVG and PNG', async () => {
    const resultId = await run(
      `SELECT date_trunc('week', published_at) AS week, sum(likes) AS likes FROM posts GROUP BY 1`
    )
    const chart = { mark: 'bar' as const, x: 'week', y: 'likes', color: null, facet: null }
    const svg = await invoke(t.engine, 'exportQueryChart', { resultId, chart, format: 'svg', title: 'Likes by week' })
    expect(svg).toMatchObject({ fileName: 'likes-by-week.svg', mime: 'image/svg+xml' })
    const ticks = xTicks(text(svg))
    expect(ticks.length).toBeGreaterThan(0)
    expect(ticks.join(' ')).not.toMatch(/Invalid|NaN/)
    expect(ticks).toEqual(['2023-12-18', '2023-12-25'])
    expect(text(svg)).toContain('Likes by week')
    const png = await invoke(t.engine, 'exportQueryChart', { resultId, chart, format: 'png' })
    expect(png.fileName).toBe('likes-by-week-2x.png')
    expect([...png.bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    expect(png.width).toBe(1920)
  })

  it('a line over posts ordered by likes is drawn in time order on a time axis', async () => {
    const resultId = await run(`SELECT published_at, likes FROM posts ORDER BY likes DESC`)
    const chart = { mark: 'line' as const, x: 'published_at', y: 'likes', color: null, facet: null }
    const svg = text(await invoke(t.engine, 'exportQueryChart', { resultId, chart, format: 'svg' }))
    expect(xTicks(svg).join(' ')).not.toMatch(/Invalid|NaN/)
    const d = /<path[^>]* d="M([^"]+)"/.exec(svg.slice(svg.indexOf('aria-label="line"')))?.[1] ?? ''
    const xs = d.split(/[ML]/).map((p) => Number(p.split(',')[0]))
    expect(xs).toHaveLength(3)
    expect([...xs].sort((a, b) => a - b)).toEqual(xs)
  })

  it('a result no longer kept is NOT_FOUND', async () => {
    const f = await failureOf(
      invoke(t.engine, 'exportQueryChart', { resultId: 'gone', chart: { mark: 'bar', x: 'a', y: 'b' }, format: 'svg' })
    )
    expect(f.code).toBe('NOT_FOUND')
  })
})
