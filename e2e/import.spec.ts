import { resolve } from 'node:path'
import type { DatasetSummary } from '../src/shared/types'
import { test, expect } from './fixtures/app'
import type { Harness } from './server/server'
import { snap } from './fixtures/screenshots'

const DATA = resolve(__dirname, 'fixtures/data')
const SEMICOLON_CSV = resolve(DATA, 'instagram_posts_semicolon.csv')
const UTF16_CSV = resolve(DATA, 'facebook_page_utf16le.csv')
/** Row counts show with or without a thousands separator. */
const count = (n: number): RegExp => new RegExp(String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '[,. \u00a0\u202f]?'))

/** The engine's own view, to check what the UI cannot show (column types). */
async function datasets(harness: Harness): Promise<DatasetSummary[]> {
  const r = await harness.engine.call('listDatasets', undefined)
  if (!r.ok) throw new Error(r.error.message)
  return r.value as DatasetSummary[]
}

test('import a 5,000-row semicolon CSV, browse, rename and delete it', async ({ app, page, harness }) => {
  await app.importFileInput().setInputFiles(SEMICOLON_CSV)
  await expect(app.importDialog()).toBeVisible()
  await expect(app.importPreview()).toContainText('stadtmuseum')
  await expect(app.importDelimiter()).toHaveValue(';')
  await snap(page, 'import-dialog')

  await app.importCommit().click()
  await expect(app.importDialog()).toBeHidden({ timeout: 30_000 })
  const row = app.datasetRows().filter({ hasText: 'instagram_posts_semicolon' })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText(count(5000))

  // Decimal commas became numbers, not text.
  const [ds] = await datasets(harness)
  expect(ds.rows).toBe(5000)
  expect(ds.columns.find((c) => c.name === 'Interaktionsrate')?.type).toMatch(/DOUBLE|DECIMAL/)

  await row.click()
  await expect(app.gridRow(0)).toBeVisible()
  await expect(app.gridRowCount()).toContainText(count(5000))
  await app.gridScroller().evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await expect(app.gridRow(4999)).toBeVisible()
  await expect(app.gridRow(4999)).toContainText('2025-09-08')

  await row.getByTestId('dataset-rename').click()
  await app.datasetRenameInput().fill('Museum posts')
  await app.datasetRenameInput().press('Enter')
  const renamed = app.datasetRow('Museum posts')
  await expect(renamed).toBeVisible()

  await renamed.getByTestId('dataset-delete').click()
  await expect(app.confirmDialog()).toBeVisible()
  await snap(page, 'delete-confirm')
  await app.confirmOk().click()
  await expect(app.confirmDialog()).toBeHidden()
  await expect(app.datasetRows()).toHaveCount(0)
  expect(await datasets(harness)).toHaveLength(0)
})

test('importing the same file twice is flagged as already imported', async ({ app }) => {
  await app.importFileInput().setInputFiles(SEMICOLON_CSV)
  await expect(app.alreadyImported()).toBeHidden()
  await app.importCommit().click()
  await expect(app.importDialog()).toBeHidden({ timeout: 30_000 })
  await expect(app.datasetRows()).toHaveCount(1)

  await app.importFileInput().setInputFiles(SEMICOLON_CSV)
  await expect(app.importDialog()).toBeVisible()
  await expect(app.alreadyImported()).toBeVisible()
  await app.importCancel().click()
  await expect(app.importDialog()).toBeHidden()
  await expect(app.datasetRows()).toHaveCount(1)
})

test('a UTF-16 CSV with a BOM imports with its non-Latin text intact', async ({ app, harness }) => {
  await app.importFileInput().setInputFiles(UTF16_CSV)
  await expect(app.importPreview()).toContainText('Музей города')
  await expect(app.importDelimiter()).toHaveValue(',')
  await app.importCommit().click()
  await expect(app.importDialog()).toBeHidden({ timeout: 30_000 })

  const row = app.datasetRows().filter({ hasText: 'facebook_page_utf16le' })
  await expect(row).toContainText(count(40))
  await row.click()
  await expect(app.gridRow(1)).toContainText('Städtische Galerie')
  const [ds] = await datasets(harness)
  expect(ds.rows).toBe(40)
})
