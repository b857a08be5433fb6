/**
 * Workspaces in the browser harness, through the window's workspace menu (the calls the Electron File menu makes):
 * a new workspace, an import into it, back to the first through Open Recent (the title and the status bar follow),
 * a refusal, export as .sbw (a download, read back as a zip) and open it into a third folder; screenshots in both
 * themes; axe on the menu and the dialog.
 */
import { existsSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import JSZip from 'jszip'
import { EMPTY_WORKSPACE_NAME, test, expect } from './fixtures/app'
import { snap } from './fixtures/screenshots'
import { WorkspacePage } from './pages/WorkspacePage'
import { expectAccessible } from './support/axe'

const CSV = resolve(__dirname, 'fixtures/data/instagram_posts_semicolon.csv')

test('new workspace, import, Open Recent, export as .sbw and open it', async ({ app, page, harness }, testInfo) => {
  test.setTimeout(240_000)
  const ws = new WorkspacePage(page)
  const first = harness.workspace
  const firstName = basename(first)
  // A readable name, as an analyst's folder would be, not the test id's hash (issue 15).
  expect(firstName).toBe(EMPTY_WORKSPACE_NAME)
  // The harness makes workspaces only beside the one it started with: in a folder of this test's own there.
  const mine = join(dirname(first), `${firstName}-workspaces`)
  const second = join(mine, 'Hospital benchmarks')
  const third = join(mine, 'From a colleague')
  const sbw = testInfo.outputPath('Hospital benchmarks.sbw')
  await rm(mine, { recursive: true, force: true })

  try {
    // The title bar and the status bar name the open workspace.
    await expect(page).toHaveTitle(`${firstName} — Socialbench`)
    await expect(ws.name()).toHaveText(firstName)
    await expect(ws.statusName()).toHaveText(firstName)

    // New workspace…: a folder beside this one; the window reloads on it.
    await ws.menuButton().click()
    await expect(ws.menu()).toBeVisible()
    await expect(ws.menu()).toContainText('No other workspace opened yet')
    await ws.newItem().click()
    await expect(ws.dialog()).toBeVisible()
    await ws.folder().fill(second)
    await ws.submit().click()
    await expect(page).toHaveTitle(`Hospital benchmarks — Socialbench`, { timeout: 30_000 })
    await expect(ws.statusName()).toHaveText('Hospital benchmarks')
    await expect(app.welcome()).toBeVisible()
    expect(existsSync(join(second, 'workspace.duckdb'))).toBe(true)

    // An import lands in the new workspace.
    await app.importFileInput().setInputFiles(CSV)
    await app.importCommit().click()
    await expect(app.importDialog()).toBeHidden({ timeout: 30_000 })
    await expect(app.datasetRows()).toHaveCount(1)

    // A new workspace where one already is: refused in the dialog, naming it; nothing switches.
    await ws.menuButton().click()
    await ws.newItem().click()
    await ws.folder().fill(first)
    await ws.submit().click()
    await expect(ws.error()).toContainText('already is a workspace')
    await page.keyboard.press('Escape')
    await expect(ws.dialog()).toBeHidden()

    // Open Recent lists the first workspace with its path; picking it switches back.
    await ws.menuButton().click()
    await expect(ws.recentNamed(firstName)).toContainText(first)
    await expectAccessible(page, 'workspace-menu')
    await ws.recentNamed(firstName).click()
    await expect(page).toHaveTitle(`${firstName} — Socialbench`, { timeout: 30_000 })
    await expect(ws.statusName()).toHaveText(firstName)
    await expect(app.welcome()).toBeVisible()
    await expect(app.datasetRows()).toHaveCount(0)

    // And back to the second, by keyboard: its dataset is there.
    await ws.menuButton().focus()
    await page.keyboard.press('ArrowDown')
    await expect(ws.menu()).toBeVisible()
    await ws.recentNamed('Hospital benchmarks').focus()
    await page.keyboard.press('Enter')
    await expect(page).toHaveTitle(`Hospital benchmarks — Socialbench`, { timeout: 30_000 })
    await expect(app.datasetRows()).toHaveCount(1)

    // Export as .sbw: a download, a zip of the manifest and the database.
    await ws.menuButton().click()
    const download = page.waitForEvent('download')
    await ws.exportItem().click()
    const file = await download
    expect(file.suggestedFilename()).toBe(`Hospital benchmarks.sbw`)
    await file.saveAs(sbw)
    await expect(page.getByTestId('toast').filter({ hasText: 'Exported' })).toContainText('1 dataset')
    const zip = await JSZip.loadAsync(await readFile(sbw))
    expect(Object.keys(zip.files).sort()).toEqual(['manifest.json', 'workspace.duckdb'])
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'))
    expect(manifest).toMatchObject({ name: 'Hospital benchmarks', counts: { datasets: 1 } })

    // Open .sbw file…: uploaded, extracted into a third folder, opened there.
    await ws.menuButton().click()
    await ws.openArchiveItem().click()
    await ws.archiveInput().setInputFiles(sbw)
    await expect(ws.folder()).toHaveValue(second)
    await ws.folder().fill(third)
    await snap(page, 'workspace-open-sbw')
    await page.emulateMedia({ colorScheme: 'dark' })
    await snap(page, 'workspace-open-sbw-dark')
    await page.emulateMedia({ colorScheme: 'light' })
    await expectAccessible(page, 'workspace-open-sbw')
    await ws.submit().click()
    await expect(page).toHaveTitle(`From a colleague — Socialbench`, { timeout: 30_000 })
    await expect(app.datasetRows()).toHaveCount(1)
    await expect(app.datasetRows().first()).toContainText('instagram_posts_semicolon')
    expect(existsSync(join(third, 'workspace.duckdb'))).toBe(true)
    // The rows of the opened workspace's dataset, not the grid's loading placeholders, in the picture.
    await expect(app.gridCell(0, 0)).toHaveText('2012-01-01')
    await ws.menuButton().click()
    await expect(ws.recent()).toHaveCount(2)
    await snap(page, 'workspace-menu')
    await page.emulateMedia({ colorScheme: 'dark' })
    await snap(page, 'workspace-menu-dark')
    await page.emulateMedia({ colorScheme: 'light' })
    await page.keyboard.press('Escape')
    // The first workspace's host was closed on each switch: the harness answers for the third now.
    const info = await harness.engine.call('workspaceInfo', undefined)
    expect(info).toMatchObject({ ok: true, value: { path: third, datasetCount: 1 } })
  } finally {
    await rm(mine, { recursive: true, force: true })
  }
})

test('a page cannot export or extract a workspace through the engine channels', async ({ page }) => {
  const r = await page.evaluate(async () => {
    const api = (globalThis as unknown as { socialbench: Record<string, (i: unknown) => Promise<unknown>> }).socialbench
    return api.exportWorkspace({ out: '/tmp/stolen.sbw' })
  })
  expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(existsSync('/tmp/stolen.sbw')).toBe(false)
})

test('the harness refuses a workspace folder outside its root', async ({ page, harness }) => {
  const ws = new WorkspacePage(page)
  await expect(ws.name()).toHaveText(basename(harness.workspace))
  await ws.menuButton().click()
  await ws.openItem().click()
  await ws.folder().fill('/etc')
  await ws.submit().click()
  await expect(ws.error()).toContainText('only inside')
  await expect(page).toHaveTitle(`${basename(harness.workspace)} — Socialbench`)
})
