/**
 * Events in the browser harness: add, edit, delete and import them in the Events view, switch the health
 * observances on, and see them drawn on the time charts (a rule and its title in the chart SVG, the methodology's
 * list) until the toggle turns them off; a saved setup remembers the toggle; the CSV export downloads.
 */
import type { Page } from '@playwright/test'
import { copyFile, readFile } from 'node:fs/promises'
import { test, expect } from './fixtures/app'
import { chartsDrawn, snap } from './fixtures/screenshots'
import { expectAccessible } from './support/axe'
import { BenchmarksPage } from './pages/BenchmarksPage'
import { EventsPage } from './pages/EventsPage'

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 }
]

async function snapSizes(page: Page, name: string, before?: () => Promise<void>): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size)
    const tag = size.width === 1280 ? '' : '-1024'
    await before?.()
    await snap(page, `${name}${tag}`)
    await page.emulateMedia({ colorScheme: 'dark' })
    await before?.()
    await snap(page, `${name}${tag}-dark`)
    await page.emulateMedia({ colorScheme: 'light' })
  }
  await page.setViewportSize(SIZES[0])
}

const shiftDay = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

test('an event added in the Events view is drawn on the time charts and listed in the methodology; the toggle hides it and a setup remembers that @sample', async ({
  app,
  page
}) => {
  test.setTimeout(400_000)
  const bm = new BenchmarksPage(page)
  const ev = new EventsPage(page)
  await expect(app.datasetRows().first()).toBeVisible()

  // The range the dashboard shows by default (last 12 months, ending on the latest day with data).
  await bm.nav().click()
  await expect(bm.chartSvg('followers')).toBeVisible({ timeout: 60_000 })
  const to = await bm.to().inputValue()
  const campaignDay = shiftDay(to, -100)

  await ev.nav().click()
  await expect(ev.view()).toBeVisible()
  await expect(page.getByTestId('events-empty')).toBeVisible()
  await ev.start().fill(campaignDay)
  await ev.title().fill('Flu jab drive')
  await ev.kind().selectOption('campaign')
  await ev.submit().click()
  await expect(ev.row('Flu jab drive')).toBeVisible()
  // A range, for everyone.
  await ev.start().fill(shiftDay(to, -60))
  await ev.end().fill(shiftDay(to, -46))
  await ev.title().fill('Ward renovation')
  await ev.kind().selectOption('crisis')
  await ev.submit().click()
  await expect(ev.row('Ward renovation')).toContainText(`${shiftDay(to, -60)} – ${shiftDay(to, -46)}`)
  // Edit: the title changes in place.
  await ev.row('Ward renovation').getByTestId('event-edit').click()
  await expect(ev.title()).toHaveValue('Ward renovation')
  await ev.title().fill('Ward renovation (east wing)')
  await ev.submit().click()
  await expect(ev.row('Ward renovation (east wing)')).toBeVisible()

  // The built-in calendar: hundreds of awareness days, World Health Day among them.
  await ev.observances().click()
  await expect(ev.observances()).toHaveText('Add missing health observances', { timeout: 30_000 })
  expect(await ev.rows().count()).toBeGreaterThan(300)
  await ev.search().fill('World Health Day')
  await expect(ev.rows().first()).toContainText('World Health Organization')
  await ev.search().fill('')
  await ev.year().selectOption(to.slice(0, 4))
  await snapSizes(page, 'events-view')
  await expectAccessible(page, 'events')
  await ev.year().selectOption('')

  // Drawn on the dashboard's time charts: a rule with the title above it.
  await bm.nav().click()
  await expect(bm.chartSvg('followers')).toBeVisible({ timeout: 60_000 })
  await chartsDrawn(page)
  for (const id of ['followers', 'engagement', 'postsWeekly']) {
    const svg = bm.chartSvg(id)
    await expect(svg.locator('.sb-event-rule line').first(), id).toBeAttached()
    await expect(svg.locator('.sb-event-band rect').first(), id).toBeAttached()
    await expect(svg.locator('.sb-event-label text', { hasText: 'Flu jab drive' }), id).toHaveCount(1)
  }
  await expect(bm.chartSvg('heatmap').locator('.sb-event-rule')).toHaveCount(0)
  await expect(bm.chartSvg('followers')).toHaveAttribute('aria-description', /Events drawn: .*Flu jab drive/)
  await bm.chart('engagement').getByTestId('bm-methodology-toggle').click()
  await expect(bm.methodology().getByTestId('bm-methodology-events')).toContainText(
    `${campaignDay}: Flu jab drive (campaign)`
  )
  await expect(bm.methodology().getByTestId('bm-methodology-events')).toContainText('World Health Organization')
  await bm.chart('engagement').getByTestId('bm-methodology-toggle').click()
  await snapSizes(page, 'benchmarks-events', () => chartsDrawn(page))
  await expectAccessible(page, 'benchmarks-events')
  // A close-up for the README (docs/screenshots with UPDATE_SCREENSHOTS=1), without a tooltip under the pointer.
  await page.mouse.move(0, 0)
  await bm.chart('engagement').scrollIntoViewIfNeeded()
  await bm.chart('engagement').screenshot({ path: 'test-results/screenshots/events-chart.png', animations: 'disabled' })
  if (process.env.UPDATE_SCREENSHOTS === '1')
    await copyFile('test-results/screenshots/events-chart.png', 'docs/screenshots/events-chart.png')

  // The single-chart view draws them too.
  await bm.modeSingle().click()
  await bm.singleChart().selectOption('indexed')
  await expect(
    page.getByTestId('bm-single').locator('svg[aria-description] .sb-event-label text', { hasText: 'Flu jab drive' })
  ).toHaveCount(1, { timeout: 30_000 })
  await bm.modeDashboard().click()
  await expect(bm.chartSvg('followers')).toBeVisible({ timeout: 60_000 })

  // Toggle off: gone from every chart, and the methodology says why.
  await page.getByTestId('bm-show-events').uncheck()
  await expect(bm.chartSvg('followers').locator('.sb-event-rule')).toHaveCount(0, { timeout: 60_000 })
  await expect(bm.chartSvg('followers').locator('text', { hasText: 'Flu jab drive' })).toHaveCount(0)
  await expect(bm.chartSvg('engagement').locator('.sb-event-rule')).toHaveCount(0)
  await bm.chart('followers').getByTestId('bm-methodology-toggle').click()
  await expect(bm.methodology().getByTestId('bm-methodology-events')).toHaveText(
    'not drawn (turned off in the controls)'
  )
  await bm.chart('followers').getByTestId('bm-methodology-toggle').click()

  // A setup saved with events off reopens with them off.
  await bm.setupName().fill('Quiet charts')
  await bm.setupSave().click()
  await expect(bm.setup('Quiet charts')).toBeVisible()
  await page.getByTestId('bm-show-events').check()
  await expect(bm.chartSvg('followers').locator('.sb-event-rule line').first()).toBeAttached({ timeout: 60_000 })
  await bm.setup('Quiet charts').getByTestId('bm-setup-open').click()
  await expect(page.getByTestId('bm-show-events')).not.toBeChecked()
  await expect(bm.chartSvg('followers').locator('.sb-event-rule')).toHaveCount(0, { timeout: 60_000 })

  // Delete: at once, no confirmation; the toast names it and offers Undo, which brings it back as it was.
  await ev.nav().click()
  const before = await ev.row('Flu jab drive').innerText()
  await ev.row('Flu jab drive').getByTestId('event-delete').click()
  await expect(ev.row('Flu jab drive')).toHaveCount(0)
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0)
  const toast = page.getByTestId('toast')
  await expect(toast).toContainText('Deleted event “Flu jab drive”')
  // Before axe runs: the toast goes after a few seconds, and axe on a loaded machine can take longer.
  await toast.getByTestId('toast-undo').click()
  await expect(ev.row('Flu jab drive')).toBeVisible()
  expect(await ev.row('Flu jab drive').innerText()).toBe(before)
  await expectAccessible(page, 'events-delete')
})

test('events import from a CSV, all or nothing, and export as a CSV', async ({ app, page }) => {
  test.setTimeout(120_000)
  const ev = new EventsPage(page)
  await ev.nav().click()
  await expect(ev.view()).toBeVisible()
  const csv = (text: string) => ({ name: 'events.csv', mimeType: 'text/csv', buffer: Buffer.from(text) })

  await ev.fileInput().setInputFiles(csv('start,title,kind\n2025-03-01,Fine,other\n2025-03-02,Broken,party\n'))
  await expect(app.errorBanner()).toContainText('row 3, column kind: "party" is not a kind')
  await expect(page.getByTestId('events-empty')).toBeVisible()

  await ev
    .fileInput()
    .setInputFiles(
      csv('start,end,title,kind\n2025-03-01,,Open day,campaign\n2025-05-01,2025-05-07,"=Spring, week",awareness day\n')
    )
  await expect(ev.rows()).toHaveCount(2)
  await expect(ev.row('=Spring, week')).toContainText('Awareness day')

  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), ev.exportButton().click()])
  expect(download.suggestedFilename()).toBe('events.csv')
  const text = await readFile((await download.path()) as string, 'utf8')
  expect(text).toContain('2025-03-01,,Open day,campaign')
  // Formula starters neutralised for spreadsheets.
  expect(text).toContain(`2025-05-01,2025-05-07,"'=Spring, week",awareness_day`)
})

test('the health observances switch off again, leaving the workspace’s own events', async ({ page }) => {
  test.setTimeout(120_000)
  const ev = new EventsPage(page)
  await ev.nav().click()
  await expect(ev.view()).toBeVisible()
  await expect(ev.observancesOff()).toHaveCount(0)
  await ev.start().fill('2025-04-07')
  await ev.title().fill('Our open day')
  await ev.kind().selectOption('campaign')
  await ev.submit().click()
  await expect(ev.rows()).toHaveCount(1)

  await ev.observances().click()
  await expect(ev.observances()).toHaveText('Add missing health observances', { timeout: 30_000 })
  expect(await ev.rows().count()).toBeGreaterThan(300)
  await ev.observancesOff().click()
  await expect(page.getByTestId('toast')).toContainText(/Removed \d{3} health observances/, { timeout: 30_000 })
  await expect(ev.rows()).toHaveCount(1)
  await expect(ev.row('Our open day')).toBeVisible()
  await expect(ev.observances()).toHaveText('Add health observances')
  await expect(ev.observancesOff()).toHaveCount(0)
})
