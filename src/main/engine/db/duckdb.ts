/**
 * One DuckDB database file, two connections: writes are serialised on `writer` (imports, renames, deletes),
 * reads (grid pages, lists) run on `reader` so a long import never blocks scrolling.
 */
import { DuckDBConnection, DuckDBInstance, DuckDBTimestampTZValue, type DuckDBValue } from '@duckdb/node-api'
import { AppFailure } from '../../../shared/result'
import { isDiskFull, isLockConflict, isPermissionDenied } from './duckdbMessages'

export type Row = Record<string, unknown>

/**
 * The two connection kinds, branded as Signal brands ReadableDB and WritableDB: a `WriteConn` is also a `ReadConn`
 * (a read inside a write sees the write's own rows), but a write needs a `WriteConn`, so nothing writes on the
 * reader, and a read on the writer is spelled out (`db.all(sql, params, db.writer)`). Reads on the writer queue
 * behind a running import's statements (13.7 s seen for listInstitutions) and fail once that import is cancelled
 * mid-transaction; reads that answer the window belong on the reader.
 */
export type ReadConn = DuckDBConnection & { readonly __readConn: unique symbol }
export type WriteConn = ReadConn & { readonly __writeConn: unique symbol }

/**
 * Instants are UTC everywhere the engine turns them into text or days, whatever the machine's zone: DuckDB's
 * TimeZone setting defaults to the system zone (so `date_trunc('day', ts)` on a TIMESTAMPTZ moved days with the
 * laptop), and @duckdb/node-api writes TIMESTAMPTZ text with the process's offset at load time (not even per date,
 * so DST was ignored). Local times are computed explicitly per account zone (localTimeSql in metrics/scope.ts), never implicitly.
 * Tests run under a non-UTC TZ (vitest.config.ts) to keep it so.
 */
DuckDBTimestampTZValue.timezoneOffsetInMinutes = 0

/** Runs on every connection an engine database or sandbox opens, before anything else. */
export async function useUtc(conn: DuckDBConnection): Promise<void> {
  await conn.run(`SET TimeZone = 'UTC'`)
}

/** Settings applied to every database the engine opens: nothing is ever fetched from the network. */
export const SAFE_OPTIONS: Record<string, string> = {
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
  allow_community_extensions: 'false'
}

/**
 * The workspace database's memory budget. DuckDB's own default is 80% of RAM, which let a 5M-row import peak at
 * 4.9 GB resident on a 24 GB machine (npm run bench -- --full); a laptop app shares memory with everything else.
 * Past the budget DuckDB spills to <workspace>.duckdb.tmp, so big imports and queries still finish, only slower.
 * SOCIALBENCH_MEMORY_LIMIT (a DuckDB size such as '4GB') overrides it.
 */
export const DEFAULT_MEMORY_LIMIT = '1GB'

export function memoryLimit(env: NodeJS.ProcessEnv = process.env): string {
  const wanted = env.SOCIALBENCH_MEMORY_LIMIT?.trim()
  return wanted && /^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(wanted) ? wanted : DEFAULT_MEMORY_LIMIT
}

/**
 * DuckDB's worker threads: its default (the machine's cores) unless SOCIALBENCH_THREADS (a whole number ≥ 1) says
 * otherwise. The bench runs imports at 1 thread and at the core count, because the engine's serial phases weigh more
 * where DuckDB reads faster (a laptop with 8 cores).
 */
export function threadOption(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const wanted = env.SOCIALBENCH_THREADS?.trim()
  return wanted && /^[1-9]\d{0,3}$/.test(wanted) ? { threads: wanted } : {}
}

/** A write to the settings table alone (the dashboard's last request, saved setups): no data the charts read. */
export interface WriteOptions {
  settingsOnly?: boolean
}

export class Database {
  private queue: Promise<unknown> = Promise.resolve()
  private readonly connections: DuckDBConnection[] = []
  private version = 0

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly writer: WriteConn,
    readonly reader: ReadConn
  ) {}

  static async open(path: string, options: Record<string, string> = {}): Promise<Database> {
    let instance: DuckDBInstance
    try {
      instance = await DuckDBInstance.create(path, {
        ...SAFE_OPTIONS,
        // Follower history is joined "as of" a day; DuckDB's nested-loop ASOF plan for small left sides never
        // finishes on years × accounts (measured by npm run bench: 40 s → 1.3 s for one 90-day query).
        asof_loop_join_threshold: '0',
        memory_limit: memoryLimit(),
        ...threadOption(),
        ...options
      })
    } catch (err) {
      throw translateOpenError(path, err)
    }
    const writer = (await instance.connect()) as WriteConn
    const reader = (await instance.connect()) as ReadConn
    await useUtc(writer)
    await useUtc(reader)
    return new Database(path, instance, writer, reader)
  }

  /** Read rows as plain JS values (BIGINT → number when safe, dates → strings). */
  async all(sql: string, params: DuckDBValue[] = [], conn: ReadConn = this.reader): Promise<Row[]> {
    const reader = await conn.runAndReadAll(sql, params)
    return reader.getRowObjectsJson() as Row[]
  }

  /**
   * Changes whenever data may have changed: at the start and at the end of every write (but settingsOnly ones), so
   * a result computed while the number stayed the same saw the data as it is (metrics/dashboardSession.ts).
   */
  get dataVersion(): number {
    return this.version
  }

  async run(sql: string, params: DuckDBValue[] = [], conn: WriteConn = this.writer): Promise<void> {
    this.version++
    try {
      await conn.run(sql, params)
    } finally {
      this.version++
    }
  }

  /**
   * Run `fn` inside one transaction on the writer, after every earlier write has finished.
   * Anything thrown rolls the whole transaction back, so a failed or cancelled import leaves no trace.
   */
  write<T>(fn: (conn: WriteConn) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    const bump = options.settingsOnly ? 0 : 1
    const next = this.queue.then(async () => {
      this.version += bump
      await this.writer.run('BEGIN TRANSACTION')
      try {
        const value = await fn(this.writer)
        await this.writer.run('COMMIT')
        return value
      } catch (err) {
        await this.writer.run('ROLLBACK').catch(() => undefined)
        throw err
      } finally {
        this.version += bump
      }
    })
    this.queue = next.catch(() => undefined)
    return next
  }

  /**
   * Run `fn` after every earlier write, with no write starting until it ends, and outside any transaction: for a
   * CHECKPOINT followed by a copy of the file (export, duplicate), which must not see a write land half-way.
   */
  exclusive<T>(fn: (conn: WriteConn) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      this.version++
      try {
        return await fn(this.writer)
      } finally {
        this.version++
      }
    })
    this.queue = next.catch(() => undefined)
    return next
  }

  /**
   * Run `fn` on a connection of its own, closed afterwards: for work that creates TEMP tables (a benchmark
   * request), so concurrent requests never see each other's.
   */
  async withConnection<T>(fn: (conn: WriteConn) => Promise<T>): Promise<T> {
    const conn = (await this.instance.connect()) as WriteConn
    try {
      await useUtc(conn)
      return await fn(conn)
    } finally {
      conn.closeSync()
    }
  }

  /**
   * A long-lived read connection of its own, closed with the database: for TEMP tables that outlive one request
   * (the grid's materialised views, gridViews.ts), kept off the reader so building one never delays a list or a page.
   */
  async connectReader(): Promise<ReadConn> {
    const conn = (await this.instance.connect()) as ReadConn
    await useUtc(conn)
    this.connections.push(conn)
    return conn
  }

  /** Close a connection from connectReader (its TEMP tables go with it). */
  closeConnection(conn: ReadConn): void {
    const i = this.connections.indexOf(conn)
    if (i < 0) return
    this.connections.splice(i, 1)
    conn.closeSync()
  }

  close(): void {
    for (const c of this.connections.splice(0)) c.closeSync()
    this.reader.closeSync()
    this.writer.closeSync()
    this.instance.closeSync()
  }
}

/**
 * Write everything in the write-ahead log into the database file, so the file alone is the whole workspace (what
 * an export or a duplicate copies). DuckDB refuses while another connection's transaction is open; the reader's
 * are short, so a few tries a moment apart get through.
 */
export async function checkpoint(conn: WriteConn, tries = 20): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await conn.run('CHECKPOINT')
      return
    } catch (err) {
      if (attempt >= tries) throw err
      await new Promise((r) => setTimeout(r, 50 * attempt))
    }
  }
}

function translateOpenError(path: string, err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err)
  if (isLockConflict(message)) {
    return new AppFailure(
      'WORKSPACE_IN_USE',
      `The workspace ${path} is open in another Socialbench window or command. Close it there, then try again.`
    )
  }
  if (isDiskFull(message)) {
    return new AppFailure(
      'WORKSPACE_UNWRITABLE',
      `The disk holding the workspace ${path} is full. Free some disk space, then open it again.`
    )
  }
  if (isPermissionDenied(message)) {
    return new AppFailure('WORKSPACE_UNWRITABLE', `Cannot write to the workspace ${path}: ${message}`)
  }
  return new AppFailure('INTERNAL', `Cannot open the workspace database ${path}: ${message}`)
}
