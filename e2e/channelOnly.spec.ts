/**
 * A workspace of channel-level exports only (YouTube Studio Totals, TikTok overview, Meta Business Suite views), no
 * post file: the dashboard must draw their daily series with a peer band, not "0 posts, all —". The fixtures are
 * SYNTHETIC, written here with each export's quirks (TikTok's BOM and "NAN", Meta's UTF-16, `sep=,` and title line).
 */
import type { Page } from '@playwright/test'
import { writeFile } from 'node:fs/promises'
import { test, expect } from './fixtures/app'
import { chartsDrawn, snap } from './fixtures/screenshots'
import type { Harness } from './server/server'
import { BenchmarksPage } from './pages/BenchmarksPage'

const DAYS = 60
const START = Date.UTC(2025, 8, 1)
const day = (i: number) => new Date(START + i * 86_400_000).toISOString().slice(0, 10)
const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
const q = (...cells: string[]) => cells.map((c) => `"${c}"`).join(',')
const wave = (i: number, base: number) => Math.round(base * (1 + 0.4 * Math.sin(i / 4)) + ((i * 37) % 11))

const FILES: {
  name: string
  account: string
  institution: string
  accountId: string
  content: () => string | Buffer
}[] = [
  {
    name: 'Totals.csv',
    account: 'AsterHealth',
    institution: 'Aster Health',
    accountId: 'youtube:asterhealth',
    content: () => ['Date,Views', ...Array.from({ length: DAYS }, (_, i) => `${day(i)},${wave(i, 900)}`)].join('\n')
  },
  {
    name: 'Overview.csv',
    account: 'birch.clinic',
    institution: 'Birch Clinic',
    accountId: 'tiktok:birch.clinic',
    content: () =>
      '\uFEFF' +
      [
        'Date,Video views,Reached audience,Profile views,Likes,Shares,Comments,Phone number clicks ,Leads submission,Net growth,New followers,Lost followers',
        // A week without rows (days 20-26) must be a break in the line.
        ...Array.from({ length: DAYS }, (_, i) => i)
          .filter((i) => i < 20 || i > 26)
          .map(
            (i) =>
              `${day(i).replaceAll('-', '/')},${wave(i, 1400)},${i === 3 ? 'NAN' : wave(i, 1100)},${wave(i, 30)},0,0,0,0,0,${i % 5},${i % 5},0`
          )
      ].join('\n')
  },
  {
    name: 'Views.csv',
    account: 'CedarCare',
    institution: 'Cedar Care',
    accountId: 'facebook:cedarcare',
    content: () =>
      utf16(
        [
          'sep=,',
          q('Facebook views'),
          q('Date', 'Primary'),
          ...Array.from({ length: DAYS }, (_, i) => q(`${day(i)}T07:00:00`, String(wave(i, 600)))),
          '',
          ''
        ].join('\n')
      )
  }
]

async function call(harness: Harness, channel: string, input: unknown): Promise<unknown> {
  const r = await harness.engine.call(channel as never, input as never)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

/** Imports each file through the engine (the import dialog has its own tests) and gives each account its institution. */
async function channelWorkspace(harness: Harness, dir: (name: string) => string): Promise<void> {
  for (const f of FILES) {
    const path = dir(f.name)
    await writeFile(path, f.content())
    await call(harness, 'importFile', { path, jobId: `e2e-${f.name}`, options: { account: f.account } })
    const inst = (await call(harness, 'createInstitution', { name: f.institution })) as { institutionId: number }
    await call(harness, 'assignAccount', { accountId: f.accountId, institutionId: inst.institutionId })
  }
}

async function shots(
  page: Page,
  app: { themeToggle: () => ReturnType<Page['getByTestId']> },
  name: string
): Promise<void> {
  // No tooltip of the last pointer position in the pictures.
  await page.mouse.move(0, 0)
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1024, height: 640 }
  ]) {
    await page.setViewportSize(size)
    // Charts redraw for the new width on the next frames.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    await chartsDrawn(page)
    await snap(page, `${name}-${size.width}-light`)
    await app.themeToggle().click()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await snap(page, `${name}-${size.width}-dark`)
    await app.themeToggle().click()
  }
  await page.setViewportSize({ width: 1280, height: 800 })
}

test('channel exports only: the dashboard draws daily views with the peer band, per metric, with its methodology', async ({
  app,
  page,
  harness
}, testInfo) => {
  test.setTimeout(180_000)
  await channelWorkspace(harness, (name) => testInfo.outputPath(name))
  await page.reload()
  const bm = new BenchmarksPage(page)
  await bm.nav().click()
  const chart = bm.chart('channelDaily')
  await expect(bm.chartSvg('channelDaily')).toBeVisible({ timeout: 60_000 })
  await expect(bm.dashboard()).toHaveAttribute('aria-busy', 'false')

  // Views first: all three institutions, totals named in the description, the band drawn (3 institutions).
  await expect(bm.chartSvg('channelDaily')).toHaveAttribute('aria-label', 'Views per day')
  const desc = (await bm.chartSvg('channelDaily').getAttribute('aria-description')) ?? ''
  for (const f of FILES) expect(desc).toContain(f.institution)
  await expect(chart.getByTestId('bm-chart-notes')).not.toContainText('Peer median and band not drawn')
  await expect(chart.getByTestId('bm-chart-notes')).toContainText('Breaks in a line')
  await expect(bm.footnote('channelDaily')).toContainText('Daily channel metrics')
  await expect(bm.footnote('channelDaily')).toContainText('account-days, 3 accounts')
  await expect(bm.footnote('channelDaily')).toContainText('Overview.csv')
  // The summary is not "all —": the channel views column has every institution's total.
  const summaryRows = bm.page.getByTestId('bm-summary').locator('tbody tr')
  await expect(summaryRows).toHaveCount(3)
  // Compact in the cell ("56.7K"), the full count in its title.
  for (const row of await summaryRows.all()) {
    const cell = row.locator('td').last()
    await expect(cell).toHaveText(/^\d{1,3}(\.\d{1,2})?[KMB]$/)
    await expect(cell.locator('span')).toHaveAttribute('title', /^\d{1,3}(,\d{3})+$/)
  }

  // Charts without any value here are a sentence, not an empty frame.
  await expect(bm.chart('followers').getByTestId('bm-chart-empty')).toContainText('No follower counts')
  await expect(bm.chart('followers').locator('svg')).toHaveCount(0)
  await expect(bm.chart('heatmap').getByTestId('bm-chart-empty')).toHaveText(
    'No posts in this range and these platforms.'
  )

  // The metrics the exports have, in a fixed order; profile visits come from Birch's TikTok only.
  const metric = chart.getByTestId('bm-channel-metric')
  await expect(metric.locator('option')).toHaveText(['Views', 'Reach', 'Profile visits', 'Followers gained'])
  await metric.selectOption('profile_visits')
  await expect(bm.chartSvg('channelDaily')).toHaveAttribute('aria-label', 'Profile visits per day')
  await expect(chart.getByTestId('bm-chart-notes')).toContainText('No profile visits for Aster Health, Cedar Care')
  await expect(chart.getByTestId('bm-chart-notes')).toContainText('Peer median and band not drawn')
  await metric.selectOption('views')

  await chart.getByTestId('bm-methodology-toggle').click()
  await expect(bm.methodology()).toContainText('summed over the institution')
  await chart.getByTestId('bm-methodology-toggle').click()
  await chart.scrollIntoViewIfNeeded()
  await shots(page, app, 'benchmarks-channel-only')
})
