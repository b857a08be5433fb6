/**
 * The dashboard's tables on the SYNTHETIC sample: the summary sorts by any column (header button: click or Enter,
 * aria-sort says how) and can show each institution's rank; the top-posts and breakout tables show their rank,
 * interactions and rate without sideways scrolling at 1280 px, and the summary does not scroll sideways at 1024x640.
 */
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures/app'
import { BenchmarksPage } from './pages/BenchmarksPage'

/** The numbers of one summary column, top to bottom ('—' as null). */
async function column(page: Page, key: string): Promise<(number | null)[]> {
  const index = await page
    .getByTestId('bm-summary')
    .locator('thead th')
    .evaluateAll((ths, k) => ths.findIndex((th) => th.getAttribute('data-sort-key') === k), key)
  const texts = await page
    .getByTestId('bm-summary')
    .locator('tbody tr')
    .evaluateAll((trs, i) => trs.map((tr) => tr.children[i].textContent ?? ''), index)
  return texts.map((t) => (/^—/.test(t.trim()) ? null : Number.parseFloat(t.replace(/,/g, ''))))
}

/** How far a scroll region's content is wider than the region (0: no sideways scrolling). */
const overflow = (wrap: Locator) => wrap.evaluate((el) => el.scrollWidth - el.clientWidth)

test('the summary sorts by any column and ranks; the tables fit without sideways scrolling @sample', async ({
  page
}) => {
  test.setTimeout(180_000)
  const bm = new BenchmarksPage(page)
  await bm.nav().click()
  await expect(bm.chartSvg('engagement')).toBeVisible({ timeout: 60_000 })
  await bm.preset().selectOption('all')
  await expect(bm.dashboard()).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 })
  const summary = page.getByTestId('bm-summary')
  const header = (key: string) => summary.locator(`thead th[data-sort-key="${key}"]`)

  // By name first; a click on Posts sorts by posts, most first.
  await expect(header('name')).toHaveAttribute('aria-sort', 'ascending')
  await header('posts').getByRole('button').click()
  await expect(header('posts')).toHaveAttribute('aria-sort', 'descending')
  await expect(header('name')).not.toHaveAttribute('aria-sort')
  const posts = await column(page, 'posts')
  expect(posts).toEqual([...posts].sort((a, b) => (b ?? -1) - (a ?? -1)))

  // Enter on a focused header: engagement, best first; again: lowest first, institutions without a rate last.
  await header('engagement').getByRole('button').focus()
  await page.keyboard.press('Enter')
  await expect(header('engagement')).toHaveAttribute('aria-sort', 'descending')
  const desc = await column(page, 'engagement')
  await page.keyboard.press('Enter')
  await expect(header('engagement')).toHaveAttribute('aria-sort', 'ascending')
  const asc = await column(page, 'engagement')
  const known = desc.filter((v) => v !== null)
  expect(known.length).toBeGreaterThan(2)
  expect(known).toEqual([...known].sort((a, b) => b! - a!))
  expect(asc.slice(0, known.length)).toEqual([...known].reverse())
  expect(asc.slice(known.length).every((v) => v === null)).toBe(true)

  // The rank column follows the sort: 1 for the best rate, '—' for those without one.
  await header('engagement').getByRole('button').click()
  await page.getByTestId('bm-summary-rank-toggle').check()
  const ranks = await page.getByTestId('bm-summary-rank').allTextContents()
  expect(ranks.slice(0, known.length)).toEqual(known.map((_, i) => String(i + 1)))
  expect(ranks.slice(known.length).every((r) => r === '—')).toBe(true)

  // 1280 px: the top-posts and breakout tables show rank, interactions and rate in full.
  for (const id of ['bm-top-posts', 'bm-breakouts']) {
    const table = page.getByTestId(id)
    const wrap = table.locator('xpath=..')
    await wrap.scrollIntoViewIfNeeded()
    expect(await overflow(wrap), id).toBeLessThanOrEqual(0)
    await expect(table.getByTestId('bm-post-rank').first()).toHaveText('1')
    const box = (await wrap.boundingBox())!
    const rate = (await table.locator('thead th').last().boundingBox())!
    expect(rate.x + rate.width, `${id}: rate column inside the table`).toBeLessThanOrEqual(box.x + box.width + 0.5)
  }

  // 1024x640, rank column shown: the summary needs no sideways scrolling, filters folded (the default there) ...
  await page.setViewportSize({ width: 1024, height: 640 })
  await summary.scrollIntoViewIfNeeded()
  await expect(page.getByTestId('bm-summary-rank').first()).toBeVisible()
  expect(await overflow(summary.locator('xpath=..'))).toBeLessThanOrEqual(0)
  await expect(page.getByTestId('bm-summary-folded-note')).toBeHidden()
  await expect(header('sov_posts')).toBeVisible()

  // ... or open: the columns that follow from the post count fold away, said above the table, and the rank, names,
  // posts, rate and growth stay inside it.
  await page.getByTestId('bm-filters-toggle').click()
  await expect(page.getByTestId('bm-side')).toBeVisible()
  await summary.scrollIntoViewIfNeeded()
  expect(await overflow(summary.locator('xpath=..'))).toBeLessThanOrEqual(0)
  await expect(page.getByTestId('bm-summary-folded-note')).toBeVisible()
  await expect(page.getByTestId('bm-summary-folded-note')).toContainText('Posts/week and SoV posts are folded away')
  await expect(header('sov_posts')).toBeHidden()
  await expect(header('posts_per_week')).toBeHidden()
  const wrap = (await summary.locator('xpath=..').boundingBox())!
  for (const key of ['name', 'posts', 'engagement', 'growth']) {
    const th = (await header(key).boundingBox())!
    expect(th.x + th.width, `${key} inside the table`).toBeLessThanOrEqual(wrap.x + wrap.width + 0.5)
  }
  await expect(page.getByTestId('bm-summary-rank').first()).toBeVisible()
})
