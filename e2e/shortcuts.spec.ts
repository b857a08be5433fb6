/**
 * Keyboard shortcuts: every entry of the shared list (src/shared/shortcuts.ts, the same the Electron menu uses)
 * does what it says from the keyboard, and the shortcut sheet (? or Ctrl+/) lists every one with its keys.
 */
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures/app'
import { acceleratorLabel, APP_SHORTCUTS, LOCAL_KEYS, type AppCommand } from '../src/shared/shortcuts'
import { snap } from './fixtures/screenshots'

/** Playwright's name for an accelerator on this (non-Mac) machine: "CmdOrCtrl+Shift+L" → "Control+Shift+L". */
const playwrightKeys = (accelerator: string): string => accelerator.replace(/^CmdOrCtrl\+/, 'Control+')

const VIEW_OF: Partial<Record<AppCommand, { nav: string; view: string | null }>> = {
  showDatasets: { nav: 'nav-datasets', view: null },
  showInstitutions: { nav: 'nav-institutions', view: 'institutions-view' },
  showBenchmarks: { nav: 'nav-benchmarks', view: 'benchmarks-view' },
  showQueries: { nav: 'nav-queries', view: 'queries-view' },
  showEvents: { nav: 'nav-events', view: 'events-view' }
}

async function theme(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { dataset: { theme?: string } } } }).document
        .documentElement.dataset.theme ?? ''
  )
}

test('every shortcut of the shared list does its command from the keyboard', async ({ app, page }) => {
  await expect(app.welcome()).toBeVisible()
  // Views in an order where each press changes the view, ending where it started.
  const views = APP_SHORTCUTS.filter((s) => VIEW_OF[s.command])
  expect(views.map((s) => s.command).sort()).toEqual(Object.keys(VIEW_OF).sort())
  for (const s of [...views.slice(1), views[0]]) {
    await page.keyboard.press(playwrightKeys(s.accelerator))
    const target = VIEW_OF[s.command]!
    await expect(page.getByTestId(target.nav), `${s.accelerator} shows ${s.label}`).toHaveAttribute(
      'aria-current',
      'page'
    )
    if (target.view) await expect(page.getByTestId(target.view)).toBeVisible()
  }

  for (const s of APP_SHORTCUTS.filter((a) => !VIEW_OF[a.command])) {
    const keys = playwrightKeys(s.accelerator)
    if (s.command === 'import') {
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser', { timeout: 5_000 }),
        page.keyboard.press(keys)
      ])
      expect(chooser.isMultiple()).toBe(true)
    } else if (s.command === 'toggleTheme') {
      const before = await theme(page)
      await page.keyboard.press(keys)
      await expect.poll(() => theme(page), `${s.accelerator} switches the theme`).not.toBe(before)
      await page.keyboard.press(keys)
      await expect.poll(() => theme(page)).toBe(before === '' ? 'light' : before)
    } else if (s.command === 'shortcuts') {
      await page.keyboard.press(keys)
      await expect(page.getByTestId('shortcut-sheet')).toBeVisible()
      await page.keyboard.press('Escape')
      await expect(page.getByTestId('shortcut-sheet')).toBeHidden()
    } else if (s.command === 'undo') {
      // Nothing done yet: the app says so in the status bar (e2e/undo.spec.ts undoes real actions).
      await page.keyboard.press(keys)
      await expect(page.getByTestId('toast')).toContainText('Nothing to undo')
    } else {
      throw new Error(`no check for the shortcut of "${s.command}": add one`)
    }
  }

  // Views stay put while a dialog is open: the keys belong to the dialog.
  await page.keyboard.press('?')
  await expect(page.getByTestId('shortcut-sheet')).toBeVisible()
  await page.keyboard.press('Control+4')
  await expect(page.getByTestId('nav-datasets')).toHaveAttribute('aria-current', 'page')
  await page.keyboard.press('Escape')
})

test('the shortcut sheet lists every shortcut with its keys; ? does not open it while typing', async ({
  app,
  page
}) => {
  await expect(app.welcome()).toBeVisible()
  await page.getByTestId('nav-queries').click()
  await page.getByTestId('query-search').fill('abc?')
  await expect(page.getByTestId('query-search')).toHaveValue('abc?')
  await expect(page.getByTestId('shortcut-sheet')).toBeHidden()

  await page.getByTestId('shortcuts-button').click()
  const sheet = page.getByTestId('shortcut-sheet')
  await expect(sheet).toBeVisible()
  await expect(sheet.getByTestId('shortcut-row')).toHaveCount(APP_SHORTCUTS.length)
  for (const s of APP_SHORTCUTS) {
    const row = sheet.locator(`[data-testid="shortcut-row"][data-command="${s.command}"]`)
    await expect(row).toContainText(s.label.replace(/…$/, ''))
    await expect(row.getByTestId('shortcut-keys')).toHaveText(acceleratorLabel(s.accelerator, false))
  }
  await expect(sheet.getByTestId('shortcut-local-row')).toHaveCount(LOCAL_KEYS.length)
  await snap(page, 'shortcut-sheet')
  await page.keyboard.press('Escape')
  await expect(sheet).toBeHidden()
  await expect(page.getByTestId('shortcuts-button')).toBeFocused()
})
