import { DuckDBInstance } from '@duckdb/node-api'
const inst = await DuckDBInstance.create(':memory:')
const c = await inst.connect()
const N = 10_000_000
let t = performance.now()
await c.run(`CREATE TABLE t AS SELECT i AS row_id, 'Bench post ' || i AS text, TIMESTAMP '2020-01-01' + to_seconds(i) AS created,
  (hash(i) % 100000)::BIGINT AS likes, 'https://example.org/p/' || i AS url FROM range(${N}) t(i)`)
console.log('gen', Math.round(performance.now() - t))
const q = async (label: string, sql: string, params: any[] = []) => {
  const t0 = performance.now()
  const r = await c.runAndReadAll(sql, params)
  console.log(label.padEnd(40), Math.round(performance.now() - t0), 'ms', r.getRows().length)
}
await q('contains lower param', `SELECT count(*) FROM t WHERE contains(lower(text), lower($1))`, ['post 12345'])
await q('ilike param', `SELECT count(*) FROM t WHERE text ILIKE $1`, ['%post 12345%'])
await q('ilike literal', `SELECT count(*) FROM t WHERE text ILIKE '%post 12345%'`)
await q('contains lower all cast', `SELECT count(*) FROM t WHERE contains(lower(CAST(row_id AS VARCHAR)), $1) OR contains(lower(text), $1) OR contains(lower(CAST(created AS VARCHAR)), $1) OR contains(lower(CAST(likes AS VARCHAR)), $1) OR contains(lower(url), $1)`, ['99999'])
await q('ilike all, casts only nums', `SELECT count(*) FROM t WHERE CAST(row_id AS VARCHAR) LIKE $1 OR text ILIKE $1 OR CAST(created AS VARCHAR) LIKE $1 OR CAST(likes AS VARCHAR) LIKE $1 OR url ILIKE $1`, ['%99999%'])
await q('ilike text only', `SELECT count(*) FROM t WHERE text ILIKE $1 OR url ILIKE $1`, ['%zebra%'])
await q('sort deep', `SELECT * FROM t ORDER BY likes DESC NULLS LAST, rowid LIMIT 200 OFFSET 5000000`)
await q('sort rowids materialize', `CREATE TEMP TABLE s AS SELECT rowid AS r FROM t ORDER BY likes DESC NULLS LAST, rowid`)
await q('page via rowid IN', `SELECT * FROM t WHERE rowid IN (SELECT r FROM s LIMIT 200 OFFSET 5000000)`)
await q('page via rowid IN list', `SELECT * FROM t WHERE rowid IN (SELECT unnest(list(r)) FROM (SELECT r FROM s LIMIT 200 OFFSET 5000000))`)
await q('page via join', `SELECT t.* FROM (SELECT r, row_number() over () AS n FROM (SELECT r FROM s LIMIT 200 OFFSET 5000000)) p JOIN t ON t.rowid = p.r ORDER BY p.n`)
const ids = (await c.runAndReadAll(`SELECT r FROM s LIMIT 200 OFFSET 5000000`)).getRows().map((r) => Number(r[0]))
await q('page via rowid literal IN', `SELECT * FROM t WHERE rowid IN (${ids.join(',')})`)
await q('page via rowid BETWEEN', `SELECT * FROM t WHERE rowid BETWEEN 5000000 AND 5000199`)
