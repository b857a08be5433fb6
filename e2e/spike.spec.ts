/**
 * Explain a spike on the sample: a click on the engagement chart opens a panel with the week's posts ranked by their
 * contribution, its robust z-score against the institution's own median, the week's events and its post types; the
 * keyboard gets there through the picker under the chart; the daily channel chart explains a day.
 */
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures/app'
import { snap } from './fixtures/screenshots'
import { expectAccessible } from './support/axe'
import { BenchmarksPage } from './pages/BenchmarksPage'
import { EventsPage } from './pages/EventsPage'

const shiftDay = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/** The shares column of the panel's posts table, as numbers (percent). */
async function shares(page: Page): Promise<number[]> {
  const cells = await page.getByTestId('ins-explain-posts').locator('tbody tr td:last-child').allTextContents()
  return cells.map((c) => Number(c.replace('%', '')))
}

test('explain a spike: click a week, or pick one with the keyboard; a day on the channel chart @sample', async ({
  app,
  page
}) => {
  test.setTimeout(400_000)
  const bm = new BenchmarksPage(page)
  const ev = new EventsPage(page)
  await expect(app.datasetRows().first()).toBeVisible()
  await bm.nav().click()
  await expect(bm.chartSvg('engagement')).toBeVisible({ timeout: 60_000 })
  const to = await bm.to().inputValue()

  // An event over the last eight weeks, for everyone: the latest weeks' panels must list it.
  await ev.nav().click()
  await ev.start().fill(shiftDay(to, -55))
  await ev.end().fill(to)
  await ev.title().fill('Winter flu campaign')
  await ev.kind().selectOption('campaign')
  await ev.submit().click()
  await expect(ev.row('Winter flu campaign')).toBeVisible()
  await bm.nav().click()
  const chart = bm.chart('engagement')
  await expect(bm.chartSvg('engagement')).toBeVisible({ timeout: 60_000 })

  // A click in the plot area, two thirds of the way along.
  await chart.scrollIntoViewIfNeeded()
  const box = (await bm.chartSvg('engagement').boundingBox())!
  await page.mouse.click(box.x + box.width * 0.66, box.y + box.height * 0.45)
  const panel = chart.getByTestId('ins-explain')
  await expect(panel).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 })
  await expect(panel.locator('h4')).toContainText(/, week \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d/)
  await expect(panel.getByTestId('ins-explain-baseline')).toContainText(
    /\d+\.\d\d% against a median of \d+\.\d\d% over \d+ weeks \([+−]\d+\.\d\d pts/
  )
  await expect(panel.getByTestId('ins-explain-z')).toHaveText(/^([+−]\d+\.\d\d robust z( \(unusual\))?|no z-score.*)$/)
  // Ranked by contribution, and a mean of rates is the sum of its parts: the shares add up to 100%.
  const clicked = await shares(page)
  expect(clicked.length).toBeGreaterThan(0)
  expect([...clicked].sort((a, b) => b - a)).toEqual(clicked)
  expect(Math.abs(clicked.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(0.05 * clicked.length + 0.1)
  await expect(panel.getByTestId('ins-explain-types').locator('li').first()).toContainText(
    /: \d+ posts?, \d+% of the week/
  )
  // The clicked week is marked on the chart: one band, and the chart's description names the same week.
  const clickedTitle = (await panel.locator('h4').textContent()) ?? ''
  const [, clickedFrom, clickedTo] = /week (\d{4}-\d\d-\d\d) to (\d{4}-\d\d-\d\d)/.exec(clickedTitle)!
  await expect(chart.locator('g[aria-description="Explained period"] rect')).toHaveCount(1)
  await expect(chart.locator('g[aria-description="Explained period: point"] circle')).toHaveCount(1)
  await expect(bm.chartSvg('engagement')).toHaveAttribute(
    'aria-description',
    new RegExp(`Highlighted: .+, week ${clickedFrom} to ${clickedTo}`)
  )
  // The picker shows the clicked week and institution.
  const picker = chart.getByTestId('ins-spike-picker')
  const pickedName = await picker.getByTestId('ins-spike-institution').locator('option:checked').textContent()
  expect(clickedTitle).toContain(pickedName!)

  // Keyboard only: another institution, its latest week, Explain.
  const inst = picker.getByTestId('ins-spike-institution')
  await inst.focus()
  const names = await inst.locator('option').allTextContents()
  const other = names.find((n) => n !== pickedName)!
  await inst.selectOption({ label: other })
  await expect(panel.locator('h4')).toContainText(other, { timeout: 60_000 })
  const day = picker.getByTestId('ins-spike-day')
  await day.focus()
  await page.keyboard.press('End')
  await picker.getByTestId('ins-spike-explain').focus()
  await page.keyboard.press('Enter')
  await expect(panel).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 })
  const lastWeek = await day.inputValue()
  await expect(panel.locator('h4')).toContainText(`${other}, week ${lastWeek}`)
  await expect(panel.getByTestId('ins-explain-events')).toContainText('Winter flu campaign (campaign)')

  // The pointer off the charts, so no tip covers them in the pictures.
  await page.mouse.move(5, 790)
  await panel.scrollIntoViewIfNeeded()
  await snap(page, 'spike-explain-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await snap(page, 'spike-explain-dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await expectAccessible(page, 'spike-explain')
  await panel.getByTestId('ins-explain-close').click()
  await expect(panel).toHaveCount(0)
  await expect(chart.locator('g[aria-description="Explained period"]')).toHaveCount(0)

  // The daily channel chart: a day, measured by the channel's own figure.
  const channel = bm.chart('channelDaily')
  await bm.chartSvg('channelDaily').scrollIntoViewIfNeeded()
  const cbox = (await bm.chartSvg('channelDaily').boundingBox())!
  await page.mouse.click(cbox.x + cbox.width * 0.5, cbox.y + cbox.height * 0.4)
  const cpanel = channel.getByTestId('ins-explain')
  await expect(cpanel).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 })
  await expect(cpanel.locator('h4')).toContainText(/, day \d{4}-\d\d-\d\d$/)
  await expect(channel.locator('g[aria-description="Explained period"] rect')).toHaveCount(1)
  await expect(cpanel.getByTestId('ins-explain-baseline')).toContainText(/against a median of [\d,]+ over \d+ days/)
  await channel.getByTestId('ins-spike-unit').selectOption('week')
  await expect(cpanel.locator('h4')).toContainText(/, week \d{4}-\d\d-\d\d to /, { timeout: 60_000 })
  // The picker shows the week now explained.
  const week = /week (\d{4}-\d\d-\d\d) to /.exec((await cpanel.locator('h4').textContent()) ?? '')![1]
  await expect(channel.getByTestId('ins-spike-day')).toHaveValue(week)
  await page.mouse.move(5, 790)
  await cpanel.scrollIntoViewIfNeeded()
  await snap(page, 'spike-explain-channel-light')
  await expectAccessible(page, 'spike-explain-channel')
})
