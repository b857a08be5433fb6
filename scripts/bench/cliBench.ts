/**
 * Item 7: the compiled CLI starts at once. Medians of interleaved runs, each a fresh process:
 *   `socialbench --version` against `node -e 0` (target ≤ 3x), and
 *   `socialbench sql` on a small workspace against plain Node opening the same file with @duckdb/node-api and
 *   running the same query (target ≤ 2x).
 * The CLI is built first (npm run build:cli), so what is measured is what `npx socialbench` runs.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { openEngine } from '../../src/main/engine/engine'
import { invoke } from '../../src/main/engine/invoke'
import { workspacePaths } from '../../src/main/engine/workspace'
import { median, record, time } from './report'

const ROOT = resolve(__dirname, '../..')
const BIN = join(ROOT, 'bin/socialbench.cjs')
const run = promisify(execFile)
const QUERY = 'SELECT count(*) AS n, sum(row_count) AS rows FROM datasets'

/** Plain Node with nothing of Socialbench: open the file read-only, run the query, print JSON. */
const plainDuckdb = (dbFile: string) => `
const { DuckDBInstance } = require('@duckdb/node-api')
;(async () => {
  const db = await DuckDBInstance.create(${JSON.stringify(dbFile)}, { access_mode: 'READ_ONLY' })
  const conn = await db.connect()
  const reader = await conn.runAndReadAll(${JSON.stringify(QUERY)})
  console.log(JSON.stringify(reader.getRowObjectsJson()))
  conn.closeSync()
  db.closeSync()
})()`

async function wallMs(args: string[]): Promise<number> {
  return (await time(() => run(process.execPath, args, { cwd: ROOT }))).ms
}

/** `quick` (bench --quick): the existing CLI build when there is one, and 3 rounds instead of 9. */
export async function cliBench(dir: string, quick = false): Promise<void> {
  const rounds = quick ? 3 : 9
  if (quick && existsSync(join(ROOT, 'out/cli'))) {
    console.log('    reusing the existing CLI build in out/cli (--quick; npm run build:cli refreshes it)')
  } else {
    console.log('    building the CLI (npm run build:cli)...')
    await run('npm', ['run', 'build:cli'], { cwd: ROOT })
  }
  const ws = join(dir, 'ws-cli')
  const engine = await openEngine(ws)
  try {
    // A small workspace: the sample's first files would do, but one tiny import keeps this item quick.
    const { writeFile } = await import('node:fs/promises')
    const csv = join(dir, 'cli-small.csv')
    await writeFile(csv, 'day,views\n2024-01-01,3\n2024-01-02,4\n')
    await invoke(engine, 'importFile', { path: csv, jobId: 'bench-cli' })
  } finally {
    engine.close()
  }
  const dbFile = workspacePaths(ws).dbFile
  const same = [
    (await run(process.execPath, [BIN, 'sql', '--workspace', ws, '--json', QUERY], { cwd: ROOT })).stdout,
    (await run(process.execPath, ['-e', plainDuckdb(dbFile)], { cwd: ROOT })).stdout
    // The CLI prints BIGINTs as JSON numbers, DuckDB's JSON rows as strings: compare the text of each value.
  ].map((s) => JSON.stringify((JSON.parse(s) as Record<string, unknown>[]).map((r) => Object.values(r).map(String))))
  if (same[0] !== same[1]) throw new Error(`the CLI and plain Node disagree: ${same[0]} vs ${same[1]}`)

  const t = { node: [] as number[], version: [] as number[], plainSql: [] as number[], cliSql: [] as number[] }
  // Interleaved, so a burst of load on the machine hits both sides of a ratio alike.
  for (let i = 0; i < rounds; i++) {
    t.node.push(await wallMs(['-e', '0']))
    t.version.push(await wallMs([BIN, '--version']))
    t.plainSql.push(await wallMs(['-e', plainDuckdb(dbFile)]))
    t.cliSql.push(await wallMs([BIN, 'sql', '--workspace', ws, '--json', QUERY]))
  }
  const m = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, median(v)])) as Record<keyof typeof t, number>
  const versionRatio = m.version / m.node
  record({
    item: '7a',
    name: 'socialbench --version vs node -e 0',
    raw: { 'socialbench --version': m.version, 'node -e 0': m.node },
    ratio: versionRatio,
    target: '≤ 3',
    pass: versionRatio <= 3,
    note: `medians of ${rounds} runs each`
  })
  const sqlRatio = m.cliSql / m.plainSql
  record({
    item: '7b',
    name: 'socialbench sql vs plain Node + @duckdb/node-api, same file and query',
    raw: { 'socialbench sql': m.cliSql, 'plain node': m.plainSql },
    ratio: sqlRatio,
    target: '≤ 2',
    pass: sqlRatio <= 2,
    note: `medians of ${rounds} runs each; query: ${QUERY}`
  })
}
