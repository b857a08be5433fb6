/**
 * The SQL sandbox against a real workspace (real DuckDB file in a temp folder, opened by a real Engine, so the
 * sandbox attaches a file its own process already holds read-write, as in the app). Hostile statements must be
 * refused with a clear message and leave the workspace exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppFailure } from '../../../shared/result'
import { openEngine, type Engine } from '../engine'

let dir: string
let engine: Engine
let run: (sql: string, values?: Record<string, unknown>) => Promise<{ rows: Record<string, unknown>[]; truncated: boolean }>
let counter = 0

const OUTSIDE = () => join(dir, 'outside.csv')

async function counts(): Promise<Record<string, number>> {
  const rows = await engine.db.all(
    `SELECT (SELECT count(*) FROM institutions) AS institutions, (SELECT count(*) FROM posts) AS posts,
            (SELECT count(*) FROM datasets) AS datasets, (SELECT count(*) FROM saved_queries) AS saved_queries`
  )
  return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]))
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sb-sandbox-'))
  writeFileSync(OUTSIDE(), 'secret\nhunter2\n')
  engine = await openEngine(join(dir, 'ws'))
  await engine.db.write(async (c) => {
    await c.run(`INSERT INTO institutions (name, color) VALUES ('St. Mary''s Hospital', '#c00'), ('North Clinic', '#0c0')`)
    await c.run(`INSERT INTO accounts VALUES ('a1', 1, 'x', 'stmarys', 'St Mary', 'UTC'), ('a2', 2, 'x', 'north', 'North', 'UTC')`)
    await c.run(`INSERT INTO posts (account_id, platform, post_id, published_at, text, likes, comments, shares, impressions, import_id)
                 SELECT CASE WHEN i % 2 = 0 THEN 'a1' ELSE 'a2' END, 'x', 'p' || i, TIMESTAMPTZ '2024-01-01 12:00:00+00' + INTERVAL (i) DAY,
                        'post ' || i, i, 1, 0, 100, 1 FROM range(60) t(i)`)
  })
  run = async (sql, values = {}) => {
    const info = await engine.queries.run({ runId: `t${counter++}`, sql, values: values as never, params: [
      { name: 'institutions', type: 'institutions' }, { name: 'from', type: 'date' }, { name: 'to', type: 'date' },
      { name: 'n', type: 'number' }
    ] })
    const page = await engine.queries.page({ resultId: info.resultId, offset: 0, limit: 2000 })
    const { tableFromIPC } = await import('apache-arrow')
    return { rows: tableFromIPC(page.arrow).toArray().map((r) => ({ ...r.toJSON() })), truncated: info.truncated }
  }
})

afterAll(() => {
  engine?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the sandbox runs read-only SQL', () => {
  it('reads the workspace and sees writes committed after an earlier run', async () => {
    expect((await run(`SELECT count(*) AS n FROM posts`)).rows).toEqual([{ n: 60 }])
    await engine.db.write((c) => c.run(`INSERT INTO institutions (name, color) VALUES ('Later', '#00c')`))
    expect((await run(`SELECT count(*) AS n FROM institutions`)).rows).toEqual([{ n: 3 }])
    await engine.db.write((c) => c.run(`DELETE FROM institutions WHERE name = 'Later'`))
  })

  it.each([
    ['WITH', `WITH x AS (SELECT 1 AS a) SELECT * FROM x`],
    ['FROM-first', `FROM institutions SELECT name ORDER BY name`],
    ['DESCRIBE', `DESCRIBE posts`],
    ['SUMMARIZE', `SUMMARIZE institutions`],
    ['SHOW TABLES', `SHOW TABLES`],
    ['PIVOT with values', `PIVOT posts ON platform IN ('x') USING count(*) GROUP BY account_id`],
    ['UNPIVOT', `UNPIVOT (SELECT 1 AS a, 2 AS b) ON a, b INTO NAME k VALUE v`],
    ['EXPLAIN', `EXPLAIN SELECT * FROM posts`],
    ['read-only PRAGMA', `PRAGMA table_info('posts')`]
  ])('allows %s', async (_kind, sql) => {
    expect((await run(sql)).rows.length).toBeGreaterThan(0)
  })

  it('binds parameters as values, never as SQL text', async () => {
    const evil = `'); DROP TABLE datasets; --`
    const r = await run(`SELECT $name AS v, length($name) AS n`, { name: evil })
    expect(r.rows).toEqual([{ v: evil, n: evil.length }])
    const quote = `St. Mary's Hospital`
    const r2 = await run(`SELECT count(*) AS n FROM institutions WHERE name = $name`, { name: quote })
    expect(r2.rows).toEqual([{ n: 1 }])
    expect((await counts()).datasets).toBe(0)
    expect((await run(`SELECT count(*) AS n FROM datasets`)).rows).toEqual([{ n: 0 }])
  })

  it('binds dates, numbers and institution lists by type; ignores $names in strings and comments', async () => {
    const sql = `SELECT count(*) AS n, '$from' AS s -- $to
      FROM posts p JOIN accounts a USING (account_id) JOIN institutions i USING (institution_id)
      WHERE p.published_at::DATE BETWEEN $from AND $to AND (len($institutions) = 0 OR list_contains($institutions, i.name)) LIMIT $n`
    const r = await run(sql, { from: '2024-01-02', to: '2024-01-11', institutions: [`St. Mary's Hospital`], n: 5 })
    expect(r.rows).toEqual([{ n: 5, s: '$from' }])
    const all = await run(sql, { from: '2024-01-02', to: '2024-01-11', institutions: [], n: 5 })
    expect(all.rows[0].n).toBe(10)
    await expect(run(`SELECT $from AS d`, { from: `2024-01-01'; DROP TABLE posts; --` })).rejects.toMatchObject({ code: 'BAD_INPUT' })
    await expect(run(`SELECT $missing`)).rejects.toThrow(/No value for the parameter \$missing/)
  })

  it('reports errors with line and column', async () => {
    await expect(run(`SELECT 1,\n  nosuchcolumn FROM posts`)).rejects.toThrow(/line 2, column 3/)
  })

  it('caps the rows it keeps and says the result was truncated', async () => {
    const { createQueryService } = await import('./service')
    const small = createQueryService(engine.db, engine.paths.dbFile, { maxRows: 1000 })
    const info = await small.run({ runId: 'cap', sql: `SELECT * FROM range(5000)` })
    expect(info).toMatchObject({ rowCount: 1000, truncated: true })
    const exact = await small.run({ runId: 'cap2', sql: `SELECT * FROM range(1000)` })
    expect(exact).toMatchObject({ rowCount: 1000, truncated: false })
  })

  it('interrupts a statement at the time limit, and the next query still runs', async () => {
    const { createQueryService } = await import('./service')
    const quick = createQueryService(engine.db, engine.paths.dbFile, { limits: { timeoutMs: 700 } })
    const t0 = Date.now()
    await expect(quick.run({ runId: 'slow', sql: `SELECT count(*) FROM range(1e12::BIGINT) r(x) WHERE x % 7 = 3` })).rejects.toMatchObject({
      code: 'CANCELLED',
      message: expect.stringMatching(/time limit/)
    })
    expect(Date.now() - t0).toBeLessThan(5000)
    expect((await run(`SELECT 42 AS n`)).rows).toEqual([{ n: 42 }])
  })

  it('cancels a running query on request', async () => {
    const running = engine.queries.run({ runId: 'to-cancel', sql: `SELECT count(*) FROM range(1e12::BIGINT) r(x) WHERE x % 7 = 3` })
    await new Promise((r) => setTimeout(r, 300))
    expect(await engine.queries.cancel({ runId: 'to-cancel' })).toEqual({ cancelled: true })
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED', message: 'Query cancelled.' })
  })
})

/** [what it tries, the SQL]: each must be refused with a clear message. */
const HOSTILE: [string, string][] = [
  ['read a system file as text', `SELECT * FROM read_text('/etc/passwd')`],
  ['read a system file as CSV', `SELECT * FROM read_csv('/etc/passwd')`],
  ['read a system file as CSV (auto)', `SELECT * FROM read_csv_auto('/etc/passwd')`],
  ['read a file as a blob', `SELECT * FROM read_blob('/etc/passwd')`],
  ['read a file by bare path', `SELECT * FROM '/etc/passwd'`],
  ['read a file next to the workspace', `SELECT * FROM read_csv('${'OUTSIDE'}')`],
  ['read JSON', `SELECT * FROM read_json('/etc/os-release')`],
  ['read parquet', `SELECT * FROM read_parquet('/tmp/x.parquet')`],
  ['list the file system', `SELECT * FROM glob('/*')`],
  ['fetch over http', `SELECT * FROM read_csv('http://example.com/x.csv')`],
  ['fetch over https', `SELECT * FROM read_text('https://example.com/')`],
  ['COPY a table to a file', `COPY posts TO '/tmp/sbx/passwd/stolen.csv'`],
  ['COPY a query to a file', `COPY (SELECT * FROM posts) TO '/tmp/sbx/passwd/stolen.csv' (FORMAT csv)`],
  ['COPY from a file', `COPY posts FROM '/etc/passwd'`],
  ['ATTACH another database', `ATTACH '/tmp/sbx/passwd/other.duckdb' AS other`],
  ['ATTACH in memory', `ATTACH ':memory:' AS scratch`],
  ['DETACH the workspace', `DETACH workspace`],
  ['EXPORT DATABASE', `EXPORT DATABASE '/tmp/sbx/passwd/export'`],
  ['IMPORT DATABASE', `IMPORT DATABASE '/tmp/sbx/passwd/export'`],
  ['INSTALL an extension', `INSTALL httpfs`],
  ['LOAD an extension', `LOAD httpfs`],
  ['FORCE INSTALL from a URL', `FORCE INSTALL spatial FROM 'http://example.com'`],
  ['SET external access back on', `SET enable_external_access = true`],
  ['unlock the configuration', `SET lock_configuration = false`],
  ['RESET a locked option', `RESET memory_limit`],
  ['SET a global option', `SET GLOBAL threads = 64`],
  ['SET a variable', `SET VARIABLE x = 1`],
  ['switch the database', `USE memory`],
  ['enable_logging()', `SELECT * FROM enable_logging()`],
  ['enable_logging() quoted', `SELECT * FROM "enable_logging"()`],
  ['enable_logging() qualified, mixed case', `SELECT * FROM system.main.Enable_Logging(level := 'trace')`],
  ['enable_logging() behind a comment', `SELECT * FROM enable_logging /* hi */ ()`],
  ['CALL enable_logging', `CALL enable_logging()`],
  ['disable_logging()', `SELECT * FROM disable_logging()`],
  ['truncate_duckdb_logs()', `SELECT * FROM truncate_duckdb_logs()`],
  ['write_log()', `SELECT write_log('x')`],
  ['SQL hidden in query()', `SELECT * FROM query('SELECT * FROM enable_logging()')`],
  ['query_table()', `SELECT * FROM query_table('posts')`],
  ['PRAGMA that changes state', `PRAGMA enable_profiling`],
  ['PRAGMA profiling output', `PRAGMA profiling_output = '/tmp/sbx/passwd/p.json'`],
  ['CREATE TABLE', `CREATE TABLE evil AS SELECT 1`],
  ['CREATE TEMP TABLE', `CREATE TEMP TABLE evil AS SELECT 1`],
  ['CREATE MACRO', `CREATE MACRO evil() AS 1`],
  ['CREATE SECRET', `CREATE SECRET s (TYPE s3, KEY_ID 'a', SECRET 'b')`],
  ['INSERT', `INSERT INTO institutions (name, color) VALUES ('x', 'y')`],
  ['UPDATE', `UPDATE posts SET likes = 0`],
  ['DELETE', `DELETE FROM posts`],
  ['DROP', `DROP TABLE datasets`],
  ['ALTER', `ALTER TABLE posts ADD COLUMN evil INTEGER`],
  ['TRUNCATE', `TRUNCATE posts`],
  ['CHECKPOINT', `CHECKPOINT`],
  ['FORCE CHECKPOINT', `FORCE CHECKPOINT`],
  ['checkpoint()', `SELECT * FROM checkpoint()`],
  ['VACUUM', `VACUUM`],
  ['BEGIN a transaction', `BEGIN TRANSACTION`],
  ['PREPARE', `PREPARE p AS SELECT 1`],
  ['two statements', `SELECT 1; DROP TABLE posts`],
  ['two statements without spaces', `SELECT 1;DELETE FROM posts`],
  ['comment hiding a second statement', `SELECT 1 /* ; */; DROP TABLE posts -- ;`],
  ['a second statement after a line comment', `SELECT 1 -- harmless\n; DROP TABLE posts`],
  ['getenv()', `SELECT getenv('HOME')`],
  ['read a setting of the host', `SELECT * FROM read_text(current_setting('home_directory') || '/.bashrc')`],
  ['CALL a table function that touches files', `CALL glob('/etc/*')`],
  ['a dynamic PIVOT (two statements)', `PIVOT posts ON platform USING count(*)`]
]

describe('hostile SQL is refused and the workspace stays intact', () => {
  let before: Record<string, number>
  beforeAll(async () => {
    before = await counts()
  })

  it(`has at least 30 hostile statements (${HOSTILE.length})`, () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(30)
  })

  it.each(HOSTILE)('refuses: %s', async (_what, sqlTemplate) => {
    const sql = sqlTemplate.replace('OUTSIDE', OUTSIDE())
    const err = await run(sql).then(
      (r) => new Error(`ran and returned ${JSON.stringify(r.rows).slice(0, 200)}`),
      (e: unknown) => e
    )
    expect(err).toBeInstanceOf(AppFailure)
    const f = err as AppFailure
    if (process.env.SHOW_REFUSALS) console.log(`${_what}: ${f.code} ${f.message}`)
    expect(['READ_ONLY_SQL', 'SQL_FAILED', 'BAD_INPUT']).toContain(f.code)
    // A clear reason: the kind of statement refused, the forbidden function, or DuckDB's permission message.
    expect(f.message).toMatch(/read-only|not allowed|one statement|disabled by configuration|locked|does not exist|Permission|read-only mode|named parameters/i)
  })

  it('left every table, the file and the engine as they were', async () => {
    expect(await counts()).toEqual(before)
    expect(existsSync('/tmp/sbx/passwd/stolen.csv')).toBe(false)
    expect(existsSync('/tmp/sbx/passwd/other.duckdb')).toBe(false)
    expect(existsSync('/tmp/sbx/passwd/export')).toBe(false)
    expect((await run(`SELECT count(*) AS n FROM posts`)).rows).toEqual([{ n: 60 }])
    // The engine's own connection still writes (its configuration was never locked by the sandbox).
    await engine.db.write((c) => c.run(`INSERT INTO settings VALUES ('probe', '1')`))
    await engine.db.write((c) => c.run(`DELETE FROM settings WHERE key = 'probe'`))
  })

  it('the workspace file still opens after a close', async () => {
    const path = engine.paths.dir
    engine.close()
    engine = await openEngine(path)
    expect(await counts()).toEqual(before)
  })
})
