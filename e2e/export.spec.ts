/**
 * Export from the UI: a chart as PNG and SVG, its data as CSV, and a deck built in the deck builder. The browser
 * harness saves through downloads (Electron shows a native save dialog instead); the files are checked as files.
 */
import type { Download, Page } from '@playwright/test'
import JSZip from 'jszip'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readPngInfo } from '../src/main/engine/export/png'
import { CHART_IDS } from '../src/shared/charts/chartDefs'
import { test, expect } from './fixtures/app'
import { snap } from './fixtures/screenshots'
import type { AppPage } from './pages/AppPage'
import { BenchmarksPage } from './pages/BenchmarksPage'
import { ExportPage } from './pages/ExportPage'
import { setTheme } from './support/theme'

async function openBenchmarks(app: AppPage, page: Page): Promise<BenchmarksPage> {
  const bm = new BenchmarksPage(page)
  await expect(app.datasetRows().first()).toBeVisible()
  await bm.nav().click()
  await expect(bm.chartSvg('engagement')).toBeVisible({ timeout: 60_000 })
  await expect(bm.dashboard()).toHaveAttribute('aria-busy', 'false')
  return bm
}

/** Where the downloaded files are kept for a look (test-results is not committed). */
const KEEP = join('test-results', 'exports')

/** Runs `act` and returns the download it causes, read back from disk (and a copy kept under test-results/exports). */
async function download(page: Page, act: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), act()])
  return read(d)
}
async function read(d: Download): Promise<{ name: string; bytes: Buffer }> {
  const bytes = await readFile(await d.path())
  await mkdir(KEEP, { recursive: true })
  await writeFile(join(KEEP, d.suggestedFilename()), bytes)
  return { name: d.suggestedFilename(), bytes }
}

/** Runs in the page (no DOM lib in the node project, hence the structural type). */
/** Runs in the page: the clipboard's first item, its types, and the PNG's signature and width. */
async function readClipboardPng(): Promise<{ types: string[]; head: number[]; width: number }> {
  type Item = { types: string[]; getType(t: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer> }> }
  const nav = (globalThis as unknown as { navigator: { clipboard: { read(): Promise<Item[]> } } }).navigator
  const [item] = await nav.clipboard.read()
  const bytes = new Uint8Array(await (await item.getType('image/png')).arrayBuffer())
  return { types: item.types, head: [...bytes.subarray(0, 8)], width: new DataView(bytes.buffer).getUint32(16) }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

test('a chart exports as PNG (mouse) and SVG (keyboard), its data as CSV; the menu in both themes @sample', async ({
  app,
  page
}) => {
  test.setTimeout(300_000)
  const bm = await openBenchmarks(app, page)
  const ex = new ExportPage(page)
  // Every chart has an Export menu, the post tables too (data only), in the dashboard's order.
  await expect(page.getByTestId('chart-export')).toHaveCount(CHART_IDS.length)
  expect(
    await page.getByTestId('chart-export').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-chart-id')))
  ).toEqual([...CHART_IDS])

  // PNG at the chart's own size: the width drawn on screen, 96 DPI.
  await ex.menuButton('engagement').click()
  await expect(ex.menu()).toBeVisible()
  await expect(ex.option('png')).toBeFocused()
  await snap(page, 'export-menu-light')
  const drawn = await bm
    .chart('engagement')
    .locator('.plot-host')
    .evaluate((el) => (el as unknown as { clientWidth: number }).clientWidth)
  const png = await download(page, () => ex.option('png').click())
  expect(png.name).toMatch(/^engagement_.+_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.png$/)
  expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE)
  const info = readPngInfo(png.bytes)
  expect(info.width).toBe(drawn)
  expect(info.height).toBeGreaterThan(200)
  expect(info.dpi).toBe(96)
  await expect(ex.status()).toContainText('Saved engagement_')
  await expect(ex.menu()).toBeHidden()
  await expect(ex.menuButton('engagement')).toBeFocused()

  // A slide-size PNG is exactly 1920x1080.
  await ex.menuButton('engagement').click()
  const slide = await download(page, () => ex.option('png-1920x1080').click())
  expect(readPngInfo(slide.bytes)).toMatchObject({ width: 1920, height: 1080 })

  // SVG from the keyboard: focus the button, open with Enter, walk to SVG with the arrows, pick with Enter.
  await ex.menuButton('indexed').focus()
  await page.keyboard.press('Enter')
  await expect(ex.option('png')).toBeFocused()
  await page.keyboard.press('End')
  await expect(ex.option('parquet')).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(ex.option('png')).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(ex.option('copy-png')).toBeFocused()
  await page.keyboard.press('Home')
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown')
  await expect(ex.option('svg')).toBeFocused()
  const svg = await download(page, () => page.keyboard.press('Enter'))
  expect(svg.name).toMatch(/^indexed_.+\.svg$/)
  const text = svg.bytes.toString('utf8')
  expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
  expect(text).toContain('Indexed follower growth')
  expect(text).not.toMatch(/href=|url\(|<image|<style|@import/)
  // Escape closes without exporting and gives focus back.
  await page.keyboard.press('Enter')
  await expect(ex.menu()).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(ex.menu()).toBeHidden()
  await expect(ex.menuButton('indexed')).toBeFocused()

  // The data behind the share-of-voice chart: every institution of the peer set, one row each.
  const names = await bm.institutions().evaluateAll((els) => els.map((e) => e.getAttribute('data-name') ?? ''))
  expect(names.length).toBe(8)
  await ex.menuButton('shareOfVoice').click()
  const csv = await download(page, () => ex.option('csv').click())
  expect(csv.name).toMatch(/^shareOfVoice-data_.+\.csv$/)
  const lines = csv.bytes
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trim()
    .split(/\r\n/)
  expect(lines[0]).toBe('institution,share_posts,share_interactions,share_views,posts,interactions')
  for (const n of names) expect(lines.some((l) => l.startsWith(`${n},`) || l.startsWith(`"${n}",`))).toBe(true)

  // Copy as PNG: the clipboard holds a PNG image of the chart (2x its drawn width).
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await ex.menuButton('engagement').click()
  await ex.option('copy-png').click()
  await expect(ex.status()).toContainText('Copied the chart as PNG', { timeout: 30_000 })
  const copied = await page.evaluate(readClipboardPng)
  expect(copied.types).toContain('image/png')
  expect(copied.head).toEqual(PNG_SIGNATURE)
  expect(copied.width).toBe(drawn * 2)

  // The post tables export their data only.
  await ex.menuButton('topPosts').click()
  await expect(ex.option('png')).toHaveCount(0)
  await expect(ex.option('xlsx')).toBeVisible()
  await page.keyboard.press('Escape')

  // Dark theme: the same menu.
  await app.themeToggle().click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await ex.menuButton('engagement').click()
  await expect(ex.menu()).toBeVisible()
  await snap(page, 'export-menu-dark')
  await page.keyboard.press('Escape')
})

test('the deck builder exports the chosen charts in order as one .pptx @sample', async ({ app, page }) => {
  test.setTimeout(300_000)
  await openBenchmarks(app, page)
  const ex = new ExportPage(page)
  await ex.deckOpen().click()
  await expect(ex.deckBuilder()).toBeVisible()
  await expect(ex.deckExport()).toBeDisabled()

  for (const id of ['followers', 'heatmap', 'engagement']) await ex.deckAdd(id).click()
  await expect(ex.deckAdd('heatmap')).toBeDisabled()
  const order = () => ex.deckCharts().evaluateAll((els) => els.map((e) => e.getAttribute('data-chart-id')))
  expect(await order()).toEqual(['followers', 'heatmap', 'engagement'])
  // Up/down buttons (from the keyboard: the focus follows the moved slide).
  await ex
    .deckChart('engagement')
    .getByRole('button', { name: /Move .* up/ })
    .click()
  expect(await order()).toEqual(['followers', 'engagement', 'heatmap'])
  await page.keyboard.press('Enter')
  expect(await order()).toEqual(['engagement', 'followers', 'heatmap'])
  // Drag by the handle: heatmap onto the top half of the first slide.
  await ex.deckHandle('heatmap').dragTo(ex.deckChart('engagement'), { targetPosition: { x: 40, y: 4 } })
  expect(await order()).toEqual(['heatmap', 'engagement', 'followers'])
  await ex.deckChartTitle('engagement').fill('How our posts land')
  await expect(ex.deckAspect('16:9')).toBeChecked()
  await snap(page, 'deck-builder-light')
  // The modal covers the theme toggle: pin the theme the way the toggle does (data-theme on <html>).
  await setTheme(page, 'dark')
  await snap(page, 'deck-builder-dark')
  await setTheme(page, 'light')

  const deck = await download(page, () => ex.deckExport().click())
  await expect(ex.deckBuilder()).toBeHidden()
  expect(deck.name).toMatch(/^benchmark-deck_.+\.pptx$/)
  const zip = await JSZip.loadAsync(deck.bytes)
  const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
  // Title slide + one image slide per chart + an editable chart after followers and engagement (a heatmap has none).
  expect(slides.length).toBe(1 + 3 + 2)
  // The order and the custom title: each image slide's alt text starts with its chart title.
  const alt = async (n: number) =>
    (await zip.file(`ppt/slides/slide${n}.xml`)!.async('string')).match(/descr="([^"]*)"/)?.[1] ?? ''
  expect(await alt(2)).toMatch(/^Posting cadence: weekday × hour\./)
  expect(await alt(3)).toMatch(/^How our posts land\./)
  expect(await alt(5)).toMatch(/^Followers over time\./)
  await expect(ex.status()).toContainText('Saved benchmark-deck_')
})
