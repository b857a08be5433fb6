/**
 * `npm run bench`: a deterministic benchmark that prints every ratio beside its raw times, both measured in the same
 * run on the same machine. Not part of `npm test` or CI (it takes many minutes). See README "Benchmarks".
 *
 *   npm run bench                       1M-row import, 1M posts, 1M-row grid
 *   npm run bench -- --full             also the 5M-row import (+ peak memory) and 10M posts / 10M-row grid
 *   npm run bench -- --quick            20k rows, 100k posts over 1 year, the build reused when present: under 3 minutes
 *   npm run bench -- --rows 200000      smaller, for a quick look
 *   npm run bench -- --skip-browser     no electron-vite build, no Chromium (items 5 and 6)
 *   npm run bench -- --skip-import      only the dashboard and the grid (items 4-6)
 *   npm run bench -- --cli-only         only the CLI start-up (item 7)
 *   npm run bench -- --grid-only        only the grid's engine queries and heap (item 8) on a --rows grid (--full: 10M)
 *
 * Everything generated goes to a fresh folder under $BENCH_DIR (default: the OS temp dir) and is deleted at the end.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { Command } from 'commander'
import { databaseForTests, openEngine } from '../../src/main/engine/engine'
import { browserBench } from './browserBench'
import { cliBench } from './cliBench'
import { dashboardBench } from './dashboardBench'
import { generateDashboardData, generateGridDataset } from './dashboardData'
import { generateCrowdtangleCsv } from './generateCsv'
import { gridBench } from './gridBench'
import { importBench, peakMemoryBench, threadsImportBench } from './importBench'
import { describeMachine, formatLoad, LoadWatch } from './machine'
import { judgeLoadWith, printSummary, record, time } from './report'

/**
 * --quick is a look during development: it should be done within this many minutes on the 2-core machine. Every
 * item still prints, on smaller inputs: a 20k-row import, 100k posts over one year (the dashboard's work grows with
 * accounts x days, not with posts), a 20k-row small grid scrolled in 20 steps, one run of each dashboard measurement, 3 CLI rounds.
 */
const QUICK_BUDGET_MIN = 3
const QUICK_ROWS = 20_000
const QUICK_POSTS = 100_000
const QUICK_DASHBOARD_DAYS = 365
const QUICK_SMALL_GRID_ROWS = 20_000
const FULL_IMPORT_ROWS = 5_000_000
const FULL_POSTS = 10_000_000
const SMALL_GRID_ROWS = 100_000
const ROOT = resolve(__dirname, '../..')

const program = new Command('bench')
  .description('Socialbench benchmark: import, re-import, memory, dashboard queries, dashboard render, grid scroll')
  .option(
    '--rows <n>',
    'rows of the generated CrowdTangle export, posts and grid rows',
    (v) => Number.parseInt(v.replace(/_/g, ''), 10),
    1_000_000
  )
  .option(
    '--quick',
    `${QUICK_ROWS / 1e3}k rows, and the existing renderer build when there is one: a look during development`,
    false
  )
  .option(
    '--full',
    `add the ${FULL_IMPORT_ROWS / 1e6}M-row import (with peak memory) and ${FULL_POSTS / 1e6}M posts / grid rows`,
    false
  )
  .option(
    '--query-timeout <s>',
    'interrupt a dashboard query run after this many seconds',
    (v) => Number.parseInt(v, 10),
    600
  )
  .option('--skip-browser', 'skip the Chromium measurements (items 5 and 6) and the renderer build', false)
  .option('--skip-import', 'skip the import measurements (items 1-3): only the dashboard and the grid', false)
  .option('--cli-only', 'only the CLI start-up against plain Node (item 7)', false)
  .option('--grid-only', 'only the grid in the engine (item 8): pages, filters, search, sort, heap', false)
  .parse()

const opts = program.opts<{
  rows: number
  quick: boolean
  full: boolean
  skipBrowser: boolean
  skipImport: boolean
  queryTimeout: number
  cliOnly: boolean
  gridOnly: boolean
}>()
if (opts.quick && opts.full) program.error('--quick and --full are opposites: choose one')
if (opts.quick) opts.rows = QUICK_ROWS
const mode = opts.full ? 'full' : opts.quick ? 'quick' : 'default'
const fmt = (n: number) =>
  n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n)

async function section<T>(title: string, fn: () => Promise<T>): Promise<T> {
  console.log(`\n### ${title}`)
  const r = await time(fn)
  console.log(`    (${title}: ${(r.ms / 1000).toFixed(1)} s)`)
  return r.value
}

/**
 * The app's build (npx electron-vite build): the engine host the import items run (out/main/engineHost.js) and the
 * renderer the browser items load. Built once per run; --quick reuses a build that is already there.
 */
let built = false
async function ensureAppBuild(): Promise<void> {
  if (built) return
  built = true
  if (
    opts.quick &&
    existsSync(join(ROOT, 'out/renderer/index.html')) &&
    existsSync(join(ROOT, 'out/main/engineHost.js'))
  ) {
    console.log('    reusing the existing app build in out/ (--quick; npx electron-vite build refreshes it)')
    return
  }
  console.log('    building the app (npx electron-vite build)...')
  await promisify(execFile)('npx', ['electron-vite', 'build'], { cwd: ROOT, maxBuffer: 64 << 20 })
}

async function main(): Promise<void> {
  if (!Number.isInteger(opts.rows) || opts.rows < 1000) throw new Error('--rows must be a whole number ≥ 1000')
  const base = process.env.BENCH_DIR ? resolve(process.env.BENCH_DIR) : tmpdir()
  await mkdir(base, { recursive: true })
  const dir = await mkdtemp(join(base, 'socialbench-bench-'))
  const cleanup = () => rm(dir, { recursive: true, force: true })
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)))
  const started = performance.now()
  const machine = await describeMachine()
  const loadAtStart = formatLoad()
  const load = new LoadWatch(machine.cores)
  judgeLoadWith(() => load.noisySince())
  console.log(
    `Socialbench bench — ${machine.cores} cores (${machine.cpuModel}), ${machine.memGiB} GiB, node ${machine.node}, ` +
      `DuckDB ${machine.duckdbVersion} with ${machine.duckdbThreads} threads; load average ${loadAtStart} at start; ` +
      `mode ${mode}, rows ${fmt(opts.rows)}; work dir ${dir}`
  )
  try {
    if (opts.cliOnly) {
      await section('7 CLI start-up', () => cliBench(dir))
      return
    }
    if (opts.gridOnly) {
      const rows = opts.full ? FULL_POSTS : opts.rows
      await section(`8 grid pages, filters, search and sort (${fmt(rows)} rows)`, async () => {
        const ws = join(dir, 'ws-grid')
        const gen = await openEngine(ws)
        await generateGridDataset(databaseForTests(gen), 900001, rows, `bench-grid-${fmt(rows)}-big`)
        gen.close()
        const engine = await openEngine(ws)
        try {
          await gridBench(engine, 900001, rows, fmt(rows))
        } finally {
          engine.close()
        }
      })
      return
    }
    if (!opts.skipImport)
      await section('1-2 import and re-import', async () => {
        const csv = join(dir, `crowdtangle-${fmt(opts.rows)}.csv`)
        const gen = await time(() => generateCrowdtangleCsv(csv, opts.rows))
        console.log(`    generated ${csv} in ${(gen.ms / 1000).toFixed(1)} s`)
        await importBench({ file: csv, rows: opts.rows, workDir: dir, label: fmt(opts.rows), reimport: true })
        await ensureAppBuild()
        await threadsImportBench({
          file: csv,
          rows: opts.rows,
          workDir: dir,
          label: fmt(opts.rows),
          cores: machine.cores
        })
        await rm(csv, { force: true })
      })
    if (opts.skipImport) {
      record({
        item: '1-3',
        name: 'import, re-import, peak memory',
        raw: {},
        ratio: null,
        target: '',
        pass: null,
        note: 'skipped (--skip-import)'
      })
    } else if (opts.full) {
      await section(`1, 3 import of ${fmt(FULL_IMPORT_ROWS)} rows and peak memory`, async () => {
        const csv = join(dir, `crowdtangle-${fmt(FULL_IMPORT_ROWS)}.csv`)
        await generateCrowdtangleCsv(csv, FULL_IMPORT_ROWS)
        await ensureAppBuild()
        await importBench({
          file: csv,
          rows: FULL_IMPORT_ROWS,
          workDir: dir,
          label: fmt(FULL_IMPORT_ROWS),
          reimport: false
        })
        await peakMemoryBench({
          file: csv,
          rows: FULL_IMPORT_ROWS,
          workDir: dir,
          label: fmt(FULL_IMPORT_ROWS),
          informational: false
        })
        await rm(csv, { force: true })
      })
    } else {
      record({
        item: '3',
        name: 'engine peak memory during the 5M-row import',
        raw: {},
        ratio: null,
        target: '< 2048 MB',
        pass: null,
        note: 'measured with --full only'
      })
    }

    const posts = opts.full ? FULL_POSTS : opts.quick ? QUICK_POSTS : opts.rows
    const smallGrid = opts.quick ? QUICK_SMALL_GRID_ROWS : SMALL_GRID_ROWS
    const ws = join(dir, 'ws-dashboard')
    // Distinct names even when --rows is the small grid's size (the grid is picked by name).
    const big = { name: `bench-grid-${fmt(posts)}-big`, rows: posts }
    const small = { name: `bench-grid-${fmt(smallGrid)}-small`, rows: smallGrid }
    const coldQueryMs = await section(`4 dashboard queries (${fmt(posts)} posts)`, async () => {
      const gen = await openEngine(ws)
      const g = await time(async () => {
        await generateDashboardData(databaseForTests(gen), posts, opts.quick ? QUICK_DASHBOARD_DAYS : undefined)
        await generateGridDataset(databaseForTests(gen), 900001, big.rows, big.name)
        await generateGridDataset(databaseForTests(gen), 900002, small.rows, small.name)
      })
      gen.close()
      console.log(`    generated the workspace in ${(g.ms / 1000).toFixed(1)} s`)
      // Reopened, so the first query run is cold, as when a user opens the workspace.
      const engine = await openEngine(ws)
      try {
        return (
          await dashboardBench(engine, posts, fmt(posts), opts.queryTimeout * 1000, {
            quick: opts.quick,
            years: opts.quick ? QUICK_DASHBOARD_DAYS / 365 : 5
          })
        ).coldRawMs
      } finally {
        engine.close()
      }
    })
    await section(`8 grid pages, filters, search and sort (${fmt(big.rows)} rows)`, async () => {
      const engine = await openEngine(ws)
      try {
        await gridBench(engine, 900001, big.rows, fmt(big.rows))
      } finally {
        engine.close()
      }
    })

    if (opts.skipBrowser) {
      record({
        item: '5',
        name: 'dashboard in Chromium',
        raw: {},
        ratio: null,
        target: '≤ 2 / ≤ 300 ms',
        pass: null,
        note: 'skipped (--skip-browser)'
      })
      record({
        item: '6',
        name: 'grid scroll in Chromium',
        raw: {},
        ratio: null,
        target: '~1',
        pass: null,
        note: 'skipped (--skip-browser)'
      })
    } else {
      await section('5-6 browser: dashboard and grid scroll', async () => {
        await ensureAppBuild()
        await browserBench({
          workspace: ws,
          postsLabel: fmt(posts),
          coldQueryMs,
          big,
          small,
          timeoutMs: opts.queryTimeout * 1000,
          scrollSteps: opts.quick ? 20 : 60
        })
      })
    }
    await section('7 CLI start-up', () => cliBench(dir, opts.quick))
  } finally {
    load.stop()
    await cleanup()
  }
  const totalMin = (performance.now() - started) / 60000
  printSummary(
    `Summary (${mode} mode, ${fmt(opts.rows)} rows; ${machine.cores} cores (${machine.cpuModel}), ${machine.memGiB} GiB, ` +
      `DuckDB threads ${machine.duckdbThreads}) — total ${totalMin.toFixed(1)} min; load average ${loadAtStart} at start, ` +
      `${formatLoad()} at end, peak 1-min ${load.peak.toFixed(1)}` +
      (load.peak > machine.cores
        ? ` (NOISY: above the ${machine.cores} cores, so no measurement taken then is a pass or a fail)`
        : '') +
      (opts.quick && totalMin > QUICK_BUDGET_MIN ? `; --quick went over its ${QUICK_BUDGET_MIN} min budget` : '')
  )
}

main()
  .catch((err: unknown) => {
    console.error('bench failed:', err instanceof Error ? (err.stack ?? err.message) : err)
    printSummary('Summary (incomplete: the bench stopped on an error)')
  })
  .finally(() => process.exit(0))
