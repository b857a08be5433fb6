/**
 * Issue 15, Queries: a TIMESTAMPTZ x axis (posts.published_at, date_trunc('week', ...)) charts on a time axis with
 * dated ticks, never "Invalid Date"; completion after FROM offers tables before functions; the chart exports as PNG
 * and SVG like the dashboard's. Screenshots at 1280x800 and 1024x640, light and dark.
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures/app'
import { snap } from './fixtures/screenshots'
import { QueriesPage } from './pages/QueriesPage'

const X_CSV = resolve(__dirname, 'fixtures/data/x_tweet_activity_synthetic.csv')

async function runSql(page: Page, q: QueriesPage, sql: string): Promise<void> {
  await q.editor().click()
  await page.keyboard.press('Control+a')
  await page.keyboard.press('Delete')
  await page.keyboard.insertText(sql)
  await page.keyboard.press('Control+Enter')
}

test('query charts: time axes from TIMESTAMPTZ, tables first after FROM, PNG and SVG export', async ({ app, page }) => {
  const q = new QueriesPage(page)
  await app.importFileInput().setInputFiles(X_CSV)
  await app.importCommit().click()
  await expect(app.importDialog()).toBeHidden({ timeout: 30_000 })
  await q.nav().click()
  await q.newQuery().click()

  // Completion after FROM: the workspace's tables first.
  await q.editor().click()
  await page.keyboard.type('SELECT * FROM po')
  const options = page.locator('.cm-tooltip-autocomplete li')
  await expect(options.first()).toBeVisible()
  await expect(options.first()).toHaveText(/^posts/)
  await page.keyboard.press('Escape')

  // The starter's shape: posts ordered by interactions, charted over published_at.
  await runSql(page, q, 'SELECT published_at, likes FROM posts ORDER BY likes DESC')
  await expect(q.status()).toContainText('3 rows')
  await q.tabChart().click()
  await q.chartMark().selectOption('line')
  await q.chartX().selectOption('published_at')
  await q.chartY().selectOption('likes')
  // A time axis: day ticks with the month under the first ("21 Dec", "22", ...), and the line drawn.
  const figure = q.chartFigure().locator('svg').first()
  await expect(figure).toContainText('Dec')
  await expect(figure).toContainText('29')
  await expect(q.chartFigure()).not.toContainText('Invalid Date')
  await expect(figure.locator('path')).not.toHaveCount(0)

  // date_trunc('week', ...) is a TIMESTAMPTZ too; as bars its weeks are labelled as days.
  await runSql(
    page,
    q,
    `SELECT date_trunc('week', published_at) AS week, sum(likes) AS likes FROM posts GROUP BY 1 ORDER BY 1`
  )
  await expect(q.status()).toContainText('2 rows')
  await q.tabChart().click()
  await q.chartMark().selectOption('bar')
  await q.chartX().selectOption('week')
  await q.chartY().selectOption('likes')
  await expect(figure).toContainText('2023-12-18')
  await expect(figure).toContainText('2023-12-25')
  await expect(q.chartFigure()).not.toContainText('Invalid Date')
  await q.name().fill('Likes by week')

  for (const size of [
    { width: 1280, height: 800 },
    { width: 1024, height: 640 }
  ]) {
    await page.setViewportSize(size)
    const tag = size.width === 1280 ? '' : '-1024'
    await expect(page.getByTestId('chart-export-svg')).toBeInViewport()
    await snap(page, `query-chart${tag}`)
    await page.emulateMedia({ colorScheme: 'dark' })
    await snap(page, `query-chart${tag}-dark`)
    await page.emulateMedia({ colorScheme: 'light' })
  }

  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-export-png').click()])
  expect(png.suggestedFilename()).toBe('likes-by-week-2x.png')
  expect([...(await readFile(await png.path())).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-export-svg').click()])
  expect(svg.suggestedFilename()).toBe('likes-by-week.svg')
  const text = await readFile(await svg.path(), 'utf8')
  expect(text).toContain('Likes by week')
  expect(text).toContain('2023-12-18')
  expect(text).not.toContain('Invalid Date')
  await expect(page.getByTestId('chart-export-status')).toHaveText('Saved likes-by-week.svg')
})

test('a query chart coloured by institution name uses the institutions’ own colours', async ({ page, harness }) => {
  const colors: Record<string, string> = {
    'Aster Hospital': '#8c2d04',
    'Birch Clinic': '#1b7837',
    'Cedar Care': '#542788'
  }
  for (const [name, color] of Object.entries(colors)) {
    const r = await harness.engine.call('createInstitution', { name, color })
    expect(r.ok).toBe(true)
  }
  await page.reload()
  const q = new QueriesPage(page)
  await q.nav().click()
  await q.newQuery().click()
  // Institution names and one value that is none (it takes the categorical scheme).
  await runSql(page, q, `SELECT name, length(name) AS n FROM institutions UNION ALL SELECT 'Unassigned', 5 ORDER BY 1`)
  await expect(q.status()).toContainText('4 rows')
  await q.tabChart().click()
  await q.chartMark().selectOption('bar')
  await q.chartX().selectOption('name')
  await q.chartY().selectOption('n')
  await q.chartColor().selectOption('name')
  for (const color of Object.values(colors)) {
    await expect(q.chartFigure().locator(`rect[fill="${color}"]`), color).toHaveCount(1)
  }
  // The legend swatches show the same colours.
  const swatches = await q
    .chartFigure()
    .locator('[class*="swatch"] svg rect, [class*="swatches"] svg rect')
    .evaluateAll((els) => els.map((e) => e.getAttribute('fill') ?? e.closest('svg')?.getAttribute('fill') ?? null))
  expect(swatches).toEqual(expect.arrayContaining(Object.values(colors)))
})
