/**
 * Issue 15's proof on material the app was not built against: real exports from other public repositories
 * (../shared/real-exports, present on the team's machines, never copied into the repo), imported through the
 * import dialog as an analyst would, assigned to institutions, then the dashboard over all time. The screenshots
 * go to test-results/real-exports (not docs: they show real accounts). Skipped, saying so, where the folder is absent.
 */
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { test, expect } from './fixtures/app'
import { BenchmarksPage } from './pages/BenchmarksPage'

const REAL = resolve(__dirname, '../../shared/real-exports')
const OUT = resolve(__dirname, '../test-results/real-exports')

/** What an analyst of two health organisations would bring: a Meta page's posts and follows, a YouTube channel. */
const FILES: { file: string; account?: string; existing?: RegExp }[] = [
  { file: 'meta-business-suite-csv__mh4u-mental-health-ukraine/Dec-12-2023_Mar-06-2024_1032418178499222.csv' },
  { file: 'meta-business-suite-csv__mh4u-mental-health-ukraine/Follows.csv', existing: /Facebook/ },
  { file: 'meta-business-suite-csv__mh4u-mental-health-ukraine/Reach.csv', existing: /Facebook/ },
  { file: 'youtube-studio-csv__wholebrainhealth/Totals.csv', account: 'WholeBrainHealth' },
  // Traffic sources, not a known export: it lands as a plain table.
  { file: 'youtube-studio-csv__wholebrainhealth/Table_data.csv' }
]

test.skip(!existsSync(REAL), `skipped: ${REAL} is not on this machine (the team's real exports)`)

test('real exports imported through the dialog reach the dashboard', async ({ app, page }) => {
  test.setTimeout(600_000)
  await mkdir(OUT, { recursive: true })
  const shot = (name: string) => page.screenshot({ path: join(OUT, `${name}.png`) })

  for (const { file, account, existing } of FILES) {
    await app.importFileInput().setInputFiles(join(REAL, file))
    await expect(app.importDialog()).toBeVisible()
    // A file that names no account: pick the one imported before, or name a new one, as an analyst would.
    await expect(app.importDialog().getByTestId('import-preview')).toBeVisible({ timeout: 60_000 })
    const chooser = app.importDialog().getByTestId('import-account-existing')
    // A stacked Meta file (Facebook and Instagram series) asks one account per platform: the Page imported before,
    // and the Instagram profile by its name (or as chosen for an earlier file).
    const stacked = app.importDialog().getByTestId('import-account-existing-facebook')
    // The workspace's accounts arrive after the preview: wait for a chooser of either kind.
    if (existing) await expect(chooser.or(stacked)).toBeVisible()
    if (existing && (await stacked.count()) > 0) {
      const page = stacked.locator('option', { hasText: existing })
      await expect(page, `an existing Facebook account for ${file}`).toHaveCount(1)
      await stacked.selectOption({ label: (await page.textContent())! })
      const instagram = app.importDialog().getByTestId('import-account-existing-instagram')
      const known = instagram.locator('option', { hasText: 'mh4u' })
      if ((await instagram.count()) > 0 && (await known.count()) > 0) {
        await instagram.selectOption({ label: (await known.textContent())! })
      } else {
        if ((await instagram.count()) > 0) await instagram.selectOption({ label: 'A new account…' })
        await app.importDialog().getByTestId('import-account-instagram').fill('mh4u')
        await app.importDialog().getByTestId('import-account-instagram').blur()
      }
    } else if (existing) {
      // The workspace's accounts arrive after the preview.
      const option = chooser.locator('option', { hasText: existing })
      await expect(option, `an existing account for ${file}`).toHaveCount(1)
      await chooser.selectOption({ label: (await option.textContent())! })
    } else if (account) {
      if (await chooser.isVisible()) await chooser.selectOption({ label: 'A new account…' })
      await app.importDialog().getByTestId('import-account').fill(account)
      await app.importDialog().getByTestId('import-account').blur()
    }
    await expect(app.importCommit()).toBeEnabled()
    await shot(`import-${file.split('/')[1].replace(/\W+/g, '_')}`)
    await app.importCommit().click()
    await expect(app.importDialog()).toBeHidden({ timeout: 60_000 })
    await expect(app.importReport()).toBeVisible()
  }

  await app.navInstitutions().click()
  await expect(app.institutionsView()).toBeVisible()
  await shot('institutions-accounts')
  const accounts = await page
    .getByTestId('account-row')
    .evaluateAll((rs) => rs.map((r) => r.getAttribute('data-account-id')))
  expect(accounts.length).toBeGreaterThanOrEqual(2)
  const names = ['Mental Health for Ukraine', 'Whole Brain Health']
  for (const name of names) {
    await app.institutionNameInput().fill(name)
    await app.institutionCreate().click()
    await expect(app.institutionRow(name)).toBeVisible()
  }
  for (const id of accounts) {
    const target = /youtube/i.test(id ?? '') ? names[1] : names[0]
    await app.accountRow(id!).getByTestId('account-institution').selectOption({ label: target })
    await expect(
      app.institutionRow(target).locator(`[data-testid="owned-account"][data-account-id="${id}"]`)
    ).toBeVisible()
  }
  await shot('institutions-assigned')

  const bm = new BenchmarksPage(page)
  await bm.nav().click()
  await expect(page.getByTestId('bm-dashboard')).toBeVisible({ timeout: 120_000 })
  await expect(page.getByTestId('bm-dashboard')).toHaveAttribute('aria-busy', 'false', { timeout: 120_000 })
  await shot('dashboard-default-range')
  // The filter panel is folded on a small window only.
  if (!(await bm.preset().isVisible())) await page.getByTestId('bm-filters-toggle').click()
  await bm.preset().selectOption('all')
  await expect(page.getByTestId('bm-dashboard')).toHaveAttribute('aria-busy', 'false', { timeout: 120_000 })
  await shot('dashboard-all-time')
  // The whole dashboard in one picture: a tall window, once the resampling is done.
  await expect(page.getByTestId('ins-comparisons')).toHaveAttribute('aria-busy', 'false', { timeout: 120_000 })
  await page.setViewportSize({ width: 1280, height: 5200 })
  await expect(page.getByTestId('bm-dashboard')).toHaveAttribute('aria-busy', 'false', { timeout: 120_000 })
  await shot('dashboard-all-time-full')
  await page.setViewportSize({ width: 1280, height: 800 })
  // Both institutions are in the summary, each with a number somewhere in its row.
  for (const name of names) await expect(page.getByTestId('bm-summary')).toContainText(name)
})
