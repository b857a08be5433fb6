import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../../test/support/workspace'
import { invoke } from '../../invoke'
import { databaseForTests } from '../../engine'

const HEADER =
  '"Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","engagement rate","retweets","replies","likes","user profile clicks","url clicks","hashtag clicks","detail expands","permalink clicks","app opens","app installs","follows","email tweet","dial phone","media views","media engagements","promoted impressions","promoted engagements"'

function tweet(
  id: string,
  time: string,
  text: string,
  impressions: string,
  retweets: string,
  replies: string,
  likes: string
): string {
  const cells = [
    id,
    `https://twitter.com/NorthfieldGH/status/${id}`,
    text,
    time,
    impressions,
    '10.0',
    '0.01',
    retweets,
    replies,
    likes,
    '1.0',
    '2.0',
    '0',
    '3.0',
    '0',
    '0',
    '0',
    '0',
    '0',
    '0',
    '0',
    '0',
    '-',
    '-'
  ]
  return cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')
}

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-xta-')
})
afterEach(() => t.dispose())

describe('X tweet activity', () => {
  it('maps tweets exactly: float counts, zoned times, ids as text, interactions = retweets + replies + likes', async () => {
    const file = t.file(
      'tweet_activity_metrics_NorthfieldGH_20240101_20240201_en.csv',
      [
        HEADER,
        tweet(
          '1742000000000000001',
          '2024-01-02 15:30 +0000',
          'Flu clinic open &amp; walk-ins welcome\nline two',
          '1938.0',
          '3.0',
          '1.0',
          '18.0'
        ),
        tweet('1742000000000000002', '2024-01-03 09:00 +0000', '@someone thanks', '500.0', '0.0', '0.0', '2.0'),
        tweet('1742000000000000003', 'not a time', 'broken row', '1.0', '0', '0', '0')
      ].join('\n') + '\n'
    )
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: 'j1' })
    expect(r.recognition?.format).toBe('x-tweet-activity')
    expect(r.recognition?.platform).toBe('x')
    expect(r.recognition?.accounts.map((a) => a.accountId)).toEqual(['x:northfieldgh'])
    expect(r.recognition?.posts).toEqual({ new: 2, updated: 0, unchanged: 0 })
    expect(r.recognition?.rowsRejected).toBe(1)
    expect(r.recognition?.rejects).toEqual([{ row: 3, reason: 'unreadable time "not a time"' }])
    expect(r.recognition?.period).toEqual({ from: '2024-01-02', to: '2024-01-03' })
    const rows = await databaseForTests(t.engine).all(
      `SELECT post_id, strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS at, post_type, impressions, likes, comments, shares, interactions, reach, views
       FROM posts ORDER BY post_id`
    )
    expect(rows).toEqual([
      {
        post_id: '1742000000000000001',
        at: '2024-01-02 15:30',
        post_type: 'tweet',
        impressions: '1938',
        likes: '18',
        comments: '1',
        shares: '3',
        interactions: '22',
        reach: null,
        views: null
      },
      {
        post_id: '1742000000000000002',
        at: '2024-01-03 09:00',
        post_type: 'reply',
        impressions: '500',
        likes: '2',
        comments: '0',
        shares: '0',
        interactions: '2',
        reach: null,
        views: null
      }
    ])
    const rejects = await databaseForTests(t.engine).all(`SELECT row_number, reason FROM import_rejects`)
    expect(rejects).toEqual([{ row_number: '3', reason: 'unreadable time "not a time"' }])
    // The raw table keeps the exact text of every row, including the rejected one.
    const raw = await databaseForTests(t.engine).all(
      `SELECT "Tweet id", impressions FROM ${r.dataset.tableName} ORDER BY rowid`
    )
    expect(raw.map((x) => x.impressions)).toEqual(['1938.0', '500.0', '1.0'])
  })

  it('re-importing an overlapping export upserts: no double counting, newer values win', async () => {
    const first = t.file(
      'a.csv',
      [
        HEADER,
        tweet('1', '2024-01-02 15:30 +0000', 'a', '100.0', '1.0', '1.0', '5.0'),
        tweet('2', '2024-01-03 15:30 +0000', 'b', '50.0', '0', '0', '1.0')
      ].join('\n')
    )
    const second = t.file(
      'b.csv',
      [
        HEADER,
        tweet('2', '2024-01-03 15:30 +0000', 'b', '50.0', '0', '0', '1.0'),
        tweet('1', '2024-01-02 15:30 +0000', 'a', '150.0', '1.0', '1.0', '9.0'),
        tweet('3', '2024-01-04 10:00 +0000', 'c', '10.0', '0', '0', '0')
      ].join('\n')
    )
    await invoke(t.engine, 'importFile', { path: first, jobId: 'a' })
    const r = await invoke(t.engine, 'importFile', { path: second, jobId: 'b' })
    expect(r.recognition?.posts).toEqual({ new: 1, updated: 1, unchanged: 1 })
    const [{ n, likes }] = await databaseForTests(t.engine).all(`SELECT count(*) AS n, sum(likes) AS likes FROM posts`)
    expect(Number(n)).toBe(3)
    expect(Number(likes)).toBe(9 + 1 + 0)
    const [imp] = await databaseForTests(t.engine).all(
      `SELECT file_name, rows_read, rows_loaded, rows_rejected FROM imports WHERE file_name = 'b.csv'`
    )
    expect(imp).toEqual({ file_name: 'b.csv', rows_read: '3', rows_loaded: '3', rows_rejected: '0' })
  })

  it('privacy: redacted text never reaches the raw or canonical tables', async () => {
    const file = t.file(
      'c.csv',
      [
        HEADER,
        tweet(
          '9',
          '2024-01-02 15:30 +0000',
          'Call Dr. Smith at +1 555 123 4567 or jane.doe@example.com, cc @patient_joe',
          '10.0',
          '0',
          '0',
          '1.0'
        )
      ].join('\n')
    )
    const r = await invoke(t.engine, 'importFile', {
      path: file,
      jobId: 'c',
      options: { privacy: { text: 'redact', people: 'keep' } }
    })
    const [{ text }] = await databaseForTests(t.engine).all(`SELECT text FROM posts`)
    expect(text).toBe('Call [name] at [phone] or [email], cc @[handle]')
    const [raw] = await databaseForTests(t.engine).all(`SELECT "Tweet text" AS t FROM ${r.dataset.tableName}`)
    expect(raw.t).toBe(text)
    expect(r.recognition?.redactions).toEqual([
      { kind: '@handle', count: 1 },
      { kind: 'e-mail address', count: 1 },
      { kind: 'phone number', count: 1 },
      { kind: 'titled name', count: 1 }
    ])
  })

  describe('generations (docs/export-families.md, X tweet activity)', () => {
    const q = (cells: string[]) => cells.map((c) => `"${c}"`).join(',')
    it('2015 files say "favorites" for likes: mapped, not refused', async () => {
      // Header as in a 2015 download (scctsi/trial-promoter-app spec/lib/metric_file_parser_spec.rb).
      const header = q([
        'Tweet id',
        'Tweet permalink',
        'Tweet text',
        'time',
        'impressions',
        'engagements',
        'engagement rate',
        'retweets',
        'replies',
        'favorites',
        'user profile clicks',
        'url clicks',
        'hashtag clicks',
        'detail expands',
        'permalink clicks',
        'app opens',
        'app installs',
        'follows',
        'email tweet',
        'dial phone',
        'media views',
        'media engagements',
        'promoted impressions',
        'promoted favorites'
      ])
      const row = q([
        '649293177409679360',
        'https://twitter.com/NorthfieldGH/status/649293177409679360',
        'Flu clinic Thursday',
        '2015-09-30 18:42 +0000',
        '424.0',
        '9.0',
        '0.02',
        '1.0',
        '2.0',
        '3.0',
        '4.0',
        '5.0',
        '0',
        '0',
        '0',
        '0',
        '0',
        '0',
        '0',
        '0',
        '0',
        '0',
        '-',
        '-'
      ])
      const r = await invoke(t.engine, 'importFile', {
        path: t.file('tweet_activity_metrics_NorthfieldGH_20150901_20151001_en.csv', `${header}\n${row}\n`),
        jobId: 'f'
      })
      expect(r.unmapped ?? null).toBeNull()
      expect(r.recognition?.format).toBe('x-tweet-activity')
      expect(
        await databaseForTests(t.engine).all(
          `SELECT post_id, impressions, likes, comments, shares, clicks, interactions FROM posts`
        )
      ).toEqual([
        {
          post_id: '649293177409679360',
          impressions: '424',
          likes: '3',
          comments: '2',
          shares: '1',
          clicks: '5',
          interactions: '6'
        }
      ])
    })

    it('post-2023 names ("Post id", "Post permalink", "Post text", "reposts") map to the same fields', async () => {
      const header = q([
        'Post id',
        'Post permalink',
        'Post text',
        'time',
        'impressions',
        'engagements',
        'engagement rate',
        'reposts',
        'replies',
        'likes',
        'url clicks'
      ])
      const row = q([
        '1742000000000000009',
        'https://x.com/NorthfieldGH/status/1742000000000000009',
        'Open day',
        '2024-01-05 10:00 +0000',
        '800',
        '30',
        '0.04',
        '4',
        '5',
        '6',
        '7'
      ])
      const r = await invoke(t.engine, 'importFile', { path: t.file('x.csv', `${header}\n${row}\n`), jobId: 'p' })
      expect(r.recognition?.format).toBe('x-tweet-activity')
      expect(r.recognition?.accounts.map((a) => a.accountId)).toEqual(['x:northfieldgh'])
      expect(
        await databaseForTests(t.engine).all(
          `SELECT post_id, text, likes, comments, shares, clicks, interactions FROM posts`
        )
      ).toEqual([
        {
          post_id: '1742000000000000009',
          text: 'Open day',
          likes: '6',
          comments: '5',
          shares: '4',
          clicks: '7',
          interactions: '15'
        }
      ])
    })

    it('a file of the family without any likes column lands as a plain table saying so, in the preview too', async () => {
      const header = q([
        'Tweet id',
        'Tweet permalink',
        'Tweet text',
        'time',
        'impressions',
        'engagements',
        'retweets',
        'replies'
      ])
      const row = q(['1', 'https://twitter.com/a/status/1', 'x', '2016-01-01 10:00 +0000', '10', '1', '0', '1'])
      const path = t.file('tweets.csv', `${header}\n${row}\n`)
      const preview = await invoke(t.engine, 'previewImport', { path })
      expect(preview.recognized?.format).toBe('x-tweet-activity')
      expect(preview.unmapped?.missing).toEqual([{ field: 'likes', names: ['likes', 'favorites', 'いいね'] }])
      expect(preview.unmapped?.message).toMatch(/it will be imported as a plain table/)
      const r = await invoke(t.engine, 'importFile', { path, jobId: 'm' })
      expect(r.recognition).toBeNull()
      expect(r.unmapped?.message).toBe(
        'tweets.csv looks like X (Twitter) tweet activity, but it has no likes (a column named "likes", "favorites" or "いいね"); it was imported as a plain table, ' +
          'with no posts or daily rows. Use "Map columns…" (or import the file again once it is mapped) to say which column holds what.'
      )
      expect(r.dataset.rows).toBe(1)
      expect(await databaseForTests(t.engine).all(`SELECT * FROM posts`)).toEqual([])
    })
  })
})
