/**
 * `npx tsx scripts/bench/importTrace.ts <csv>`: one import with every SQL statement's wall time printed in order,
 * for finding where a first import's time goes (importBench's phases, statement by statement).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DuckDBConnection } from '@duckdb/node-api'
import { databaseForTests, openEngine } from '../../src/main/engine/engine'
import { invoke } from '../../src/main/engine/invoke'
import { duckdbReadCsv } from './importBench'
import { classify } from './sqlProfile'

async function main(): Promise<void> {
  const file = process.argv[2]
  const dir = await mkdtemp(join(process.env.BENCH_DIR ?? tmpdir(), 'socialbench-trace-'))
  const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000
  const b0 = process.cpuUsage()
  const duck = await duckdbReadCsv(file, join(dir, 'baseline.duckdb'))
  console.log(
    `DuckDB read_csv alone: ${duck.toFixed(0)} ms, cpu ${cpuMs(process.cpuUsage(b0)).toFixed(0)} ms; load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`
  )
  const engine = await openEngine(join(dir, 'ws'))
  const t0 = performance.now()
  const rows: { at: number; ms: number; cpu: number; kind: string; sql: string }[] = []
  const db = databaseForTests(engine)
  const cpu0 = process.cpuUsage()
  for (const conn of [db.writer, db.reader] as DuckDBConnection[]) {
    let depth = 0
    for (const method of ['run', 'runAndReadAll'] as const) {
      const original = conn[method] as (...a: unknown[]) => Promise<unknown>
      ;(conn as unknown as Record<string, unknown>)[method] = async function (
        this: unknown,
        sql: string,
        ...rest: unknown[]
      ) {
        if (depth > 0) return original.call(this, sql, ...rest)
        depth++
        const s = performance.now()
        const c = process.cpuUsage()
        try {
          return await original.call(this, sql, ...rest)
        } finally {
          depth--
          rows.push({
            at: s - t0,
            ms: performance.now() - s,
            cpu: cpuMs(process.cpuUsage(c)),
            kind: classify(sql),
            sql
          })
        }
      }
    }
  }
  try {
    await invoke(engine, 'importFile', { path: file, jobId: 'trace' })
    const total = performance.now() - t0
    let prevEnd = 0
    for (const r of rows) {
      const gap = r.at - prevEnd
      if (gap > 20) console.log(`${'JS gap'.padEnd(24)} ${gap.toFixed(0).padStart(6)} ms`)
      if (r.ms > 20)
        console.log(
          `${r.kind.padEnd(24)} ${r.ms.toFixed(0).padStart(6)} ms ${r.cpu.toFixed(0).padStart(6)} cpu  ${r.sql.replace(/\s+/g, ' ').slice(0, 150)}`
        )
      prevEnd = r.at + r.ms
    }
    // TRACE_SQL=<file>: every statement in full, in order, to replay pieces of an import by hand.
    if (process.env.TRACE_SQL) await writeFile(process.env.TRACE_SQL, rows.map((r) => `${r.sql};\n`).join(''))
    const byKind = new Map<string, [number, number]>()
    for (const r of rows) {
      const k = byKind.get(r.kind) ?? [0, 0]
      byKind.set(r.kind, [k[0] + r.ms, k[1] + r.cpu])
    }
    for (const [k, [ms, cpu]] of [...byKind].sort((a, b) => b[1][0] - a[1][0]))
      console.log(`  ${k.padEnd(24)} ${ms.toFixed(0).padStart(6)} ms ${cpu.toFixed(0).padStart(6)} ms cpu`)
    console.log(
      `  before first SQL ${rows[0]?.at.toFixed(0)} ms; process cpu ${cpuMs(process.cpuUsage(cpu0)).toFixed(0)} ms`
    )
    console.log(
      `load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`
    )
    console.log(
      `total ${total.toFixed(0)} ms, ${rows.length} statements, in SQL ${rows.reduce((n, r) => n + r.ms, 0).toFixed(0)} ms`
    )
  } finally {
    engine.close()
    await rm(dir, { recursive: true, force: true })
  }
}
main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
