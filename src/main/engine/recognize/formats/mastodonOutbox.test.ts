/** Mastodon outbox.json as an ActivityStreams OrderedCollection and as a plain array of activities. */
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../../test/support/workspace'
import { invoke } from '../../invoke'
import { databaseForTests } from '../../engine'

const DIR = resolve(__dirname, '../../../../../test/fixtures/exports/mastodon-outbox')

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-masto-')
})
afterEach(() => t.dispose())

const POSTS = `SELECT post_id, account_id, strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS at, post_type, text, url, likes, shares,
  comments, interactions, language FROM posts ORDER BY published_at`

const EXPECTED = [
  {
    post_id: 'https://health.example/users/northfield/statuses/1001',
    account_id: 'mastodon:northfield@health.example',
    at: '2024-03-01 09:15',
    post_type: 'post',
    text: 'SYNTHETIC: vaccination day & open house #health\n\nSecond line\nthird',
    url: 'https://health.example/@northfield/1001',
    likes: '10',
    shares: '4',
    comments: '2',
    interactions: '16',
    // contentMap has one language: the post's.
    language: 'en'
  },
  {
    post_id: 'https://health.example/users/northfield/statuses/1002',
    account_id: 'mastodon:northfield@health.example',
    at: '2024-03-02 23:30',
    post_type: 'reply',
    text: 'SYNTHETIC reply: thanks!',
    url: 'https://health.example/@northfield/1002',
    likes: null,
    shares: null,
    comments: null,
    interactions: null,
    // contentMap in two languages: no one language.
    language: null
  },
  {
    post_id: 'https://health.example/users/northfield/statuses/1003/activity',
    account_id: 'mastodon:northfield@health.example',
    at: '2024-03-03 08:00',
    post_type: 'boost',
    text: null,
    url: 'https://other.example/users/someone/statuses/88',
    likes: null,
    shares: null,
    comments: null,
    interactions: null,
    language: null
  }
]

describe('mastodon-outbox', () => {
  it('OrderedCollection: Create → posts (HTML stripped, counts only where present), Announce → boost, Delete rejected', async () => {
    const r = await invoke(t.engine, 'importFile', {
      path: `${DIR}/outbox.json`,
      jobId: 'm1',
      options: { timeZone: 'Europe/Berlin' }
    })
    expect(r.recognition?.format).toBe('mastodon-outbox')
    expect(r.recognition?.platform).toBe('mastodon')
    expect(r.recognition?.accounts).toEqual([
      { accountId: 'mastodon:northfield@health.example', handle: 'northfield@health.example', displayName: null }
    ])
    expect(r.recognition?.posts).toEqual({ new: 3, updated: 0, unchanged: 0 })
    expect(r.recognition?.rejects).toEqual([{ row: 4, reason: 'activity type "Delete" is not a post' }])
    expect(await databaseForTests(t.engine).all(POSTS)).toEqual(EXPECTED)
  })

  it('a plain array of the same activities lands on the same posts (re-import: all unchanged)', async () => {
    await invoke(t.engine, 'importFile', { path: `${DIR}/outbox.json`, jobId: 'm2' })
    const r = await invoke(t.engine, 'importFile', { path: `${DIR}/outbox-array.json`, jobId: 'm3' })
    expect(r.recognition?.format).toBe('mastodon-outbox')
    expect(r.recognition?.posts).toEqual({ new: 0, updated: 0, unchanged: 3 })
    expect(await databaseForTests(t.engine).all(POSTS)).toEqual(EXPECTED)
  })
})
