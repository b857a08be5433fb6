/**
 * A 1024x640 window on the sample: nothing cut or off-screen. The datasets list keeps a readable name column,
 * institution and account names get a line instead of one letter per line, the benchmark filter panel folds away
 * (and opens again from its button), every chart's actions are inside the window, and no view scrolls sideways.
 * Screenshots of each view at 1024x640, light and dark.
 */
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures/app'
import { snap } from './fixtures/screenshots'
import { BenchmarksPage } from './pages/BenchmarksPage'
import { QueriesPage } from './pages/QueriesPage'

const SMALL = { width: 1024, height: 640 }

async function box(l: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await l.boundingBox()
  expect(b, 'the element is laid out').not.toBeNull()
  return b!
}

/** The element, scrolled into view, lies wholly inside the window. */
async function expectInsideWindow(page: Page, l: Locator, what: string): Promise<void> {
  await l.scrollIntoViewIfNeeded()
  const b = await box(l)
  const v = page.viewportSize()!
  expect(b.x, `${what}: left edge inside the window`).toBeGreaterThanOrEqual(0)
  expect(b.x + b.width, `${what}: right edge inside the window`).toBeLessThanOrEqual(v.width)
  expect(b.y, `${what}: top inside the window`).toBeGreaterThanOrEqual(0)
  expect(b.y + b.height, `${what}: bottom inside the window`).toBeLessThanOrEqual(v.height)
}

/** No part of the page is reachable only by scrolling the whole window sideways. */
async function expectNoSidewaysScroll(page: Page, view: string): Promise<void> {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])
  expect(scrollWidth, `${view}: the page is no wider than the window`).toBeLessThanOrEqual(innerWidth)
}

async function snapBoth(page: Page, name: string): Promise<void> {
  await snap(page, `${name}-1024`)
  await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'))
  await snap(page, `${name}-1024-dark`)
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'))
}

test('at 1024x640 nothing is cut or off-screen: datasets, benchmarks, institutions, queries @sample', async ({
  app,
  page
}) => {
  test.setTimeout(400_000)
  await app.datasetRows().first().click()
  await expect(app.gridRow(0)).toBeVisible()
  await page.setViewportSize(SMALL)

  // Datasets: the name column keeps room for a name; the row's actions stay in the window.
  const row = app.datasetRows().first()
  const name = await box(row.locator('td.name-cell'))
  // Wide enough for "SYNTHETIC_youtube_<institution>…": the prefix alone does not tell the sample's files apart.
  expect(name.width, 'dataset name column width').toBeGreaterThanOrEqual(210)
  await expectInsideWindow(page, row.getByTestId('dataset-delete'), 'dataset Delete button')
  await expectNoSidewaysScroll(page, 'datasets')
  await snapBoth(page, 'datasets-grid')

  // Benchmarks: the filter panel starts folded, the charts' actions are inside the window, the panel opens again.
  const bm = new BenchmarksPage(page)
  await bm.nav().click()
  await expect(bm.chartSvg('engagement')).toBeVisible({ timeout: 60_000 })
  await expect(bm.dashboard()).toHaveAttribute('aria-busy', 'false')
  const toggle = page.getByTestId('bm-filters-toggle')
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await expect(page.getByTestId('bm-side')).toBeHidden()
  await expectInsideWindow(page, toggle, 'Filters button')
  await expectInsideWindow(page, page.getByTestId('deck-builder-open'), 'Build deck button')
  const charts = page.getByTestId('bm-chart')
  expect(await charts.count()).toBeGreaterThan(3)
  for (const chart of await charts.all()) {
    const id = await chart.getAttribute('data-chart-id')
    await expectInsideWindow(page, chart.getByTestId('chart-export'), `Export of chart ${id}`)
  }
  await expectNoSidewaysScroll(page, 'benchmarks')
  await page.getByTestId('bm-main').evaluate((el) => el.scrollTo({ top: 0 }))
  await snapBoth(page, 'benchmarks-dashboard')

  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  await expect(page.getByTestId('bm-side')).toBeVisible()
  await expectInsideWindow(page, bm.institutions().first(), 'first institution checkbox')
  await snapBoth(page, 'benchmarks-filters')
  await toggle.click()
  await expect(page.getByTestId('bm-side')).toBeHidden()

  // Institutions: names on one line with room to read, account names and dates not one letter per line.
  await app.navInstitutions().click()
  await expect(page.getByTestId('institution-row').first()).toBeVisible()
  for (const n of await page.locator('[data-testid="institution-row"] .institution-name').all()) {
    const b = await box(n)
    expect(b.width, `institution name "${await n.textContent()}" width`).toBeGreaterThanOrEqual(150)
  }
  for (const a of await page.locator('[data-testid="account-row"] .account-main').all()) {
    expect((await box(a)).width, 'account name and dates width').toBeGreaterThanOrEqual(150)
  }
  await expectNoSidewaysScroll(page, 'institutions')
  await snapBoth(page, 'institutions')

  // Queries: the editor, Run and the result tabs are reachable.
  const q = new QueriesPage(page)
  await q.nav().click()
  await q.item('Follower growth by institution').locator('.q-item-open').click()
  await expectInsideWindow(page, q.run(), 'Run button')
  await q.run().click()
  await expect(q.status()).toContainText('rows', { timeout: 60_000 })
  await expectInsideWindow(page, q.tabTable(), 'Table tab')
  await expectNoSidewaysScroll(page, 'queries')
  await snapBoth(page, 'queries')
})

test('at 1280x800 the benchmark filter panel starts open', async ({ app, page }) => {
  await expect(app.welcome()).toBeVisible()
  await new BenchmarksPage(page).nav().click()
  await expect(page.getByTestId('bm-filters-toggle')).toHaveAttribute('aria-expanded', 'true')
  await expect(page.getByTestId('bm-side')).toBeVisible()
})
