/**
 * A hostile query cannot take the engine process down: the real engine host (the built out/main/engineHost.js,
 * as the app runs it) receives enable_logging and friends, file reads, a runaway query and malformed calls over the protocol,
 * refuses each, and still answers a normal query afterwards, in the same process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHost, type HostProcess } from '../../../../test/robustness/support/hostProcess'

let dir: string
let host: HostProcess
const call = (channel: string, input: unknown) => host.call(channel as never, input)

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sb-hostile-'))
  host = startHost(join(dir, 'ws'))
  await host.ready
}, 60_000)

afterAll(async () => {
  await host?.kill9()
  rmSync(dir, { recursive: true, force: true })
})

/** Each must come back refused by the query policy (READ_ONLY_SQL), not failing for some other reason. */
const HOSTILE = [
  `SELECT * FROM enable_logging()`,
  `SELECT * FROM "ENABLE_LOGGING"(level := 'trace', storage := 'file', storage_path := '/tmp')`,
  `CALL enable_logging()`,
  `SELECT * FROM query('SELECT * FROM enable_logging()')`,
  `SELECT * FROM json_execute_serialized_sql(json_serialize_sql('SELECT * FROM enable_logging()'))`,
  `EXPLAIN ANALYZE CHECKPOINT`,
  `EXPLAIN ANALYZE PRAGMA enable_profiling`,
  `SELECT * FROM read_text('/etc/passwd')`,
  `SET lock_configuration = false`,
  `SELECT 1; SELECT * FROM enable_logging()`,
  `ATTACH '/tmp/evil.duckdb'`,
  `COPY (SELECT 1) TO '/tmp/evil.csv'`,
  `CHECKPOINT`
]

describe('the engine host survives hostile queries', () => {
  it('refuses each, then still runs a normal query in the same process', async () => {
    const pid = host.child.pid
    for (const [i, sql] of HOSTILE.entries()) {
      const r = await call('runQuery', { runId: `h${i}`, sql })
      expect(r.ok ? 'ran' : r.error.code, sql).toBe('READ_ONLY_SQL')
    }
    // Malformed calls are refused by the contract before any handler runs.
    expect(await call('runQuery', { sql: 'SELECT 1' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: /runId/ }
    })
    expect(await call('runQuery', { runId: 'x', sql: 'SELECT 1', values: { a: { b: 1 } } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: /values/ }
    })

    const ok = await call('runQuery', { runId: 'fine', sql: `SELECT count(*) AS n FROM saved_queries` })
    expect(ok).toMatchObject({ ok: true, value: { rowCount: 1 } })
    expect(host.child.pid).toBe(pid)
    expect(host.child.exitCode).toBeNull()
    expect(await call('workspaceInfo', undefined)).toMatchObject({ ok: true })
  }, 60_000)
})
