/**
 * The compiled CLI loads a heavy module only in a command that uses it (issue 14: `--version` must start at
 * once, `sql` must not pay for the chart renderers or the Excel writer). The real command runs with a probe
 * (test/support/moduleTrace.cjs) that lists every npm package the process loaded; no timing, so no noise.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../test/support/cli'

const PROBE = resolve(__dirname, '../../test/support/moduleTrace.cjs')
const DUCKDB = '@duckdb/node-api'
/** What the charts, the deck, the workbooks and the grid's pages need, and nothing at start-up does. */
const RENDERERS = ['@observablehq/plot', '@resvg/resvg-js', 'exceljs', 'linkedom', 'pptxgenjs']
const ARROW = 'apache-arrow'

let root: string
let ws: string
let run = 0

/** The npm packages `socialbench ...args` loaded, after checking that it succeeded. */
async function packagesLoaded(...args: string[]): Promise<string[]> {
  const trace = join(root, `trace-${run++}.json`)
  const r = await runCli(args, { nodeArgs: ['--require', PROBE], env: { SB_MODULE_TRACE: trace } })
  expect(r.code, r.stderr).toBe(0)
  return JSON.parse(readFileSync(trace, 'utf8')) as string[]
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sb-cli-lazy-'))
  ws = join(root, 'ws')
  const csv = join(root, 'small.csv')
  writeFileSync(csv, 'day,views\n2024-01-01,3\n2024-01-02,4\n')
  // The import is traced too: reading a CSV needs DuckDB, and none of the renderers.
  const imported = await packagesLoaded('import', '--workspace', ws, csv)
  expect(imported).toContain(DUCKDB)
  expect(imported.filter((p) => RENDERERS.includes(p))).toEqual([])
}, 120_000)
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('the compiled CLI loads heavy modules only where a command uses them', () => {
  it('--version and --help load the argument parser and the contract, not DuckDB or a renderer', async () => {
    for (const args of [['--version'], ['--help'], ['benchmark', '--help']]) {
      const loaded = await packagesLoaded(...args)
      expect(loaded, args.join(' ')).not.toContain(DUCKDB)
      expect(
        loaded.filter((p) => [...RENDERERS, ARROW].includes(p)),
        args.join(' ')
      ).toEqual([])
    }
  })

  it('sql loads DuckDB and no renderer, no Arrow', async () => {
    const loaded = await packagesLoaded('sql', '--workspace', ws, '--json', 'SELECT count(*) AS n FROM datasets')
    // The probe sees what a command loads: without DuckDB this test would prove nothing.
    expect(loaded).toContain(DUCKDB)
    expect(loaded.filter((p) => [...RENDERERS, ARROW].includes(p))).toEqual([])
  })

  it('a command that opens the engine for a list loads no renderer', async () => {
    const loaded = await packagesLoaded('institutions', '--workspace', ws)
    expect(loaded).toContain(DUCKDB)
    expect(loaded.filter((p) => RENDERERS.includes(p))).toEqual([])
  })
})
