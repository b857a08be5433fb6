/**
 * Legacy Facebook Page Insights exports (2012-2018): a second header row of metric descriptions under the column
 * names, post level into posts, page level into account_daily. Synthetic fixtures reproducing the headers and the
 * description row of the real files (sources in docs/export-families.md).
 */
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../invoke'
import { openTestWorkspace, type TestWorkspace } from '../../../../../test/support/workspace'
import { databaseForTests } from '../../engine'

const csvLine = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')

const POST_HEADER = [
  'Post ID',
  'Permalink',
  'Post Message',
  'Type',
  'Countries',
  'Languages',
  'Posted',
  'Audience Targeting',
  'Lifetime Post Total Reach',
  'Lifetime Post organic reach',
  'Lifetime Post Total Impressions',
  'Lifetime Engaged Users',
  'Lifetime Talking About This (Post) by action type - comment',
  'Lifetime Talking About This (Post) by action type - like',
  'Lifetime Talking About This (Post) by action type - share',
  'Lifetime Post Consumptions by type - link clicks'
]
const POST_DESCRIPTIONS = [
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  'Lifetime: The total number of people your Page post was served to. (Unique Users)',
  "Lifetime: The number of people who saw your Page post in news feed or ticker, or on your Page's timeline. (Unique Users)",
  'Lifetime: The number of impressions of your Page post. (Total Count)',
  'Lifetime: The number of unique people who engaged in certain ways with your Page post, for example by commenting on, liking, sharing, or clicking upon particular elements of the post. (Unique Users)',
  'Lifetime: The number of stories created about your Page post, by action type. (Total Count)',
  'Lifetime: The number of stories created about your Page post, by action type. (Total Count)',
  'Lifetime: The number of stories created about your Page post, by action type. (Total Count)',
  'Lifetime: The number of clicks anywhere in your post, by type. (Total Count)'
]
const POSTS = [
  [
    '100200300_4001',
    'https://www.facebook.com/NorthfieldGH/posts/4001',
    'Flu clinic, Thursday "walk-ins" welcome',
    'Photo',
    '',
    '',
    '10/1/2015 21:00',
    ' ',
    '1204',
    '1100',
    '2310',
    '88',
    '4',
    '31',
    '6',
    '12'
  ],
  [
    '100200300_4002',
    'https://www.facebook.com/NorthfieldGH/posts/4002',
    'Visiting hours change',
    'Link',
    '',
    '',
    '10/2/2015 9:22',
    ' ',
    '0',
    '0',
    '0',
    '0',
    '',
    '',
    '',
    ''
  ]
]
const POST_FILE = 'Facebook Insights Data Export (Post Level) - Northfield General - 2015-10-31.csv'

const PAGE_HEADER = [
  'Date',
  'Lifetime Total Likes',
  'Daily New Likes',
  'Daily Unlikes',
  'Daily Page Engaged Users',
  'Weekly Page Engaged Users',
  'Daily Total Reach',
  'Weekly Total Reach',
  'Daily Total Impressions',
  'Daily Total Video Views'
]
const PAGE_DESCRIPTIONS = [
  '',
  'Lifetime: The total number of people who have liked your Page. (Unique Users)',
  'Daily: The number of new people who have liked your Page. (Unique Users)',
  'Daily: The number of Unlikes of your Page (Total Count)',
  'Daily: The number of people who engaged with your Page. Engagement includes any click or story created. (Unique Users)',
  'Weekly: The number of people who engaged with your Page. Engagement includes any click or story created. (Unique Users)',
  'Daily: The number of people who had any content from your Page or about your Page enter their screen. (Unique Users)',
  'Weekly: The number of people who had any content from your Page or about your Page enter their screen. (Unique Users)',
  "Daily: The number of times any content from your Page or about your Page entered a person's screen. (Total Count)",
  'Daily: Total number of times videos have been viewed for more than 3 seconds. (Total Count)'
]

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-fbi-')
})
afterEach(() => t.dispose())

const POST_ROWS = [
  {
    post_id: '100200300_4001',
    at: '2015-10-01 21:00',
    post_type: 'photo',
    reach: '1204',
    impressions: '2310',
    likes: '31',
    comments: '4',
    shares: '6',
    clicks: '12',
    interactions: '41'
  },
  {
    post_id: '100200300_4002',
    at: '2015-10-02 09:22',
    post_type: 'link',
    reach: '0',
    impressions: '0',
    likes: null,
    comments: null,
    shares: null,
    clicks: null,
    interactions: null
  }
]
const postRows = () =>
  databaseForTests(t.engine)
    .all(`SELECT post_id, strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS at, post_type, reach, impressions, likes, comments,
    shares, clicks, interactions FROM posts ORDER BY post_id`)

describe('legacy Facebook Insights, post level', () => {
  it('maps posts and never keeps the description row as data', async () => {
    const path = t.file(POST_FILE, [POST_HEADER, POST_DESCRIPTIONS, ...POSTS].map(csvLine).join('\n') + '\n')
    const r = await invoke(t.engine, 'importFile', { path, jobId: 'posts' })
    expect(r.recognition?.format).toBe('facebook-page-insights-posts')
    expect(r.recognition?.accounts).toEqual([
      { accountId: 'facebook:100200300', handle: '100200300', displayName: 'Northfield General' }
    ])
    expect(r.recognition?.posts).toEqual({ new: 2, updated: 0, unchanged: 0 })
    expect(r.recognition?.rowsRead).toBe(2)
    expect(r.recognition?.rowsRejected).toBe(0)
    // The read plan leaves a description row out of every CSV read (import/descriptionRow.ts), before the recognizer's
    // leadingRows would; either way the report says it once.
    expect(r.warnings.filter((w) => /row under the header/.test(w))).toEqual([
      'The row under the header describes the columns ("Lifetime: The total number of people your Page post was ser…"); it is not data, so it was left out of the table and kept as the columns\' descriptions.'
    ])
    expect(await postRows()).toEqual(POST_ROWS)
    const raw = await databaseForTests(t.engine).all(
      `SELECT "Post ID" AS id, "Lifetime Post Total Reach" AS reach FROM ${r.dataset.tableName} ORDER BY rowid`
    )
    expect(raw).toEqual([
      { id: '100200300_4001', reach: '1204' },
      { id: '100200300_4002', reach: '0' }
    ])
    expect(r.dataset.rows).toBe(2)
  })

  it('reads the same export as .xlsx ("Key Metrics" sheet)', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Key Metrics')
    for (const row of [POST_HEADER, POST_DESCRIPTIONS]) ws.addRow(row)
    for (const row of POSTS) ws.addRow(row.map((c, i) => (i >= 8 && c !== '' ? Number(c) : c)))
    const path = t.file(POST_FILE.replace('.csv', '.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()))
    const r = await invoke(t.engine, 'importFile', { path, jobId: 'xlsx' })
    expect(r.sheets?.map((s) => s.result?.recognition?.format)).toEqual(['facebook-page-insights-posts'])
    expect(r.recognition?.rowsRead).toBe(2)
    // "Posted" was a text cell in this workbook, as in the CSV; the account comes from the Post ID either way.
    expect(await postRows()).toEqual(POST_ROWS)
  })

  it('a file whose description row was already removed keeps every post', async () => {
    const path = t.file('posts.csv', [POST_HEADER, ...POSTS].map(csvLine).join('\n') + '\n')
    const r = await invoke(t.engine, 'importFile', { path, jobId: 'nodesc' })
    expect(r.recognition?.format).toBe('facebook-page-insights-posts')
    expect(r.recognition?.rowsRead).toBe(2)
    expect(r.warnings.join(' ')).not.toMatch(/metric descriptions/)
    expect(await postRows()).toEqual(POST_ROWS)
  })
})

describe('legacy Facebook Insights, page level', () => {
  it('maps the daily series into account_daily (followers, gained, lost, reach, impressions, views)', async () => {
    const days = [
      ['2015-09-20', '5120', '14', '2', '80', '410', '3100', '19000', '7200', '150'],
      ['2015-09-21', '5132', '13', '1', '75', '400', '2900', '18800', '6900', '']
    ]
    const path = t.file(
      'Facebook Insights Data Export - Northfield General - 2015-10-31.csv',
      [PAGE_HEADER, PAGE_DESCRIPTIONS, ...days].map(csvLine).join('\n') + '\n'
    )
    const r = await invoke(t.engine, 'importFile', { path, jobId: 'page' })
    expect(r.recognition?.format).toBe('facebook-page-insights-daily')
    expect(r.recognition?.accounts).toEqual([
      { accountId: 'facebook:northfield general', handle: 'Northfield General', displayName: 'Northfield General' }
    ])
    expect(r.recognition?.rowsRead).toBe(2)
    expect(r.recognition?.rowsRejected).toBe(0)
    expect(
      await databaseForTests(t.engine).all(
        `SELECT day::VARCHAR AS day, followers, followers_gained, followers_lost, reach, impressions, views FROM account_daily ORDER BY day`
      )
    ).toEqual([
      {
        day: '2015-09-20',
        followers: '5120',
        followers_gained: '14',
        followers_lost: '2',
        reach: '3100',
        impressions: '7200',
        views: '150'
      },
      {
        day: '2015-09-21',
        followers: '5132',
        followers_gained: '13',
        followers_lost: '1',
        reach: '2900',
        impressions: '6900',
        views: null
      }
    ])
  })

  it('reads M/D/YY dates of a spreadsheet re-save, for the account chosen at import', async () => {
    const path = t.file(
      'page.csv',
      [PAGE_HEADER, PAGE_DESCRIPTIONS, ['9/20/15', '5120', '14', '2', '80', '410', '3100', '19000', '7200', '150']]
        .map(csvLine)
        .join('\n')
    )
    const r = await invoke(t.engine, 'importFile', { path, jobId: 'mdy', options: { account: 'northfieldgh' } })
    expect(r.recognition?.accounts.map((a) => a.accountId)).toEqual(['facebook:northfieldgh'])
    expect([r.recognition?.rowsRead, r.recognition?.rowsRejected]).toEqual([1, 0])
    expect(await databaseForTests(t.engine).all(`SELECT day::VARCHAR AS day, followers FROM account_daily`)).toEqual([
      { day: '2015-09-20', followers: '5120' }
    ])
  })
})
