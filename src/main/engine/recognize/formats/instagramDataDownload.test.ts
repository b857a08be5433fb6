/**
 * Instagram "Download your information" JSON: posts_1.json (single photos with the caption inside the media item,
 * carousels with it beside "media"), reels.json and stories.json, with Meta's Latin-1 rendering of UTF-8 bytes.
 * Shapes as public readers of real downloads quote them (docs/export-families.md, Instagram); content synthetic.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failureOf, openTestWorkspace, type TestWorkspace } from '../../../../../test/support/workspace'
import { invoke } from '../../invoke'
import { databaseForTests } from '../../engine'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-igdl-')
})
afterEach(() => t.dispose())

/** What Meta writes for a string: each UTF-8 byte as the Latin-1 character of that value, JSON-escaped. */
const mojibake = (s: string) => Buffer.from(s, 'utf8').toString('latin1')
const posts = () =>
  databaseForTests(t.engine).all(
    `SELECT account_id, post_id, strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') AS at, post_type, text,
            likes, interactions FROM posts ORDER BY published_at`
  )

describe('instagram-data-download', () => {
  it('posts_1.json: photo, carousel and video, captions decoded, unix times, no counts', async () => {
    const file = t.file(
      'posts_1.json',
      JSON.stringify(
        [
          {
            media: [
              {
                uri: 'media/posts/202401/17900000000000001.jpg',
                creation_timestamp: 1704103200,
                title: mojibake('Café & <clinic> "open" 😍 שלום #health'),
                media_metadata: { photo_metadata: { exif_data: [{ latitude: 1.5, longitude: 2.5 }] } },
                cross_post_source: { source_app: 'FB' }
              }
            ]
          },
          {
            title: mojibake('SYNTHETIC carousel – two photos'),
            creation_timestamp: 1704189600,
            media: [
              { uri: 'media/posts/202401/17900000000000002.jpg', creation_timestamp: 1704189600, title: '' },
              { uri: 'media/posts/202401/17900000000000003.jpg', creation_timestamp: 1704189600, title: '' }
            ]
          },
          { media: [{ uri: 'media/posts/202401/17900000000000004.mp4', creation_timestamp: 1704276000, title: '' }] }
        ],
        null,
        2
      )
    )
    expect((await failureOf(invoke(t.engine, 'importFile', { path: file, jobId: 'n' }))).code).toBe('ACCOUNT_REQUIRED')
    const r = await invoke(t.engine, 'importFile', {
      path: file,
      jobId: 'a',
      options: { account: '@synthetic.clinic' }
    })
    expect(r.recognition?.format).toBe('instagram-data-download')
    expect(r.recognition?.rowsRejected).toBe(0)
    expect(await posts()).toEqual([
      {
        account_id: 'instagram:synthetic.clinic',
        post_id: '17900000000000001',
        at: '2024-01-01 10:00:00',
        post_type: 'photo',
        text: 'Café & <clinic> "open" 😍 שלום #health',
        likes: null,
        interactions: null
      },
      {
        account_id: 'instagram:synthetic.clinic',
        post_id: '17900000000000002',
        at: '2024-01-02 10:00:00',
        post_type: 'carousel',
        text: 'SYNTHETIC carousel – two photos',
        likes: null,
        interactions: null
      },
      {
        account_id: 'instagram:synthetic.clinic',
        post_id: '17900000000000004',
        at: '2024-01-03 10:00:00',
        post_type: 'video',
        text: null,
        likes: null,
        interactions: null
      }
    ])
  })

  it('reels.json and stories.json (records under ig_reels_media / ig_stories), account from the file name', async () => {
    const reels = t.file(
      'syntheticclinic_reels.json',
      JSON.stringify({
        ig_reels_media: [
          {
            media: [
              {
                uri: 'media/reels/202402/17800000000000001.mp4',
                creation_timestamp: 1706781600,
                title: mojibake('Reel: vacunación'),
                cross_post_source: { source_app: 'FB' }
              }
            ]
          }
        ]
      })
    )
    const stories = t.file(
      'syntheticclinic_stories.json',
      JSON.stringify({
        ig_stories: [
          { uri: 'media/stories/202402/17700000000000001.jpg', creation_timestamp: 1706868000, title: '' },
          { uri: 'media/stories/202402/17700000000000002.mp4', creation_timestamp: 1706871600, title: 'Ã' }
        ]
      })
    )
    expect((await invoke(t.engine, 'importFile', { path: reels, jobId: 'r' })).recognition?.format).toBe(
      'instagram-data-download'
    )
    expect((await invoke(t.engine, 'importFile', { path: stories, jobId: 's' })).recognition?.format).toBe(
      'instagram-data-download'
    )
    expect((await posts()).map((p) => [p.account_id, p.post_id, p.at, p.post_type, p.text])).toEqual([
      ['instagram:syntheticclinic', '17800000000000001', '2024-02-01 10:00:00', 'reel', 'Reel: vacunación'],
      ['instagram:syntheticclinic', '17700000000000001', '2024-02-02 10:00:00', 'story', null],
      // A lone "Ã" is not the start of valid UTF-8: kept as written.
      ['instagram:syntheticclinic', '17700000000000002', '2024-02-02 11:00:00', 'story', 'Ã']
    ])
  })
})
