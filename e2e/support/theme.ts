/** Switch the page's theme directly (the toggle cycles and persists; a screenshot pair wants one exact theme). */
import type { Page } from '@playwright/test'
import { expect } from '../fixtures/app'

export async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate((t) => {
    ;(
      globalThis as unknown as { document: { documentElement: { dataset: Record<string, string> } } }
    ).document.documentElement.dataset.theme = t
  }, theme)
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
}
