/**
 * CrowdTangle search exports as other dashboards wrote them: the score column named after its weights, Instagram
 * accounts (Account, Description, Views, only Likes and Comments), Facebook exports from before "Care" (2020), and
 * the 2018-2020 generation ("Created", no "Followers at Posting", no score, ',' thousands, weighted total column).
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

  it('2020 download: "Created", Page likes as the audience, no score, "1,972,048" totals and a weighted total', async () => {
    // Header of an April 2020 CrowdTangle search download as a public README shows it (jhroy/facebook-canada).
    const header = [
      'Page Name',
      'User Name',
      'Facebook Id',
      'Likes at Posting',
      'Created',
      'Type',
      'Likes',
      'Comments',
      'Shares',
      'Love',
      'Wow',
      'Haha',
      'Sad',
      'Angry',
      'Care',
      'Video Share Status',
      'Post Views',
      'Total Views',
      'Total Views For All Crossposts',
      'Video Length',
      'URL',
      'Message',
      'Link',
      'Final Link',
      'Image Text',
      'Link Text',
      'Description',
      'Sponsor Id',
      'Sponsor Name',
      'Total Interactions',
      'Total Interactions (weighted  —  Likes 1x Shares 1x Comments 1x Love 1x Wow 1x Haha 1x Sad 1x Angry 1x Care 1x )'
    ]
    const row = (id: string, created: string, counts: string[], total: string, pageLikes: string) => [
      "SYNTHETIC Children's Hospital & Clinics",
      'SyntheticChildrens',
      '9000000000000002',
      pageLikes,
      created,
      'Link',
      ...counts,
      '',
      '0',
      '0',
      '0',
      'N/A',
      `https://www.facebook.com/SyntheticChildrens/posts/${id}`,
      `SYNTHETIC post ${id}`,
      'https://example.org/a',
      '',
      '',
      '',
      '',
      '',
      '',
      total,
      total
    ]
    const file = t.file(
      '2020-05-01-10-00-00-EDT-search-csv-export.csv',
      csv([
        header,
        // likes, comments, shares, love, wow, haha, sad, angry, care
        row(
          '9000000000000201',
          '2020-04-16 09:48:29 EDT',
          ['1264351', '8700', '25716', '491805', '3971', '1948', '127107', '251', '48199'],
          '1,972,048',
          '460935'
        ),
        row(
          '9000000000000202',
          '2020-04-17 10:00:00 EDT',
          ['10', '2', '1', '0', '0', '0', '0', '0', '0'],
          '13',
          '460990'
        )
      ])
    )
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: 'fb2020' })
    expect(r.recognition?.format).toBe('crowdtangle-search')
    expect(r.recognition?.rowsRejected).toBe(0)
    expect(r.warnings.filter((w) => w.includes('is not the sum'))).toEqual([])
    expect(r.warnings.some((w) => w.includes('"Likes at Posting" was taken as its audience'))).toBe(true)
    expect(await posts()).toEqual([
      {
        account_id: 'facebook:syntheticchildrens',
        post_id: '9000000000000201',
        text: 'SYNTHETIC post 9000000000000201',
        views: null,
        likes: '1264351',
        comments: '8700',
        shares: '25716',
        reactions: String(1264351 + 491805 + 3971 + 1948 + 127107 + 251 + 48199),
        interactions: '1972048'
      },
      {
        account_id: 'facebook:syntheticchildrens',
        post_id: '9000000000000202',
        text: 'SYNTHETIC post 9000000000000202',
        views: null,
        likes: '10',
        comments: '2',
        shares: '1',
        reactions: '10',
        interactions: '13'
      }
    ])
    const db = databaseForTests(t.engine)
    expect(
      await db.all(`SELECT CAST(published_at AS VARCHAR) AS at, followers_at_post FROM posts ORDER BY post_id`)
    ).toEqual([
      { at: '2020-04-16 13:48:29+00', followers_at_post: '460935' },
      { at: '2020-04-17 14:00:00+00', followers_at_post: '460990' }
    ])
    expect(await db.all(`SELECT display_name FROM accounts`)).toEqual([
      { display_name: "SYNTHETIC Children's Hospital & Clinics" }
    ])
  })

  it('Instagram with "Created" and no "Total Interactions": interactions are likes + comments, said so', async () => {
    // The required columns of a public importer of CrowdTangle Instagram downloads (4CAT, 2020): Account, User Name,
    // Followers at Posting, Created, Type, Likes, Comments, Views, URL, Link, Photo, Title, Description.
    const header = [
      'Account',
      'User Name',
      'Followers at Posting',
      'Created',
      'Type',
      'Likes',
      'Comments',
      'Views',
      'URL',
      'Link',
      'Photo',
      'Title',
      'Description'
    ]
    const file = t.file(
      '2020-06-01-10-00-00-EDT-search-csv-export.csv',
      // UTF-8 BOM before the first (quoted) header cell, as CrowdTangle wrote it.
      '\uFEFF' +
        csv([
          header,
          [
            'SYNTHETIC Clinic',
            'synthetic.clinic',
            '5000',
            '2020-05-30 12:00:00 EDT',
            'Photo',
            '120',
            '7',
            '0',
            'https://www.instagram.com/p/CxYz1/',
            '',
            '',
            '',
            'SYNTHETIC caption'
          ]
        ])
    )
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: 'ig2020' })
    expect(r.recognition?.format).toBe('crowdtangle-search')
    expect(r.warnings.some((w) => w.includes('no "Total Interactions"'))).toBe(true)
    expect(await posts()).toEqual([
      {
        account_id: 'instagram:synthetic.clinic',
        post_id: 'CxYz1',
        text: 'SYNTHETIC caption',
        views: null,
        likes: '120',
        comments: '7',
        shares: null,
        reactions: '120',
        interactions: '127'
      }
    ])
  })
})
