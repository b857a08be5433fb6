/** X daily tweet activity, account overview and account content: synthetic files with each export's quirks. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dsTables, failureOf, openTestWorkspace, type TestWorkspace } from '../../../../../test/support/workspace'
import { invoke } from '../../invoke'
import { databaseForTests } from '../../engine'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-xday-')
})
afterEach(() => t.dispose())

const q = (cells: string[]) => cells.map((c) => `"${c}"`).join(',')
const DAILY_HEADER = q([
  'Date',
  'Tweets published',
  'impressions',
  'engagements',
  'engagement rate',
  'retweets',
  'replies',
  'likes',
  'user profile clicks',
  'url clicks',
  'follows',
  'media views',
  'promoted impressions',
  'promoted follows'
])
const dailyRow = (date: string, impressions: string, profileClicks: string) =>
  q([date, '4', impressions, '50', '0.025', '3', '2', '20', profileClicks, '5', '1', '7', '-', '-'])

describe('x-daily-tweet-activity', () => {
  it('maps days from the file-name handle; follows-from-tweets is not followers gained; bad dates are rejected', async () => {
    const file = t.file(
      'daily_tweet_activity_metrics_NorthfieldGH_20240101_20240201_en.csv',
      [
        DAILY_HEADER,
        dailyRow('2024-01-01', '20300', '54'),
        dailyRow('2024-01-02', '1938.0', '3'),
        dailyRow('Jan ??', '5', '1')
      ].join('\n') + '\n'
    )
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: 'd1' })
    expect(r.recognition?.format).toBe('x-daily-tweet-activity')
    expect(r.recognition?.platform).toBe('x')
    expect(r.recognition?.accounts.map((a) => a.accountId)).toEqual(['x:northfieldgh'])
    expect(r.recognition?.daily).toEqual({ new: 2, updated: 0, unchanged: 0 })
    expect(r.recognition?.rejects).toEqual([{ row: 3, reason: 'unreadable date "Jan ??"' }])
    const rows = await databaseForTests(t.engine).all(
      `SELECT day::VARCHAR AS day, impressions, profile_visits, followers_gained, views FROM account_daily ORDER BY day`
    )
    expect(rows).toEqual([
      { day: '2024-01-01', impressions: '20300', profile_visits: '54', followers_gained: null, views: null },
      { day: '2024-01-02', impressions: '1938', profile_visits: '3', followers_gained: null, views: null }
    ])
  })

  it('after the 2023 rename ("Posts published", "reposts") the same days land', async () => {
    const header = DAILY_HEADER.replace('"Tweets published"', '"Posts published"').replace('"retweets"', '"reposts"')
    const file = t.file(
      'daily_tweet_activity_metrics_NorthfieldGH_20240101_20240201_en.csv',
      [header, dailyRow('2024-01-01', '20300', '54')].join('\n')
    )
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: 'posts' })
    expect(r.recognition?.format).toBe('x-daily-tweet-activity')
    expect(
      await databaseForTests(t.engine).all(`SELECT day::VARCHAR AS day, impressions, profile_visits FROM account_daily`)
    ).toEqual([{ day: '2024-01-01', impressions: '20300', profile_visits: '54' }])
  })

  it('the import account wins over the file name; re-import counts new / updated / unchanged', async () => {
    const a = t.file(
      'daily_a.csv',
      [DAILY_HEADER, dailyRow('2024-01-01', '100', '1'), dailyRow('2024-01-02', '200', '2')].join('\n')
    )
    const b = t.file(
      'daily_b.csv',
      [
        DAILY_HEADER,
        dailyRow('2024-01-02', '250', '2'),
        dailyRow('2024-01-01', '100', '1'),
        dailyRow('2024-01-03', '300', '3')
      ].join('\n')
    )
    await invoke(t.engine, 'importFile', { path: a, jobId: 'a', options: { account: '@NorthfieldGH' } })
    const r = await invoke(t.engine, 'importFile', { path: b, jobId: 'b', options: { account: 'x:NorthfieldGH' } })
    expect(r.recognition?.daily).toEqual({ new: 1, updated: 1, unchanged: 1 })
    const [s] = await databaseForTests(t.engine).all(
      `SELECT count(*) AS n, sum(impressions) AS imp, min(account_id) AS a, max(account_id) AS b FROM account_daily`
    )
    expect(s).toEqual({ n: '3', imp: '650', a: 'x:northfieldgh', b: 'x:northfieldgh' })
  })
})

const OVERVIEW_HEADER =
  'Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies,Reposts,Profile visits,Create Post,Video views,Media views'

describe('x-account-overview', () => {
  it('reads "Fri, Mar 21, 2025" days in reverse order: follows, unfollows, profile visits, video views', async () => {
    const file = t.file(
      'northfieldgh_account_overview_analytics.csv',
      [
        OVERVIEW_HEADER,
        '"Fri, Mar 21, 2025",1070,11,32,0,0,3,1,2,1,6,0,15,0',
        '"Thu, Mar 20, 2025",1303,40,85,0,0,0,2,8,4,8,1,0,0',
        '"Wed, Mar 19, 2025",823,15,36,0,0,1,0,5,0,3,1,NaN,0'
      ].join('\n')
    )
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: 'o1' })
    expect(r.recognition?.format).toBe('x-account-overview')
    expect(r.recognition?.accounts.map((a) => a.accountId)).toEqual(['x:northfieldgh'])
    expect(r.recognition?.period).toEqual({ from: '2025-03-19', to: '2025-03-21' })
    const [s] = await databaseForTests(t.engine).all(
      `SELECT count(*) AS n, sum(impressions) AS imp, sum(followers_gained) AS g, sum(followers_lost) AS l, sum(profile_visits) AS pv,
              sum(views) AS v, count(views) AS nv FROM account_daily`
    )
    expect(s).toEqual({ n: '3', imp: '3196', g: '4', l: '3', pv: '17', v: '15', nv: '2' })
  })

  it('the native file name names no account: refused with ACCOUNT_REQUIRED, nothing stored, until one is chosen', async () => {
    const file = t.file(
      'account_overview_analytics.csv',
      [OVERVIEW_HEADER, '"Fri, Mar 21, 2025",1,0,0,0,0,0,0,0,0,0,0,0,0'].join('\n')
    )
    const refused = await failureOf(invoke(t.engine, 'importFile', { path: file, jobId: 'o2' }))
    expect(refused.code).toBe('ACCOUNT_REQUIRED')
    expect(refused.message).toMatch(/^account_overview_analytics\.csv does not name its X account.*--account/)
    expect(await invoke(t.engine, 'listDatasets')).toEqual([])
    expect(await dsTables(t.engine)).toEqual([])
    expect(await databaseForTests(t.engine).all(`SELECT count(*)::INT AS n FROM accounts`)).toEqual([{ n: 0 }])
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: 'o3', options: { account: '@NorthfieldGH' } })
    expect(r.recognition?.accounts.map((a) => a.accountId)).toEqual(['x:northfieldgh'])
  })
})

const CONTENT_HEADER =
  'Post id,Date,Post text,Link,Impressions,Likes,Engagements,Bookmarks,Share,New follows,Replies,Reposts,Profile visits,Detail expands,Url clicks,Hashtag clicks,Permalink clicks'

describe('x-account-content', () => {
  it('keeps 19-digit ids as text, reads day-only dates in the import zone, interactions = reposts + replies + likes', async () => {
    const file = t.file(
      'northfieldgh_account_analytics_content_2025-01-01_2025-03-31.csv',
      [
        CONTENT_HEADER,
        '1902622306553184746,Thu Mar 20 2025,"@someone that\'s why, really",https://x.com/NorthfieldGH/status/1902622306553184746,33,1,2,0,0,0,1,0,0,0,0,0,0',
        '1902620805600833905,Wed Mar 19 2025,"SYNTHETIC for the culture",https://x.com/NorthfieldGH/status/1902620805600833905,"1,085",20,30,4,2,1,3,5,1,0,7,0,0',
        '1902620805600833999,someday,"broken",https://x.com/NorthfieldGH/status/1902620805600833999,1,0,0,0,0,0,0,0,0,0,0,0,0'
      ].join('\r\n') + '\r\n'
    )
    const r = await invoke(t.engine, 'importFile', {
      path: file,
      jobId: 'c1',
      options: { timeZone: 'America/New_York' }
    })
    expect(r.recognition?.format).toBe('x-account-content')
    expect(r.recognition?.posts).toEqual({ new: 2, updated: 0, unchanged: 0 })
    expect(r.recognition?.rejects).toEqual([{ row: 3, reason: 'unreadable date "someday"' }])
    const rows = await databaseForTests(t.engine).all(
      `SELECT post_id, account_id, strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS at, post_type, impressions, likes, comments,
              shares, saves, clicks, interactions FROM posts ORDER BY post_id`
    )
    expect(rows).toEqual([
      {
        post_id: '1902620805600833905',
        account_id: 'x:northfieldgh',
        at: '2025-03-19 04:00',
        post_type: 'tweet',
        impressions: '1085',
        likes: '20',
        comments: '3',
        shares: '5',
        saves: '4',
        clicks: '7',
        interactions: '28'
      },
      {
        post_id: '1902622306553184746',
        account_id: 'x:northfieldgh',
        at: '2025-03-20 04:00',
        post_type: 'reply',
        impressions: '33',
        likes: '1',
        comments: '1',
        shares: '0',
        saves: '0',
        clicks: '0',
        interactions: '2'
      }
    ])
  })
})
