/**
 * Facebook "Download your information" posts (your_posts_1.json and the 2024+ your_posts__check_ins__photos_and_videos_1.json):
 * unix times, the text in data[].post, the kind from the attachments, Meta's Latin-1 rendering of UTF-8. Shapes as
 * public readers of real downloads quote them (docs/export-families.md); content synthetic.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failureOf, openTestWorkspace, type TestWorkspace } from '../../../../../test/support/workspace'
import { invoke } from '../../invoke'
import { databaseForTests } from '../../engine'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-fbdl-')
})
afterEach(() => t.dispose())

const mojibake = (s: string) => Buffer.from(s, 'utf8').toString('latin1')
const POSTS = [
  {
    timestamp: 1600000000,
    data: [{ post: mojibake('Café & <clinic> "open" ✊ مرحبا') }, { update_timestamp: 1600000100 }],
    attachments: [{ data: [{ external_context: { url: 'https://example.org/a' } }] }],
    title: mojibake('SYNTHETIC Clinic shared a link.')
  },
  {
    timestamp: 1600100000,
    attachments: [{ data: [{ media: { uri: 'posts/media/x/1.jpg', creation_timestamp: 1600100000, title: '' } }] }],
    data: [{ update_timestamp: 1600100001 }, { post: 'SYNTHETIC photo' }],
    title: 'SYNTHETIC Clinic added a new photo.'
  },
  { timestamp: 1600200000, data: [{ post: 'SYNTHETIC status' }], title: 'SYNTHETIC Clinic updated their status.' }
]

describe('facebook-data-download', () => {
  it('posts with unix times, text from data[].post decoded, kind from attachments, ts: ids; no counts', async () => {
    const file = t.file('your_posts__check_ins__photos_and_videos_1.json', JSON.stringify(POSTS, null, 2))
    expect((await failureOf(invoke(t.engine, 'importFile', { path: file, jobId: 'n' }))).code).toBe('ACCOUNT_REQUIRED')
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: 'a', options: { account: 'SyntheticClinic' } })
    expect(r.recognition?.format).toBe('facebook-data-download')
    expect(r.recognition?.rowsRejected).toBe(0)
    const rows = await databaseForTests(t.engine).all(
      `SELECT account_id, post_id, strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') AS at, post_type, text,
              likes FROM posts ORDER BY published_at`
    )
    expect(rows).toEqual([
      {
        account_id: 'facebook:syntheticclinic',
        post_id: 'ts:1600000000',
        at: '2020-09-13 12:26:40',
        post_type: 'link',
        text: 'Café & <clinic> "open" ✊ مرحبا',
        likes: null
      },
      {
        account_id: 'facebook:syntheticclinic',
        post_id: 'ts:1600100000',
        at: '2020-09-14 16:13:20',
        post_type: 'photo',
        text: 'SYNTHETIC photo',
        likes: null
      },
      {
        account_id: 'facebook:syntheticclinic',
        post_id: 'ts:1600200000',
        at: '2020-09-15 20:00:00',
        post_type: 'text',
        text: 'SYNTHETIC status',
        likes: null
      }
    ])
    // A later download (the older file name) overlaps: the same posts are unchanged, the new one is added.
    const later = t.file(
      'your_posts_1.json',
      JSON.stringify([...POSTS, { timestamp: 1600300000, data: [{ post: 'SYNTHETIC later' }] }])
    )
    const again = await invoke(t.engine, 'importFile', {
      path: later,
      jobId: 'b',
      options: { account: 'SyntheticClinic' }
    })
    expect(again.recognition?.posts).toEqual({ new: 1, updated: 0, unchanged: 3 })
  })
})
