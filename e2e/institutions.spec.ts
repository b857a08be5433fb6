/**
 * Issue 3 in the app: a recognised export shows its import report (format, counts, rejected rows); its accounts are
 * given to institutions by select and by drag, and that survives a reload. Screenshots in both themes.
 */
import { resolve } from 'node:path'
import { test, expect } from './fixtures/app'
import { snap } from './fixtures/screenshots'

const X_CSV = resolve(__dirname, 'fixtures/data/x_tweet_activity_synthetic.csv')

test('import an X tweet-activity export, read its report, assign its accounts to institutions, reload', async ({
  app,
  page
}) => {
  await app.importFileInput().setInputFiles(X_CSV)
  await expect(app.importDialog()).toBeVisible()
  await expect(app.importRecognized()).toHaveAttribute('data-format', 'x-tweet-activity')
  await snap(page, 'import-dialog-recognized')
  await app.importCommit().click()
  await expect(app.importDialog()).toBeHidden({ timeout: 30_000 })

  await expect(app.importReport()).toBeVisible()
  await expect(app.importReportFormat()).toHaveText('X (Twitter) tweet activity')
  await expect(app.importReport()).toContainText('x:corvaleclinics, x:halvernumc')
  await expect(app.importReport()).toContainText('2023-12-20 – 2023-12-29')
  const counts = app.importReportCounts()
  // File lines: 4 read, 3 new posts, 1 rejected; the toast says the same.
  await expect(counts.locator('[data-kind="read"]')).toHaveText('4 read')
  await expect(counts.locator('[data-kind="new"]')).toHaveText('3 new')
  await expect(counts.locator('[data-kind="landed"]')).toHaveText('stored: 3 posts')
  await expect(page.getByTestId('toast')).toContainText(
    'Imported “x_tweet_activity_synthetic”: 4 read · 3 new · 3 posts'
  )
  await expect(counts.locator('[data-kind="updated"]')).toHaveText('0 updated')
  await expect(counts.locator('[data-kind="rejected"]')).toHaveText('1 rejected')
  await app.importReportShowRejects().click()
  await expect(app.importReportRejects()).toContainText('unreadable time "sometime last week"')
  await expect(app.importReportRejects().getByTestId('reject-row')).toHaveText([
    '4unreadable time "sometime last week"'
  ])
  await snap(page, 'import-report')
  await app.themeToggle().click()
  await snap(page, 'import-report-dark')
  await app.themeToggle().click()

  await app.navInstitutions().click()
  await expect(app.institutionsView()).toBeVisible()
  await expect(app.accountRow('x:corvaleclinics')).toBeVisible()
  await expect(app.accountRow('x:halvernumc')).toContainText('1 post ·')

  for (const name of ['Corvale Clinic Network', 'Halvern University Medical Center']) {
    await app.institutionNameInput().fill(name)
    await app.institutionCreate().click()
    await expect(app.institutionRow(name)).toBeVisible()
  }
  await expect(app.institutionNameInput()).toHaveValue('')
  // Both accounts are suggested from their handles.
  await expect(page.getByTestId('suggestion')).toHaveCount(2)

  // Keyboard path: the select in the account's row.
  await app
    .accountRow('x:corvaleclinics')
    .getByTestId('account-institution')
    .selectOption({ label: 'Corvale Clinic Network' })
  await expect(app.institutionRow('Corvale Clinic Network').getByTestId('owned-account')).toHaveAttribute(
    'data-account-id',
    'x:corvaleclinics'
  )
  // Pointer path: drag the account, by its name, onto the institution.
  await app.accountName('x:halvernumc').dragTo(app.institutionRow('Halvern University Medical Center'))
  await expect(app.institutionRow('Halvern University Medical Center').getByTestId('owned-account')).toHaveAttribute(
    'data-account-id',
    'x:halvernumc'
  )
  await expect(page.getByTestId('suggestion')).toHaveCount(0)
  await snap(page, 'institutions')
  await app.themeToggle().click()
  await snap(page, 'institutions-dark')
  await app.themeToggle().click()

  await page.reload()
  await app.navInstitutions().click()
  await expect(app.institutionRow('Corvale Clinic Network').getByTestId('owned-account')).toHaveAttribute(
    'data-account-id',
    'x:corvaleclinics'
  )
  await expect(app.institutionRow('Halvern University Medical Center').getByTestId('owned-account')).toHaveAttribute(
    'data-account-id',
    'x:halvernumc'
  )
  await expect(app.accountRow('x:halvernumc').getByTestId('account-institution')).toHaveValue(/\d+/)
})
