/**
 * Where the dashboard's time goes: every statement the benchmark channel sends, timed, on a generated workspace.
 *   npx tsx scripts/bench/profileDashboard.ts DIR POSTS [EXPLAIN]
 * The workspace in DIR is generated once (as the bench's item 4) and reused on later runs. Three requests on one
 * connection, without the channel's session (so each computes everything); the slowest statements of the last are
 * listed, and the EXPLAIN slowest of them are run again under EXPLAIN ANALYZE.
 */
import { existsSync } from 'node:fs'
import type { DuckDBConnection } from '@duckdb/node-api'
import { databaseForTests, openEngine } from '../../src/main/engine/engine'
import { runBenchmark } from '../../src/main/engine/metrics/benchmark'
import { generateDashboardData } from './dashboardData'
import { DASHBOARD_REQUEST, POSTS_SCAN_SQL } from './dashboardBench'

async function main(): Promise<void> {
  const [dir, postsArg] = process.argv.slice(2)
  const posts = Number(postsArg)
  const explain = Number(process.argv[4] ?? 0)
  const fresh = !existsSync(dir)
  const engine = await openEngine(dir)
  if (fresh) {
    const t = performance.now()
    await generateDashboardData(databaseForTests(engine), posts)
    console.log(`generated ${posts} posts in ${((performance.now() - t) / 1000).toFixed(1)} s`)
  }
  const db = databaseForTests(engine)
  await db.withConnection(async (conn: DuckDBConnection) => {
    const times: { ms: number; sql: string }[] = []
    const original = conn.runAndReadAll.bind(conn)
    const originalRun = conn.run.bind(conn)
    let depth = 0
    const wrap =
      (f: (sql: string, ...r: unknown[]) => Promise<unknown>) =>
      async (sql: string, ...rest: unknown[]) => {
        if (depth > 0) return f(sql, ...rest)
        depth++
        const t = performance.now()
        try {
          return await f(sql, ...rest)
        } finally {
          depth--
          times.push({ ms: performance.now() - t, sql })
        }
      }
    ;(conn as unknown as Record<string, unknown>).runAndReadAll = wrap(original as never)
    ;(conn as unknown as Record<string, unknown>).run = wrap(originalRun as never)
    for (let rep = 0; rep < 3; rep++) {
      times.length = 0
      const t = performance.now()
      await runBenchmark(conn, DASHBOARD_REQUEST)
      const total = performance.now() - t
      const t2 = performance.now()
      await original(POSTS_SCAN_SQL)
      const scan = performance.now() - t2
      const inSql = times.reduce((a, b) => a + b.ms, 0)
      console.log(
        `\nrun ${rep}: total ${total.toFixed(0)} ms, in SQL ${inSql.toFixed(0)} ms, posts scan ${scan.toFixed(1)} ms`
      )
      if (rep === 2) {
        for (const x of [...times].sort((a, b) => b.ms - a.ms).slice(0, 25))
          console.log(`${x.ms.toFixed(1).padStart(8)} ms  ${x.sql.replace(/\s+/g, ' ').trim().slice(0, 160)}`)
        if (explain) {
          for (const x of [...times].sort((a, b) => b.ms - a.ms).slice(0, explain)) {
            const r = await original(`EXPLAIN ANALYZE ${x.sql}`)
            console.log(
              `\n===== ${x.ms.toFixed(1)} ms\n${x.sql}\n${(r.getRows() as unknown[][]).map((row) => row[1]).join('\n')}`
            )
          }
        }
      }
    }
  })
  engine.close()
}
void main()
