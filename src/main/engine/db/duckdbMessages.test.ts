/**
 * One test per DuckDB message the engine matches: each provokes the real error in the DuckDB the app ships and
 * checks the matcher recognises it, so an upgrade that rewords a message fails here rather than silently
 * changing an import's fallbacks or what a query's error says.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  convertingColumn,
  csvReadError,
  errorPosition,
  isAdviceLine,
  isConversionError,
  isDiskFull,
  isInterrupted,
  isLockConflict,
  isPermissionDenied,
  isRefusedByConfiguration,
  isShortRow,
  isSniffFailure,
  missingColumn,
  missingTable,
  parserError,
  positionAtOffset
} from './duckdbMessages'

let dir: string
let instance: DuckDBInstance
let conn: DuckDBConnection

/** The error DuckDB throws for `sql` (fails the test when it does not throw). */
async function errorOf(sql: string, c: DuckDBConnection = conn): Promise<Error> {
  try {
    await c.run(sql)
  } catch (err) {
    return err as Error
  }
  throw new Error(`expected DuckDB to refuse: ${sql}`)
}

const file = (name: string, text: string) => {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p.replace(/'/g, "''")
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sb-duckdb-messages-'))
  instance = await DuckDBInstance.create(':memory:')
  conn = await instance.connect()
})
afterAll(() => {
  conn.closeSync()
  instance.closeSync()
  rmSync(dir, { recursive: true, force: true })
})

describe('DuckDB messages the engine matches', () => {
  it('CSV reader errors: the line and the kind of problem, from each real error', async () => {
    const strict = (name: string, text: string, columns = "{'a':'VARCHAR','b':'VARCHAR'}") =>
      errorOf(`SELECT * FROM read_csv('${file(name, text)}', auto_detect=false, header=true, columns=${columns})`)
    expect(csvReadError(await strict('quote.csv', 'a,b\n1,2\n3,"x\n'))).toEqual({
      line: 3,
      problem: { kind: 'unterminated-quote' }
    })
    expect(csvReadError(await strict('wide.csv', 'a,b\n1,2\n3,4,5\n'))).toEqual({
      line: 3,
      problem: { kind: 'field-count', expected: 2, found: 3 }
    })
    expect(csvReadError(await strict('cast.csv', 'a,b\n1,2\n3,x\n', "{'a':'INTEGER','b':'INTEGER'}"))).toEqual({
      line: 3,
      problem: { kind: 'value', column: 'b', value: 'x', type: 'INTEGER' }
    })
    const bytes = join(dir, 'latin.csv')
    writeFileSync(
      bytes,
      Buffer.concat([Buffer.from('a,b\n1,2\n3,'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\n')])
    )
    const notUtf8 = await errorOf(`SELECT * FROM read_csv('${bytes}')`)
    expect(csvReadError(notUtf8)?.problem).toEqual({ kind: 'not-utf8' })
    const long = await errorOf(
      `SELECT * FROM read_csv('${file('long.csv', `a,b\n1,${'x'.repeat(5000)}\n`)}', max_line_size=100, auto_detect=false, header=true, columns={'a':'VARCHAR','b':'VARCHAR'})`
    )
    expect(csvReadError(long)?.problem).toMatchObject({ kind: 'line-too-long', maxBytes: 100 })
    expect(csvReadError(await errorOf(`SELECT 'x'::INTEGER`))).toBeNull()
  })

  it('an interrupted statement', async () => {
    const running = errorOf(`SELECT count(*) FROM range(100000000000) a`)
    setTimeout(() => conn.interrupt(), 100)
    const err = await running
    expect(isInterrupted(err)).toBe(true)
    expect(isInterrupted(await errorOf(`SELECT 'x'::INTEGER`))).toBe(false)
  })

  it('a full disk (writing to /dev/full)', async () => {
    const err = await errorOf(`COPY (SELECT 1) TO '/dev/full'`)
    expect(err.message).toMatch(/No space left on device/)
    expect(isDiskFull(err)).toBe(true)
    expect(isDiskFull(await errorOf(`SELECT 'x'::INTEGER`))).toBe(false)
  })

  it('a CSV the sniffer gives up on, which also suggests null_padding', async () => {
    const path = file('short.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8\n')
    const err = await errorOf(
      `SELECT * FROM read_csv('${path}', columns={'a':'VARCHAR','b':'VARCHAR','c':'VARCHAR'}, header=true)`
    )
    expect(isSniffFailure(err)).toBe(true)
    expect(isShortRow(err)).toBe(true)
  })

  it('a row with fewer fields than the header, read with a fixed dialect', async () => {
    const path = file('short-fixed.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8\n')
    const err = await errorOf(
      `SELECT * FROM read_csv('${path}', delim=',', header=true, auto_detect=false, columns={'a':'VARCHAR','b':'VARCHAR','c':'VARCHAR'})`
    )
    expect(isShortRow(err)).toBe(true)
    expect(isSniffFailure(err)).toBe(false)
    // "Original Line: 4,5" is context, not the problem: it is left out of what the user is told.
    expect(err.message.split('\n').filter(isAdviceLine)).toContain('Original Line: 4,5')
  })

  it('a CSV value that does not fit its column, naming the column', async () => {
    const path = file('conv.csv', 'amount,b\n1,2\nx,3\n')
    const err = await errorOf(
      `SELECT * FROM read_csv('${path}', columns={'amount':'BIGINT','b':'BIGINT'}, header=true)`
    )
    expect(isConversionError(err)).toBe(true)
    expect(convertingColumn(err)).toBe('amount')
    expect(isShortRow(err)).toBe(false)
  })

  it('a cast that fails', async () => {
    const err = await errorOf(`SELECT 'x'::INTEGER`)
    expect(isConversionError(err)).toBe(true)
    expect(convertingColumn(err)).toBeNull()
  })

  it('a column the FROM does not have, and one used before its SELECT alias is defined', async () => {
    expect(missingColumn(await errorOf(`SELECT nope FROM (SELECT 1 AS a)`))).toBe('nope')
    // Export headers have spaces: the whole quoted name comes back.
    expect(missingColumn(await errorOf(`SELECT "Tweet id" FROM (SELECT 1 AS a)`))).toBe('Tweet id')
    expect(missingColumn(await errorOf(`SELECT b + 1 AS c, a AS b FROM (SELECT 1 AS a)`))).toBe('b')
    expect(missingColumn(await errorOf(`SELECT * FROM nope_table`))).toBeNull()
  })

  it('a table that does not exist', async () => {
    expect(missingTable(await errorOf(`SELECT * FROM nope_table`))).toBe('nope_table')
    expect(missingTable(await errorOf(`SELECT nope FROM (SELECT 1 AS a)`))).toBeNull()
  })

  it('file access refused by a locked configuration', async () => {
    const locked = await instance.connect()
    const sandbox = await DuckDBInstance.create(':memory:')
    const c = await sandbox.connect()
    try {
      await c.run(`SET enable_external_access = false`)
      const err = await errorOf(`SELECT * FROM read_csv('${file('any.csv', 'a\n1\n')}')`, c)
      expect(isRefusedByConfiguration(err)).toBe(true)
      expect(isRefusedByConfiguration(await errorOf(`SELECT 'x'::INTEGER`, locked))).toBe(false)
    } finally {
      c.closeSync()
      sandbox.closeSync()
      locked.closeSync()
    }
  })

  it('a file the file system refuses (/sys is read-only even for root)', async () => {
    const err = await DuckDBInstance.create('/sys/socialbench-test.duckdb').then(
      () => new Error('opened'),
      (e: Error) => e
    )
    expect(isPermissionDenied(err)).toBe(true)
    expect(isLockConflict(err)).toBe(false)
  })

  it('a database file another process holds', async () => {
    const path = join(dir, 'held.duckdb')
    const holder: ChildProcess = spawn(
      process.execPath,
      [
        '-e',
        `require('@duckdb/node-api').DuckDBInstance.create(${JSON.stringify(path)}).then(() => { console.log('ready'); setInterval(() => {}, 1000) })`
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] }
    )
    try {
      await new Promise((resolve) => holder.stdout!.once('data', resolve))
      const err = await DuckDBInstance.create(path).then(
        () => new Error('opened'),
        (e: Error) => e
      )
      expect(isLockConflict(err)).toBe(true)
      expect(isPermissionDenied(err)).toBe(false)
    } finally {
      holder.kill()
    }
  })

  it('a word in a file name is not the error: "interrupted" or "lock" in a path is neither a cancel nor a lock', async () => {
    // DuckDB's IO errors quote the path, and analysts name files freely ("lockdown_posts.csv").
    const err = await errorOf(`SELECT * FROM read_csv('${join(dir, 'interrupted_lockdown_posts.csv')}')`)
    expect(err.message).toContain('interrupted_lockdown_posts.csv')
    expect(isInterrupted(err)).toBe(false)
    expect(isLockConflict(err)).toBe(false)
  })

  it('where a statement went wrong, as line and column', async () => {
    const sql = `SELECT 1,\nFROM WHERE x`
    expect(errorPosition(await errorOf(sql), sql)).toEqual({ line: 2, column: 6 })
    // A long line is shown trimmed with "..." in front; the column is still the real line's.
    const long = `SELECT ${Array.from({ length: 40 }, (_, i) => `${i} AS c${i}`).join(', ')}, nope FROM (SELECT 1)`
    const at = errorPosition(await errorOf(long), long)
    expect(at?.line).toBe(1)
    expect(long.slice(at!.column - 1, at!.column + 3)).toBe('nope')
    expect(errorPosition(new Error('no position here'), sql)).toBeNull()
  })

  it('a parse error: the problem and the token it stopped at, from extractStatements and from the parser alone', async () => {
    const extractError = (sql: string) =>
      conn.extractStatements(sql).then(
        () => new Error('parsed'),
        (e: Error) => e
      )
    const near = await extractError(`SELECT 1,\n  2 FROM FROM posts`)
    expect(near.message).toMatch(/^Failed to extract statements: Parser Error: /)
    expect(parserError(near)).toEqual({ problem: 'syntax error', near: 'FROM', atEnd: false })
    expect(parserError(await extractError(`SELECT (1`))).toEqual({
      problem: 'syntax error',
      near: null,
      atEnd: true
    })
    expect(parserError(await extractError(`SELECT 'abc`))).toEqual({
      problem: 'unterminated quoted string',
      near: "'abc",
      atEnd: false
    })
    // A run (not an extraction) says the same without the prefix.
    expect(parserError(await errorOf(`SELECT 1 FROM FROM x`))).toMatchObject({ near: 'FROM' })
    // Other errors are not parse errors, whatever their text quotes.
    expect(parserError(await errorOf(`SELECT "Parser Error: x" FROM (SELECT 1 AS a)`))).toBeNull()
    expect(parserError(await errorOf(`SELECT 'x'::INTEGER`))).toBeNull()
  })

  it("a parse error's position from json_serialize_sql, in code points, as line and column", async () => {
    const positionOf = async (sql: string) => {
      const r = await conn.runAndReadAll(`SELECT json_serialize_sql('${sql.replace(/'/g, "''")}')`)
      const tree = JSON.parse(String(r.getRows()[0][0])) as { error_type: string; position: string }
      expect(tree.error_type).toBe('parser')
      return positionAtOffset(sql, Number(tree.position))
    }
    expect(await positionOf(`SELECT 1,\n  2 FROM FROM posts`)).toEqual({ line: 2, column: 10 })
    // An emoji is one code point for DuckDB and two UTF-16 units for JavaScript: the column is JavaScript's.
    const emoji = `-- 😀\nSELECT '😀', 1 FROM FROM x`
    const at = (await positionOf(emoji))!
    expect(emoji.split('\n')[at.line - 1].slice(at.column - 1)).toBe('FROM x')
    // At the end of the text, where the message has no caret.
    expect(await positionOf(`SELECT 1,\n (1`)).toEqual({ line: 2, column: 4 })
    expect(positionAtOffset('SELECT 1', Number('not a number'))).toBeNull()
  })
})
