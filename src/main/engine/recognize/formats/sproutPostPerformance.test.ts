/**
 * Sprout Social "Post Performance": header as a public reader of the report lists it (docs/export-families.md,
 * Sprout Social); rows synthetic, every field quoted as Sprout writes them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../../test/support/workspace'
import { invoke } from '../../invoke'
import { databaseForTests } from '../../engine'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-spp-')
})
afterEach(() => t.dispose())

const HEADER = [
  'Date',
  'Post ID',
  'Network',
  'Post Type',
  'Content Type',
  'Profile',
  'Sent by',
  'Link',
  'Post',
  'Linked Content',
  'Impressions',
  'Organic Impressions',
  'Paid Impressions',
  'Reach',
  'Organic Reach',
  'Paid Reach',
  'Potential Reach',
  'Engagement Rate (per Impression)',
  'Engagements',
  'Reactions',
  'Likes',
  'Love Reactions',
  'Haha Reactions',
  'Wow Reactions',
  'Sad Reactions',
  'Angry Reactions',
  'Comments',
  'Shares',
  'Saves',
  'Post Link Clicks',
  'Other Post Clicks',
  'Post Clicks (All)',
  'Negative Feedback',
  'Video Views'
]
const quoted = (rows: string[][]) => rows.map((r) => r.map((v) => `"${v}"`).join(',')).join('\r\n')

describe('sprout-post-performance', () => {
  it('posts of each network, Sprout engagements as interactions, "" metrics NULL', async () => {
    const csv = quoted([
      HEADER,
      [
        '8/20/2019 12:45 pm',
        '9000000000000001_111',
        'Facebook',
        'Post',
        'Photo',
        'SYNTHETIC Health',
        'A. Person',
        'https://www.facebook.com/9000000000000001/posts/111',
        'SYNTHETIC flu clinic',
        '',
        '1,204',
        '1,204',
        '0',
        '980',
        '980',
        '0',
        '',
        '2.5%',
        '30',
        '12',
        '10',
        '1',
        '1',
        '0',
        '0',
        '0',
        '3',
        '2',
        '',
        '8',
        '5',
        '13',
        '0',
        ''
      ],
      [
        '8/21/2019 9:05 am',
        '17890000000000001',
        'Instagram',
        'Post',
        'Video',
        "'@synthetic.health",
        'A. Person',
        'https://www.instagram.com/p/SYNTH1/',
        'SYNTHETIC tour',
        '',
        '500',
        '500',
        '0',
        '410',
        '410',
        '0',
        '',
        '4.0%',
        '20',
        '',
        '15',
        '',
        '',
        '',
        '',
        '',
        '3',
        '',
        '2',
        '',
        '',
        '',
        '',
        '350'
      ]
    ])
    const r = await invoke(t.engine, 'importFile', {
      path: t.file('Post Performance (SYNTHETIC) August 1, 2019 - August 31, 2019.csv', csv),
      jobId: 'spp'
    })
    expect(r.recognition?.format).toBe('sprout-post-performance')
    expect(r.recognition?.posts).toEqual({ new: 2, updated: 0, unchanged: 0 })
    expect(
      await databaseForTests(t.engine).all(
        `SELECT account_id, post_id, strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS at, post_type, impressions, reach, views, likes, reactions, comments, shares, saves, clicks, interactions FROM posts ORDER BY post_id`
      )
    ).toEqual([
      {
        account_id: 'instagram:synthetic.health',
        post_id: '17890000000000001',
        at: '2019-08-21 09:05',
        post_type: 'video',
        impressions: '500',
        reach: '410',
        views: '350',
        likes: '15',
        reactions: null,
        comments: '3',
        shares: null,
        saves: '2',
        clicks: null,
        interactions: '20'
      },
      {
        account_id: 'facebook:synthetic health',
        post_id: '9000000000000001_111',
        at: '2019-08-20 12:45',
        post_type: 'photo',
        impressions: '1204',
        reach: '980',
        views: null,
        likes: '10',
        reactions: '12',
        comments: '3',
        shares: '2',
        saves: null,
        clicks: '8',
        interactions: '30'
      }
    ])
  })
})
