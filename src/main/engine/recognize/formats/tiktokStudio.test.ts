/**
 * TikTok Studio downloads whose days have no year ("April 12", "8 de marzo", "30 décembre"), in several UI
 * languages, against a real DuckDB workspace. Fixtures are synthetic; their shapes (every field quoted, BOM, no
 * final newline, "undefined" placeholders) follow the real files listed in docs/export-families.md (TikTok).
 */
import { utimesSync } from 'node:fs'
import * as XLSX from '@e965/xlsx'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../../test/support/workspace'
import { invoke } from '../../invoke'
import type { ImportOptions } from '../../../../shared/types'
import { databaseForTests } from '../../engine'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-ttstudio-')
})
afterEach(() => t.dispose())

const BOM = '\uFEFF'
const quoted = (rows: string[][]) => BOM + rows.map((r) => r.map((v) => `"${v}"`).join(',')).join('\n')
const OVERVIEW = ['Date', 'Video Views', 'Profile Views', 'Likes', 'Comments', 'Shares']
const HISTORY = ['Date', 'Followers', 'Difference in followers from previous day']

/** Write a fixture whose modification time is `modified` (the download day a yearless file ends on by default). */
function download(name: string, content: string | Buffer, modified: string): string {
  const path = t.file(name, content)
  const at = new Date(modified)
  utimesSync(path, at, at)
  return path
}

async function importFile(path: string, options: ImportOptions = {}) {
  return invoke(t.engine, 'importFile', {
    path,
    jobId: `j-${Math.random()}`,
    options: { account: '@northfield.gh', ...options }
  })
}

const daily = (cols = 'views, profile_visits, followers, reach') =>
  databaseForTests(t.engine).all(`SELECT day::VARCHAR AS day, ${cols} FROM account_daily ORDER BY day`)

describe('TikTok Studio Overview.csv (days without a year)', () => {
  it('English "April 12": the year is the download day\'s (file modified 15 April 2026), and the report says so', async () => {
    const path = download(
      'Overview.csv',
      quoted([
        OVERVIEW,
        ['April 12', '1591', '7', '10', '1', '0'],
        ['April 13', '1154', '1', '5', '0', '0'],
        ['April 14', '1737', '6', '4', '0', '3']
      ]),
      '2026-04-15T09:00:00Z'
    )
    const r = await importFile(path)
    expect(r.recognition?.format).toBe('tiktok-overview')
    expect(r.recognition?.rowsRejected).toBe(0)
    expect(r.recognition?.period).toEqual({ from: '2026-04-12', to: '2026-04-14' })
    expect(r.recognition?.yearAssumed).toEqual({
      column: 'Date',
      periodEnd: '2026-04-15',
      source: 'file-modified',
      from: '2026-04-12',
      to: '2026-04-14'
    })
    expect(r.recognition?.landingWarnings).toEqual([])
    expect(await daily('views, profile_visits')).toEqual([
      { day: '2026-04-12', views: '1591', profile_visits: '7' },
      { day: '2026-04-13', views: '1154', profile_visits: '1' },
      { day: '2026-04-14', views: '1737', profile_visits: '6' }
    ])
  })

  it('Spanish "8 de marzo" with "Period ends" given: the option wins over the file date', async () => {
    const path = download(
      'Overview.csv',
      quoted([
        OVERVIEW,
        ['8 de marzo', '0', '0', '0', '0', '0'],
        ['9 de marzo', '1', '0', '0', '0', '0'],
        ['10 de marzo', '7', '2', '0', '0', '0']
      ]),
      '2026-11-20T09:00:00Z'
    )
    const r = await importFile(path, { periodEnd: '2025-03-10' })
    expect(r.recognition?.yearAssumed).toMatchObject({ periodEnd: '2025-03-10', source: 'option' })
    expect((await daily('views')).map((d) => [d.day, d.views])).toEqual([
      ['2025-03-08', '0'],
      ['2025-03-09', '1'],
      ['2025-03-10', '7']
    ])
  })

  it.each([
    ['Portuguese', ['30 de dezembro', '31 de dezembro', '1 de janeiro', '2 de janeiro']],
    ['French', ['30 décembre', '31 décembre', '1 janvier', '2 janvier']],
    ['German', ['30. Dezember', '31. Dezember', '1. Januar', '2. Januar']],
    ['Italian', ['30 dicembre', '31 dicembre', '1 gennaio', '2 gennaio']],
    ['Dutch', ['30 december', '31 december', '1 januari', '2 januari']],
    ['English (UK)', ['30 December', '31 December', '1 January', '2 January']]
  ])('%s, crossing New Year: December is the year before January', async (_lang, days) => {
    const path = download(
      'Overview.csv',
      quoted([OVERVIEW, ...days.map((d, i) => [d, String(10 + i), '1', '2', '3', '4'])]),
      '2026-01-03T08:00:00Z'
    )
    await importFile(path)
    expect((await daily('views')).map((d) => d.day)).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02'])
  })

  it("a range in TikTok's own file name (first day, unix time of the export) beats the file date", async () => {
    // 1735776000 = 2025-01-02 00:00 UTC; the file itself was saved (modified) much later.
    const name = 'Overview_2024-12-30_1735776000_northfield.gh.csv'
    const path = download(
      name,
      quoted([
        OVERVIEW,
        ['30. Dezember', '5', '0', '0', '0', '0'],
        ['31. Dezember', '6', '0', '0', '0', '0'],
        ['1. Januar', '7', '0', '0', '0', '0']
      ]),
      '2026-06-01T08:00:00Z'
    )
    const r = await importFile(path)
    expect(r.recognition?.yearAssumed).toMatchObject({
      periodEnd: '2025-01-02',
      source: 'file-name',
      from: '2024-12-30',
      to: '2025-01-01'
    })
    expect((await daily('views')).map((d) => d.day)).toEqual(['2024-12-30', '2024-12-31', '2025-01-01'])
  })

  it('the preview tells the dialog to offer "Period ends" for yearless days only', async () => {
    const yearless = t.file('Overview.csv', quoted([OVERVIEW, ['April 12', '1', '0', '0', '0', '0']]))
    const dated = t.file(
      'Overview dated.csv',
      BOM + 'Date,Video views,Profile views,Likes,Comments,Shares\n2025/10/31,715,25,26,4,7'
    )
    expect((await invoke(t.engine, 'previewImport', { path: yearless })).recognized?.datesWithoutYear).toBe(true)
    expect((await invoke(t.engine, 'previewImport', { path: dated })).recognized?.datesWithoutYear).toBe(false)
  })

  it("an Overview.xlsx (Studio also offers XLSX) is placed by the workbook's own date, not its converted sheet's", async () => {
    const book = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        OVERVIEW,
        ['December 31', '5', '0', '0', '0', '0'],
        ['January 1', '6', '0', '0', '0', '0']
      ]),
      'Overview'
    )
    const path = download(
      'Overview.xlsx',
      XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer,
      '2025-01-02T10:00:00Z'
    )
    const r = await importFile(path)
    expect(r.recognition?.format).toBe('tiktok-overview')
    expect(r.recognition?.yearAssumed).toMatchObject({ source: 'file-modified', periodEnd: '2025-01-02' })
    expect((await daily('views')).map((d) => [d.day, d.views])).toEqual([
      ['2024-12-31', '5'],
      ['2025-01-01', '6']
    ])
  })

  it('"New followers" without "Lost followers" that goes negative is a net change: kept raw, said, not gained', async () => {
    // Studio 2025-26 Overview.csv (a public project's test quotes it verbatim: "16 July",...,"112" then "-4").
    const header = [...OVERVIEW, 'New followers']
    const path = download(
      'Overview.csv',
      quoted([
        header,
        ['16 July', '31185', '277', '39', '64', '1', '112'],
        ['17 July', '80', '0', '3', '0', '0', '-4']
      ]),
      '2026-07-28T09:00:00Z'
    )
    const r = await importFile(path)
    expect(r.warnings).toContain(
      '"New followers" holds net changes (a negative value on row 2, and no "Lost followers" column), so it was kept in the raw table and not loaded as followers gained.'
    )
    expect((await daily('followers_gained')).map((d) => [d.day, d.followers_gained])).toEqual([
      ['2026-07-16', null],
      ['2026-07-17', null]
    ])
    const gained = download(
      'Overview (2).csv',
      quoted([header, ['18 July', '5', '0', '0', '0', '0', '3']]),
      '2026-07-28T09:00:00Z'
    )
    await importFile(gained)
    expect((await daily('followers_gained')).map((d) => d.followers_gained)).toEqual([null, null, '3'])
  })

  it('dated business overviews are unchanged: no year is assumed', async () => {
    const path = t.file(
      'Overview.csv',
      BOM + 'Date,Video views,Reached audience,Profile views,Likes,Shares,Comments\n2025/10/31,715,NAN,25,26,4,7'
    )
    const r = await importFile(path)
    expect(r.recognition?.yearAssumed).toBeNull()
    expect(await daily('views, reach')).toEqual([{ day: '2025-10-31', views: '715', reach: null }])
  })

  it('a Swedish business overview is recognised by its translated headers', async () => {
    const path = t.file(
      'Oversikt.csv',
      BOM +
        'Datum,Videovisningar,Målgrupp som nåtts,Profilvisningar,Gilla-markeringar,Delningar,Kommentarer,Nya följare,Tappade följare\n2025/10/31,715,700,25,26,4,7,10,2'
    )
    const r = await importFile(path)
    expect(r.recognition?.format).toBe('tiktok-overview')
    expect(
      await databaseForTests(t.engine).all(
        `SELECT views, reach, profile_visits, followers_gained, followers_lost FROM account_daily`
      )
    ).toEqual([{ views: '715', reach: '700', profile_visits: '25', followers_gained: '10', followers_lost: '2' }])
  })
})

describe('TikTok Studio FollowerHistory.csv, Viewers.csv, FollowerActivity.csv, Content.csv', () => {
  it('FollowerHistory: "undefined" followers are NULL, the net difference is not taken as gained', async () => {
    const path = download(
      'FollowerHistory.csv',
      quoted([HISTORY, ['February 27', 'undefined', '0'], ['February 28', '5010', '-1'], ['March 1', '5013', '3']]),
      '2025-03-02T10:00:00Z'
    )
    const r = await importFile(path)
    expect(r.recognition?.format).toBe('tiktok-audience')
    expect(await daily('followers, followers_gained')).toEqual([
      { day: '2025-02-27', followers: null, followers_gained: null },
      { day: '2025-02-28', followers: '5010', followers_gained: null },
      { day: '2025-03-01', followers: '5013', followers_gained: null }
    ])
  })

  it("Viewers: total viewers are the day's reach", async () => {
    const path = download(
      'Viewers.csv',
      quoted([
        ['Date', 'Total Viewers', 'New Viewers', 'Returning Viewers'],
        ['28 August', 'undefined', '0', '0'],
        ['29 August', '28511', '16721', '11790']
      ]),
      '2025-08-30T10:00:00Z'
    )
    const r = await importFile(path)
    expect(r.recognition?.format).toBe('tiktok-viewers')
    expect(await daily('reach')).toEqual([
      { day: '2025-08-28', reach: null },
      { day: '2025-08-29', reach: '28511' }
    ])
  })

  it('FollowerActivity (followers active by hour) is recognised and kept raw with a warning', async () => {
    const path = download(
      'FollowerActivity.csv',
      quoted([
        ['Date', 'Hour', 'Active followers'],
        ['February 21', '0', '491'],
        ['February 21', '1', '364']
      ]),
      '2025-02-28T10:00:00Z'
    )
    const r = await importFile(path)
    expect(r.recognition?.format).toBe('tiktok-audience')
    expect(r.recognition?.daily).toBeNull()
    expect(r.recognition?.landingWarnings).toEqual([])
    expect(r.warnings.some((w) => w.includes('breakdown by "Hour"'))).toBe(true)
  })

  it('Content (2025-26 generation): "Total views" etc.; yearless post days are the latest not after the download day', async () => {
    const header = [
      'Time',
      'Video title',
      'Video link',
      'Post time',
      'Total likes',
      'Total comments',
      'Total shares',
      'Total views'
    ]
    const path = download(
      'Content.csv',
      quoted([
        header,
        [
          'February 28',
          'SYNTHETIC summer clip',
          'https://www.tiktok.com/@northfield.gh/video/7527623000473079054',
          'July 16',
          '533',
          '32',
          '16',
          '191265'
        ],
        [
          'February 28',
          'SYNTHETIC new year clip',
          'https://www.tiktok.com/@northfield.gh/video/7598755131458374967',
          'January 23',
          '7',
          '0',
          '1',
          '11145'
        ]
      ]),
      '2026-02-28T20:00:00Z'
    )
    const r = await importFile(path, { timeZone: 'America/Chicago' })
    expect(r.recognition?.format).toBe('tiktok-video')
    expect(r.recognition?.yearAssumed).toMatchObject({
      column: 'Post time',
      periodEnd: '2026-02-28',
      from: '2025-07-16',
      to: '2026-01-23'
    })
    expect(
      await databaseForTests(t.engine).all(
        `SELECT post_id, strftime(published_at AT TIME ZONE 'America/Chicago', '%Y-%m-%d %H:%M') AS posted, views, likes, interactions, saves FROM posts ORDER BY posted`
      )
    ).toEqual([
      {
        post_id: '7527623000473079054',
        posted: '2025-07-16 00:00',
        views: '191265',
        likes: '533',
        interactions: '581',
        saves: null
      },
      {
        post_id: '7598755131458374967',
        posted: '2026-01-23 00:00',
        views: '11145',
        likes: '7',
        interactions: '8',
        saves: null
      }
    ])
  })
})

describe('Content.csv download day', () => {
  it('"Time" (the download day) places post days, even when the file was saved again months later', async () => {
    const header = [
      'Time',
      'Video title',
      'Video link',
      'Post time',
      'Total likes',
      'Total comments',
      'Total shares',
      'Total views'
    ]
    const path = download(
      'Content.csv',
      quoted([
        header,
        [
          'February 28',
          'SYNTHETIC spring clip',
          'https://www.tiktok.com/@northfield.gh/video/7480000000000000001',
          'March 5',
          '1',
          '0',
          '0',
          '10'
        ]
      ]),
      '2026-06-10T10:00:00Z'
    )
    const r = await importFile(path)
    // By the file date alone "March 5" would be 2026-03-05, after the download.
    expect(r.recognition?.yearAssumed).toMatchObject({
      source: 'download-column',
      periodEnd: '2026-02-28',
      from: '2025-03-05'
    })
    expect(await databaseForTests(t.engine).all(`SELECT published_at::DATE::VARCHAR AS day FROM posts`)).toEqual([
      { day: '2025-03-05' }
    ])
  })
})

describe('no silent partial success', () => {
  it('a recognised file whose every row is rejected says nothing landed, with the cause and two example rows', async () => {
    const path = t.file(
      'Overview.csv',
      quoted([
        OVERVIEW,
        ['Someday', '1', '0', '0', '0', '0'],
        ['Otherday', '2', '0', '0', '0', '0'],
        ['Lastday', '3', '0', '0', '0', '0']
      ])
    )
    const r = await importFile(path)
    expect(r.recognition?.rowsRejected).toBe(3)
    expect(r.recognition?.landingWarnings).toEqual([
      {
        code: 'nothing-landed',
        cause: 'unreadable date',
        examples: [
          { row: 1, reason: 'unreadable date "Someday"' },
          { row: 2, reason: 'unreadable date "Otherday"' }
        ],
        message:
          'Nothing reached the benchmark tables: 3 rows read, 3 rows rejected (unreadable date), e.g. row 1: unreadable date "Someday"; row 2: unreadable date "Otherday".'
      }
    ])
  })

  it('more than 2% of rows rejected is a warning; one bad row in a hundred is not', async () => {
    const rows = (n: number, bad: number) =>
      quoted([
        OVERVIEW,
        ...Array.from({ length: n }, (_, i) => [
          i < bad ? 'Someday' : `2025-01-${String((i % 28) + 1).padStart(2, '0')}`,
          String(i),
          '0',
          '0',
          '0',
          '0'
        ])
      ])
    const few = await importFile(t.file('few.csv', rows(100, 2)))
    expect(few.recognition?.landingWarnings).toEqual([])
    const many = await importFile(t.file('many.csv', rows(30, 3)), { account: '@other' })
    expect(many.recognition?.landingWarnings?.map((w) => [w.code, w.cause, w.examples.length])).toEqual([
      ['rows-rejected', 'unreadable date', 2]
    ])
    expect(many.recognition?.landingWarnings?.[0].message).toMatch(/^3 rows of 30 \(10%\) rejected \(unreadable date\)/)
  })
})
