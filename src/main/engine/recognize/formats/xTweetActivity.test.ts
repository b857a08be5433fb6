import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../../test/support/workspace'

const HEADER =
  '"Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","engagement rate","retweets","replies","likes","user profile clicks","url clicks","hashtag clicks","detail expands","permalink clicks","app opens","app installs","follows","email tweet","dial phone","media views","media engagements","promoted impressions","promoted engagements"'

function tweet(id: string, time: string, text: string, impressions: string, retweets: string, replies: string, likes: string): string {
  const cells = [id, `https://twitter.com/NorthfieldGH/status/${id}`, text, time, impressions, '10.0', '0.01', retweets, replies, likes,
    '1.0', '2.0', '0', '3.0', '0', '0', '0', '0', '0', '0', '0', '0', '-', '-']
  return cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')
}

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-xta-')
})
afterEach(() => t.dispose())

describe('X tweet activity', () => {
  it('maps tweets exactly: float counts, zoned times, ids as text, interactions = retweets + replies + likes', async () => {
    const file = t.file('tweet_activity_metrics_NorthfieldGH_20240101_20240201_en.csv', [
      HEADER,
      tweet('1742000000000000001', '2024-01-02 15:30 +0000', 'Flu clinic open &amp; walk-ins welcome\nline two', '1938.0', '3.0', '1.0', '18.0'),
      tweet('1742000000000000002', '2024-01-03 09:00 +0000', '@someone thanks', '500.0', '0.0', '0.0', '2.0'),
      tweet('1742000000000000003', 'not a time', 'broken row', '1.0', '0', '0', '0')
    ].join('\n') + '\n')
    const r = await t.engine.handlers.importFile({ path: file, jobId: 'j1' })
    expect(r.recognition?.format).toBe('x-tweet-activity')
    expect(r.recognition?.platform).toBe('x')
    expect(r.recognition?.accounts.map((a) => a.accountId)).toEqual(['x:northfieldgh'])
    expect(r.recognition?.posts).toEqual({ new: 2, updated: 0, unchanged: 0 })
    expect(r.recognition?.rowsRejected).toBe(1)
    expect(r.recognition?.rejects).toEqual([{ row: 3, reason: 'unreadable time "not a time"' }])
    expect(r.recognition?.period).toEqual({ from: '2024-01-02', to: '2024-01-03' })
    const rows = await t.engine.db.all(
      `SELECT post_id, strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS at, post_type, impressions, likes, comments, shares, interactions, reach, views
       FROM posts ORDER BY post_id`
    )
    expect(rows).toEqual([
      { post_id: '1742000000000000001', at: '2024-01-02 15:30', post_type: 'tweet', impressions: '1938', likes: '18', comments: '1', shares: '3', interactions: '22', reach: null, views: null },
      { post_id: '1742000000000000002', at: '2024-01-03 09:00', post_type: 'reply', impressions: '500', likes: '2', comments: '0', shares: '0', interactions: '2', reach: null, views: null }
    ])
    const rejects = await t.engine.db.all(`SELECT row_number, reason FROM import_rejects`)
    expect(rejects).toEqual([{ row_number: '3', reason: 'unreadable time "not a time"' }])
    // The raw table keeps the exact text of every row, including the rejected one.
    const raw = await t.engine.db.all(`SELECT "Tweet id", impressions FROM ${r.dataset.tableName} ORDER BY rowid`)
    expect(raw.map((x) => x.impressions)).toEqual(['1938.0', '500.0', '1.0'])
  })

  it('re-importing an overlapping export upserts: no double counting, newer values win', async () => {
    const first = t.file('a.csv', [HEADER, tweet('1', '2024-01-02 15:30 +0000', 'a', '100.0', '1.0', '1.0', '5.0'), tweet('2', '2024-01-03 15:30 +0000', 'b', '50.0', '0', '0', '1.0')].join('\n'))
    const second = t.file('b.csv', [HEADER, tweet('2', '2024-01-03 15:30 +0000', 'b', '50.0', '0', '0', '1.0'), tweet('1', '2024-01-02 15:30 +0000', 'a', '150.0', '1.0', '1.0', '9.0'), tweet('3', '2024-01-04 10:00 +0000', 'c', '10.0', '0', '0', '0')].join('\n'))
    await t.engine.handlers.importFile({ path: first, jobId: 'a' })
    const r = await t.engine.handlers.importFile({ path: second, jobId: 'b' })
    expect(r.recognition?.posts).toEqual({ new: 1, updated: 1, unchanged: 1 })
    const [{ n, likes }] = await t.engine.db.all(`SELECT count(*) AS n, sum(likes) AS likes FROM posts`)
    expect(Number(n)).toBe(3)
    expect(Number(likes)).toBe(9 + 1 + 0)
    const [imp] = await t.engine.db.all(`SELECT file_name, rows_read, rows_loaded, rows_rejected FROM imports WHERE file_name = 'b.csv'`)
    expect(imp).toEqual({ file_name: 'b.csv', rows_read: '3', rows_loaded: '3', rows_rejected: '0' })
  })

  it('privacy: redacted text never reaches the raw or canonical tables', async () => {
    const file = t.file('c.csv', [HEADER, tweet('9', '2024-01-02 15:30 +0000', 'Call Dr. Smith at +1 555 123 4567 or jane.doe@example.com, cc @patient_joe', '10.0', '0', '0', '1.0')].join('\n'))
    const r = await t.engine.handlers.importFile({ path: file, jobId: 'c', options: { privacy: { text: 'redact', people: 'keep' } } })
    const [{ text }] = await t.engine.db.all(`SELECT text FROM posts`)
    expect(text).toBe('Call [name] at [phone] or [email], cc @[handle]')
    const [raw] = await t.engine.db.all(`SELECT "Tweet text" AS t FROM ${r.dataset.tableName}`)
    expect(raw.t).toBe(text)
    expect(r.recognition?.redactions).toEqual([
      { kind: '@handle', count: 1 },
      { kind: 'e-mail address', count: 1 },
      { kind: 'phone number', count: 1 },
      { kind: 'titled name', count: 1 }
    ])
  })
})
