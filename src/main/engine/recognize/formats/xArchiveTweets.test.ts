/** X archive tweets.js: the JS prefix, {"tweet": {...}} records, string counts, "Sat Nov 12 18:58:48 +0000 2022" times. */
import { copyFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failureOf, openTestWorkspace, type TestWorkspace } from '../../../../../test/support/workspace'
import { invoke } from '../../invoke'
import { databaseForTests } from '../../engine'

const FIXTURE = resolve(__dirname, '../../../../../test/fixtures/exports/x-archive-tweets/tweets.js')

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-xarc-')
})
afterEach(() => t.dispose())

describe('x-archive-tweets', () => {
  it('maps tweets with string counts and UTC times; replies, retweets; no reply counts means NULL comments and interactions', async () => {
    const r = await invoke(t.engine, 'importFile', {
      path: FIXTURE,
      jobId: 'a1',
      options: { account: '@NorthfieldGH' }
    })
    expect(r.recognition?.format).toBe('x-archive-tweets')
    expect(r.recognition?.platform).toBe('x')
    expect(r.recognition?.accounts.map((a) => a.accountId)).toEqual(['x:northfieldgh'])
    expect(r.recognition?.posts).toEqual({ new: 3, updated: 0, unchanged: 0 })
    expect(r.recognition?.rejects).toEqual([{ row: 4, reason: 'unreadable created_at "yesterday"' }])
    const rows = await databaseForTests(t.engine).all(
      `SELECT post_id, strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') AS at, post_type, text, url, likes, shares, comments,
              impressions, interactions, language FROM posts ORDER BY post_id`
    )
    expect(rows).toEqual([
      {
        post_id: '1590000000000000001',
        at: '2022-11-12 18:58:48',
        post_type: 'tweet',
        text: 'SYNTHETIC: flu clinic open on Saturday &amp; Sunday',
        url: 'https://x.com/i/web/status/1590000000000000001',
        likes: '6',
        shares: '2',
        comments: null,
        impressions: null,
        interactions: null,
        language: 'en'
      },
      {
        post_id: '1590000000000000002',
        at: '2018-10-10 20:19:24',
        post_type: 'reply',
        text: '@example_org thanks for sharing',
        url: 'https://x.com/i/web/status/1590000000000000002',
        likes: '1',
        shares: '0',
        comments: null,
        impressions: null,
        interactions: null,
        // X's "und" (undetermined) is no language.
        language: null
      },
      {
        post_id: '1590000000000000003',
        at: '2023-01-02 23:30:00',
        post_type: 'retweet',
        text: 'RT @example_org: SYNTHETIC news for everyone',
        url: 'https://x.com/i/web/status/1590000000000000003',
        likes: '0',
        shares: '15',
        comments: null,
        impressions: null,
        interactions: null,
        language: 'en'
      }
    ])
  })

  it('the archive’s own tweet.js names no account: refused with ACCOUNT_REQUIRED (never "x:tweet"), then lands on the chosen one', async () => {
    const p = join(t.root, 'tweet.js')
    copyFileSync(FIXTURE, p)
    expect(await failureOf(invoke(t.engine, 'importFile', { path: p, jobId: 'a2' }))).toMatchObject({
      code: 'ACCOUNT_REQUIRED'
    })
    expect(await invoke(t.engine, 'listDatasets')).toEqual([])
    const r = await invoke(t.engine, 'importFile', { path: p, jobId: 'a2b', options: { account: 'NorthfieldGH' } })
    expect(r.recognition?.format).toBe('x-archive-tweets')
    expect(r.recognition?.accounts.map((a) => a.accountId)).toEqual(['x:northfieldgh'])
  })

  it('very old archives without the {"tweet": ...} wrapper', async () => {
    const p = t.file(
      'northfield-tweets.js',
      `window.YTD.tweet.part0 = [ {
      "id_str" : "1000000000000000001", "created_at" : "Tue Jan 01 12:00:00 +0000 2019", "full_text" : "SYNTHETIC old",
      "favorite_count" : "4", "retweet_count" : "1" } ]`
    )
    const r = await invoke(t.engine, 'importFile', { path: p, jobId: 'a3' })
    expect(r.recognition?.format).toBe('x-archive-tweets')
    expect(r.recognition?.accounts.map((a) => a.accountId)).toEqual(['x:northfield'])
    const [row] = await databaseForTests(t.engine).all(`SELECT post_id, likes, shares FROM posts`)
    expect(row).toEqual({ post_id: '1000000000000000001', likes: '4', shares: '1' })
  })
})
