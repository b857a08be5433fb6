/**
 * The benchmark channel's own connection, which remembers what it computed. Every control change re-runs the whole
 * dashboard, yet most of that work does not depend on the control that changed: another convention leaves the
 * scope (accounts, follower history, day sums) and every follower, cadence and channel chart as they were; another
 * range preset keeps the follower history (every preset ends on the last day with data). So the session keeps the
 * scope's TEMP tables and the rows of every read between requests, and redoes only what the new request changes:
 *
 * - a read without parameters gets the remembered rows of the same SQL over the same tables (the TEMP tables it
 *   names, each with the key of its own SQL and of the tables that names, and so on);
 * - `CREATE OR REPLACE TEMP TABLE|VIEW name AS body` only defines `name`: it is built when a read that is not
 *   remembered names it, and not again while the connection holds it as defined.
 *
 * Both hold only while the workspace's data stays the same: Database.dataVersion moves with every write that can
 * change what the dashboard reads, and then everything remembered is dropped. Any other statement drops it too.
 * Requests run one at a time here (a TEMP table is the connection's, not the request's); DuckDB uses every core
 * for each statement anyway. The property test (postDays.property.test.ts) holds the channel to the per-post SQL.
 */
import { createHash } from 'node:crypto'
import type { DuckDBConnection, DuckDBResultReader, DuckDBValue } from '@duckdb/node-api'
import type { Database, ReadConn } from '../db/duckdb'

const CREATE_TEMP = /^\s*CREATE OR REPLACE TEMP (?:TABLE|VIEW) (\w+) AS\b/i
const READ = /^\s*(?:SELECT|WITH)\b/i
/** Enough for several requests' reads (a request makes about 30); the oldest go first. */
const MAX_READS = 400

export interface SessionStats {
  /** CREATE statements run on the connection. */
  tablesBuilt: number
  readsRun: number
  readsKept: number
}

interface Definition {
  sql: string
  key: string
  /** The keys of the tables it names, as they were when it was defined. */
  deps: Map<string, string>
}

export class DashboardSession {
  private conn: Promise<ReadConn> | null = null
  private queue: Promise<unknown> = Promise.resolve()
  private version = -1
  /** TEMP table or view → its latest definition (what the request asked for). */
  private readonly defined = new Map<string, Definition>()
  /** TEMP table or view → the key of what the connection holds under that name. */
  private readonly held = new Map<string, string>()
  private readonly names = new Map<string, RegExp>()
  private readonly reads = new Map<string, DuckDBResultReader>()
  readonly stats: SessionStats = { tablesBuilt: 0, readsRun: 0, readsKept: 0 }

  constructor(private readonly db: Database) {}

  /** Run `fn` on the session's connection, after every earlier request has finished. */
  run<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      const conn = await (this.conn ??= this.db.connectReader())
      if (this.db.dataVersion !== this.version) this.forget(this.db.dataVersion)
      return fn(this.remembering(conn))
    })
    this.queue = next.catch(() => undefined)
    return next
  }

  /** Drop everything remembered (the bench measures requests as if nothing were). */
  forget(version = -1): void {
    this.defined.clear()
    this.held.clear()
    this.reads.clear()
    this.version = version
  }

  /** The defined TEMP tables `sql` names (but `self`, the one a CREATE replaces), with their keys. */
  private deps(sql: string, self?: string): Map<string, string> {
    const deps = new Map<string, string>()
    for (const [name, d] of [...this.defined].sort(([a], [b]) => a.localeCompare(b))) {
      if (name === self) continue
      let re = this.names.get(name)
      if (!re) this.names.set(name, (re = new RegExp(`\\b${name}\\b`, 'i')))
      if (re.test(sql)) deps.set(name, d.key)
    }
    return deps
  }

  /** The SQL and the keys of the tables it names: equal keys, equal rows (while the data stays the same). */
  private static key(sql: string, deps: Map<string, string>): string {
    const h = createHash('sha256').update(sql)
    for (const [name, key] of deps) h.update(`\u0000${name}=${key}`)
    return h.digest('hex')
  }

  /**
   * Make the connection hold `name` as defined, building what it names first. Tables are built only when a read
   * that is not remembered needs them: a request whose reads are all remembered builds nothing.
   */
  private async materialize(conn: ReadConn, name: string): Promise<void> {
    const d = this.defined.get(name)
    if (!d || this.held.get(name) === d.key) return
    for (const [dep, key] of d.deps) {
      // runBenchmark defines each table once per request; a dependency redefined since would be built wrongly.
      if (this.defined.get(dep)?.key !== key) throw new Error(`TEMP ${name}: ${dep} was redefined after it`)
      await this.materialize(conn, dep)
    }
    this.held.delete(name)
    await conn.run(d.sql)
    this.held.set(name, d.key)
    this.stats.tablesBuilt++
  }

  private remembering(conn: ReadConn): DuckDBConnection {
    const run = async (sql: string, values?: DuckDBValue[]) => {
      const name = values === undefined ? CREATE_TEMP.exec(sql)?.[1]?.toLowerCase() : undefined
      if (!name) {
        this.forget(this.version)
        return conn.run(sql, values)
      }
      const deps = this.deps(sql, name)
      this.defined.set(name, { sql, deps, key: DashboardSession.key(sql, deps) })
      // Built when a read needs it (materialize); nothing reads the result of a CREATE.
      return undefined as unknown as Awaited<ReturnType<DuckDBConnection['run']>>
    }
    const runAndReadAll = async (sql: string, values?: DuckDBValue[]) => {
      if (values !== undefined || !READ.test(sql)) {
        if (!READ.test(sql)) this.forget(this.version)
        else for (const name of this.deps(sql).keys()) await this.materialize(conn, name)
        return conn.runAndReadAll(sql, values)
      }
      const deps = this.deps(sql)
      const key = DashboardSession.key(sql, deps)
      const kept = this.reads.get(key)
      if (kept) {
        this.stats.readsKept++
        return kept
      }
      for (const name of deps.keys()) await this.materialize(conn, name)
      const reader = await conn.runAndReadAll(sql)
      this.stats.readsRun++
      this.reads.set(key, reader)
      if (this.reads.size > MAX_READS) this.reads.delete(this.reads.keys().next().value as string)
      return reader
    }
    return new Proxy(conn, {
      get(target, prop) {
        if (prop === 'run') return run
        if (prop === 'runAndReadAll') return runAndReadAll
        const v = Reflect.get(target, prop, target) as unknown
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v
      }
    })
  }
}

const sessions = new WeakMap<Database, DashboardSession>()

/** The workspace's one session (the benchmark channel's; the bench reaches it to measure without what it keeps). */
export function dashboardSession(db: Database): DashboardSession {
  let s = sessions.get(db)
  if (!s) sessions.set(db, (s = new DashboardSession(db)))
  return s
}
