/**
 * Undo in the app: a delete (a dataset, an institution, an event), an unassignment and a merge say so in the status
 * bar with an Undo button, and Ctrl/Cmd+Z (Edit > Undo) undoes the latest one; what comes back is what was there.
 * Only the last copy of a raw table asks before it is deleted. Keyboard only where it can be, axe on the toast.
 */
import { resolve } from 'node:path'
import { test, expect } from './fixtures/app'
import { snap } from './fixtures/screenshots'
import { expectAccessible } from './support/axe'
import { EventsPage } from './pages/EventsPage'

const X_CSV = resolve(__dirname, 'fixtures/data/x_tweet_activity_synthetic.csv')
const NAME = 'x_tweet_activity_synthetic'
const UNDO = process.platform === 'darwin' ? 'Meta+z' : 'Control+z'

test('delete a dataset and an institution, unassign, delete an event: undone from the toast and by Ctrl+Z', async ({
  app,
  page
}) => {
  await app.importFileInput().setInputFiles(X_CSV)
  await app.importCommit().click()
  await expect(app.importDialog()).toBeHidden({ timeout: 30_000 })
  await app.navDatasets().click()
  await expect(app.datasetRow(NAME)).toBeVisible()

  // The only copy of its raw table: it asks first, and says undo can bring it back.
  await app.datasetRow(NAME).getByTestId('dataset-delete').click()
  await expect(app.confirmDialog()).toContainText('Edit > Undo brings it back')
  await app.confirmOk().click()
  await expect(app.datasetRow(NAME)).toBeHidden()
  const toast = page.getByTestId('toast')
  await expect(toast).toContainText(`Deleted dataset “${NAME}”`)
  const undoButton = toast.getByTestId('toast-undo')
  await expect(undoButton).toHaveText('Undo')
  await expect(app.statusBar().getByTestId('toast-undo')).toBeVisible()
  // Keyboard: the toast's button is a real button; Enter on it undoes.
  await undoButton.focus()
  await page.keyboard.press('Enter')
  await expect(app.datasetRow(NAME)).toBeVisible()
  await expect(toast).toContainText(`Undone: Deleted dataset “${NAME}”`)

  // Ctrl+Z outside a text field undoes the latest action.
  await app.datasetRow(NAME).getByTestId('dataset-delete').click()
  await app.confirmOk().click()
  await expect(app.datasetRow(NAME)).toBeHidden()
  await expect(toast.getByTestId('toast-undo')).toBeVisible()
  await expectAccessible(page, 'undo-toast')
  await snap(page, 'undo-toast', { keepToasts: true })
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press(UNDO)
  await expect(app.datasetRow(NAME)).toBeVisible()

  // Institutions: assign, delete, Ctrl+Z brings it back with its colour and its account.
  await app.navInstitutions().click()
  await app.institutionNameInput().fill('Halvern University Medical Center')
  await app.institutionCreate().click()
  const row = app.institutionRow('Halvern University Medical Center')
  await expect(row).toBeVisible()
  await app
    .accountRow('x:halvernumc')
    .getByTestId('account-institution')
    .selectOption({ label: 'Halvern University Medical Center' })
  await expect(row.getByTestId('owned-account')).toHaveAttribute('data-account-id', 'x:halvernumc')
  const colour = await row.getByTestId('institution-color').getAttribute('aria-label')

  // Unassign (the × in the row): undone from the toast.
  await row.getByRole('button', { name: 'Remove x:halvernumc from Halvern University Medical Center' }).click()
  await expect(row.getByTestId('owned-account')).toHaveCount(0)
  await expect(toast).toContainText(/Unassigned @\w+ from “Halvern University Medical Center”/)
  await toast.getByTestId('toast-undo').click()
  await expect(row.getByTestId('owned-account')).toHaveAttribute('data-account-id', 'x:halvernumc')

  await row.getByTestId('institution-delete').click()
  await row.getByTestId('institution-delete-confirm').click()
  await expect(row).toBeHidden()
  await expect(toast).toContainText('Deleted institution “Halvern University Medical Center”')
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press(UNDO)
  await expect(row).toBeVisible()
  await expect(row.getByTestId('owned-account')).toHaveAttribute('data-account-id', 'x:halvernumc')
  expect(await row.getByTestId('institution-color').getAttribute('aria-label')).toBe(colour)

  // Ctrl+Z in a text field undoes typing there, not the app's last action.
  await app.institutionNameInput().fill('')
  await app.institutionNameInput().pressSequentially('abc')
  await page.keyboard.press(UNDO)
  await expect(row).toBeVisible()

  // Events: delete one (no confirm: undo is there), undo from the toast: it is back with its fields.
  const ev = new EventsPage(page)
  await ev.nav().click()
  await ev.start().fill('2023-12-24')
  await ev.title().fill('Winter campaign')
  await ev.kind().selectOption('campaign')
  await ev.submit().click()
  await expect(ev.row('Winter campaign')).toBeVisible()
  const before = await ev.row('Winter campaign').innerText()
  await ev.row('Winter campaign').getByTestId('event-delete').click()
  await expect(app.confirmDialog()).toHaveCount(0)
  await expect(ev.row('Winter campaign')).toBeHidden()
  await expect(toast).toContainText('Deleted event “Winter campaign”')
  await toast.getByTestId('toast-undo').click()
  await expect(ev.row('Winter campaign')).toBeVisible()
  expect(await ev.row('Winter campaign').innerText()).toBe(before)

  // The assignment is the last action left; then nothing is left to undo, which is said, not an error.
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press(UNDO)
  await expect(toast).toContainText(/Undone: Assigned @\w+ to “Halvern University Medical Center”/)
  await page.keyboard.press(UNDO)
  await expect(toast).toContainText('Nothing to undo')
  await expect(page.getByTestId('error-banner')).toHaveCount(0)
})

test('mapping the columns of a plain dataset is undone from the toast and by Ctrl+Z', async ({ app, page }) => {
  await app.importFileInput().setInputFiles(resolve(__dirname, 'fixtures/data/custom_posts_export.csv'))
  await app.importCommit().click()
  await expect(app.importDialog()).toBeHidden({ timeout: 30_000 })
  const report = page.getByTestId('import-report')
  const mapButton = report.getByTestId('import-report-map')
  const mapColumns = async () => {
    await mapButton.click()
    const dialog = page.getByTestId('mapping-dialog')
    await dialog.getByTestId('mapping-platform').selectOption('x')
    await dialog.getByTestId('mapping-account').selectOption('Handle')
    await dialog.getByTestId('mapping-postId').selectOption('Id')
    await dialog.getByTestId('mapping-publishedAt').selectOption('Posted')
    await dialog.getByTestId('mapping-metric-likes').selectOption('Hearts')
    await dialog.getByTestId('mapping-save').click()
    await expect(report.getByTestId('import-report-format')).toHaveAttribute('data-format', 'column-mapping')
  }
  const toast = page.getByTestId('toast')
  const account = app.accountRow('x:quillmeregh')

  await mapColumns()
  await expect(toast).toContainText('Mapped the columns of “custom_posts_export”')
  // Undo from the toast: the report says the file is plain again and offers the mapping.
  await toast.getByTestId('toast-undo').click()
  await expect(toast).toContainText('Undone: Mapped the columns of “custom_posts_export”')
  await expect(mapButton).toBeVisible()
  await expect(report.getByTestId('import-report-format')).not.toHaveAttribute('data-format', 'column-mapping')

  // Again; the mapping made an account. Ctrl+Z (Edit > Undo) takes it away with the posts.
  await mapColumns()
  await app.navInstitutions().click()
  await expect(account).toBeVisible()
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press(UNDO)
  await expect(toast).toContainText('Undone: Mapped the columns of “custom_posts_export”')
  await expect(account).toHaveCount(0)
  await expect(page.getByTestId('error-banner')).toHaveCount(0)
})

test('a dataset sharing its raw table is deleted without asking; a merge of two accounts is undone', async ({
  app,
  page
}) => {
  // "Import again anyway": a second dataset over the same stored rows.
  for (const again of [false, true]) {
    await app.importFileInput().setInputFiles(X_CSV)
    if (again) await page.getByTestId('already-imported').getByRole('button', { name: 'Import again anyway' }).click()
    else await app.importCommit().click()
    await expect(app.importDialog()).toBeHidden({ timeout: 30_000 })
  }
  await app.navDatasets().click()
  const copies = page.locator(`[data-testid="dataset-row"][data-name^="${NAME}"]`)
  await expect(copies).toHaveCount(2)
  const toast = page.getByTestId('toast')

  // Not the last copy of its table: deleted at once, no question; Ctrl+Z brings it back.
  const second = await copies.nth(0).getAttribute('data-name')
  await copies.nth(0).getByTestId('dataset-delete').click()
  await expect(copies).toHaveCount(1)
  await expect(app.confirmDialog()).toHaveCount(0)
  await expect(toast).toContainText(`Deleted dataset “${second}”`)
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press(UNDO)
  await expect(copies).toHaveCount(2)
  await expect(app.datasetRow(second!)).toBeVisible()
  // The one left after deleting a copy is the last: that one asks.
  await app.datasetRow(second!).getByTestId('dataset-delete').click()
  await expect(copies).toHaveCount(1)
  await copies.nth(0).getByTestId('dataset-delete').click()
  await expect(app.confirmDialog()).toBeVisible()
  await app.confirmCancel().click()
  await expect(copies).toHaveCount(1)

  // Merge x:corvaleclinics into x:halvernumc; undone from the toast, then again and undone by Ctrl+Z.
  await app.navInstitutions().click()
  const corvale = app.accountRow('x:corvaleclinics')
  const halvern = app.accountRow('x:halvernumc')
  await expect(corvale).toContainText('2 posts')
  await expect(halvern).toContainText('1 post')
  const merge = async () => {
    await corvale.getByTestId('account-edit').click()
    await page.getByTestId('account-merge-into').selectOption('x:halvernumc')
    await page.getByTestId('account-merge').click()
    await expect(page.getByTestId('account-dialog')).toBeHidden()
    await expect(corvale).toHaveCount(0)
    await expect(halvern).toContainText('3 posts')
    await expect(toast).toContainText(/Merged .* into /)
  }
  await merge()
  await toast.getByTestId('toast-undo').click()
  await expect(toast).toContainText('Undone: Merged')
  await expect(corvale).toContainText('2 posts')
  await expect(halvern).toContainText('1 post')
  await merge()
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press(UNDO)
  await expect(corvale).toContainText('2 posts')
  await expect(halvern).toContainText('1 post')
  await expect(page.getByTestId('error-banner')).toHaveCount(0)
})
