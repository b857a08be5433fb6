import type { Page } from '@playwright/test'
import { copyFile, mkdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { test, expect } from './fixtures/app'
import { chartsDrawn, snap as snapShared } from './fixtures/screenshots'
import { BenchmarksPage } from './pages/BenchmarksPage'

/** Where chart close-ups go (and a copy of each screenshot): BM_SHOTS, so a parallel run that clears test-results keeps them. */
const SHOTS = process.env.BM_SHOTS ?? 'test-results/screenshots'

async function snap(page: Page, name: string): Promise<void> {
  const file = await snapShared(page, name)
  if (process.env.BM_SHOTS) {
    await mkdir(SHOTS, { recursive: true })
    await copyFile(file, join(SHOTS, basename(file)))
  }
}

/** The sample is loaded through the real import pipeline: the slowest step, so the tests get a generous budget. */
async function openBenchmarks(page: Page, openSample: () => Promise<void>): Promise<BenchmarksPage> {
  const bm = new BenchmarksPage(page)
  await openSample()
  await bm.nav().click()
  await expect(bm.view()).toBeVisible()
  await expect(bm.chartSvg('engagement')).toBeVisible({ timeout: 60_000 })
  await expect(bm.dashboard()).toHaveAttribute('aria-busy', 'false')
  return bm
}

/** Waits for the dashboard to settle after a control change: busy, then idle with a different footnote. */
async function settled(bm: BenchmarksPage, chartId: string, before: string): Promise<string> {
  await expect(bm.footnote(chartId)).not.toHaveText(before, { timeout: 60_000 })
  await expect(bm.dashboard()).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 })
  // Charts below the screen are redrawn just after the commit that changed their footnote.
  await chartsDrawn(bm.page)
  return (await bm.footnote(chartId).textContent()) ?? ''
}

test('the sample opens to a dashboard of the 8 institutions; peer set, range and convention change chart and footnote @sample', async ({
  app,
  page
}) => {
  test.setTimeout(300_000)
  const bm = await openBenchmarks(page, async () => {
    await expect(app.datasetRows().first()).toBeVisible()
  })
  await expect(bm.institutions()).toHaveCount(8)
  for (const id of [
    'followers',
    'indexed',
    'engagement',
    'postsWeekly',
    'heatmap',
    'shareOfVoice',
    'topPosts',
    'breakouts'
  ]) {
    await expect(bm.chart(id)).toHaveCount(1)
    await expect(bm.footnote(id)).toContainText(' posts')
  }
  await expect(bm.topPosts().locator('tbody tr').first()).toBeVisible()
  await expect(bm.notices()).toBeVisible()
  // Render timing is exposed for the benchmark script.
  const renderMs = Number(await bm.dashboard().getAttribute('data-render-ms'))
  expect(renderMs).toBeGreaterThan(0)
  await chartsDrawn(page)
  const renderAllMs = Number(await bm.dashboard().getAttribute('data-render-all-ms'))
  expect(renderAllMs).toBeGreaterThanOrEqual(renderMs)
  console.log(`dashboard render: ${renderMs} ms after the result arrived (charts on screen), ${renderAllMs} ms (all)`)
  await snap(page, 'benchmarks-dashboard-light')
  for (const id of ['followers', 'indexed', 'engagement', 'postsWeekly', 'heatmap', 'shareOfVoice']) {
    await chartsDrawn(page)
    await bm.chart(id).screenshot({ path: `${SHOTS}/bm-chart-${id}.png`, animations: 'disabled' })
  }

  // Peer set: drop two institutions → the description and the footnote's post count change.
  const desc0 = (await bm.chartSvg('engagement').getAttribute('aria-description')) ?? ''
  const foot0 = (await bm.footnote('engagement').textContent()) ?? ''
  expect(desc0).toContain('Veltrix Medical Devices')
  // From the keyboard: focus the checkbox and press Space.
  await bm.institution('Veltrix Medical Devices').locator('input').focus()
  await page.keyboard.press('Space')
  await expect(bm.institution('Veltrix Medical Devices')).toHaveAttribute('data-checked', 'false')
  await bm.institution('Fernhollow Pharmacy').locator('input').uncheck()
  const foot1 = await settled(bm, 'engagement', foot0)
  const desc1 = (await bm.chartSvg('engagement').getAttribute('aria-description')) ?? ''
  expect(desc1).not.toContain('Veltrix Medical Devices')
  expect(desc1).toContain('Quillmere General Hospital')

  // Range: last 90 days → the resolved dates show in the inputs, the footnote and the chart description.
  await bm.preset().selectOption('last90')
  const foot2 = await settled(bm, 'engagement', foot1)
  const from = await bm.from().inputValue()
  const to = await bm.to().inputValue()
  expect(foot2).toContain(`${from} to ${to}`)
  expect(await bm.chartSvg('engagement').getAttribute('aria-description')).toContain(`${from} to ${to}`)

  // Convention: by views → the chart's title, description and footnote name it.
  await bm.convention().selectOption('views')
  const foot3 = await settled(bm, 'engagement', foot2)
  expect(foot3).toContain('by views')
  expect(foot3).toContain('TikTok, YouTube')
  await expect(bm.chartSvg('engagement')).toHaveAttribute('aria-label', /by views/)
  await expect(bm.chartSvg('engagement')).toHaveAttribute('aria-description', /by views/)

  // A peer set of 2 says the peer band cannot be drawn.
  await bm.page.getByTestId('bm-select-none').click()
  await bm.institution('Quillmere General Hospital').locator('input').check()
  await bm.institution('Corvale Clinic Network').locator('input').check()
  await settled(bm, 'engagement', foot3)
  await expect(bm.notices()).toContainText('peer medians and bands need at least 3')
  await expect(bm.chart('engagement').getByTestId('bm-chart-notes')).toContainText('Peer median and band not drawn')

  // Methodology for one chart.
  await bm.chart('engagement').getByTestId('bm-methodology-toggle').click()
  await expect(bm.methodology()).toContainText('interactions ÷ views')
  await expect(bm.methodology()).toContainText('Known gaps')
})

test('dark theme and the single-chart view @sample', async ({ app, page }) => {
  test.setTimeout(300_000)
  const bm = await openBenchmarks(page, async () => {
    await expect(app.datasetRows().first()).toBeVisible()
  })
  await app.themeToggle().click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await snap(page, 'benchmarks-dashboard-dark')
  for (const id of ['indexed', 'heatmap']) {
    await chartsDrawn(page)
    await bm.chart(id).screenshot({ path: `${SHOTS}/bm-chart-${id}-dark.png`, animations: 'disabled' })
  }
  await bm.modeSingle().click()
  await bm.singleChart().selectOption('indexed')
  await expect(bm.chartSvg('indexed')).toBeVisible()
  await expect(bm.methodology()).toBeVisible()
  // The peer median is over a stable set: its methodology says which, the notes say where the set changes.
  await expect(bm.methodology().getByTestId('bm-methodology-peer')).toContainText('carried across its own gaps')
  await chartsDrawn(page)
  // At 1280x800 the notices are one line each and the single chart is on screen without scrolling (issue 15).
  const notices = page.locator('.bm-notices')
  expect(await notices.count()).toBeGreaterThanOrEqual(2)
  for (const box of await notices.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height)))
    expect(box).toBeLessThan(36)
  const plot = await bm.chartSvg('indexed').boundingBox()
  const main = await bm.main().boundingBox()
  expect(plot && main && plot.y + plot.height).toBeLessThanOrEqual((main?.y ?? 0) + (main?.height ?? 0))
  // Opened, a notice lists everything; the heading is the button, from the keyboard too.
  await bm.notices().getByTestId('bm-notice-toggle').focus()
  await page.keyboard.press('Enter')
  await expect(bm.notices().locator('li').first()).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(bm.notices().locator('li').first()).toBeHidden()
  await snap(page, 'benchmarks-single-dark')
  await app.themeToggle().click()
  await snap(page, 'benchmarks-single-light')
})

test('a saved setup reopens exactly after a reload @sample', async ({ app, page }) => {
  test.setTimeout(300_000)
  const bm = await openBenchmarks(page, async () => {
    await expect(app.datasetRows().first()).toBeVisible()
  })
  const foot0 = (await bm.footnote('engagement').textContent()) ?? ''
  await bm.institution('Caldremont Heart Institute').locator('input').uncheck()
  await bm.platform('facebook').click()
  await bm.preset().selectOption('custom')
  await bm.from().fill('2024-03-01')
  await bm.to().fill('2024-08-31')
  await bm.convention().selectOption('avg_followers')
  await settled(bm, 'engagement', foot0)
  await expect(bm.footnote('engagement')).toContainText('2024-03-01 to 2024-08-31')
  await bm.setupName().fill('Spring 2024 on Facebook')
  await bm.setupSave().click()
  await expect(bm.setup('Spring 2024 on Facebook')).toBeVisible()
  const foot = (await bm.footnote('engagement').textContent()) ?? ''

  await page.reload()
  await expect(app.datasetRows().first()).toBeVisible({ timeout: 60_000 })
  await bm.nav().click()
  await expect(bm.setup('Spring 2024 on Facebook')).toBeVisible()
  await expect(bm.chartSvg('engagement')).toBeVisible({ timeout: 60_000 })
  await bm.setup('Spring 2024 on Facebook').getByTestId('bm-setup-open').click()
  await expect(bm.footnote('engagement')).toHaveText(foot, { timeout: 60_000 })
  await expect(bm.institution('Caldremont Heart Institute')).toHaveAttribute('data-checked', 'false')
  await expect(bm.institutions().and(page.locator('[data-checked="true"]'))).toHaveCount(7)
  await expect(bm.platform('facebook')).toHaveAttribute('aria-pressed', 'true')
  await expect(bm.preset()).toHaveValue('custom')
  await expect(bm.from()).toHaveValue('2024-03-01')
  await expect(bm.to()).toHaveValue('2024-08-31')
  await expect(bm.convention()).toHaveValue('avg_followers')

  await bm.setup('Spring 2024 on Facebook').getByTestId('bm-setup-delete').click()
  await expect(bm.setup('Spring 2024 on Facebook')).toHaveCount(0)
})
