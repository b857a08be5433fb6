/**
 * Issue 15: accounts are renamed and merged from Institutions. Two X accounts of one export: one is renamed, then
 * merged into the other, whose row then holds all the posts. Screenshots of the dialog at 1280x800 and 1024x640,
 * light and dark.
 */
import { resolve } from 'node:path'
import { test, expect } from './fixtures/app'
import { snap } from './fixtures/screenshots'

const X_CSV = resolve(__dirname, 'fixtures/data/x_tweet_activity_synthetic.csv')

test('rename an account, then merge it into another of its platform', async ({ app, page }) => {
  await app.importFileInput().setInputFiles(X_CSV)
  await app.importCommit().click()
  await expect(app.importDialog()).toBeHidden({ timeout: 30_000 })
  await app.navInstitutions().click()
  const corvale = app.accountRow('x:corvaleclinics')
  await expect(corvale).toContainText('2 posts')

  await corvale.getByTestId('account-edit').click()
  const dialog = page.getByTestId('account-dialog')
  await expect(dialog).toBeVisible()
  await expect(page.getByTestId('account-name-input')).toBeFocused()
  await page.getByTestId('account-name-input').fill('Corvale Clinics (old handle)')
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(corvale.locator('.account-name')).toHaveText('Corvale Clinics (old handle)')

  await corvale.getByTestId('account-edit').click()
  await page.getByTestId('account-merge-into').selectOption('x:halvernumc')
  await expect(page.getByTestId('account-merge-note')).toHaveText(
    'Moves 2 posts and 0 days of x:corvaleclinics to x:halvernumc, then removes x:corvaleclinics. A day both have keeps x:halvernumc’s values. Later imports of x:corvaleclinics go to x:halvernumc.'
  )
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1024, height: 640 }
  ]) {
    await page.setViewportSize(size)
    const tag = size.width === 1280 ? '' : '-1024'
    await snap(page, `account-dialog${tag}`)
    await page.emulateMedia({ colorScheme: 'dark' })
    await snap(page, `account-dialog${tag}-dark`)
    await page.emulateMedia({ colorScheme: 'light' })
  }
  await page.getByTestId('account-merge').click()
  await expect(dialog).toBeHidden()
  await expect(corvale).toHaveCount(0)
  await expect(app.accountRow('x:halvernumc')).toContainText('3 posts')
})
