/**
 * What a bench run says about its machine, and whether the machine was quiet enough for a verdict. Ratios are only
 * comparable on an otherwise idle machine: a 1-minute load average above the core count means other work competed
 * for the cores, so a measurement taken then is printed as NOISY instead of PASS or FAIL.
 */
import { cpus, loadavg, totalmem } from 'node:os'
import { DuckDBInstance } from '@duckdb/node-api'

export interface MachineInfo {
  cores: number
  cpuModel: string
  memGiB: number
  node: string
  duckdbVersion: string
  duckdbThreads: number
}

/** DuckDB's own defaults, read from a throwaway in-memory instance (the engine does not override threads). */
export async function describeMachine(): Promise<MachineInfo> {
  const instance = await DuckDBInstance.create(':memory:')
  const conn = await instance.connect()
  try {
    const r = await conn.runAndReadAll(`SELECT version() AS v, current_setting('threads')::INTEGER AS t`)
    const [row] = r.getRowObjectsJson() as { v: string; t: number }[]
    return {
      cores: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      memGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      duckdbVersion: String(row.v),
      duckdbThreads: Number(row.t)
    }
  } finally {
    conn.closeSync()
    instance.closeSync()
  }
}

export const formatLoad = (l: number[] = loadavg()): string => l.map((x) => x.toFixed(1)).join(' ')

/**
 * Samples the 1-minute load average every few seconds. `noisySince()` says whether the load went above the core
 * count since the last call, so each measurement is judged on the load during its own time. The bench's own work
 * can reach the core count (DuckDB uses every core) but not exceed it by much; more than that is someone else.
 */
export class LoadWatch {
  private maxSinceMark = 0
  private maxOverall = 0
  private readonly timer: NodeJS.Timeout

  constructor(
    readonly cores: number = cpus().length,
    intervalMs = 2000
  ) {
    this.sample()
    this.timer = setInterval(() => this.sample(), intervalMs)
    this.timer.unref()
  }

  private sample(): void {
    const one = loadavg()[0]
    this.maxSinceMark = Math.max(this.maxSinceMark, one)
    this.maxOverall = Math.max(this.maxOverall, one)
  }

  /** The highest load since the previous call, and whether it was above the core count; starts a new window. */
  noisySince(): { maxLoad: number; noisy: boolean } {
    this.sample()
    const maxLoad = this.maxSinceMark
    this.maxSinceMark = loadavg()[0]
    return { maxLoad, noisy: maxLoad > this.cores }
  }

  get peak(): number {
    return this.maxOverall
  }

  stop(): void {
    clearInterval(this.timer)
  }
}
