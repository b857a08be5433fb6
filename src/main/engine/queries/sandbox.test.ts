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
import { databaseForTests, openEngine, type Engine } from '../engine'
import { invoke } from '../invoke'

let dir: string
let engine: Engine
let run: (
  sql: string,
  values?: Record<string, unknown>
) => Promise<{ rows: Record<string, unknown>[]; truncated: boolean }>
let counter = 0

const OUTSIDE = () => join(dir, 'outside.csv')

async function counts(): Promise<Record<string, number>> {
  const rows = await databaseForTests(engine).all(
    `SELECT (SELECT count(*) FROM institutions) AS institutions, (SELECT count(*) FROM posts) AS posts,
            (SELECT count(*) FROM datasets) AS datasets, (SELECT count(*) FROM saved_queries) AS saved_queries`
  )
  return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]))
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sb-sandbox-'))
  writeFileSync(OUTSIDE(), 'secret\nhunter2\n')
  engine = await openEngine(join(dir, 'ws'))
  await databaseForTests(engine).write(async (c) => {
    await c.run(
      `INSERT INTO institutions (name, color) VALUES ('St. Mary''s Hospital', '#c00'), ('North Clinic', '#0c0')`
    )
    await c.run(
      `INSERT INTO accounts VALUES ('a1', 1, 'x', 'stmarys', 'St Mary', 'UTC'), ('a2', 2, 'x', 'north', 'North', 'UTC')`
    )
    await c.run(`INSERT INTO posts (account_id, platform, post_id, published_at, text, likes, comments, shares, impressions, import_id)
                 SELECT CASE WHEN i % 2 = 0 THEN 'a1' ELSE 'a2' END, 'x', 'p' || i, TIMESTAMPTZ '2024-01-01 12:00:00+00' + INTERVAL (i) DAY,
                        'post ' || i, i, 1, 0, 100, 1 FROM range(60) t(i)`)
  })
  run = async (sql, values = {}) => {
    const info = await invoke(engine, 'runQuery', {
      runId: `t${counter++}`,
      sql,
      values: values as never,
      params: [
        { name: 'institutions', type: 'institutions' },
        { name: 'from', type: 'date' },
        { name: 'to', type: 'date' },
        { name: 'n', type: 'number' }
      ]
    })
    const page = await invoke(engine, 'queryPage', { resultId: info.resultId, offset: 0, limit: 2000 })
    const { tableFromIPC } = await import('apache-arrow')
    return {
      rows: tableFromIPC(page.arrow)
        .toArray()
        .map((r) => ({ ...r.toJSON() })),
      truncated: info.truncated
    }
  }
})

afterAll(() => {
  engine?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the sandbox runs read-only SQL', () => {
  it('reads the workspace and sees writes committed after an earlier run', async () => {
    expect((await run(`SELECT count(*) AS n FROM posts`)).rows).toEqual([{ n: 60 }])
    await databaseForTests(engine).write((c) =>
      c.run(`INSERT INTO institutions (name, color) VALUES ('Later', '#00c')`)
    )
    expect((await run(`SELECT count(*) AS n FROM institutions`)).rows).toEqual([{ n: 3 }])
    await databaseForTests(engine).write((c) => c.run(`DELETE FROM institutions WHERE name = 'Later'`))
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

  /** [what an analyst writes, the SQL, the rows it must return from the 60-post fixture]. */
  const ANALYST: [string, string, Record<string, unknown>[]][] = [
    [
      'a CTE with a window function',
      `WITH ranked AS (SELECT account_id, likes, row_number() OVER (PARTITION BY account_id ORDER BY likes DESC) AS rk FROM posts)
       SELECT account_id, likes FROM ranked WHERE rk = 1 ORDER BY account_id`,
      [
        { account_id: 'a1', likes: 58 },
        { account_id: 'a2', likes: 59 }
      ]
    ],
    [
      'QUALIFY',
      `SELECT account_id, likes FROM posts QUALIFY rank() OVER (PARTITION BY account_id ORDER BY likes) = 1 ORDER BY account_id`,
      [
        { account_id: 'a1', likes: 0 },
        { account_id: 'a2', likes: 1 }
      ]
    ],
    [
      'date_trunc and strftime',
      `SELECT strftime(date_trunc('month', published_at AT TIME ZONE 'UTC'), '%Y-%m') AS month, count(*) AS n FROM posts GROUP BY 1 ORDER BY 1`,
      [
        { month: '2024-01', n: 31 },
        { month: '2024-02', n: 29 }
      ]
    ],
    [
      'regexp functions',
      `SELECT count(*) FILTER (WHERE regexp_matches(text, '^post [0-9]$')) AS one_digit, max(regexp_extract(text, '[0-9]+')::INTEGER) AS top,
              count(*) FILTER (WHERE text SIMILAR TO 'post 1.') AS teens FROM posts`,
      [{ one_digit: 10, top: 59, teens: 10 }]
    ],
    [
      'list functions with lambdas',
      `SELECT list_sum(list_transform([1, 2, 3], lambda x: x * 10)) AS s, len(list_filter(list(likes), lambda l: l >= 50)) AS n FROM posts`,
      [{ s: 60, n: 10 }]
    ],
    [
      'UNNEST in the select list',
      `SELECT count(*) AS words FROM (SELECT unnest(string_split(text, ' ')) FROM posts)`,
      [{ words: 120 }]
    ],
    ['UNNEST as a table', `SELECT v FROM unnest(['b', 'a']) t(v) ORDER BY v`, [{ v: 'a' }, { v: 'b' }]],
    [
      'PIVOT with listed values',
      `PIVOT (SELECT account_id, platform FROM posts) ON account_id IN ('a1', 'a2') USING count(*)`,
      [{ platform: 'x', a1: 30, a2: 30 }]
    ],
    [
      'json_extract on a column',
      `WITH j AS (SELECT '{"likes": ' || likes || ', "tag": "t' || (likes % 3) || '"}' AS doc FROM posts)
       SELECT sum(json_extract(doc, '$.likes')::INTEGER)::INTEGER AS total, count(*) FILTER (WHERE doc->>'$.tag' = 't0') AS t0 FROM j`,
      [{ total: 1770, t0: 20 }]
    ],
    [
      'a join to the institutions',
      `SELECT i.name, sum(p.likes)::INTEGER AS likes FROM posts p JOIN accounts a USING (account_id) JOIN institutions i USING (institution_id)
       GROUP BY ALL ORDER BY likes DESC`,
      [
        { name: 'North Clinic', likes: 900 },
        { name: `St. Mary's Hospital`, likes: 870 }
      ]
    ],
    [
      'a calendar from range()',
      `SELECT count(*) AS days FROM range(DATE '2024-01-01', DATE '2024-03-01', INTERVAL 1 DAY)`,
      [{ days: 60 }]
    ],
    [
      'lag()',
      `SELECT likes - lag(likes) OVER (ORDER BY likes) AS d FROM posts ORDER BY likes LIMIT 2`,
      [{ d: null }, { d: 1 }]
    ],
    [
      'median and quantiles',
      `SELECT median(likes) AS m, quantile_disc(likes, 0.9) AS p90 FROM posts`,
      [{ m: 29.5, p90: 53 }]
    ],
    ['json_each', `SELECT key FROM json_each('{"a": 1, "b": 2}') ORDER BY key`, [{ key: 'a' }, { key: 'b' }]],
    [
      'uuid() and random()',
      `SELECT count(DISTINCT uuid()) AS ids, bool_and(random() < 1) AS below FROM range(3)`,
      [{ ids: 3, below: true }]
    ]
  ]

  it.each(ANALYST)('runs %s', async (_kind, sql, rows) => {
    expect((await run(sql)).rows).toEqual(rows)
  })

  it.each([
    `EXPLAIN ANALYZE SELECT count(*) FROM posts`,
    `EXPLAIN (FORMAT json) SELECT 1`,
    `EXPLAIN /* why */ SELECT * FROM posts`
  ])('runs %s', async (sql) => {
    const r = await run(sql)
    expect(r.rows.length).toBe(1)
    expect(JSON.stringify(r.rows[0])).toMatch(/explain|physical_plan|analyzed_plan/i)
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
    await expect(run(`SELECT $from AS d`, { from: `2024-01-01'; DROP TABLE posts; --` })).rejects.toMatchObject({
      code: 'BAD_INPUT'
    })
    await expect(run(`SELECT $missing`)).rejects.toThrow(/No value for the parameter \$missing/)
  })

  it('reports errors with line and column', async () => {
    await expect(run(`SELECT 1,\n  nosuchcolumn FROM posts`)).rejects.toThrow(/line 2, column 3/)
  })

  it('caps the rows it keeps and says the result was truncated', async () => {
    const { createQueryService } = await import('./service')
    const small = createQueryService(databaseForTests(engine), engine.paths.dbFile, { maxRows: 1000 })
    const info = await small.run({ runId: 'cap', sql: `SELECT * FROM range(5000)` })
    expect(info).toMatchObject({ rowCount: 1000, truncated: true })
    const exact = await small.run({ runId: 'cap2', sql: `SELECT * FROM range(1000)` })
    expect(exact).toMatchObject({ rowCount: 1000, truncated: false })
  })

  it('caps a kept result by memory: RESULT_TOO_LARGE naming the limit, stopped at the first row past it', async () => {
    const { createQueryService } = await import('./service')
    const small = createQueryService(databaseForTests(engine), engine.paths.dbFile, { maxResultBytes: 100 * 1024 })
    // Each row holds a 1,000-character string: about 2 KB as UTF-16, so the 51st row passes 100 KB.
    await expect(
      small.run({ runId: 'big', sql: `SELECT repeat('x', 1000) AS s FROM range(200)` })
    ).rejects.toMatchObject({
      code: 'RESULT_TOO_LARGE',
      message: expect.stringMatching(/larger than the 100 KB .*row 51\b/)
    })
    // The shape of the report (a few huge values) stops at the second value, not after the chunk.
    const tiny = createQueryService(databaseForTests(engine), engine.paths.dbFile, { maxResultBytes: 10 * 1024 * 1024 })
    await expect(
      tiny.run({ runId: 'huge', sql: `SELECT repeat('x', 5000000) AS s FROM range(4)` })
    ).rejects.toMatchObject({
      code: 'RESULT_TOO_LARGE',
      message: expect.stringMatching(/10 MB .*row 2\b/)
    })
    // Within the cap it runs; beyond the row cap only the kept rows count.
    expect(await small.run({ runId: 'fits', sql: `SELECT repeat('x', 1000) AS s FROM range(40)` })).toMatchObject({
      rowCount: 40
    })
    const capped = createQueryService(databaseForTests(engine), engine.paths.dbFile, {
      maxResultBytes: 100 * 1024,
      maxRows: 40
    })
    expect(await capped.run({ runId: 'rows', sql: `SELECT repeat('x', 1000) AS s FROM range(5000)` })).toMatchObject({
      rowCount: 40,
      truncated: true
    })
  })

  it('keeps older results only while all of them fit twice the per-result cap', async () => {
    const { createQueryService } = await import('./service')
    const small = createQueryService(databaseForTests(engine), engine.paths.dbFile, { maxResultBytes: 100 * 1024 })
    const sql = `SELECT repeat('x', 1000) AS s FROM range(40)` // about 80 KB each
    const first = await small.run({ runId: 'k1', sql })
    const second = await small.run({ runId: 'k2', sql })
    await expect(small.page({ resultId: first.resultId, offset: 0, limit: 1 })).resolves.toMatchObject({
      totalRows: 40
    })
    const third = await small.run({ runId: 'k3', sql })
    await expect(small.page({ resultId: first.resultId, offset: 0, limit: 1 })).rejects.toMatchObject({
      code: 'NOT_FOUND'
    })
    for (const kept of [second, third]) {
      await expect(small.page({ resultId: kept.resultId, offset: 0, limit: 1 })).resolves.toMatchObject({
        totalRows: 40
      })
    }
  })

  it('interrupts a statement at the time limit, and the next query still runs', async () => {
    const { createQueryService } = await import('./service')
    const quick = createQueryService(databaseForTests(engine), engine.paths.dbFile, { limits: { timeoutMs: 700 } })
    const t0 = Date.now()
    await expect(
      quick.run({ runId: 'slow', sql: `SELECT count(*) FROM range(1e12::BIGINT) r(x) WHERE x % 7 = 3` })
    ).rejects.toMatchObject({
      code: 'CANCELLED',
      message: expect.stringMatching(/time limit/)
    })
    expect(Date.now() - t0).toBeLessThan(5000)
    expect((await run(`SELECT 42 AS n`)).rows).toEqual([{ n: 42 }])
  })

  it('cancels a running query on request', async () => {
    const running = invoke(engine, 'runQuery', {
      runId: 'to-cancel',
      sql: `SELECT count(*) FROM range(1e12::BIGINT) r(x) WHERE x % 7 = 3`
    })
    await new Promise((r) => setTimeout(r, 300))
    expect(await invoke(engine, 'cancelQuery', { runId: 'to-cancel' })).toEqual({ cancelled: true })
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED', message: 'Query cancelled.' })
  })
})

/** Why each hostile statement is refused, as the message says it. */
const FILES = /cannot read files|reads files or the network/
const STATEMENT = /Only read-only statements .* this is an? /
const ENGINE = /changes the engine/
const HIDDEN_SQL = /runs SQL held in a string|turns SQL into data/
const CONFIG = /configuration/
const ONE = /Exactly one statement/
const NOT_LISTED = /not allowed in queries/

/** [what it tries, the SQL, what the refusal must say]: each must be refused as READ_ONLY_SQL, before it runs. */
const HOSTILE: [string, string, RegExp][] = [
  ['read a system file as text', `SELECT * FROM read_text('/etc/passwd')`, FILES],
  ['read a system file as CSV', `SELECT * FROM read_csv('/etc/passwd')`, FILES],
  ['read a system file as CSV (auto)', `SELECT * FROM read_csv_auto('/etc/passwd')`, FILES],
  ['read a file as a blob', `SELECT * FROM read_blob('/etc/passwd')`, FILES],
  ['read a file by bare path', `SELECT * FROM '/etc/passwd'`, FILES],
  ['read a file by bare name', `SELECT * FROM 'stolen.csv'`, FILES],
  ['read a URL by bare name', `FROM 'https://example.com/x.parquet'`, FILES],
  ['read a file next to the workspace', `SELECT * FROM read_csv('${'OUTSIDE'}')`, FILES],
  ['read JSON', `SELECT * FROM read_json('/etc/os-release')`, FILES],
  ['read parquet', `SELECT * FROM read_parquet('/tmp/x.parquet')`, FILES],
  ['parquet metadata', `SELECT * FROM parquet_metadata('/tmp/x.parquet')`, FILES],
  ['sniff a file', `SELECT * FROM sniff_csv('/etc/passwd')`, FILES],
  ['list the file system', `SELECT * FROM glob('/*')`, FILES],
  ['fetch over http', `SELECT * FROM read_csv('http://example.com/x.csv')`, FILES],
  ['fetch over https', `SELECT * FROM read_text('https://example.com/')`, FILES],
  ['a file read in a subquery', `SELECT 1 WHERE EXISTS (SELECT * FROM read_text('/etc/passwd'))`, FILES],
  ['a file read in a CTE', `WITH t AS (SELECT * FROM read_text('/etc/passwd')) SELECT count(*) FROM t`, FILES],
  ['a file read in a LATERAL join', `SELECT * FROM posts, LATERAL (SELECT * FROM read_text('/etc/passwd')) f`, FILES],
  [
    'a file read inside an allowed table function',
    `SELECT * FROM range((SELECT count(*) FROM read_text('/etc/passwd')))`,
    FILES
  ],
  ['a file read, qualified', `SELECT * FROM system.main.read_text('/etc/passwd')`, FILES],
  ['SUMMARIZE of a file read', `SUMMARIZE SELECT * FROM read_text('/etc/passwd')`, FILES],
  ['DESCRIBE of a file read', `DESCRIBE SELECT * FROM read_csv('/etc/passwd')`, FILES],
  ['PIVOT of a file read', `PIVOT (FROM read_text('/etc/passwd')) ON filename IN ('x') USING count(*)`, FILES],
  ['COPY a table to a file', `COPY posts TO '/tmp/sbx/passwd/stolen.csv'`, STATEMENT],
  ['COPY a query to a file', `COPY (SELECT * FROM posts) TO '/tmp/sbx/passwd/stolen.csv' (FORMAT csv)`, STATEMENT],
  ['COPY from a file', `COPY posts FROM '/etc/passwd'`, STATEMENT],
  ['ATTACH another database', `ATTACH '/tmp/sbx/passwd/other.duckdb' AS other`, STATEMENT],
  ['ATTACH in memory', `ATTACH ':memory:' AS scratch`, STATEMENT],
  ['DETACH the workspace', `DETACH workspace`, STATEMENT],
  ['EXPORT DATABASE', `EXPORT DATABASE '/tmp/sbx/passwd/export'`, STATEMENT],
  ['IMPORT DATABASE', `IMPORT DATABASE '/tmp/sbx/passwd/export'`, STATEMENT],
  ['INSTALL an extension', `INSTALL httpfs`, STATEMENT],
  ['LOAD an extension', `LOAD httpfs`, STATEMENT],
  ['FORCE INSTALL from a URL', `FORCE INSTALL spatial FROM 'http://example.com'`, STATEMENT],
  ['SET external access back on', `SET enable_external_access = true`, STATEMENT],
  ['unlock the configuration', `SET lock_configuration = false`, STATEMENT],
  ['RESET a locked option', `RESET memory_limit`, STATEMENT],
  ['SET a global option', `SET GLOBAL threads = 64`, STATEMENT],
  ['SET a variable', `SET VARIABLE x = 1`, STATEMENT],
  ['switch the database', `USE memory`, STATEMENT],
  ['read a setting', `SELECT current_setting('home_directory')`, CONFIG],
  ['read a variable', `SELECT getvariable('x')`, CONFIG],
  ['list the settings', `SELECT * FROM duckdb_settings()`, CONFIG],
  ['list the secrets', `SELECT * FROM duckdb_secrets()`, CONFIG],
  ['list the attached files', `SELECT path FROM duckdb_databases()`, CONFIG],
  ['enable_logging()', `SELECT * FROM enable_logging()`, ENGINE],
  ['enable_logging() quoted', `SELECT * FROM "enable_logging"()`, ENGINE],
  ['enable_logging() qualified, mixed case', `SELECT * FROM system.main.Enable_Logging(level := 'trace')`, ENGINE],
  ['enable_logging() behind a comment', `SELECT * FROM enable_logging /* hi */ ()`, ENGINE],
  ['CALL enable_logging', `CALL enable_logging()`, STATEMENT],
  ['disable_logging()', `SELECT * FROM disable_logging()`, ENGINE],
  ['truncate_duckdb_logs()', `SELECT * FROM truncate_duckdb_logs()`, ENGINE],
  ['write_log()', `SELECT write_log('x')`, ENGINE],
  ['enable_profiling()', `SELECT * FROM enable_profiling()`, ENGINE],
  ['SQL hidden in query()', `SELECT * FROM query('SELECT * FROM enable_logging()')`, HIDDEN_SQL],
  ['query_table()', `SELECT * FROM query_table('posts')`, HIDDEN_SQL],
  [
    'serialized SQL run as a table',
    `SELECT * FROM json_execute_serialized_sql(json_serialize_sql('SELECT * FROM enable_logging()'))`,
    HIDDEN_SQL
  ],
  ['serialized SQL from a literal tree', `SELECT * FROM json_execute_serialized_sql('{"statements":[]}')`, HIDDEN_SQL],
  ['SQL turned into a tree', `SELECT json_serialize_sql('SELECT 1')`, HIDDEN_SQL],
  ['a tree turned into SQL', `SELECT json_deserialize_sql('{}'::JSON)`, HIDDEN_SQL],
  ['PRAGMA that changes state', `PRAGMA enable_profiling`, STATEMENT],
  ['PRAGMA profiling output', `PRAGMA profiling_output = '/tmp/sbx/passwd/p.json'`, STATEMENT],
  ['PRAGMA listing the attached files', `PRAGMA database_list`, STATEMENT],
  ['PRAGMA serialized SQL', `PRAGMA json_execute_serialized_sql('{}')`, STATEMENT],
  ['CREATE TABLE', `CREATE TABLE evil AS SELECT 1`, STATEMENT],
  ['CREATE TEMP TABLE', `CREATE TEMP TABLE evil AS SELECT 1`, STATEMENT],
  ['CREATE MACRO', `CREATE MACRO evil() AS 1`, STATEMENT],
  ['CREATE SECRET', `CREATE SECRET s (TYPE s3, KEY_ID 'a', SECRET 'b')`, STATEMENT],
  ['INSERT', `INSERT INTO institutions (name, color) VALUES ('x', 'y')`, STATEMENT],
  ['UPDATE', `UPDATE posts SET likes = 0`, STATEMENT],
  ['DELETE', `DELETE FROM posts`, STATEMENT],
  ['DROP', `DROP TABLE datasets`, STATEMENT],
  ['ALTER', `ALTER TABLE posts ADD COLUMN evil INTEGER`, STATEMENT],
  ['TRUNCATE', `TRUNCATE posts`, STATEMENT],
  ['CHECKPOINT', `CHECKPOINT`, STATEMENT],
  ['FORCE CHECKPOINT', `FORCE CHECKPOINT`, STATEMENT],
  ['checkpoint()', `SELECT * FROM checkpoint()`, ENGINE],
  ['VACUUM', `VACUUM`, STATEMENT],
  ['BEGIN a transaction', `BEGIN TRANSACTION`, STATEMENT],
  ['PREPARE', `PREPARE p AS SELECT 1`, STATEMENT],
  ['EXPLAIN ANALYZE CHECKPOINT', `EXPLAIN ANALYZE CHECKPOINT`, STATEMENT],
  ['EXPLAIN ANALYZE VACUUM', `EXPLAIN ANALYZE VACUUM`, STATEMENT],
  ['EXPLAIN ANALYZE SET VARIABLE', `EXPLAIN ANALYZE SET VARIABLE x = 1`, STATEMENT],
  ['EXPLAIN ANALYZE CREATE TEMP TABLE', `EXPLAIN ANALYZE CREATE TEMP TABLE evil AS SELECT 1`, STATEMENT],
  ['EXPLAIN ANALYZE PRAGMA enable_profiling', `EXPLAIN ANALYZE PRAGMA enable_profiling`, STATEMENT],
  ['EXPLAIN ANALYZE of a file read', `EXPLAIN ANALYZE SELECT * FROM read_text('/etc/passwd')`, FILES],
  ['EXPLAIN ANALYZE of enable_logging()', `EXPLAIN ANALYZE SELECT * FROM enable_logging()`, ENGINE],
  ['EXPLAIN with options of a CHECKPOINT', `EXPLAIN (ANALYZE, FORMAT json) CHECKPOINT`, STATEMENT],
  ['EXPLAIN ANALYZE behind comments', `EXPLAIN /* x */ ANALYZE -- y\n CHECKPOINT`, STATEMENT],
  ['EXPLAIN of an EXPLAIN', `EXPLAIN EXPLAIN ANALYZE CHECKPOINT`, /EXPLAIN of an EXPLAIN/],
  ['two statements', `SELECT 1; DROP TABLE posts`, ONE],
  ['two statements without spaces', `SELECT 1;DELETE FROM posts`, ONE],
  ['comment hiding a second statement', `SELECT 1 /* ; */; DROP TABLE posts -- ;`, ONE],
  ['a second statement after a line comment', `SELECT 1 -- harmless\n; DROP TABLE posts`, ONE],
  ['getenv()', `SELECT getenv('HOME')`, NOT_LISTED],
  ['read a setting of the host', `SELECT * FROM read_text(current_setting('home_directory') || '/.bashrc')`, FILES],
  ['CALL a table function that touches files', `CALL glob('/etc/*')`, STATEMENT],
  ['a table macro over any table', `SELECT * FROM histogram('posts', likes)`, NOT_LISTED],
  ['a sequence', `SELECT nextval('s')`, ENGINE],
  ['a dynamic PIVOT (two statements)', `PIVOT posts ON platform USING count(*)`, /PIVOT without an IN list/]
]

describe('hostile SQL is refused and the workspace stays intact', () => {
  let before: Record<string, number>
  beforeAll(async () => {
    before = await counts()
  })

  it(`has at least 30 hostile statements (${HOSTILE.length})`, () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(30)
  })

  it.each(HOSTILE)('refuses: %s', async (_what, sqlTemplate, reason) => {
    const sql = sqlTemplate.replace('OUTSIDE', OUTSIDE())
    const err = await run(sql).then(
      (r) => new Error(`ran and returned ${JSON.stringify(r.rows).slice(0, 200)}`),
      (e: unknown) => e
    )
    expect(err).toBeInstanceOf(AppFailure)
    const f = err as AppFailure
    if (process.env.SHOW_REFUSALS) console.log(`${_what}: ${f.code} ${f.message}`)
    // Refused by the policy for this statement's own reason, not failing by luck (a missing table, a typo).
    expect({ code: f.code, message: f.message }).toMatchObject({
      code: 'READ_ONLY_SQL',
      message: expect.stringMatching(reason)
    })
  })

  it('left every table, the file and the engine as they were', async () => {
    expect(await counts()).toEqual(before)
    expect(existsSync('/tmp/sbx/passwd/stolen.csv')).toBe(false)
    expect(existsSync('/tmp/sbx/passwd/other.duckdb')).toBe(false)
    expect(existsSync('/tmp/sbx/passwd/export')).toBe(false)
    expect((await run(`SELECT count(*) AS n FROM posts`)).rows).toEqual([{ n: 60 }])
    // The engine's own connection still writes (its configuration was never locked by the sandbox).
    await databaseForTests(engine).write((c) => c.run(`INSERT INTO settings VALUES ('probe', '1')`))
    await databaseForTests(engine).write((c) => c.run(`DELETE FROM settings WHERE key = 'probe'`))
  })

  it('the workspace file still opens after a close', async () => {
    const path = engine.paths.dir
    engine.close()
    engine = await openEngine(path)
    expect(await counts()).toEqual(before)
  })
})
