/**
 * Issue 15, the import flow as an analyst sees it: a CrowdTangle export's "407.137" is 407,137 in the preview (and
 * the separators say so), the report counts file lines ("3 read · 3 new", not 6 new for 3 posts and 3 follower
 * days) and agrees with the toast, the toast sits in the status bar (never over the dialog's buttons or the grid),
 * and the report closes when the user goes to another view. At 1280x800 and 1024x640, light and dark.
 */
import { resolve } from 'node:path'
import type { Locator } from '@playwright/test'
import { test, expect } from './fixtures/app'
import { snap } from './fixtures/screenshots'

const CT_CSV = resolve(__dirname, 'fixtures/data/2024-03-06-10-00-00-EST-search-csv-export.csv')
const X_CSV = resolve(__dirname, 'fixtures/data/x_tweet_activity_synthetic.csv')

type Box = { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** The toast's box overlaps none of the boxes of `others`, and lies inside the status bar. */
async function expectToastClear(toast: Locator, statusBar: Locator, others: Locator): Promise<void> {
  const t = (await toast.boundingBox())!
  const bar = (await statusBar.boundingBox())!
  expect(t.y).toBeGreaterThanOrEqual(bar.y - 0.5)
  expect(t.y + t.height).toBeLessThanOrEqual(bar.y + bar.height + 0.5)
  const boxes = await others.evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height }))
  )
  expect(boxes.length).toBeGreaterThan(0)
  for (const b of boxes) expect(overlaps(t, b), `toast ${JSON.stringify(t)} over ${JSON.stringify(b)}`).toBe(false)
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 }
]) {
  test(`CrowdTangle preview, counts, toast and report at ${size.width}x${size.height}`, async ({ app, page }) => {
    await page.setViewportSize(size)
    const tag = size.width === 1280 ? '' : '-1024'
    // Two files in one pick: the first one's toast is up while the second one's dialog is open.
    await app.importFileInput().setInputFiles([X_CSV, CT_CSV])
    await expect(app.importDialog()).toBeVisible()
    await app.importCommit().click()

    await expect(app.importRecognized()).toHaveAttribute('data-format', 'crowdtangle-search')
    const toast = page.getByTestId('toast')
    await expect(toast).toContainText('Imported “x_tweet_activity_synthetic”')
    await expectToastClear(toast, app.statusBar(), app.importDialog().getByRole('button'))

    // The preview reads "407.137" as the import will: 407,137, with a period as the thousands separator.
    await expect(page.getByTestId('import-thousands')).toHaveText('Period (.)')
    await expect(page.getByTestId('import-decimal')).toHaveText('Comma (,)')
    const header = app.importPreview().locator('thead th')
    const names = await header.allInnerTexts()
    const col = names.findIndex(
      (n) =>
        n.startsWith('Total Interactions\n') ||
        n.startsWith('Total InteractionsBIGINT') ||
        n.split('\n')[0] === 'Total Interactions'
    )
    expect(col).toBeGreaterThan(0)
    await expect(app.importPreview().locator('tbody tr').first().locator('td').nth(col)).toHaveText('407,137')
    await snap(page, `import-dialog-crowdtangle${tag}`)
    await app.importCommit().click()
    await expect(app.importDialog()).toBeHidden({ timeout: 30_000 })

    // 3 lines, each a post and a day of followers: counted once, by its posts; the toast says the same.
    const counts = app.importReportCounts()
    await expect(counts.locator('[data-kind="read"]')).toHaveText('3 read')
    await expect(counts.locator('[data-kind="new"]')).toHaveText('3 new')
    await expect(counts.locator('[data-kind="landed"]')).toHaveText('stored: 3 posts, 3 daily rows')
    await expect(toast).toHaveText(
      /Imported “2024-03-06-10-00-00-EST-search-csv-export”: 3 read · 3 new · 3 posts, 3 daily rows/
    )
    await expect(app.gridRows().first()).toBeVisible()
    await expectToastClear(toast, app.statusBar(), page.locator('[data-testid="grid-row"] > *'))
    // snap() hides toasts; this picture keeps it, to look at where it sits.
    await page.screenshot({ path: resolve(__dirname, `../test-results/screenshots/toast-in-status-bar${tag}.png`) })
    await snap(page, `import-report-crowdtangle${tag}`)
    await app.themeToggle().click()
    await snap(page, `import-report-crowdtangle${tag}-dark`)
    await app.themeToggle().click()

    // Going to another view closes the report; it does not come back with the datasets.
    await app.navInstitutions().click()
    await expect(app.institutionsView()).toBeVisible()
    await expect(app.importReport()).toBeHidden()
    await expect(app.accountRow('facebook:northfieldgh')).toContainText('1 post · 1 day')
    await app.navDatasets().click()
    await expect(app.datasetList()).toBeVisible()
    await expect(app.importReport()).toBeHidden()
  })
}
