/**
 * The export channels on a real (in-memory) workspace: the benchmark is re-run from the request, the bytes are the
 * asked format and size, and the default file name names the institutions and the range.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inputs, type Input } from '../../../shared/contract'
import { Database } from '../db/duckdb'
import { migrate } from '../db/migrations'
import { FIXTURE_SCOPE, loadMetricsFixture } from '../metrics/fixture.testdata'
import { exportChart, exportChartData, exportDeck } from './handlers'
import { readPngInfo } from './png'

let db: Database
beforeAll(async () => {
  db = await Database.open(':memory:')
  await migrate(db)
  await loadMetricsFixture(db)
})
afterAll(() => db.close())

const request: Input<'benchmark'> = {
  institutionIds: FIXTURE_SCOPE.institutionIds,
  preset: 'custom',
  from: FIXTURE_SCOPE.from,
  to: FIXTURE_SCOPE.to,
  convention: 'followers_at_post'
}
const names = 'Alpha-Beta-Gamma_2024-01-01_2024-01-14'

describe('export channels', () => {
  it('PNG at 2x the chart width, and at slide size 1920x1080', async () => {
    const twice = await exportChart(
      db,
      inputs.exportChart.parse({
        request,
        chartId: 'engagement',
        format: 'png',
        size: 'chart',
        scale: 2,
        chartWidth: 700
      })
    )
    expect(twice.fileName).toBe(`engagement-2x_${names}.png`)
    expect(twice.mime).toBe('image/png')
    expect(readPngInfo(twice.bytes)).toMatchObject({ width: 1400, dpi: 192 })
    const slide = await exportChart(db, { request, chartId: 'followers', format: 'png', size: 'slide1920' })
    expect(slide.fileName).toBe(`followers-1920x1080_${names}.png`)
    expect(readPngInfo(slide.bytes)).toMatchObject({ width: 1920, height: 1080 })
  })

  it('SVG is standalone and carries a custom title', async () => {
    const svg = await exportChart(db, {
      request,
      chartId: 'indexed',
      format: 'svg',
      size: 'slide1280',
      title: 'Growth since January'
    })
    const text = new TextDecoder().decode(svg.bytes)
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(text).toContain('Growth since January')
    expect(text).not.toMatch(/href=|url\(/)
  })

  it('data as CSV names every institution of the chart', async () => {
    const csv = await exportChartData(db, { request, chartId: 'shareOfVoice', format: 'csv' })
    expect(csv.fileName).toBe(`shareOfVoice-data_${names}.csv`)
    const text = new TextDecoder().decode(csv.bytes)
    for (const n of ['Alpha Hospital', 'Beta Clinic', 'Gamma Pharmacy']) expect(text).toContain(n)
    const parquet = await exportChartData(db, { request, chartId: 'topPosts', format: 'parquet' })
    expect(new TextDecoder().decode(parquet.bytes.subarray(0, 4))).toBe('PAR1')
  })

  it('a deck of the chosen charts in order (title slide + image slides + native ones where the kind allows)', async () => {
    const deck = await exportDeck(
      db,
      inputs.exportDeck.parse({
        request,
        aspect: '4:3',
        slides: [{ chartId: 'heatmap', title: 'When we post' }, { chartId: 'shareOfVoice' }]
      })
    )
    expect(deck.fileName).toBe(`benchmark-deck_${names}.pptx`)
    expect(Array.from(deck.bytes.subarray(0, 2))).toEqual([0x50, 0x4b]) // 'PK': a zip
    expect(deck.slides).toBeGreaterThanOrEqual(3)
  })

  it('refuses a deck without slides or with an unknown chart', () => {
    expect(inputs.exportDeck.safeParse({ request, aspect: '16:9', slides: [] }).success).toBe(false)
    expect(inputs.exportChart.safeParse({ request, chartId: 'topPosts', format: 'png', size: 'chart' }).success).toBe(
      false
    )
  })
})
