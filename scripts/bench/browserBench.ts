/// <reference lib="dom" />
/**
 * Items 5 and 6 in Debian's Chromium against the browser harness (e2e/server): the real built renderer, the real
 * engine host on the bench workspace. Item 5: Benchmarks → first chart on screen, and the dashboard's own
 * `data-render-ms`; 5c: a change of the range preset → every chart on screen again. Item 6: JS heap before and after scrolling a grid from its first row to its last.
 */
import { chromium, type Browser, type Page } from 'playwright-core'
import { startHarness } from '../../e2e/server/server'
import { record } from './report'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const VIEW_TIMEOUT_MS = 15_000

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.enable')
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
  await cdp.detach()
  return usedSize / 1024 / 1024
}

/** A timing the dashboard root publishes as a data attribute (Dashboard.tsx), once it is there; null if never. */
async function dashboardTiming(page: Page, key: 'renderMs' | 'renderAllMs'): Promise<number | null> {
  return page
    .waitForFunction(
      (k) => {
        const el = document.querySelector('[data-testid=benchmarks-view] [data-render-ms]') as HTMLElement | null
        const v = el?.dataset[k]
        return v === undefined ? null : Number(v)
      },
      key,
      { timeout: 60_000 }
    )
    .then((h) => h.jsonValue() as Promise<number>)
    .catch(() => null)
}

async function openApp(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await page.goto(url)
  await page.getByTestId('sidebar').waitFor({ timeout: 60_000 })
  return page
}

async function dashboardItem(
  browser: Browser,
  url: string,
  label: string,
  coldQueryMs: number | null,
  timeoutMs: number
): Promise<void> {
  const page = await openApp(browser, url)
  try {
    const nav = page.getByTestId('nav-benchmarks')
    if (!(await nav.count())) throw new Error('no nav-benchmarks')
    const t0 = performance.now()
    await nav.click()
    await page.getByTestId('benchmarks-view').waitFor({ timeout: VIEW_TIMEOUT_MS })
    const shown = await page
      .locator('[data-testid=benchmarks-view] [data-testid=bm-chart] svg')
      .first()
      .waitFor({ state: 'visible', timeout: timeoutMs })
      .then(
        () => true,
        () => false
      )
    const firstChart = performance.now() - t0
    if (!shown) {
      record({
        item: '5',
        name: `open Benchmarks (${label} posts): first chart on screen`,
        raw: { 'first chart': null, 'duckdb cold': coldQueryMs },
        ratio: null,
        target: '≤ 2',
        pass: false,
        note: `the Benchmarks view opened but no chart was on screen within ${timeoutMs / 1000} s`
      })
      return
    }
    const ratio = coldQueryMs === null ? null : firstChart / coldQueryMs
    record({
      item: '5',
      name: `open Benchmarks (${label} posts): first chart on screen vs its DuckDB queries alone (cold)`,
      raw: { 'first chart': firstChart, 'duckdb cold': coldQueryMs },
      ratio,
      target: '≤ 2',
      pass: ratio === null ? false : ratio <= 2,
      note:
        (ratio === null ? 'no DuckDB baseline (item 4 timed out); ' : '') +
        'from the click on Benchmarks (workspace already open in the engine host) to the first chart SVG visible; baseline: the dashboard SQL run directly, first run after opening the workspace'
    })
    const renderMs = await dashboardTiming(page, 'renderMs')
    const renderAllMs = await dashboardTiming(page, 'renderAllMs')
    record({
      item: '5',
      name: `dashboard render after the query returns (${label} posts): charts on screen drawn`,
      raw: { 'on screen': renderMs, 'all charts': renderAllMs },
      ratio: null,
      target: '≤ 300 ms',
      pass: renderMs === null ? null : renderMs <= 300,
      note:
        renderMs === null
          ? 'data-render-ms not present on the dashboard root'
          : 'data-render-ms (the charts on the 1280x800 screen) and data-render-all-ms (every chart, those further down drawn just after the first paint) read from the dashboard root'
    })
    await controlChangesOnScreen(page, label)
  } catch (err) {
    record({
      item: '5',
      name: 'dashboard view',
      raw: {},
      ratio: null,
      target: '≤ 2 / ≤ 300 ms',
      pass: null,
      note: `dashboard view not available (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`
    })
  } finally {
    await page.close()
  }
}

/** The range presets item 5c picks, one after the other (each ends on the last day with data). */
const PRESET_CHANGES = ['last90', 'last12m', 'all'] as const

/**
 * Item 5c: from a change of the range preset to every chart on screen drawn again (issue 17: ≤ 0.6 s at 1M posts).
 * The dashboard root's data-render-ms is removed before each change; the change is done when a root carries it
 * again (Dashboard.tsx sets it once the charts on screen are drawn from the new result).
 */
async function controlChangesOnScreen(page: Page, label: string): Promise<void> {
  const times: [string, number | null][] = []
  // The engine channels each change makes the window ask (the harness serves them at /__api/<channel>).
  const asked = new Map<string, number>()
  const onRequest = (r: { url(): string }) => {
    const m = /\/__api\/([A-Za-z]+)/.exec(r.url())
    if (m) asked.set(m[1], (asked.get(m[1]) ?? 0) + 1)
  }
  page.on('request', onRequest)
  for (const preset of PRESET_CHANGES) {
    await page.evaluate(() => {
      document
        .querySelectorAll<HTMLElement>('[data-testid=benchmarks-view] [data-render-ms]')
        .forEach((el) => delete el.dataset.renderMs)
    })
    const t0 = performance.now()
    await page.getByTestId('bm-preset').selectOption(preset)
    const drawn = await page
      .waitForFunction(() => !!document.querySelector('[data-testid=benchmarks-view] [data-render-ms]'), null, {
        timeout: 60_000,
        polling: 'raf'
      })
      .then(
        () => true,
        () => false
      )
    times.push([preset, drawn ? performance.now() - t0 : null])
    if (!drawn) break
  }
  const done = times.map(([, t]) => t).filter((t): t is number => t !== null)
  const worst = done.length === times.length ? Math.max(...done) : null
  record({
    item: '5c',
    name: `a control change on screen (${label} posts): range preset changed to every chart on screen drawn, slowest of ${PRESET_CHANGES.length}`,
    raw: { slowest: worst },
    ratio: null,
    target: '≤ 600 ms (1M posts)',
    pass: worst === null ? false : worst <= 600,
    note:
      times.map(([p, t]) => `${p} ${t === null ? 'not drawn within 60 s' : `${Math.round(t)} ms`}`).join(', ') +
      `; engine requests during the changes: ${[...asked].map(([c, n]) => `${c} ${n}`).join(', ')}`
  })
  page.off('request', onRequest)
}

/** Open one dataset, measure the heap, scroll to the last row in jumps, measure again. Returns [before, after] MB. */
async function scrollGrid(
  browser: Browser,
  url: string,
  name: string,
  rows: number,
  steps: number
): Promise<[number, number, number]> {
  const page = await openApp(browser, url)
  try {
    const nav = page.getByTestId('nav-datasets')
    if (await nav.count()) await nav.click()
    await page.locator(`[data-testid="dataset-row"][data-name="${name}"]`).click({ timeout: 60_000 })
    await page.locator('[data-testid="grid-row"][data-row-index="0"]').waitFor({ timeout: 60_000 })
    const before = await heapMb(page)
    const scroller = page.getByTestId('grid-scroller')
    const t0 = performance.now()
    for (let k = 1; k <= steps; k++) {
      await scroller.evaluate((el, f) => {
        el.scrollTop = f * (el.scrollHeight - el.clientHeight)
      }, k / steps)
      await page.waitForTimeout(40)
    }
    await page.locator(`[data-testid="grid-row"][data-row-index="${rows - 1}"]`).waitFor({ timeout: 60_000 })
    const scrollMs = performance.now() - t0
    const after = await heapMb(page)
    return [before, after, scrollMs]
  } finally {
    await page.close()
  }
}

async function gridItem(
  browser: Browser,
  url: string,
  big: { name: string; rows: number },
  small: { name: string; rows: number },
  steps: number
): Promise<void> {
  try {
    const [sb, sa] = await scrollGrid(browser, url, small.name, small.rows, steps)
    const [bb, ba, ms] = await scrollGrid(browser, url, big.name, big.rows, steps)
    const growthSmall = sa / sb
    const growthBig = ba / bb
    const ratio = growthBig / growthSmall
    record({
      item: '6',
      name: `grid scroll first→last row: JS heap growth, ${big.rows.toLocaleString('en-US')} rows vs ${small.rows.toLocaleString('en-US')}`,
      raw: { 'big before MB': bb, 'big after MB': ba, 'small before MB': sb, 'small after MB': sa, scroll: ms },
      ratio,
      target: '~1 (≤ 1.5)',
      pass: ratio <= 1.5,
      note: `heap after/before: ${growthBig.toFixed(2)}x with ${big.rows.toLocaleString('en-US')} rows, ${growthSmall.toFixed(2)}x with ${small.rows.toLocaleString('en-US')} (CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage)`
    })
  } catch (err) {
    record({
      item: '6',
      name: 'grid scroll',
      raw: {},
      ratio: null,
      target: '~1',
      pass: false,
      note: `grid scroll failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`
    })
  }
}

export async function browserBench(opts: {
  workspace: string
  postsLabel: string
  coldQueryMs: number | null
  timeoutMs: number
  big: { name: string; rows: number }
  small: { name: string; rows: number }
  /** Jumps from the first row to the last (bench --quick: fewer). */
  scrollSteps?: number
}): Promise<void> {
  const harness = await startHarness({ workspace: opts.workspace })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu']
  })
  try {
    await dashboardItem(browser, harness.url, opts.postsLabel, opts.coldQueryMs, opts.timeoutMs)
    await gridItem(browser, harness.url, opts.big, opts.small, opts.scrollSteps ?? 60)
  } finally {
    await browser.close()
    await harness.close()
  }
}
