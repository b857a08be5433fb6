/**
 * Meta Business Suite content exports (Facebook posts, Instagram posts, Facebook videos) and audience files, as
 * SYNTHETIC fixtures with the real quirks: BOM, multi-line captions, "Lifetime", ragged rows, a duplicated "Views"
 * column, a row Meta could not compute, and the spreadsheet re-save where every line became one quoted cell.
 */
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../../test/support/workspace'
import { invoke } from '../../invoke'
import { databaseForTests } from '../../engine'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-meta-content-')
})
afterEach(() => t.dispose())

const BOM = '\uFEFF'
const importFile = (path: string, options = {}) =>
  invoke(t.engine, 'importFile', { path, jobId: randomUUID(), options, allowDuplicate: true })
const all = (sql: string) => databaseForTests(t.engine).all(sql)
/** What a spreadsheet does when it reads each physical line as one cell: quote lines holding a comma or quote. */
const wrapLines = (text: string) =>
  text
    .split('\n')
    .map((l) => (/[",]/.test(l) ? `"${l.replace(/"/g, '""')}"` : l))
    .join('\n')

const FB_HEADER =
  '"Post ID","Page ID","Page name",Title,Description,"Duration (sec)","Publish time","Caption type",Permalink,"Is crosspost","Is share","Post type",Languages,"Custom labels","Funded content status","Data comment",Date,Views,Reach,"Reactions, Comments and Shares",Reactions,Comments,Shares,"Total clicks",Views,"Other Clicks","Link Clicks"'
const FB_POSTS = [
  FB_HEADER,
  '9100000000000001,100000000000042,"Brackenford Test Clinic","Flu clinic open today.\n\nBook at the desk, or call us.",,0,"02/16/2025 05:14",N/A,https://www.facebook.com/BrackenfordTest/posts/9100000000000001,No,No,Photos,,,,,Lifetime,120,80,9,6,2,1,4,999,1,2',
  '9100000000000002,100000000000042,"Brackenford Test Clinic",,"Second post “quoted” 🙂",,"07/01/2025 18:30",N/A,https://www.facebook.com/BrackenfordTest/posts/9100000000000002,No,No,Links,,,,,Lifetime,50,40,3,2,1,0,7,999,0,5',
  ',,,,,,,,,,,,,,,"An error occurred while computing metadata for content with ID 9100000000000003.",Lifetime,,12,,,,,,,,',
  // Meta's ragged rows: the last fields are missing altogether.
  '9100000000000004,100000000000042,"Brackenford Test Clinic","Short",,0,"07/02/2025 09:00",N/A,https://www.facebook.com/BrackenfordTest/posts/9100000000000004,No,No,Photos,,,,,Lifetime,10,8,,1,0,0'
].join('\n')

const IG_POSTS = [
  '"Post ID","Account ID","Account username","Account name",Description,"Duration (sec)","Publish time",Permalink,"Post type","Data comment",Date,Views,Reach,Likes,Shares,Follows,Comments,Saves',
  '18000000000000001,17800000000000009,quilltest.clinic,"Quill Test","Line one, with a comma\n\nline two without\n“quoted” last line",30,"12/31/2025 08:24",https://www.instagram.com/reel/TESTAAA/,"IG reel",,Lifetime,1085,762,47,1,0,1,2',
  '18000000000000002,17800000000000009,quilltest.clinic,"Quill Test",Plain caption,0,"12/30/2025 10:00",https://www.instagram.com/p/TESTBBB/,"IG image",,Lifetime,200,150,10,0,1,,3'
].join('\n')

describe('meta-business-suite-posts', () => {
  it('loads Facebook posts with multi-line captions, ragged rows and a duplicated Views column; rejects the row Meta could not compute', async () => {
    const r = await importFile(t.file('Jan-01-2025_Jul-31-2025_1111.csv', BOM + FB_POSTS), {
      timeZone: 'Africa/Johannesburg'
    })
    const rec = r.recognition!
    expect(rec.format).toBe('meta-business-suite-posts')
    expect(rec.platform).toBe('facebook')
    expect(rec.accounts).toEqual([
      { accountId: 'facebook:100000000000042', handle: '100000000000042', displayName: 'Brackenford Test Clinic' }
    ])
    expect(rec.posts).toEqual({ new: 3, updated: 0, unchanged: 0 })
    expect(rec.rejects).toEqual([
      { row: 3, reason: 'no Post ID: An error occurred while computing metadata for content with ID 9100000000000003.' }
    ])
    expect(
      await all(`SELECT post_id, strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS t, post_type, views::INT AS v, reach::INT AS r,
          reactions::INT AS re, comments::INT AS c, shares::INT AS s, clicks::INT AS k, interactions::INT AS i, likes, saves, text
        FROM posts ORDER BY post_id`)
    ).toEqual([
      // 05:14 in Johannesburg (UTC+2) is 03:14 UTC; views come from the FIRST "Views" column (120, not 999).
      {
        post_id: '9100000000000001',
        t: '2025-02-16 03:14',
        post_type: 'Photos',
        v: 120,
        r: 80,
        re: 6,
        c: 2,
        s: 1,
        k: 2,
        i: 9,
        likes: null,
        saves: null,
        text: 'Flu clinic open today.\n\nBook at the desk, or call us.'
      },
      {
        post_id: '9100000000000002',
        t: '2025-07-01 16:30',
        post_type: 'Links',
        v: 50,
        r: 40,
        re: 2,
        c: 1,
        s: 0,
        k: 5,
        i: 3,
        likes: null,
        saves: null,
        text: 'Second post “quoted” 🙂'
      },
      // The ragged row: fields that are missing are NULL, not 0.
      {
        post_id: '9100000000000004',
        t: '2025-07-02 07:00',
        post_type: 'Photos',
        v: 10,
        r: 8,
        re: 1,
        c: 0,
        s: 0,
        k: null,
        i: 1,
        likes: null,
        saves: null,
        text: 'Short'
      }
    ])
  })

  it('re-importing an overlapping export updates changed posts and never double counts', async () => {
    await importFile(t.file('a.csv', BOM + FB_POSTS))
    const changed = BOM + FB_POSTS.replace('Lifetime,120,80,9,6,2,1', 'Lifetime,130,85,10,7,2,1')
    const r = await importFile(t.file('b.csv', changed))
    expect(r.recognition!.posts).toEqual({ new: 0, updated: 1, unchanged: 2 })
    expect(
      await all(`SELECT count(*)::INT AS n, sum(views)::INT AS v, sum(interactions)::INT AS i FROM posts`)
    ).toEqual([{ n: 3, v: 190, i: 14 }])
  })
})

describe('meta-business-suite-instagram-posts', () => {
  it('loads Instagram posts: interactions = likes + comments + shares + saves, account from the username', async () => {
    const r = await importFile(t.file('Mar-18-2025_Apr-14-2025_2222.csv', BOM + IG_POSTS))
    const rec = r.recognition!
    expect(rec.format).toBe('meta-business-suite-instagram-posts')
    expect(rec.platform).toBe('instagram')
    expect(rec.accounts.map((a) => a.accountId)).toEqual(['instagram:quilltest.clinic'])
    expect(
      await all(`SELECT post_id, likes::INT AS l, comments::INT AS c, shares::INT AS s, saves::INT AS sv, interactions::INT AS i, views::INT AS v
        FROM posts ORDER BY post_id`)
    ).toEqual([
      { post_id: '18000000000000001', l: 47, c: 1, s: 1, sv: 2, i: 51, v: 1085 },
      // No comment count: the total is unknown (NULL), not 13.
      { post_id: '18000000000000002', l: 10, c: null, s: 0, sv: 3, i: null, v: 200 }
    ])
  })

  it('a Facebook Page chosen for the import is not taken for the Instagram file: its own username is used', async () => {
    const fb = await importFile(t.file('Mar-18-2025_Apr-14-2025_2222.csv', BOM + IG_POSTS), {
      account: 'facebook:100000000000042'
    })
    expect(fb.recognition!.accounts.map((a) => a.accountId)).toEqual(['instagram:quilltest.clinic'])
    const both = await importFile(t.file('Mar-18-2025_Apr-14-2025_2223.csv', BOM + IG_POSTS), {
      account: 'fb:100000000000042; ig:quill.renamed'
    })
    expect(both.recognition!.accounts.map((a) => a.accountId)).toEqual(['instagram:quill.renamed'])
  })

  it('recovers the spreadsheet re-save where each line became one quoted cell and caption lines were left bare', async () => {
    const r = await importFile(t.file('INSTAGRAM_RAW.csv', BOM + wrapLines(IG_POSTS) + '\n'))
    expect(r.warnings.some((w) => w.includes('one quoted cell'))).toBe(true)
    expect(r.dataset.rows).toBe(2)
    expect(r.recognition!.format).toBe('meta-business-suite-instagram-posts')
    expect(await all(`SELECT text, interactions::INT AS i FROM posts WHERE post_id = '18000000000000001'`)).toEqual([
      { text: 'Line one, with a comma\n\nline two without\n“quoted” last line', i: 51 }
    ])
  })
})

describe('meta-business-suite-videos', () => {
  it('loads the wrapped Facebook video insights export: views = 3-second views, post_id = video asset id', async () => {
    const csv = [
      '"Video asset ID","Universal video ID","Page ID","Page name",Title,"Duration (sec)","Publish time","Custom labels","Data comment",Date,Reach,"3-second video views","1-minute video views","Reactions, comments and shares",Reactions,Comments,Shares,"Percentage of total views at interval 1"',
      '4300000000000001,,191000000000000,"Test Bistro",,10,"11/01/2025 11:04",,,Lifetime,2222,1488,0,27,24,1,2,0.93',
      '4300000000000002,,191000000000000,"Test Bistro","Chef, at work",11,"10/31/2025 11:01",,,Lifetime,1196,2111,0,107,95,3,9,0.88'
    ].join('\n')
    const r = await importFile(t.file('Oct-31-2025_Dec-30-2025_3333.csv', BOM + wrapLines(csv) + '\n'))
    expect(r.recognition!.format).toBe('meta-business-suite-videos')
    expect(r.dataset.columns.filter((c) => c.name !== '_row')).toHaveLength(18)
    expect(
      await all(`SELECT count(*)::INT AS n, sum(views)::INT AS v, sum(reach)::INT AS r, sum(interactions)::INT AS i,
        min(post_type) AS pt, min(account_id) AS a FROM posts`)
    ).toEqual([{ n: 2, v: 3599, r: 3418, i: 134, pt: 'video', a: 'facebook:191000000000000' }])
  })
})

describe('meta-business-suite-audience', () => {
  it('keeps stacked audience tables as a raw dataset with no canonical rows, and warns about split place names', async () => {
    const text = [
      'sep=\t\t\t',
      'Facebook followers\t\t\t',
      'FB_PAGE\tFOLLOW\tUNIQUE_USERS\t',
      '30222\t\t\t',
      '\t\t\t',
      'Instagram followers\t\t\t',
      'IG_ACCOUNT\tFOLLOW\tUNIQUE_USERS\t',
      '3098\t\t\t',
      '\t\t\t',
      'Facebook followers by top cities\t\t\t',
      'Top cities\tValue\t\t',
      'Kyiv\t Ukraine\t15.3%\t',
      'Lviv\t Lviv Oblast\t Ukraine\t8.7%'
    ].join('\r\n')
    const r = await importFile(
      t.file('Audience.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))
    )
    expect(r.recognition!.format).toBe('meta-business-suite-audience')
    expect(r.recognition!.posts).toBeNull()
    expect(r.recognition!.daily).toBeNull()
    expect(r.warnings.some((w) => w.startsWith('Audience breakdowns'))).toBe(true)
    expect(r.warnings.some((w) => w.includes('2 rows have cells starting with a space'))).toBe(true)
    expect(
      await all(
        `SELECT (SELECT count(*) FROM posts)::INT AS p, (SELECT count(*) FROM account_daily)::INT AS d, (SELECT count(*) FROM accounts)::INT AS a`
      )
    ).toEqual([{ p: 0, d: 0, a: 0 }])
  })

  it('refuses the audience file damaged by a mixed-encoding re-save with a specific reason', async () => {
    // Single-byte text in which Cyrillic letters were written as UTF-16LE pairs (0x17 0x04 = "З"), as the real
    // re-saved Audience.csv has them: the low bytes are control characters.
    const mixed = (s: string) =>
      Buffer.concat(
        [...s].map((ch) => (ch.charCodeAt(0) > 0x3ff ? Buffer.from(ch, 'utf16le') : Buffer.from(ch, 'latin1')))
      )
    const lines = [
      'Age & gender;;;',
      ';Women;Men;',
      '18-24;3.4;1.2;',
      'Top Pages;;;',
      'Novini.bg;Зарежена Жена;Жена днес;Вижте тук;Още'
    ]
    const path = t.file('Audience.csv', mixed(lines.join('\r\n') + '\r\n22.78;22.5;20.15;19.1;18\r\n'))
    await expect(importFile(path)).rejects.toMatchObject({
      code: 'UNSUPPORTED_FILE',
      message: expect.stringMatching(
        /Audience\.csv is damaged text.*mixed encodings.*Cyrillic letters written as UTF-16 byte pairs/
      )
    })
  })
})
