/**
 * Content mix and timing on the sample: share of posts and median interactions by kind of post, and the weekday ×
 * hour heatmap of median interactions in each account's time zone; the methodology maps every post type; both
 * tables download as CSV; axe finds nothing serious in either theme.
 */
import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { test, expect } from './fixtures/app'
import { snap } from './fixtures/screenshots'
import { BenchmarksPage } from './pages/BenchmarksPage'
import { expectAccessible } from './support/axe'
import { setTheme } from './support/theme'

async function csvOf(page: Page, click: () => Promise<void>): Promise<{ name: string; lines: string[] }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()])
  return { name: d.suggestedFilename(), lines: readFileSync((await d.path())!, 'utf8').split('\r\n') }
}

test('content mix: kinds of post, median interactions by weekday × hour, CSVs @sample', async ({ app, page }) => {
  test.setTimeout(300_000)
  const bm = new BenchmarksPage(page)
  await expect(app.datasetRows().first()).toBeVisible()
  await bm.nav().click()
  const panel = page.getByTestId('ins-mix')
  await expect(panel.getByTestId('ins-mix-heatmap').locator('svg[aria-description]')).toBeVisible({ timeout: 120_000 })
  await expect(panel).toHaveAttribute('aria-busy', 'false')

  // Share of posts: the sample's Meta types appear as kinds, with the X tweets as "type not exported".
  const share = panel.getByTestId('ins-mix-share')
  for (const kind of ['Video', 'Photo', 'Link', 'Text', 'Type not exported']) await expect(share).toContainText(kind)
  await expect(share.locator('svg[aria-description]')).toHaveAttribute(
    'aria-description',
    /Halvern University Medical Center: .*Photo \d+\.\d%/
  )
  // Median interactions by kind: one dot per institution and kind with counts.
  const dots = panel.getByTestId('ins-mix-engagement').locator('svg[aria-description] circle')
  expect(await dots.count()).toBeGreaterThanOrEqual(8)

  // The heatmap colours slots by their median (a colour scale, not the posting-cadence opacity), per institution.
  const heat = panel.getByTestId('ins-mix-heatmap')
  await expect(heat.locator('svg[aria-description]')).toHaveAttribute(
    'aria-description',
    /Best slot: .*\(median \d+(\.\d+)?, \d+ posts\)/
  )
  const fills = await heat
    .locator('svg[aria-description] rect[fill^="#"], svg[aria-description] rect[fill^="rgb"]')
    .evaluateAll((rs) => new Set(rs.map((r) => r.getAttribute('fill'))).size)
  expect(fills).toBeGreaterThan(5)
  await expect(heat.locator('figcaption')).toContainText('hours in UTC')
  // Coloured against each institution's own median post, so small and large institutions read on one scale.
  await expect(heat).toContainText('Slot median ÷ the institution’s median post')

  await panel.getByTestId('ins-mix-methods').locator('summary').click()
  await expect(panel.getByTestId('ins-mix-methods')).toContainText('facebook “Live Video Complete” → video')
  await expect(panel.getByTestId('ins-mix-methods')).toContainText('Median interactions: half of the posts')

  const mix = await csvOf(page, () => panel.getByTestId('ins-mix-csv').click())
  expect(mix.name).toMatch(/^content-mix_8-institutions_\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d\.csv$/)
  expect(mix.lines[0]).toBe(
    '\ufeffinstitution,kind,posts,post_share,interactions,interaction_share,median_interactions,rate'
  )
  expect(mix.lines.some((l) => /^Halvern University Medical Center,photo,\d+,0\.\d+,\d+,/.test(l))).toBe(true)
  const times = await csvOf(page, () => panel.getByTestId('ins-times-csv').click())
  expect(times.lines[0]).toBe('\ufeffinstitution,weekday,hour,posts,median_interactions,median_rate')
  expect(
    times.lines.filter((l) => /^[^,]+,(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\d+,\d+,/.test(l))
      .length
  ).toBeGreaterThan(20)

  await page.mouse.move(0, 0) // no tip left open in the pictures
  await panel.scrollIntoViewIfNeeded()
  await expectAccessible(page, 'content-mix')
  await setTheme(page, 'light')
  await panel.scrollIntoViewIfNeeded()
  await snap(page, 'insight-mix-light')
  await heat.scrollIntoViewIfNeeded()
  await snap(page, 'insight-mix-heatmap-light')
  await setTheme(page, 'dark')
  await snap(page, 'insight-mix-heatmap-dark')
  await panel.scrollIntoViewIfNeeded()
  await snap(page, 'insight-mix-dark')
  await page.setViewportSize({ width: 1024, height: 640 })
  await panel.scrollIntoViewIfNeeded()
  await snap(page, 'insight-mix-dark-1024')
})
