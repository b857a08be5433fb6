/**
 * Items 4, 4b and 4c alone, on a workspace kept between runs, for comparing a change before and after:
 *   npx tsx scripts/bench/dashboardOnly.ts DIR POSTS
 * DIR is generated as the bench's item 4 workspace when missing (20 institutions x 5 platforms x 5 years) and
 * reused after. Prints the load before and after; a measurement taken above the core count says NOISY.
 */
import { existsSync } from 'node:fs'
import { databaseForTests, openEngine } from '../../src/main/engine/engine'
import { dashboardBench } from './dashboardBench'
import { generateDashboardData } from './dashboardData'
import { describeMachine, formatLoad, LoadWatch } from './machine'
import { judgeLoadWith, printSummary } from './report'

async function main(): Promise<void> {
  const [dir, postsArg] = process.argv.slice(2)
  const posts = Number(postsArg)
  if (!dir || !Number.isInteger(posts)) throw new Error('usage: dashboardOnly.ts DIR POSTS')
  if (!existsSync(dir)) {
    const gen = await openEngine(dir)
    const t = performance.now()
    await generateDashboardData(databaseForTests(gen), posts)
    console.log(`generated ${posts} posts in ${((performance.now() - t) / 1000).toFixed(1)} s`)
    gen.close()
  }
  const machine = await describeMachine()
  const load = new LoadWatch(machine.cores)
  judgeLoadWith(() => load.noisySince())
  const before = formatLoad()
  // Opened afresh, so the first run is cold as in the bench.
  const engine = await openEngine(dir)
  try {
    await dashboardBench(engine, posts, posts.toLocaleString('en-US'), 600_000)
  } finally {
    engine.close()
    load.stop()
  }
  printSummary(
    `Dashboard, ${posts.toLocaleString('en-US')} posts: ${machine.cores} cores, DuckDB ${machine.duckdbVersion}; ` +
      `load ${before} before, ${formatLoad()} after, peak ${load.peak.toFixed(1)}`
  )
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
