/**
 * Honest comparisons on the sample: every institution's difference from the peer median with its 95% interval
 * (greyed out when it spans 0), thin institutions flagged, and a pairwise permutation test.
 */
import JSZip from 'jszip'
import { readFileSync } from 'node:fs'
import { VENDOR_COLUMNS, VENDOR_CONVENTIONS } from '../src/shared/vendorConventions'
import { test, expect } from './fixtures/app'
import { snap } from './fixtures/screenshots'
import { BenchmarksPage } from './pages/BenchmarksPage'
import { ExportPage } from './pages/ExportPage'
import { setTheme } from './support/theme'

test('comparisons: intervals against the peer median, thin flags and a pairwise test @sample', async ({
  app,
  page
}) => {
  test.setTimeout(300_000)
  const bm = new BenchmarksPage(page)
  await expect(app.datasetRows().first()).toBeVisible()
  await bm.nav().click()
  const panel = page.getByTestId('ins-comparisons')
  await expect(panel.getByTestId('ins-vs-peer').locator('li')).toHaveCount(8, { timeout: 120_000 })
  await expect(panel).toHaveAttribute('aria-busy', 'false')
  const lines = await panel.getByTestId('ins-vs-peer').locator('li').allTextContents()
  expect(lines.filter((l) => !l.endsWith('no value')).length).toBeGreaterThanOrEqual(3)
  for (const l of lines.filter((l) => !l.endsWith('no value')))
    expect(l).toMatch(/ vs peer median: [-+]?\d+\.\d\d pts \(95% CI [-+]?\d+\.\d\d to [-+]?\d+\.\d\d\)/)
  // Greyed out exactly when the interval spans 0.
  for (const li of await panel.getByTestId('ins-vs-peer').locator('li').all()) {
    const text = (await li.textContent()) ?? ''
    if (text.endsWith('no value')) continue
    const [, lo, hi] = /CI ([-+]?\d+\.\d\d) to ([-+]?\d+\.\d\d)/.exec(text)!
    const spans = Number(lo) <= 0 && Number(hi) >= 0
    if (Number(lo) !== 0 && Number(hi) !== 0) await expect(li).toHaveAttribute('data-significant', String(!spans))
  }

  await panel.getByTestId('ins-pair-a').selectOption({ label: 'Halvern University Medical Center' })
  await panel.getByTestId('ins-pair-b').selectOption({ label: 'Corvale Clinic Network' })
  await expect(panel.getByTestId('ins-pair-result')).toContainText(
    /Halvern University Medical Center − Corvale Clinic Network: [-+]?\d+\.\d\d pts \(95% CI .*\); permutation test p = /,
    { timeout: 60_000 }
  )
  await panel.getByTestId('ins-methods').locator('summary').click()
  await expect(panel.getByTestId('ins-methods')).toContainText('permutation test')
  // The rates and intervals as a CSV through the export channel (its setup is saved beside it for reproduce).
  const [intervals] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    panel.getByTestId('ins-comparisons-csv').click()
  ])
  expect(intervals.suggestedFilename()).toMatch(
    /^engagement-intervals_8-institutions_\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d\.csv$/
  )
  const rows = readFileSync((await intervals.path())!, 'utf8').split('\r\n')
  expect(rows[0]).toBe(
    '\ufeffinstitution,posts,posts_with_rate,thin,rate,rate_ci_low,rate_ci_high,vs_peer_median,vs_peer_ci_low,vs_peer_ci_high,distinguishable_from_peer'
  )
  expect(rows.filter((r) => /^Peer median,,,,\d/.test(r))).toHaveLength(1)
  await panel.scrollIntoViewIfNeeded()
  await snap(page, 'insight-comparisons-light')
  await setTheme(page, 'dark')
  await snap(page, 'insight-comparisons-dark')
  await page.setViewportSize({ width: 1024, height: 640 })
  await panel.scrollIntoViewIfNeeded()
  await snap(page, 'insight-comparisons-dark-1024')
  await setTheme(page, 'light')
  await snap(page, 'insight-comparisons-light-1024')

  // A short range leaves some institutions with fewer than 30 posts: flagged thin in the sentences and the table.
  // At 1024 px the filter panel is folded: open it to pick the range, then fold it again.
  await page.getByTestId('bm-filters-toggle').click()
  await bm.preset().selectOption('last30')
  await page.getByTestId('bm-filters-toggle').click()
  await expect(panel.getByTestId('ins-thin').first()).toBeVisible({ timeout: 120_000 })
  await expect(panel.getByTestId('ins-table').getByTestId('ins-thin').first()).toBeVisible()
  const thinNames = await panel
    .getByTestId('ins-table')
    .locator('tr:has([data-testid="ins-thin"]) .bm-inst-name')
    .allTextContents()
  await expect(page.getByTestId('bm-summary').getByTestId('ins-thin')).toHaveCount(thinNames.length)
  // And on the engagement chart, in its notes (which exports draw too).
  await expect(bm.chart('engagement').getByTestId('bm-chart-notes')).toContainText(
    `Thin (fewer than 30 posts in the range): ${thinNames[0]}`
  )
  await panel.scrollIntoViewIfNeeded()
  await snap(page, 'insight-comparisons-thin-light-1024')
})

test('every vendor’s convention side by side, with sources, a CSV and deck slides @sample', async ({ app, page }) => {
  test.setTimeout(300_000)
  const bm = new BenchmarksPage(page)
  await expect(app.datasetRows().first()).toBeVisible()
  await bm.nav().click()
  const panel = page.getByTestId('ins-vendors')
  await expect(panel.getByTestId('ins-vendor-table').first()).toBeVisible({ timeout: 120_000 })
  await expect(panel).toHaveAttribute('aria-busy', 'false')
  const platforms = await panel
    .getByTestId('ins-vendor-table')
    .evaluateAll((ts) => ts.map((t) => t.getAttribute('data-platform')))
  expect(platforms).toContain('facebook')
  const ig = panel.locator('[data-testid="ins-vendor-table"][data-platform="facebook"]')
  for (const h of ['Rival IQ', 'Socialinsider', 'Fanpage Karma', 'By reach', 'By impressions', 'By views'])
    await expect(ig.locator('thead')).toContainText(h)
  await expect(ig.locator('tbody tr').last()).toContainText('Median across institutions')
  // The methodology cites each vendor's definition: its formula, the vendor and the page that publishes it.
  await panel.getByTestId('ins-vendor-methods').locator('summary').click()
  const methods = panel.getByTestId('ins-vendor-methods')
  for (const k of VENDOR_COLUMNS) {
    const c = VENDOR_CONVENTIONS[k]
    const entry = methods.locator('dt', { hasText: c.label }).locator('xpath=following-sibling::dd[1]')
    await expect(entry).toContainText(c.formula)
    await expect(entry).toContainText(`Source: ${c.source.vendor}, “${c.source.title}”`)
    await expect(entry).toContainText(c.source.url)
  }

  // CSV through the export channel: formula-safe fields, a BOM for Excel, the sources under the rows.
  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    panel.getByTestId('ins-vendors-csv').click()
  ])
  expect(d.suggestedFilename()).toMatch(/^engagement-conventions_8-institutions_\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d\.csv$/)
  const csv = readFileSync((await d.path())!, 'utf8')
  expect(csv.split('\r\n')[0]).toBe(
    '\ufeffplatform,institution,posts,rivaliq_rate,socialinsider_rate,fanpagekarma_rate,reach_rate,impressions_rate,views_rate'
  )
  expect(csv).toMatch(/^facebook,median across institutions,/m)
  expect(csv).toContain('\r\ncolumn,vendor,formula,source\r\n')
  for (const k of VENDOR_COLUMNS) expect(csv).toContain(VENDOR_CONVENTIONS[k].source.url)
  await expect(new ExportPage(page).status()).toContainText('Saved engagement-conventions_')

  // The same table as slides: one native table per platform, definitions in the speaker notes.
  const ex = new ExportPage(page)
  await ex.deckOpen().click()
  await ex.deckAdd('vendorConventions').click()
  await expect(ex.deckChart('vendorConventions')).toContainText('Engagement under every vendor’s convention')
  await snap(page, 'insight-vendors-deck-builder-light')
  const [deckDownload] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    ex.deckExport().click()
  ])
  const zip = await JSZip.loadAsync(readFileSync((await deckDownload.path())!))
  const slideXml = await Promise.all(platforms.map((_, i) => zip.file(`ppt/slides/slide${i + 2}.xml`)!.async('string')))
  expect(Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))).toHaveLength(
    1 + platforms.length
  )
  for (const [i, xml] of slideXml.entries()) {
    expect(xml).toContain('<a:tbl>')
    expect(xml).toContain(`Engagement under every vendor’s convention · ${platforms[i]}`)
    for (const k of VENDOR_COLUMNS) expect(xml).toContain(VENDOR_CONVENTIONS[k].label)
    expect(xml).toContain('Median across institutions')
    expect(xml).toContain('Halvern University Medical Center')
  }
  const notes = await zip.file('ppt/notesSlides/notesSlide2.xml')!.async('string')
  for (const k of VENDOR_COLUMNS) expect(notes).toContain(VENDOR_CONVENTIONS[k].source.url)

  await ig.scrollIntoViewIfNeeded()
  await snap(page, 'insight-vendors-light')
  await setTheme(page, 'dark')
  await snap(page, 'insight-vendors-dark')
  await page.setViewportSize({ width: 1024, height: 640 })
  await ig.scrollIntoViewIfNeeded()
  await snap(page, 'insight-vendors-dark-1024')
  await setTheme(page, 'light')
  await snap(page, 'insight-vendors-light-1024')
})
