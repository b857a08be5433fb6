import { test, expect } from './fixtures/app'
import { snap } from './fixtures/screenshots'

test('a fresh workspace welcomes; the sample opens into the grid', async ({ app, page }) => {
  await expect(app.welcome()).toBeVisible()
  await expect(app.datasetRows()).toHaveCount(0)
  await snap(page, 'welcome')

  // Loading the sample is the slowest step of the suite; on a busy machine it can take well over a minute.
  await app.openSample().click()
  await expect(app.datasetRows().first()).toBeVisible({ timeout: 120_000 })
  await expect(app.welcome()).toBeHidden()

  await app.datasetRows().first().click()
  await expect(app.dataGrid()).toBeVisible()
  await expect(app.gridHeaders().first()).toBeVisible()
  await expect(app.gridRow(0)).toBeVisible()
  await snap(page, 'datasets-grid')
})

test('the theme toggle switches the loaded app to dark and back @sample', async ({ app, page }) => {
  await app.datasetRows().first().click()
  await expect(app.gridRow(0)).toBeVisible()

  // The page starts light (Playwright emulates a light OS); the toggle pins data-theme and the colours follow it.
  const background = (): Promise<string> => app.sidebar().evaluate(getComputedBackground)
  const light = await background()
  await app.themeToggle().click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect.poll(background).not.toBe(light)
  await snap(page, 'dark-theme')
  await app.themeToggle().click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await expect.poll(background).toBe(light)
})

/** Runs in the page: the first non-transparent background from the element up (no DOM lib in the node project). */
function getComputedBackground(el: { ownerDocument: unknown; parentElement: unknown }): string {
  type El = {
    parentElement: El | null
    ownerDocument: { defaultView: { getComputedStyle(e: El): { backgroundColor: string } } }
  }
  for (let e = el as El | null; e; e = e.parentElement) {
    const bg = e.ownerDocument.defaultView.getComputedStyle(e).backgroundColor
    if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg
  }
  return ''
}
