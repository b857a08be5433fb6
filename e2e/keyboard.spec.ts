/**
 * Operating the app from the keyboard: the skip link, and dialogs that take the focus, keep it (Tab and Shift+Tab
 * never reach the view behind), close on Escape and give the focus back to the control that opened them.
 */
import { resolve } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures/app'
import { BenchmarksPage } from './pages/BenchmarksPage'
import { ExportPage } from './pages/ExportPage'

const X_CSV = resolve(__dirname, 'fixtures/data/x_tweet_activity_synthetic.csv')

/** Runs in the page: a short description of the focused element and whether it is inside `root`. */
async function focusIn(page: Page, root: Locator): Promise<{ inside: boolean; what: string }> {
  return root.evaluate((el) => {
    const active = (el.ownerDocument as unknown as { activeElement: { outerHTML: string } | null }).activeElement
    return { inside: !!active && el.contains(active as never), what: active?.outerHTML.slice(0, 80) ?? 'none' }
  })
}

/** Presses `key` `times` times and fails on the first press that puts the focus outside `root`. */
async function expectTabStaysIn(page: Page, root: Locator, key: 'Tab' | 'Shift+Tab', times: number): Promise<void> {
  for (let i = 1; i <= times; i++) {
    await page.keyboard.press(key)
    const f = await focusIn(page, root)
    expect(f.inside, `${key} #${i} moved the focus out of the dialog, to ${f.what}`).toBe(true)
  }
}

test('the skip link is the first stop and moves the focus to the main content', async ({ app, page }) => {
  await expect(app.welcome()).toBeVisible()
  await page.keyboard.press('Tab')
  const skip = page.getByTestId('skip-link')
  await expect(skip).toBeFocused()
  await expect(skip).toHaveText('Skip to main content')
  await expect(skip).toBeInViewport()
  const before = page.url()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('main')).toBeFocused()
  // The link does not navigate: the address (and whatever its hash carries) stays as it was.
  expect(page.url()).toBe(before)
  // The next Tab goes into the view, not back to the sidebar.
  await page.keyboard.press('Tab')
  expect((await focusIn(page, page.getByTestId('main'))).inside).toBe(true)
})

test('the import dialog takes the focus, keeps it through 20 Tabs each way, and gives it back on Escape', async ({
  app,
  page
}) => {
  await expect(app.welcome()).toBeVisible()
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), app.importButton().click()])
  await chooser.setFiles(X_CSV)
  const dialog = app.importDialog()
  await expect(app.importRecognized()).toHaveAttribute('data-format', 'x-tweet-activity')
  const opened = await focusIn(page, dialog)
  expect(opened.inside, `the focus moves into the dialog when it opens, not to ${opened.what}`).toBe(true)

  await expectTabStaysIn(page, dialog, 'Tab', 20)
  await expectTabStaysIn(page, dialog, 'Shift+Tab', 20)

  // Focus lost to the page (a control inside removed while focused) still cannot reach the view behind.
  await page.evaluate(() =>
    (globalThis as unknown as { document: { activeElement: { blur(): void } } }).document.activeElement.blur()
  )
  await expectTabStaysIn(page, dialog, 'Tab', 3)

  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(app.importButton()).toBeFocused()
})

test('the deck builder closes on Escape after a click inside and gives the focus back to its button @sample', async ({
  app,
  page
}) => {
  test.setTimeout(300_000)
  await expect(app.datasetRows().first()).toBeVisible()
  const bm = new BenchmarksPage(page)
  await bm.nav().click()
  await expect(bm.chartSvg('engagement')).toBeVisible({ timeout: 60_000 })
  await expect(bm.dashboard()).toHaveAttribute('aria-busy', 'false')

  const ex = new ExportPage(page)
  await ex.deckOpen().focus()
  await page.keyboard.press('Enter')
  await expect(ex.deckBuilder()).toBeVisible()
  expect((await focusIn(page, ex.deckBuilder())).inside).toBe(true)
  await ex.deckAdd('followers').click()
  await expectTabStaysIn(page, ex.deckBuilder(), 'Tab', 20)
  await page.keyboard.press('Escape')
  await expect(ex.deckBuilder()).toBeHidden()
  await expect(ex.deckOpen()).toBeFocused()
})
