/**
 * The Queries view end to end: write a query with a parameter, run it (Ctrl+Enter), see the rows, chart them, save
 * it, reload the page and find it again with its SQL, parameter value and chart; a write statement is refused.
 */
import { test, expect } from './fixtures/app'
import { snap } from './fixtures/screenshots'
import { QueriesPage } from './pages/QueriesPage'

const SQL = `SELECT range AS n, range * $factor AS scaled, 'group ' || (range % 2) AS grp FROM range(12)`

test('write, run, chart, save and find a parameterised query again after a reload', async ({ app, page }) => {
  const q = new QueriesPage(page)
  // Wait for the first view, so the first load does not switch back to it after our click.
  await expect(app.welcome()).toBeVisible()
  await q.nav().click()
  await expect(q.view()).toBeVisible()
  // The starter queries are in the library from the start.
  await expect(q.item('Follower growth by institution')).toBeVisible()

  await q.newQuery().click()
  await q.editor().click()
  await page.keyboard.insertText(SQL)
  const factor = q.param('factor')
  await expect(factor).toBeVisible()
  // Used in arithmetic: a number from the start.
  await expect(factor.getByRole('combobox')).toHaveValue('number')
  await factor.locator('input').fill('3')

  await q.editor().click()
  await page.keyboard.press('Control+Enter')
  await expect(q.status()).toContainText('12 rows')
  await expect(q.rows()).toHaveCount(12)
  await expect(q.rows().nth(11)).toContainText('33')

  await q.tabChart().click()
  await q.chartMark().selectOption('bar')
  await q.chartX().selectOption('n')
  await q.chartY().selectOption('scaled')
  await q.chartColor().selectOption('grp')
  await expect(q.chartFigure().locator('svg').first()).toBeVisible()

  await q.name().fill('Scaled range')
  await q.save().click()
  await expect(q.item('Scaled range')).toBeVisible()
  await snap(page, 'queries')

  // Duplicate, delete the copy, and undo the delete from the toast.
  await q.item('Scaled range').hover()
  await q.item('Scaled range').getByTestId('query-duplicate').click()
  const copy = q.item('Scaled range (copy)')
  await expect(copy).toBeVisible()
  await copy.hover()
  await copy.getByTestId('query-delete').click()
  await expect(copy).toBeHidden()
  await page.getByTestId('toast-undo').click()
  await expect(copy).toBeVisible()

  // A statement that would write is refused with a clear message, and nothing else changes.
  await q.newQuery().click()
  await q.editor().click()
  await page.keyboard.insertText('DROP TABLE posts')
  await q.run().click()
  await expect(q.error()).toContainText('Only read-only statements')

  // A syntax error names its place (the engine's error.at); "Go to line" puts the cursor there: what is typed next
  // lands right before the token DuckDB stopped on.
  await q.newQuery().click()
  await q.editor().click()
  await page.keyboard.insertText('SELECT 1,\n  2 FROM FROM posts')
  await q.run().click()
  await expect(q.error()).toContainText('Syntax error near "FROM" at line 2, column 10.')
  await q.error().getByRole('button', { name: 'Go to line 2' }).click()
  await page.keyboard.insertText('/*here*/')
  await expect(q.editor()).toContainText('2 FROM /*here*/FROM posts')

  await page.reload()
  await expect(app.welcome()).toBeVisible()
  await q.nav().click()
  await q.search().fill('scaled')
  await expect(q.items()).toHaveCount(2)
  await q.item('Scaled range').locator('.q-item-open').click()
  await expect(q.editor()).toContainText('range * $factor')
  await expect(q.param('factor').locator('input')).toHaveValue('3')
  await q.run().click()
  await expect(q.status()).toContainText('12 rows')
  // Opened with its chart: the saved spec comes back.
  await q.tabChart().click()
  await expect(q.chartMark()).toHaveValue('bar')
  await expect(q.chartY()).toHaveValue('scaled')
  await expect(q.chartFigure().locator('svg').first()).toBeVisible()
})
