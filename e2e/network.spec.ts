/**
 * No network, proven on a full run: start, load the sample, import a file, browse the grid, run a query, open the
 * benchmark dashboard. Any outbound attempt fails the test:
 * - in the browser, every request is routed here and anything whose host is not 127.0.0.1/localhost is aborted and
 *   recorded (plus WebSockets, which routing does not see);
 * - in Node (this Playwright worker, which runs the harness, and the engine host it forks), e2e/support/netGuard.cjs
 *   patches sockets, DNS, http(s) and fetch to refuse and log any non-loopback destination. The worker requires it
 *   directly; NODE_OPTIONS carries it into the engine host. The log must hold an "armed" line from both processes
 *   and no "blocked" line.
 */
import { createRequire } from 'node:module'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test, expect } from './fixtures/app'
import { BenchmarksPage } from './pages/BenchmarksPage'
import { QueriesPage } from './pages/QueriesPage'

const GUARD = resolve(__dirname, 'support/netGuard.cjs')
const SEMICOLON_CSV = resolve(__dirname, 'fixtures/data/instagram_posts_semicolon.csv')
const LOG = join(tmpdir(), `sb-network-${process.pid}.log`)
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

interface GuardLine {
  kind: 'armed' | 'blocked'
  pid: number
  argv: string
  dest: string
  stack?: string
}

const saved = { log: process.env.SB_NET_GUARD_LOG, nodeOptions: process.env.NODE_OPTIONS }
let guard: { disarm(): void } | null = null

test.describe.configure({ mode: 'serial' })

test.beforeAll(() => {
  rmSync(LOG, { force: true })
  process.env.SB_NET_GUARD_LOG = LOG
  process.env.NODE_OPTIONS = `${saved.nodeOptions ?? ''} --require ${GUARD}`.trim()
  guard = createRequire(__filename)(GUARD) as { disarm(): void }
})

test.afterAll(() => {
  guard?.disarm()
  if (saved.log === undefined) delete process.env.SB_NET_GUARD_LOG
  else process.env.SB_NET_GUARD_LOG = saved.log
  if (saved.nodeOptions === undefined) delete process.env.NODE_OPTIONS
  else process.env.NODE_OPTIONS = saved.nodeOptions
  rmSync(LOG, { force: true })
})

test('start, sample, import, grid, query and benchmarks make no outbound connection from any process', async ({
  app,
  page,
  context,
  harness
}) => {
  test.setTimeout(300_000)
  const outbound: string[] = []
  let routed = 0
  // Registered on the context so requests from any page or worker are seen; the page was opened by the fixture,
  // so reload it once the route is in place to watch the start too.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url())
    routed++
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !LOOPBACK.has(url.hostname)) {
      outbound.push(url.href)
      return route.abort('blockedbyclient')
    }
    return route.continue()
  })
  page.on('websocket', (ws) => {
    if (!LOOPBACK.has(new URL(ws.url()).hostname)) outbound.push(ws.url())
  })
  await page.reload()

  // Start and the sample (imports every sample file through the engine host).
  await expect(app.welcome()).toBeVisible()
  await app.openSample().click()
  await expect(app.datasetRows().first()).toBeVisible({ timeout: 120_000 })

  // Import a file and browse it in the grid.
  await app.importFileInput().setInputFiles(SEMICOLON_CSV)
  await expect(app.importDialog()).toBeVisible()
  await app.importCommit().click()
  await expect(app.importDialog()).toBeHidden({ timeout: 60_000 })
  const row = app.datasetRows().filter({ hasText: 'instagram_posts_semicolon' })
  await row.click()
  await expect(app.gridRow(0)).toBeVisible()
  await app.gridScroller().evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await expect(app.gridRow(4999)).toBeVisible()

  // A query.
  const q = new QueriesPage(page)
  await q.nav().click()
  await expect(q.view()).toBeVisible()
  await q.newQuery().click()
  await q.editor().click()
  await page.keyboard.insertText('SELECT platform, count(*) AS posts FROM posts GROUP BY platform ORDER BY platform')
  await q.run().click()
  await expect(q.status()).toContainText('rows')
  await expect(q.rows().first()).toBeVisible()

  // The benchmark dashboard.
  const bm = new BenchmarksPage(page)
  await bm.nav().click()
  await expect(bm.view()).toBeVisible()
  await expect(bm.chartSvg('engagement')).toBeVisible({ timeout: 60_000 })
  await expect(bm.dashboard()).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 })

  expect(routed, "the route saw the app's own requests (so it was watching)").toBeGreaterThan(10)
  expect(outbound, 'requests from the browser to other hosts').toEqual([])
  // Closing the harness here (the fixture would do it too) flushes anything the engine host does on shutdown.
  await harness.close()
  expect(existsSync(LOG), 'the Node guard wrote its log').toBe(true)
  const lines = readFileSync(LOG, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as GuardLine)
  const armed = lines.filter((l) => l.kind === 'armed')
  expect(
    armed.some((l) => l.pid === process.pid),
    'guard armed in the harness process'
  ).toBe(true)
  expect(
    armed.some((l) => l.argv.includes('engineHost.js')),
    'guard armed in the engine host'
  ).toBe(true)
  expect(
    lines.filter((l) => l.kind === 'blocked'),
    'outbound attempts from Node processes'
  ).toEqual([])
})
