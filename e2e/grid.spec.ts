/**
 * The dataset grid in the browser harness, on a small synthetic export (grid_posts.csv: numbers with nulls, dates,
 * a title with quotes, one with a tab, one with a line break, two that a spreadsheet would run as formulas): typed sort with nulls last, each filter kind and the
 * search (answered by the engine), cell selection by mouse and keyboard copied as TSV (read back from Chromium's
 * clipboard), copy and hide a column, resize by drag and by keys, and "Open as query" into the SQL editor.
 */
import type { Page } from '@playwright/test'
import { resolve } from 'node:path'
import { test, expect } from './fixtures/app'
import { snap } from './fixtures/screenshots'
import { expectAccessible } from './support/axe'
import { QueriesPage } from './pages/QueriesPage'
import type { AppPage } from './pages/AppPage'

const POSTS = resolve(__dirname, 'fixtures/data/grid_posts.csv')
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 }
]

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

async function importPosts(app: AppPage): Promise<void> {
  await app.importFileInput().setInputFiles(POSTS)
  await app.importCommit().click()
  await expect(app.importDialog()).toBeHidden({ timeout: 30_000 })
  await app.page.getByTestId('import-report-close').click()
  await app.datasetRow('grid_posts').click()
  await expect(app.gridRow(0)).toBeVisible()
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText())
const idAt = (app: AppPage, row: number) => app.gridCell(row, 0)
/** Only rows near the viewport are in the DOM: scroll to the end to see the last ones. */
const toBottom = (app: AppPage) => app.gridScroller().evaluate((el) => el.scrollTo(0, el.scrollHeight))

async function snapSizes(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size)
    const tag = size.width === 1280 ? '' : '-1024'
    await snap(page, `${name}${tag}`)
    await page.emulateMedia({ colorScheme: 'dark' })
    await snap(page, `${name}${tag}-dark`)
    await page.emulateMedia({ colorScheme: 'light' })
  }
  await page.setViewportSize(SIZES[0])
}

test('sorts by type with nulls last, filters each kind and searches, in the engine', async ({ app, page }) => {
  await importPosts(app)
  await expect(app.gridRowCount()).toHaveText('40 rows')

  // Numbers as numbers: 3 < 6 < 9 < 10 (as text "10" would come first); nulls last in both directions.
  await app.gridSortButton('likes').click()
  await expect(app.gridHeader('likes')).toHaveAttribute('aria-sort', 'ascending')
  await expect(idAt(app, 0)).toHaveText('11')
  await expect(app.gridCell(1, 2)).toHaveText('6')
  await toBottom(app)
  await expect(app.gridCell(39, 2)).toHaveText('null')
  await app.gridSortButton('likes').click()
  await expect(app.gridHeader('likes')).toHaveAttribute('aria-sort', 'descending')
  await expect(idAt(app, 0)).toHaveText('30')
  await toBottom(app)
  await expect(app.gridCell(35, 2)).not.toHaveText('null')
  await expect(app.gridCell(36, 2)).toHaveText('null')

  // Dates as dates, from the column menu, reached and driven by keyboard.
  await app.gridColumnMenu('posted').focus()
  await page.keyboard.press('Enter')
  await expect(app.columnMenu()).toBeVisible()
  await expect(app.menuSortAsc()).toBeFocused()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(app.gridHeader('posted')).toHaveAttribute('aria-sort', 'descending')
  await expect(app.gridCell(0, 3)).toHaveText('2024-03-29')
  await toBottom(app)
  await expect(app.gridCell(39, 3)).toHaveText('null')
  await page.keyboard.press('Escape')
  await expect(app.columnMenu()).toBeHidden()
  await expect(app.gridColumnMenu('posted')).toBeFocused()

  // Number range.
  await app.gridColumnMenu('likes').click()
  await expect(app.filterKind()).toHaveValue('numberRange')
  await app.filterMin().fill('20')
  await app.filterMax().fill('40')
  await app.filterMax().press('Enter')
  await expect(app.columnMenu()).toBeHidden()
  await expect(app.gridRowCount()).toHaveText('8 of 40 rows')
  await expect(app.gridChips().filter({ hasText: 'likes 20 – 40' })).toBeVisible()
  await expect(app.gridColumnMenu('likes')).toHaveAccessibleName(/filtered/)
  await snapSizes(page, 'grid-filtered')

  // Text contains, case-insensitive.
  await app.gridChips().filter({ hasText: 'likes' }).getByRole('button').click()
  await expect(app.gridRowCount()).toHaveText('40 rows')
  await app.gridColumnMenu('title').click()
  await app.filterText().fill('VACC')
  await app.filterApply().click()
  await expect(app.gridRowCount()).toHaveText('2 of 40 rows')
  await expect(app.gridRows().filter({ hasText: /vaccination/i })).toHaveCount(2)

  // Date range, both ends inclusive.
  await app.gridChips().filter({ hasText: 'title' }).getByRole('button').click()
  await app.gridColumnMenu('posted').click()
  await expect(app.filterKind()).toHaveValue('dateRange')
  await app.filterFrom().fill('2024-02-01')
  await app.filterTo().fill('2024-02-29')
  await app.filterApply().click()
  await expect(app.gridRowCount()).toHaveText('12 of 40 rows')

  // Empty / not empty.
  await app.gridColumnMenu('posted').click()
  await app.filterKind().selectOption('empty')
  await app.filterApply().click()
  await expect(app.gridRowCount()).toHaveText('3 of 40 rows')
  await app.gridColumnMenu('posted').click()
  await app.filterKind().selectOption('notEmpty')
  await app.filterApply().click()
  await expect(app.gridRowCount()).toHaveText('37 of 40 rows')
  await app.gridColumnMenu('posted').click()
  await app.filterRemove().click()

  // Search across every column.
  await app.gridSearch().fill('vaccination')
  await expect(app.gridRowCount()).toHaveText('2 of 40 rows')
  await app.gridSearch().fill('2024-03-29')
  await expect(app.gridRowCount()).toHaveText('1 of 40 rows')
  await expect(idAt(app, 0)).toHaveText('8')
  await app.gridSearch().fill('')
  await expect(app.gridRowCount()).toHaveText('40 rows')
})

test('selects cells with mouse and keys and copies TSV; copies, hides and resizes columns', async ({ app, page }) => {
  await importPosts(app)

  // Click, then Shift+arrows: rows 1-3 of id, title, likes. The quoted title is quoted as Excel does.
  await app.gridCell(0, 0).click()
  await expect(app.gridCell(0, 0)).toHaveAttribute('aria-selected', 'true')
  await expect(app.gridScroller()).toBeFocused()
  for (const key of ['Shift+ArrowDown', 'Shift+ArrowDown', 'Shift+ArrowRight', 'Shift+ArrowRight']) {
    await page.keyboard.press(key)
  }
  await expect(app.gridStatus()).toHaveText('9 cells selected')
  await page.keyboard.press('ControlOrMeta+c')
  await expect(app.gridStatus()).toHaveText('Copied 3 × 3 cells')
  expect(await clipboard(page)).toBe('1\tPost 1\t37\r\n2\tPost 2\t74\r\n3\t"Say ""hello"" to the clinic"\t10\r\n')

  // Shift+click extends from the anchor to rows with a tab and a line break.
  await app.gridCell(4, 1).click()
  await app.gridCell(6, 1).click({ modifiers: ['Shift'] })
  await page.keyboard.press('ControlOrMeta+c')
  await expect(app.gridStatus()).toHaveText('Copied 3 × 1 cells')
  expect(await clipboard(page)).toBe('"Tab\there"\r\nPost 6\r\n"Two\nlines"\r\n')

  // Arrows move a single active cell; Ctrl+A takes every row, loaded or not.
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowRight')
  await expect(app.gridCell(7, 2)).toHaveClass(/active/)
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.press('ControlOrMeta+c')
  await expect(app.gridStatus()).toHaveText('Copied 40 × 5 cells')
  const all = await clipboard(page)
  expect(all.split('\r\n')).toHaveLength(41)
  expect(all).toContain('\r\n40\tPost 40\t')
  // Text a spreadsheet would run as a formula pastes as text (a leading '), as in every CSV export; numbers stay numbers.
  expect(all).toContain("\r\n8\t'-2 kg challenge\t94\t")
  await app.gridCell(3, 1).click()
  await app.gridCell(3, 2).click({ modifiers: ['Shift'] })
  await page.keyboard.press('ControlOrMeta+c')
  await expect(app.gridStatus()).toHaveText('Copied 1 × 2 cells')
  expect(await clipboard(page)).toBe('"\'=HYPERLINK(""http://x.test/?leak"",""go"")"\t47\r\n')

  // Copy a column from its menu: the name, then every value (nulls as empty cells).
  await app.gridColumnMenu('likes').click()
  await app.menuCopyColumn().click()
  await expect(app.gridStatus()).toHaveText('Copied column likes (40 rows)')
  const likes = (await clipboard(page)).split('\r\n')
  expect(likes.slice(0, 3)).toEqual(['likes', '37', '74'])
  expect(likes[9]).toBe('')

  // Hide a column, then show it again.
  await app.gridColumnMenu('channel').click()
  await app.menuHideColumn().click()
  await expect(app.gridHeaders()).toHaveCount(4)
  await expect(app.gridHeader('channel')).toHaveCount(0)
  await app.gridShowHidden().click()
  await expect(app.gridHeaders()).toHaveCount(5)

  // Resize by dragging the edge, then by keys.
  const before = (await app.gridHeader('title').boundingBox())!.width
  const handle = (await app.gridResize('title').boundingBox())!
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2)
  await page.mouse.down()
  await page.mouse.move(handle.x + handle.width / 2 + 120, handle.y + handle.height / 2, { steps: 4 })
  await page.mouse.up()
  const dragged = (await app.gridHeader('title').boundingBox())!.width
  expect(dragged).toBeCloseTo(before + 120, -1)
  await app.gridResize('title').focus()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  expect((await app.gridHeader('title').boundingBox())!.width).toBeCloseTo(dragged - 32, 0)

  await app.gridCell(2, 1).click()
  await page.keyboard.press('Shift+ArrowDown')
  await expectAccessible(page, 'grid-selection')
  await snapSizes(page, 'grid-selection')
})

test('"Open as query" writes the sort and filters as SQL that the editor runs to the same rows', async ({
  app,
  page
}) => {
  await importPosts(app)
  await app.gridColumnMenu('likes').click()
  await app.filterMin().fill('20')
  await app.filterMax().fill('40')
  await app.filterApply().click()
  await app.gridColumnMenu('likes').click()
  await app.menuSortDesc().click()
  await page.keyboard.press('Escape')
  await expect(app.gridRowCount()).toHaveText('8 of 40 rows')
  await expect(idAt(app, 0)).toHaveText('12')

  await app.gridOpenQuery().click()
  const q = new QueriesPage(page)
  await expect(q.view()).toBeVisible()
  await expect(q.name()).toHaveValue('grid_posts (from the grid)')
  await expect(q.editor()).toContainText('ORDER BY "likes" DESC NULLS LAST')
  await expect(q.editor()).toContainText('"likes" >= 20')
  await q.run().click()
  await expect(q.rows()).toHaveCount(8)
  await expect(q.rows().first()).toContainText('40')
  await snap(page, 'grid-open-as-query')

  // Back in the datasets, the grid is as it was left.
  await app.navDatasets().click()
  await expect(app.gridRowCount()).toHaveText('8 of 40 rows')
  await expect(app.gridHeader('likes')).toHaveAttribute('aria-sort', 'descending')
})

test('the datasets list searches and sorts by name, rows, import date and format', async ({ app, page, harness }) => {
  const DATA = resolve(__dirname, 'fixtures/data')
  // Imported through the engine, one after the other (the import dialog has its own tests).
  for (const file of ['grid_posts.csv', 'instagram_posts_semicolon.csv', 'x_tweet_activity_synthetic.csv']) {
    const r = await harness.engine.call('importFile', { path: resolve(DATA, file), jobId: `e2e-${file}` })
    if (!r.ok) throw new Error(r.error.message)
  }
  await page.reload()
  const names = () => app.datasetRows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')))
  await expect(app.datasetRows()).toHaveCount(3)
  // Newest import first, as before.
  await expect(app.datasetSort('importedAt').locator('..')).toHaveAttribute('aria-sort', 'descending')
  await expect.poll(names).toEqual(['x_tweet_activity_synthetic', 'instagram_posts_semicolon', 'grid_posts'])

  await app.datasetSort('name').click()
  await expect(app.datasetSort('name').locator('..')).toHaveAttribute('aria-sort', 'ascending')
  await expect.poll(names).toEqual(['grid_posts', 'instagram_posts_semicolon', 'x_tweet_activity_synthetic'])
  await app.datasetSort('name').click()
  await expect.poll(names).toEqual(['x_tweet_activity_synthetic', 'instagram_posts_semicolon', 'grid_posts'])

  // Most rows first, by keyboard.
  await app.datasetSort('rows').focus()
  await page.keyboard.press('Enter')
  await expect(app.datasetSort('rows').locator('..')).toHaveAttribute('aria-sort', 'descending')
  await expect.poll(async () => (await names())[0]).toBe('instagram_posts_semicolon')
  await page.keyboard.press('Enter')
  await expect.poll(async () => (await names())[2]).toBe('instagram_posts_semicolon')

  // Plain CSVs before the recognised export ("CSV" < "CSV · x-tweet-activity").
  await app.datasetSort('format').click()
  await expect.poll(async () => (await names())[2]).toBe('x_tweet_activity_synthetic')
  await app.datasetSort('importedAt').click()
  await expect.poll(names).toEqual(['x_tweet_activity_synthetic', 'instagram_posts_semicolon', 'grid_posts'])

  // Search by name, by file name and by format, case-insensitive.
  await app.datasetSearch().fill('POSTS')
  await expect.poll(names).toEqual(['instagram_posts_semicolon', 'grid_posts'])
  await app.datasetSearch().fill('tweet-activity')
  await expect.poll(names).toEqual(['x_tweet_activity_synthetic'])
  await app.datasetSearch().fill('no such thing')
  await expect(app.datasetRows()).toHaveCount(0)
  await expect(app.datasetListEmpty()).toHaveText('No dataset matches “no such thing”.')
  await app.datasetSearch().fill('posts')
  await app.datasetSort('rows').click()
  await expect(app.datasetRows()).toHaveCount(2)
  // The grid below shows one of the matches, so the picture is of a list and its dataset.
  await app.datasetRow('instagram_posts_semicolon').click()
  await expect(app.gridRow(0)).toBeVisible()
  await expectAccessible(page, 'dataset-list-search')
  await snapSizes(page, 'dataset-list-search')
})
