/**
 * A recognised export's raw table stores numbers as numbers where every value prints back as written, and the
 * recognizer still parses the same text: the canonical rows are those of an all-text raw table.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../invoke'
import { ident } from '../db/sql'
import { jobId, openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import { databaseForTests } from '../engine'

const HEADER = [
  'Tweet id',
  'Tweet permalink',
  'Tweet text',
  'time',
  'impressions',
  'engagements',
  'engagement rate',
  'retweets',
  'replies',
  'likes',
  'promoted impressions'
]
const row = (id: string, impressions: string, rate: string, retweets: string, likes: string) =>
  [
    id,
    `https://twitter.com/NorthfieldGH/status/${id}`,
    'text',
    '2024-01-02 15:30 +0000',
    impressions,
    '10',
    rate,
    retweets,
    '1',
    likes,
    '-'
  ]
    .map((c) => `"${c}"`)
    .join(',')

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-rawtypes-')
})
afterEach(() => t.dispose())

describe('typed raw columns of a recognised export', () => {
  it('stores exact integers and decimals as numbers, keeps the rest as text, and lands the same canonical rows', async () => {
    const file = t.file(
      'tweet_activity_metrics_NorthfieldGH_20240101_20240201_en.csv',
      [
        HEADER.map((h) => `"${h}"`).join(','),
        row('1742000000000000001', '1938', '0.25', '3', '9'),
        row('1742000000000000002', '500', '0.5', '12', '2'),
        row('1742000000000000003', '80', '1.50', '0', '10')
      ].join('\n') + '\n'
    )
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: jobId() })
    expect(r.recognition?.format).toBe('x-tweet-activity')
    const types = Object.fromEntries(r.dataset.columns.map((c) => [c.name, c.type]))
    expect(types).toMatchObject({
      'Tweet id': 'BIGINT',
      impressions: 'BIGINT',
      retweets: 'BIGINT',
      likes: 'BIGINT',
      // "1.50" would print back as 1.5: the column keeps the file's text.
      'engagement rate': 'VARCHAR',
      'promoted impressions': 'VARCHAR',
      time: 'VARCHAR'
    })
    // Numbers sort as numbers: 12 after 3, which as text it would not be.
    const sorted = await databaseForTests(t.engine).all(
      `SELECT retweets FROM ${ident(r.dataset.tableName)} ORDER BY retweets DESC`
    )
    expect(sorted.map((x) => Number(x.retweets))).toEqual([12, 3, 0])
    const posts = await databaseForTests(t.engine).all(
      `SELECT post_id, impressions, likes, shares FROM posts ORDER BY post_id`
    )
    expect(posts).toEqual([
      { post_id: '1742000000000000001', impressions: '1938', likes: '9', shares: '3' },
      { post_id: '1742000000000000002', impressions: '500', likes: '2', shares: '12' },
      { post_id: '1742000000000000003', impressions: '80', likes: '10', shares: '0' }
    ])
  })

  it('decides each column on every row, not on the first ones: a later value that would not print back keeps it text', async () => {
    // Past the 2048 rows a column's type is first guessed from: whole numbers, then one decimal, one padded id, one
    // value that is no number at all.
    const rows = Array.from({ length: 2100 }, (_, i) =>
      row(
        i === 2060 ? '0042' : String(1742000000000000000n + BigInt(i)),
        i === 2090 ? 'n/a' : String(100 + i),
        '0.25',
        i === 2070 ? '2.5' : String(i % 7),
        String(i % 5)
      )
    )
    const file = t.file(
      'tweet_activity_metrics_NorthfieldGH_20240301_20240401_en.csv',
      [HEADER.map((h) => `"${h}"`).join(','), ...rows].join('\n') + '\n'
    )
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: jobId() })
    const types = Object.fromEntries(r.dataset.columns.map((c) => [c.name, c.type]))
    expect(types).toMatchObject({
      'Tweet id': 'VARCHAR',
      impressions: 'VARCHAR',
      retweets: 'DOUBLE',
      likes: 'BIGINT',
      'engagement rate': 'DOUBLE'
    })
    expect(r.dataset.columns.map((c) => c.name)).toEqual(HEADER)
    const db = databaseForTests(t.engine)
    const q = ident(r.dataset.tableName)
    // The text as the file wrote it, in the file's order.
    const at = async (n: number) =>
      (await db.all(`SELECT "Tweet id" AS id, impressions, retweets FROM ${q} WHERE rowid = ${n - 1}`))[0]
    expect(await at(2061)).toEqual({ id: '0042', impressions: '2160', retweets: 2060 % 7 })
    expect(await at(2091)).toEqual({ id: String(1742000000000000000n + 2090n), impressions: 'n/a', retweets: 2090 % 7 })
    expect((await at(2071)).retweets).toBe(2.5)
    const posts = await db.all(
      `SELECT post_id, impressions, shares FROM posts WHERE post_id IN ('0042', $1) ORDER BY 1`,
      [String(1742000000000000000n + 2070n)]
    )
    expect(posts).toEqual([
      { post_id: '0042', impressions: '2160', shares: String(2060 % 7) },
      { post_id: String(1742000000000000000n + 2070n), impressions: '2170', shares: null }
    ])
  })

  it('stores a decimal column as DOUBLE when every value prints back the same, whole numbers included', async () => {
    const file = t.file(
      'tweet_activity_metrics_NorthfieldGH_20240201_20240301_en.csv',
      [
        HEADER.map((h) => `"${h}"`).join(','),
        row('1742000000000000011', '10', '0.25', '1', '1'),
        row('1742000000000000012', '20', '3', '2', '2'),
        row('0042', '30', '-0.125', '3', '3')
      ].join('\n') + '\n'
    )
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: jobId() })
    const types = Object.fromEntries(r.dataset.columns.map((c) => [c.name, c.type]))
    expect(types['engagement rate']).toBe('DOUBLE')
    // "0042" would print back as 42: ids with leading zeros stay text.
    expect(types['Tweet id']).toBe('VARCHAR')
    expect(
      (await databaseForTests(t.engine).all(`SELECT post_id FROM posts ORDER BY post_id`)).map((p) => p.post_id)
    ).toContain('0042')
  })
})
