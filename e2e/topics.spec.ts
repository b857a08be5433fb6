/**
 * Topics on the sample: add keyword rules in the panel, see each institution's share of posts per topic, share of
 * voice and engagement against the peer median, the top hashtags, a CSV, then remove a rule; axe in both themes.
 */
import { readFileSync } from 'node:fs'
import { test, expect } from './fixtures/app'
import { snap } from './fixtures/screenshots'
import { BenchmarksPage } from './pages/BenchmarksPage'
import { expectAccessible } from './support/axe'
import { setTheme } from './support/theme'

test('topics: keyword rules, share of posts and of voice, vs the peer median, hashtags, CSV @sample', async ({
  app,
  page
}) => {
  test.setTimeout(300_000)
  const bm = new BenchmarksPage(page)
  await expect(app.datasetRows().first()).toBeVisible()
  await bm.nav().click()
  const panel = page.getByTestId('ins-topics')
  await expect(panel.getByText('No topics yet')).toBeVisible({ timeout: 120_000 })
  // Hashtags come from the imported text, before any topic exists.
  await expect(panel.getByTestId('ins-hashtags')).toContainText(/Halvern University Medical Center: #\S+ \(\d+\)/)

  for (const [name, kws] of [
    ['vaccination', 'vaccine, VACUNACIÓN, flu shot'],
    ['cancer', 'cancer, cáncer']
  ]) {
    await panel.getByTestId('ins-topic-name').fill(name)
    await panel.getByTestId('ins-topic-keywords').fill(kws)
    await panel.getByTestId('ins-topic-add').click()
    await expect(panel.locator(`[data-topic="${name}"]`)).toBeVisible({ timeout: 60_000 })
  }
  await expect(panel).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 })
  const share = panel.getByTestId('ins-topic-share').locator('svg[aria-description]')
  await expect(share).toHaveAttribute(
    'aria-description',
    /Halvern University Medical Center: cancer \d+\.\d%, vaccination \d+\.\d%/
  )
  await expect(panel.getByTestId('ins-topic-share')).toContainText('vaccination')
  await expect(panel.getByTestId('ins-topic-voice').locator('svg[aria-description]')).toHaveAttribute(
    'aria-description',
    /cancer: .*\d+\.\d%/
  )
  await expect(panel.getByTestId('ins-topic-peer').locator('svg[aria-description]')).toHaveAttribute(
    'aria-description',
    /on cancer [-+]\d+\.\d\d pts/
  )
  // A duplicate name is refused with the engine's own sentence.
  await panel.getByTestId('ins-topic-name').fill('Cancer')
  await panel.getByTestId('ins-topic-keywords').fill('x')
  await panel.getByTestId('ins-topic-add').click()
  await expect(panel.getByRole('alert')).toHaveText('A topic named “Cancer” already exists.')
  await panel.getByTestId('ins-topic-name').fill('')

  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    panel.getByTestId('ins-topics-csv').click()
  ])
  expect(d.suggestedFilename()).toMatch(/^topics_8-institutions_.*\.csv$/)
  const lines = readFileSync((await d.path())!, 'utf8').split('\r\n')
  expect(lines[0]).toBe(
    '\ufeffinstitution,topic,posts,share,median_interactions,rate,rate_vs_peer_median,share_of_voice'
  )
  expect(lines.filter((l) => /^[^,]+,(cancer|vaccination),\d+,/.test(l))).toHaveLength(16)

  await page.mouse.move(0, 0)
  await panel.scrollIntoViewIfNeeded()
  await expectAccessible(page, 'topics')
  await setTheme(page, 'light')
  await panel.scrollIntoViewIfNeeded()
  await snap(page, 'insight-topics-light')
  await panel.getByTestId('ins-topic-peer').scrollIntoViewIfNeeded()
  await snap(page, 'insight-topics-peer-light')
  await setTheme(page, 'dark')
  await snap(page, 'insight-topics-peer-dark')
  await panel.scrollIntoViewIfNeeded()
  await snap(page, 'insight-topics-dark')

  await panel.getByRole('button', { name: 'Remove topic cancer' }).click()
  await expect(panel.locator('[data-topic="cancer"]')).toHaveCount(0, { timeout: 60_000 })
  await expect(share).not.toHaveAttribute('aria-description', /cancer/, { timeout: 60_000 })
})
