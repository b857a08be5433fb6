/**
 * A TikTok Studio Overview.csv whose days have no year, imported through the UI: the dialog offers "Period ends",
 * the report says how the days were placed; a file whose dates cannot be read says in its headline that nothing
 * reached the benchmark, with the cause and example rows. Fixtures are synthetic, written as the test runs.
 */
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures/app'

const HEADER = '"Date","Video Views","Profile Views","Likes","Comments","Shares"'
const overview = (days: string[]) => ({
  name: 'Overview.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from('\uFEFF' + [HEADER, ...days.map((d, i) => `"${d}","${i}","0","0","0","0"`)].join('\n'))
})

/** "Overview.csv" names no account (a generic file name never becomes one): the dialog asks, and Import waits. */
async function chooseNewAccount(page: Page): Promise<void> {
  await expect(page.getByTestId('import-recognized')).toHaveAttribute('data-format', 'tiktok-overview')
  await expect(page.getByTestId('import-commit')).toBeDisabled()
  const account = page.getByTestId('import-account')
  await expect(account).toBeVisible()
  await account.fill('northfield.gh')
  await account.blur()
}

test('yearless days: "Period ends" in the dialog, the assumed year in the report', async ({ app, page }) => {
  await app.importFileInput().setInputFiles(overview(['8 de marzo', '9 de marzo', '10 de marzo']))
  await expect(app.importDialog()).toBeVisible()
  await chooseNewAccount(page)
  const periodEnd = page.getByTestId('import-period-end')
  await expect(periodEnd).toBeVisible()
  await periodEnd.fill('2025-03-10')
  await expect(page.getByTestId('import-recognized')).toHaveAttribute('data-format', 'tiktok-overview')
  await app.importCommit().click()
  await expect(app.importDialog()).toBeHidden({ timeout: 30_000 })
  const report = page.getByTestId('import-report')
  await expect(report).toBeVisible()
  await expect(page.getByTestId('import-report-year')).toContainText(
    'read as 2025-03-08 to 2025-03-10, a period ending 2025-03-10'
  )
  await expect(report.getByRole('alert')).toHaveCount(0)
})

test('a recognised file that lands nothing says so in the report headline', async ({ app, page }) => {
  await app.importFileInput().setInputFiles(overview(['Someday', 'Otherday', 'Lastday']))
  await expect(app.importDialog()).toBeVisible()
  await chooseNewAccount(page)
  await app.importCommit().click()
  await expect(app.importDialog()).toBeHidden({ timeout: 30_000 })
  await expect(
    page.getByRole('heading', { level: 2, name: /Overview\.csv: nothing reached the benchmark/ })
  ).toBeVisible()
  const alert = page.getByTestId('import-report-headline')
  await expect(alert).toHaveAttribute('data-code', 'nothing-landed')
  await expect(alert).toContainText('row 1: unreadable date "Someday"; row 2: unreadable date "Otherday"')
})
