/**
 * The e2e tests run in a fixed zone with daylight saving, as the unit tests do (playwright.config.ts sets TZ and
 * the pages' timezoneId): the machines that run them are in UTC, where a day shown in the wrong zone looks right.
 */
import { test, expect } from '@playwright/test'

test('the page and the test processes run in the same non-UTC zone, with daylight saving', async ({ page }) => {
  await page.setContent('<p>zone</p>')
  const page_ = await page.evaluate(() => ({
    zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    winter: new Date('2024-01-15T12:00:00Z').getTimezoneOffset(),
    summer: new Date('2024-07-15T12:00:00Z').getTimezoneOffset()
  }))
  expect(page_.winter, page_.zone).not.toBe(0)
  expect(page_.summer, page_.zone).not.toBe(page_.winter)
  // The harness and its engine host are started from this process and inherit its TZ.
  expect(process.env.TZ).toBe(page_.zone)
  expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(page_.zone)
})
