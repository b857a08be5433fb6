/**
 * The SQL that extracts hashtags and mentions against the rule it implements, written once more in JavaScript with a
 * lookbehind: a tag is a sign not preceded by a letter, digit or underscore (a mention: nor by `.` or `@`), then the
 * longest run of letters, digits and underscores; lower-cased, each once, sorted. Random texts mix signs with the
 * characters that block them, so both of the SQL's paths (the exact pattern, and the one that starts at the sign) run.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashtagsSql, mentionsSql } from './postTags'

const TAG_RE = /(?<![\p{L}\p{N}_])#([\p{L}\p{N}_]+)/gu
const MENTION_RE = /(?<![\p{L}\p{N}_@.])@([\p{L}\p{N}_]+)/gu
const expected = (text: string, re: RegExp) =>
  [...new Set([...text.matchAll(re)].map((m) => m[1].toLowerCase()))].sort()

// Characters whose lower case JavaScript and DuckDB agree on, and whose code point order is their UTF-8 byte order.
const ALPHABET = ['#', '@', 'a', 'B', 'É', 'ß', '_', '.', ' ', '1', '-', '日', '\n', '٣', '\u0301', '😀', ',']

let instance: DuckDBInstance
let conn: DuckDBConnection
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:')
  conn = await instance.connect()
})
afterAll(() => {
  conn.closeSync()
  instance.closeSync()
})

async function tagsOf(text: string | null): Promise<{ h: string[] | null; m: string[] | null }> {
  const r = await conn.runAndReadAll(`SELECT ${hashtagsSql('$1::VARCHAR')} AS h, ${mentionsSql('$1::VARCHAR')} AS m`, [
    text
  ])
  return r.getRowObjectsJson()[0] as { h: string[] | null; m: string[] | null }
}

describe('hashtags and mentions in SQL', () => {
  it('follow the rule on random texts', async () => {
    // One query over all of them: DuckDB compiles the patterns once per query, not once per text.
    const texts = fc.sample(
      fc.array(fc.constantFrom(...ALPHABET), { maxLength: 16 }).map((cs) => cs.join('')),
      { numRuns: 5000, seed: 17 }
    )
    await conn.run(`CREATE OR REPLACE TABLE texts (i INTEGER, t VARCHAR)`)
    const appender = await conn.createAppender('texts')
    texts.forEach((t, i) => {
      appender.appendInteger(i)
      appender.appendVarchar(t)
      appender.endRow()
    })
    appender.closeSync()
    const rows = (
      await conn.runAndReadAll(`SELECT t, ${hashtagsSql('t')} AS h, ${mentionsSql('t')} AS m FROM texts ORDER BY i`)
    ).getRowObjectsJson() as { t: string; h: string[]; m: string[] }[]
    expect(rows.length).toBe(texts.length)
    // Both paths ran: texts with a tag where a sign is also blocked, and texts whose every sign is free.
    expect(rows.some((r) => r.h.length > 0 && /[\p{L}\p{N}_]#/u.test(r.t))).toBe(true)
    expect(rows.some((r) => r.m.length > 0 && !/[\p{L}\p{N}_@.]@/u.test(r.t))).toBe(true)
    const wrong = rows.filter(
      (r) => JSON.stringify([r.h, r.m]) !== JSON.stringify([expected(r.t, TAG_RE), expected(r.t, MENTION_RE)])
    )
    expect(wrong.slice(0, 5)).toEqual([])
  })

  it('take a blocked sign apart from the tags around it', async () => {
    expect(await tagsOf('#Ab page#x ##dup #ab')).toEqual({ h: ['ab', 'dup'], m: [] })
    expect(await tagsOf('@a@b x.@c mail a@b.com @@d @E')).toEqual({ h: [], m: ['a', 'e'] })
    expect(await tagsOf('plain text')).toEqual({ h: [], m: [] })
    expect(await tagsOf(null)).toEqual({ h: null, m: null })
  })
})
