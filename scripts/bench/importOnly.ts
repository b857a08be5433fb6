/** `npm run bench:import -- <rows>`: items 1-2 alone (generate, DuckDB baseline, import, re-import), for profiling. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateCrowdtangleCsv } from './generateCsv'
import { importBench } from './importBench'
import { printSummary } from './report'

async function main(): Promise<void> {
  const rows = Number.parseInt((process.argv[2] ?? '200000').replace(/_/g, ''), 10)
  const dir = await mkdtemp(join(process.env.BENCH_DIR ?? tmpdir(), 'socialbench-import-'))
  try {
    const csv = join(dir, `crowdtangle-${rows}.csv`)
    await generateCrowdtangleCsv(csv, rows)
    await importBench({
      file: csv,
      rows,
      workDir: dir,
      label: String(rows),
      reimport: process.argv.includes('--reimport')
    })
    printSummary(`Import only, ${rows} rows`)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
