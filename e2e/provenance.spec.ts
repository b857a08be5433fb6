/**
 * A CSV saved from the app carries its setup: the chart Export menu's CSV and an Insight panel's table CSV each come
 * with a `.provenance.json` download beside them, and `reproduce` on the saved pair is identical.
 */
import type { Download, Page } from '@playwright/test'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Reproduction } from '../src/shared/provenance'
import { test, expect } from './fixtures/app'
import type { Harness } from './server/server'
import { BenchmarksPage } from './pages/BenchmarksPage'
import { ExportPage } from './pages/ExportPage'

/** Runs `act`, waits for the file and its sidecar, saves both under their names in `dir`; the CSV's path. */
async function savedPair(page: Page, dir: string, act: () => Promise<unknown>): Promise<string> {
  const downloads: Download[] = []
  const two = new Promise<void>((resolve) => {
    const on = (d: Download) => {
      downloads.push(d)
      if (downloads.length === 2) {
        page.off('download', on)
        resolve()
      }
    }
    page.on('download', on)
  })
  await act()
  const late = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`${downloads.length} download(s) in 60 s, not the file and its setup`)), 60_000)
  )
  await Promise.race([two, late])
  for (const d of downloads) await d.saveAs(join(dir, d.suggestedFilename()))
  const names = downloads.map((d) => d.suggestedFilename()).sort()
  expect(names[1]).toBe(`${names[0]}.provenance.json`)
  return join(dir, names[0])
}

async function reproduce(harness: Harness, path: string): Promise<Reproduction> {
  const r = await harness.engine.call('reproduce', { path })
  if (!r.ok) throw new Error(r.error.message)
  return r.value as Reproduction
}

test('a chart’s CSV and an Insight table’s CSV are saved with their setup; reproduce is identical', async ({
  app,
  page,
  harness
}, testInfo) => {
  test.setTimeout(300_000)
  const dir = testInfo.outputPath('saved')
  await mkdir(dir, { recursive: true })
  const bm = new BenchmarksPage(page)
  const ex = new ExportPage(page)
  await app.openSample().click()
  await expect(app.datasetRows().first()).toBeVisible({ timeout: 120_000 })
  await bm.nav().click()
  await expect(bm.chartSvg('engagement')).toBeVisible({ timeout: 60_000 })
  await expect(bm.dashboard()).toHaveAttribute('aria-busy', 'false')

  await ex.menuButton('engagement').click()
  const chartCsv = await savedPair(page, dir, () => ex.option('csv').click())
  expect(chartCsv).toMatch(/engagement-data_.+\.csv$/)
  const chart = await reproduce(harness, chartCsv)
  expect([chart.artefact, chart.identical, chart.differences]).toEqual([
    { kind: 'chartData', id: 'engagement', format: 'csv' },
    true,
    []
  ])

  const panel = page.getByTestId('ins-mix')
  await expect(panel).toHaveAttribute('aria-busy', 'false', { timeout: 120_000 })
  const mixCsv = await savedPair(page, dir, () => panel.getByTestId('ins-mix-csv').click())
  expect(mixCsv).toMatch(/content-mix_.+\.csv$/)
  const mix = await reproduce(harness, mixCsv)
  expect([mix.artefact, mix.identical, mix.differences]).toEqual([
    { kind: 'insightData', id: 'contentMix', format: 'csv' },
    true,
    []
  ])
})
