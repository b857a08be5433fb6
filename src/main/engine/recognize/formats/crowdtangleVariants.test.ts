/**
 * CrowdTangle search exports as other dashboards wrote them: the score column named after its weights, Instagram
 * accounts (Account, Description, Views, only Likes and Comments), and Facebook exports from before "Care" (2020).
 * Headers as quoted by public readers of real exports (docs/export-families.md, CrowdTangle); rows synthetic.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../../test/support/workspace'
import { invoke } from '../../invoke'
import { databaseForTests } from '../../engine'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-ctv-')
})
afterEach(() => t.dispose())

const csv = (rows: string[][]) => rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\n')
const posts = () =>
  databaseForTests(t.engine).all(
    `SELECT account_id, post_id, text, views, likes, comments, shares, reactions, interactions FROM posts ORDER BY post_id`
  )

describe('crowdtangle-search variants', () => {
  it('Instagram: weighted score header, Account / Description / Views, interactions = likes + comments', async () => {
    const header = [
      'Account',
      'User Name',
      'Followers at Posting',
      'Post Created',
      'Post Created Date',
      'Post Created Time',
      'Type',
      'Total Interactions',
      'Likes',
      'Comments',
      'Views',
      'URL',
      'Link',
      'Photo',
      'Title',
      'Description',
      'Image Text',
      'Sponsor Id',
      'Sponsor Name',
      'Overperforming Score (weighted  —  Likes 1x Comments 1x )'
    ]
    const row = (id: string, type: string, total: string, likes: string, comments: string, views: string) => [
      'SYNTHETIC Clinic',
      'synthetic.clinic',
      '12040',
      '2022-03-01 10:00:00 EST',
      '2022-03-01',
      '10:00:00',
      type,
      total,
      likes,
      comments,
      views,
      `https://www.instagram.com/p/${id}/`,
      '',
      '',
      '',
      `SYNTHETIC caption ${id}`,
      '',
      '',
      '',
      '1,5'
    ]
    const file = t.file(
      '2022-03-05-12-00-00-EST-search-csv-export.csv',
      csv([header, row('CaBc1', 'Photo', '1.204', '1200', '4', '0'), row('CaBc2', 'Video', '30', '25', '5', '900')])
    )
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: 'ig' })
    expect(r.recognition?.format).toBe('crowdtangle-search')
    expect(r.warnings.filter((w) => w.includes('Total Interactions'))).toEqual([])
    expect(await posts()).toEqual([
      {
        account_id: 'instagram:synthetic.clinic',
        post_id: 'CaBc1',
        text: 'SYNTHETIC caption CaBc1',
        views: null,
        likes: '1200',
        comments: '4',
        shares: null,
        reactions: '1200',
        interactions: '1204'
      },
      {
        account_id: 'instagram:synthetic.clinic',
        post_id: 'CaBc2',
        text: 'SYNTHETIC caption CaBc2',
        views: '900',
        likes: '25',
        comments: '5',
        shares: null,
        reactions: '25',
        interactions: '30'
      }
    ])
  })

  it('Facebook before "Care" (2019): the six reactions, comments and shares add up without a false warning', async () => {
    const header = [
      'Page Name',
      'User Name',
      'Facebook Id',
      'Likes at Posting',
      'Followers at Posting',
      'Post Created',
      'Type',
      'Total Interactions',
      'Likes',
      'Comments',
      'Shares',
      'Love',
      'Wow',
      'Haha',
      'Sad',
      'Angry',
      'Post Views',
      'URL',
      'Message',
      'Overperforming Score (weighted  —  Likes 1x Shares 1x Comments 1x Love 1x Wow 1x Haha 1x Sad 1x Angry 1x )'
    ]
    const file = t.file(
      '2019-11-05-12-00-00-EST-search-csv-export.csv',
      csv([
        header,
        [
          'SYNTHETIC Health',
          'synthetichealth',
          '9000000000000001',
          '5000',
          '5100',
          '2019-11-01 09:00:00 EST',
          'Photo',
          '21',
          '10',
          '3',
          '2',
          '3',
          '1',
          '1',
          '0',
          '1',
          '0',
          'https://www.facebook.com/synthetichealth/posts/9000000000000111',
          'SYNTHETIC flu clinic',
          '-2,30'
        ]
      ])
    )
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: 'fb2019' })
    expect(r.recognition?.format).toBe('crowdtangle-search')
    expect(r.warnings.filter((w) => w.includes('Total Interactions'))).toEqual([])
    expect(await posts()).toEqual([
      {
        account_id: 'facebook:synthetichealth',
        post_id: '9000000000000111',
        text: 'SYNTHETIC flu clinic',
        views: null,
        likes: '10',
        comments: '3',
        shares: '2',
        reactions: '16',
        interactions: '21'
      }
    ])
  })
})
