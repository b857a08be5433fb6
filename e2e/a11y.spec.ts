/**
 * axe-core on every view and state the suite visits, in the light and the dark theme: no serious or critical
 * finding. One test on an empty workspace (welcome, import dialog and report, delete confirmation, about, shortcut
 * sheet), one on the sample (datasets and grid, benchmarks, export menu, deck builder, single chart, institutions,
 * queries with a result).
 */
import { resolve } from 'node:path'
import { test, expect } from './fixtures/app'
import { expectAccessible } from './support/axe'
import { BenchmarksPage } from './pages/BenchmarksPage'
import { ExportPage } from './pages/ExportPage'
import { QueriesPage } from './pages/QueriesPage'

const X_CSV = resolve(__dirname, 'fixtures/data/x_tweet_activity_synthetic.csv')

test('empty workspace, import dialog, import report, delete confirmation, about and shortcuts', async ({
  app,
  page
}) => {
  // Nine states, each checked in both themes: on a shared CI machine that takes about two minutes.
  test.setTimeout(300_000)
  await expect(app.welcome()).toBeVisible()
  await expectAccessible(page, 'welcome')

  await app.importFileInput().setInputFiles(X_CSV)
  await expect(app.importRecognized()).toHaveAttribute('data-format', 'x-tweet-activity')
  await expectAccessible(page, 'import-dialog')
  await app.importCommit().click()
  await expect(app.importDialog()).toBeHidden({ timeout: 30_000 })
  await expect(app.importReport()).toBeVisible()
  await app.datasetRows().first().click()
  await expect(app.gridRow(0)).toBeVisible()
  await expectAccessible(page, 'import-report')

  // The grid's column menu with its filter editor, a filter chip, and a selected range of cells.
  const firstColumn = (await app.gridHeaders().first().getAttribute('data-column'))!
  await app.gridColumnMenu(firstColumn).click()
  await expect(app.columnMenu()).toBeVisible()
  await expectAccessible(page, 'grid-column-menu')
  await app.filterKind().selectOption('notEmpty')
  await app.filterApply().click()
  await app.gridCell(0, 0).click()
  await page.keyboard.press('Shift+ArrowDown')
  await app.gridSearch().fill('a')
  await expect(app.gridChips()).toHaveCount(1)
  await expectAccessible(page, 'grid-filtered')

  await app.datasetRows().first().getByTestId('dataset-delete').click()
  await expect(app.confirmDialog()).toBeVisible()
  await expectAccessible(page, 'delete-confirm')
  await app.confirmCancel().click()

  await page.getByRole('button', { name: 'About' }).click()
  await expect(app.aboutDialog()).toBeVisible()
  await expectAccessible(page, 'about')
  await page.keyboard.press('Escape')
  await expect(app.aboutDialog()).toBeHidden()

  await page.keyboard.press('?')
  await expect(page.getByTestId('shortcut-sheet')).toBeVisible()
  await expectAccessible(page, 'shortcut-sheet')
})

test('the sample: datasets, benchmarks, export, deck, institutions, queries @sample', async ({ app, page }) => {
  test.setTimeout(400_000)
  await app.datasetRows().first().click()
  await expect(app.gridRow(0)).toBeVisible()
  await expectAccessible(page, 'datasets-grid')

  const bm = new BenchmarksPage(page)
  await bm.nav().click()
  await expect(bm.chartSvg('engagement')).toBeVisible({ timeout: 60_000 })
  await expect(bm.dashboard()).toHaveAttribute('aria-busy', 'false')
  await expectAccessible(page, 'benchmarks')

  const ex = new ExportPage(page)
  await ex.menuButton('engagement').click()
  await expect(ex.menu()).toBeVisible()
  await expectAccessible(page, 'export-menu')
  await page.keyboard.press('Escape')

  await ex.deckOpen().click()
  await expect(ex.deckBuilder()).toBeVisible()
  await ex.deckAdd('followers').click()
  await expectAccessible(page, 'deck-builder')
  await page.keyboard.press('Escape')
  await expect(ex.deckBuilder()).toBeHidden()

  await bm.modeSingle().click()
  await bm.singleChart().selectOption('heatmap')
  await expect(bm.methodology()).toBeVisible()
  await expectAccessible(page, 'benchmarks-single')
  await bm.modeDashboard().click()

  await app.navInstitutions().click()
  await expect(app.institutionsView()).toBeVisible()
  await expect(page.getByTestId('institution-row').first()).toBeVisible()
  await expectAccessible(page, 'institutions')

  const q = new QueriesPage(page)
  await q.nav().click()
  await q.item('Follower growth by institution').locator('.q-item-open').click()
  await q.run().click()
  // A query with a saved chart opens on its chart; the table is one tab away.
  await expect(q.status()).toContainText('rows', { timeout: 60_000 })
  await q.tabTable().click()
  await expect(q.rows().first()).toBeVisible()
  await expectAccessible(page, 'queries-result')
  await q.tabChart().click()
  await expect(q.chartFigure().locator('svg').first()).toBeVisible()
  await expectAccessible(page, 'queries-chart')
})
