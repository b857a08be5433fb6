/**
 * Where a control change's time goes: the bench's item 4c changes (CONTROL_CHANGES) through the benchmark channel,
 * its session warm as in the app, with every statement the session actually sends to DuckDB timed.
 *   npx tsx scripts/bench/profileChanges.ts DIR POSTS [TOP]
 * JS_PROFILE=FILE writes the main thread's CPU profile of the changes (open it in Chrome's DevTools).
 * DIR holds a workspace generated as item 4's (made on the first run, reused after). Prints, per change, the total,
 * its CPU time (every thread of the process: DuckDB's too, so less at the mercy of a loaded machine than the
 * wall time), the time in SQL, a posts scan (the bench's yardstick) and the TOP statements that took the most CPU.
 */
import { existsSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import type { DuckDBConnection } from '@duckdb/node-api'
import type { BenchmarkRequest } from '../../src/shared/benchmark'
import { databaseForTests, openEngine } from '../../src/main/engine/engine'
import { invoke } from '../../src/main/engine/invoke'
import { dashboardSession } from '../../src/main/engine/metrics/dashboardSession'
import { generateDashboardData } from './dashboardData'
import { CONTROL_CHANGES, DASHBOARD_REQUEST, POSTS_SCAN_SQL } from './dashboardBench'

/** Record every run/runAndReadAll on `conn` into `times` (the session's own statements, not its remembered reads). */
function timed<C extends DuckDBConnection>(conn: C, times: { ms: number; cpu: number; sql: string }[]): C {
  // runAndReadAll calls run: time the outer call only.
  let depth = 0
  for (const m of ['run', 'runAndReadAll'] as const) {
    const f = (conn[m] as (...a: unknown[]) => Promise<unknown>).bind(conn)
    ;(conn as unknown as Record<string, unknown>)[m] = async (sql: string, ...rest: unknown[]) => {
      if (depth > 0) return f(sql, ...rest)
      depth++
      const t = performance.now()
      const c = process.cpuUsage()
      try {
        return await f(sql, ...rest)
      } finally {
        depth--
        const u = process.cpuUsage(c)
        times.push({ ms: performance.now() - t, cpu: (u.user + u.system) / 1000, sql })
      }
    }
  }
  return conn
}

async function main(): Promise<void> {
  const [dir, postsArg, topArg] = process.argv.slice(2)
  const top = Number(topArg ?? 8)
  const fresh = !existsSync(dir)
  const engine = await openEngine(dir)
  const db = databaseForTests(engine)
  if (fresh) {
    const t = performance.now()
    await generateDashboardData(db, Number(postsArg))
    console.log(`generated ${postsArg} posts in ${((performance.now() - t) / 1000).toFixed(1)} s`)
  }
  const times: { ms: number; cpu: number; sql: string }[] = []
  const connect = db.connectReader.bind(db)
  db.connectReader = async () => timed(await connect(), times)
  const session = dashboardSession(db)
  const step = async (name: string, req: BenchmarkRequest) => {
    times.length = 0
    const cpu = process.cpuUsage()
    const t = performance.now()
    await invoke(engine, 'benchmark', req)
    const total = performance.now() - t
    const used = process.cpuUsage(cpu)
    const cpuMs = (used.user + used.system) / 1000
    const t2 = performance.now()
    await db.reader.runAndReadAll(POSTS_SCAN_SQL)
    const scan = performance.now() - t2
    const inSql = times.reduce((a, b) => a + b.ms, 0)
    console.log(
      `\n${name}: total ${total.toFixed(0)} ms (CPU ${cpuMs.toFixed(0)} ms), in SQL ${inSql.toFixed(0)} ms (${times.length} statements), posts scan ${scan.toFixed(1)} ms`
    )
    for (const x of [...times].sort((a, b) => b.cpu - a.cpu).slice(0, top))
      console.log(
        `${x.cpu.toFixed(0).padStart(5)} CPU ${x.ms.toFixed(0).padStart(5)} ms  ${x.sql.replace(/\s+/g, ' ').trim().slice(0, 150)}`
      )
  }
  session.forget()
  await step('first request', DASHBOARD_REQUEST)
  // JS_PROFILE=file.cpuprofile: the main thread's CPU profile of the changes (not the first request).
  const inspector = process.env.JS_PROFILE ? new Session() : null
  if (inspector) {
    inspector.connect()
    await inspector.post('Profiler.enable')
    await inspector.post('Profiler.start')
  }
  let req = DASHBOARD_REQUEST
  for (const [name, change] of CONTROL_CHANGES) await step(name, (req = { ...req, ...change }))
  if (inspector)
    writeFileSync(String(process.env.JS_PROFILE), JSON.stringify((await inspector.post('Profiler.stop')).profile))
  engine.close()
}
void main()
