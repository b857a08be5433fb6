/** TikTok overview, videos and followers/audience: BOM, "NAN" and "--", trailing-space header, three date styles. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../../test/support/workspace'
import { invoke } from '../../invoke'
import { databaseForTests } from '../../engine'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-tt-')
})
afterEach(() => t.dispose())

const BOM = '\uFEFF'

describe('tiktok-overview', () => {
  it('maps daily views, reach, profile views, new and lost followers; NAN is NULL; "02-01-2025" is MM-DD-YYYY', async () => {
    const file = t.file(
      'Overview @northfield.gh.csv',
      BOM +
        [
          'Date,Video views,Reached audience,Profile views,Likes,Shares,Comments,Phone number clicks ,Leads submission,Net growth,New followers,Lost followers',
          '2025/10/31,715,NAN,25,26,4,7,0,0,10,10,0',
          '02-01-2025,"1,200",1100,30,40,5,6,0,0,3,4,1'
        ].join('\n')
    )
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: 't1' })
    expect(r.recognition?.format).toBe('tiktok-overview')
    expect(r.recognition?.accounts.map((a) => a.accountId)).toEqual(['tiktok:northfield.gh'])
    const rows = await databaseForTests(t.engine).all(
      `SELECT day::VARCHAR AS day, views, reach, profile_visits, followers_gained, followers_lost, followers FROM account_daily ORDER BY day`
    )
    expect(rows).toEqual([
      {
        day: '2025-02-01',
        views: '1200',
        reach: '1100',
        profile_visits: '30',
        followers_gained: '4',
        followers_lost: '1',
        followers: null
      },
      {
        day: '2025-10-31',
        views: '715',
        reach: null,
        profile_visits: '25',
        followers_gained: '10',
        followers_lost: '0',
        followers: null
      }
    ])
  })
})

describe('tiktok-video', () => {
  it('id and account from the link, local post times in the import zone, interactions = likes + comments + shares', async () => {
    const file = t.file(
      'Content.csv',
      BOM +
        [
          'Video title,Video link,Post time,Video views,Likes,Comments,Shares,Add to Favorites',
          'SYNTHETIC lunch 🍝 #pleven,https://www.tiktok.com/@northfield.gh/video/7567452112981069079,2025/10/31 18:19:10,172353,1774,42,413,180',
          '"SYNTHETIC, with commas ✨",https://www.tiktok.com/@northfield.gh/video/7590060843279060246,7/24/2025 11:44 am,3382,135,4,3,6',
          'no link,,2025/10/31 18:19:10,1,1,1,1,1'
        ].join('\n')
    )
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: 't2', options: { timeZone: 'Europe/Sofia' } })
    expect(r.recognition?.format).toBe('tiktok-video')
    expect(r.recognition?.posts).toEqual({ new: 2, updated: 0, unchanged: 0 })
    expect(r.recognition?.rejects).toEqual([{ row: 3, reason: 'no video id or account in link ""' }])
    const rows = await databaseForTests(t.engine).all(
      `SELECT post_id, account_id, strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS at, text, views, likes, comments, shares, saves, interactions
       FROM posts ORDER BY post_id`
    )
    expect(rows).toEqual([
      {
        post_id: '7567452112981069079',
        account_id: 'tiktok:northfield.gh',
        at: '2025-10-31 16:19',
        text: 'SYNTHETIC lunch 🍝 #pleven',
        views: '172353',
        likes: '1774',
        comments: '42',
        shares: '413',
        saves: '180',
        interactions: '2229'
      },
      {
        post_id: '7590060843279060246',
        account_id: 'tiktok:northfield.gh',
        at: '2025-07-24 08:44',
        text: 'SYNTHETIC, with commas ✨',
        views: '3382',
        likes: '135',
        comments: '4',
        shares: '3',
        saves: '6',
        interactions: '142'
      }
    ])
  })
})

describe('tiktok-audience', () => {
  it('daily followers file: New followers → gained, "--" total → NULL; agrees with the overview on the same day', async () => {
    const file = t.file(
      'Followers.csv',
      BOM +
        'Date,New followers,Total followers,Reached audience,Engaged audience\n2025/10/31,10,--,NAN,NAN\n2025/11/01,100,2000,75134,1801'
    )
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: 't3', options: { account: '@northfield.gh' } })
    expect(r.recognition?.format).toBe('tiktok-audience')
    const rows = await databaseForTests(t.engine).all(
      `SELECT account_id, day::VARCHAR AS day, followers, followers_gained, reach FROM account_daily ORDER BY day`
    )
    expect(rows).toEqual([
      { account_id: 'tiktok:northfield.gh', day: '2025-10-31', followers: null, followers_gained: '10', reach: null },
      {
        account_id: 'tiktok:northfield.gh',
        day: '2025-11-01',
        followers: '2000',
        followers_gained: '100',
        reach: '75134'
      }
    ])
  })

  it('a breakdown (gender) is recognised and kept raw with a warning, adding no canonical rows', async () => {
    const file = t.file('Gender.csv', 'Gender,Distribution\nFemale,0.55\nMale,0.45\n')
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: 't4', options: { account: '@northfield.gh' } })
    expect(r.recognition?.format).toBe('tiktok-audience')
    expect(r.recognition?.posts).toBeNull()
    expect(r.recognition?.daily).toBeNull()
    expect(r.warnings.some((w) => w.includes('not part of the benchmark model'))).toBe(true)
    expect(r.dataset.rows).toBe(2)
  })
})
