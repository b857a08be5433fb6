/**
 * A failed query says where it failed as fields (error.at), not only in its message, so the editor can put the
 * cursor there without parsing text. Real DuckDB errors, through the front door and over the wire (JSON).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'

let t: TestWorkspace
let runs = 0
beforeAll(async () => {
  t = await openTestWorkspace('sb-sqlpos-')
})
afterAll(() => t.dispose())

const runQuery = (sql: string) => t.engine.call('runQuery', { runId: `pos-${++runs}`, sql })

describe('SQL error positions', () => {
  it('a syntax error carries its line and column as fields', async () => {
    const sql = `SELECT 1,\n  2 FROM FROM posts`
    const r = await runQuery(sql)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('SQL_FAILED')
    expect(r.error.at).toEqual({ line: 2, column: 10 })
    // In the user's words, not DuckDB's ("Failed to extract statements: Parser Error: syntax error at or near").
    expect(r.error.message).toBe('Syntax error near "FROM" at line 2, column 10.')
    // The field points at the token DuckDB stopped on, in the real text.
    const line = sql.split('\n')[r.error.at!.line - 1]
    expect(line.slice(r.error.at!.column - 1)).toMatch(/^FROM posts/)
  })

  it('a query that ends too early, and an unterminated string, say so with their place', async () => {
    const early = await runQuery(`SELECT count(*)\nFROM posts\nWHERE (likes > 1`)
    expect(early.ok ? null : early.error).toMatchObject({ code: 'SQL_FAILED', at: { line: 3, column: 17 } })
    expect(early.ok ? '' : early.error.message).toMatch(
      /^Syntax error: the query ends before it is complete at line 3, column 17\./
    )
    const quote = await runQuery(`SELECT 'é', 'open FROM posts`)
    expect(quote.ok ? null : quote.error).toMatchObject({
      code: 'SQL_FAILED',
      message: `Unterminated quoted string near "'open FROM posts" at line 1, column 13.`,
      at: { line: 1, column: 13 }
    })
  })

  it('a column the table lacks carries the position of the name', async () => {
    const r = await runQuery(`SELECT 1,\n  nosuchcolumn FROM posts`)
    expect(r.ok ? null : r.error).toMatchObject({ code: 'SQL_FAILED', at: { line: 2, column: 3 } })
  })

  it('keeps the fields over the wire, and has none on a refusal, which names no place', async () => {
    const wire = JSON.parse(
      JSON.stringify(await t.engine.callWire('runQuery', { runId: 'pos-wire', sql: `SELECT nope` }))
    )
    expect(wire.error).toMatchObject({ code: 'SQL_FAILED', at: { line: 1, column: 8 } })
    const r = await runQuery(`DROP TABLE posts`)
    expect(r.ok ? null : r.error).toMatchObject({ code: 'READ_ONLY_SQL' })
    expect(r.ok ? null : r.error.at).toBeUndefined()
  })
})
