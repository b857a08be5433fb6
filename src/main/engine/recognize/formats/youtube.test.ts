/** YouTube Studio Table data (Content and Date), Chart data and Totals: Total rows, guarded ids, "#NAME?", account from name. */
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../../test/support/workspace'
import { invoke } from '../../invoke'
import { databaseForTests } from '../../engine'

const TABLE = resolve(
  __dirname,
  '../../../../../test/fixtures/exports/youtube-table-data/SYNTHETIC_youtube_NorthfieldGH_2023-01-01_2025-12-31_Table data.csv'
)

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-yt-')
})
afterEach(() => t.dispose())

describe('youtube-table-data', () => {
  it('a Portuguese (Brazil) Studio download ("Dados da tabela.csv") maps like the English one', async () => {
    // Header names as in pt-BR Studio downloads (docs/export-families.md, YouTube Studio); dates stay English.
    const csv = [
      'Conteúdo,Título do vídeo,Horário de publicação do vídeo,Duração,Visualizações,Tempo de exibição (horas),Inscrições obtidas,Impressões,Taxa de cliques de impressões (%)',
      'Total,,,,1389,7.5,3,250,5.0',
      'abcDEF12345,SYNTHETIC: Visita à nova ala,"Aug 27, 2025",85,389,2.5,1,50,4.5',
      'xyzXYZ09876,SYNTHETIC: Pergunte à enfermeira,"Sep 2, 2025",61,1000,5.0,2,200,5.5'
    ].join('\n')
    const r = await invoke(t.engine, 'importFile', {
      path: t.file('Dados da tabela.csv', csv),
      jobId: 'pt',
      options: { account: 'northfieldgh' }
    })
    expect(r.recognition?.format).toBe('youtube-table-data')
    expect(r.warnings).toContain('The "Total" row (row 1) was skipped: it is not a video.')
    expect(
      await databaseForTests(t.engine).all(
        `SELECT post_id, strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d') AS day, text, views, impressions FROM posts ORDER BY post_id`
      )
    ).toEqual([
      {
        post_id: 'abcDEF12345',
        day: '2025-08-27',
        text: 'SYNTHETIC: Visita à nova ala',
        views: '389',
        impressions: '50'
      },
      {
        post_id: 'xyzXYZ09876',
        day: '2025-09-02',
        text: 'SYNTHETIC: Pergunte à enfermeira',
        views: '1000',
        impressions: '200'
      }
    ])
  })

  it('by Content: skips Total and footer, trims guarded ids, rejects "#NAME?", interactions = likes + comments + shares', async () => {
    const r = await invoke(t.engine, 'importFile', { path: TABLE, jobId: 'y1' })
    expect(r.recognition?.format).toBe('youtube-table-data')
    expect(r.recognition?.platform).toBe('youtube')
    expect(r.recognition?.accounts.map((a) => [a.accountId, a.handle])).toEqual([
      ['youtube:northfieldgh', 'NorthfieldGH']
    ])
    expect(r.recognition?.posts).toEqual({ new: 3, updated: 0, unchanged: 0 })
    expect(r.recognition?.rejects).toEqual([{ row: 4, reason: 'video id damaged by a spreadsheet ("#NAME?")' }])
    expect(r.warnings).toEqual(
      expect.arrayContaining([
        'The "Total" row (row 1) was skipped: it is not a video.',
        'The footer "Showing top N results" (row 6) was skipped: it is not a video.',
        'Content: 1 video id(s) were damaged by a spreadsheet ("#NAME?"); those rows were rejected.'
      ])
    )
    const rows = await databaseForTests(t.engine).all(
      `SELECT post_id, strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS at, text, url, views, impressions, likes, comments, shares,
              interactions, reach FROM posts ORDER BY post_id`
    )
    expect(rows).toEqual([
      {
        post_id: '-xyzXYZ0123',
        at: '2024-01-03 00:00',
        text: 'SYNTHETIC: Ask a nurse',
        url: 'https://www.youtube.com/watch?v=-xyzXYZ0123',
        views: '800',
        impressions: '9000',
        likes: '12',
        comments: '3',
        shares: null,
        interactions: '15',
        reach: null
      },
      {
        post_id: 'abcDEF12345',
        at: '2025-05-27 00:00',
        text: 'SYNTHETIC: Inside the new ward, part 1',
        url: 'https://www.youtube.com/watch?v=abcDEF12345',
        views: '1200',
        impressions: '20000',
        likes: '40',
        comments: '4',
        shares: '5',
        interactions: '49',
        reach: null
      },
      {
        post_id: 'qrs_TUV9876',
        at: '2023-12-31 00:00',
        text: 'SYNTHETIC: Shorts without data',
        url: 'https://www.youtube.com/watch?v=qrs_TUV9876',
        views: null,
        impressions: null,
        likes: null,
        comments: null,
        shares: null,
        interactions: null,
        reach: null
      }
    ])
  })

  it('the classic 9-column table has no likes: likes and interactions stay NULL; re-import counts', async () => {
    const header =
      'Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,Impressions,Impressions click-through rate (%)'
    const a = t.file(
      'Table data.csv',
      [
        header,
        'Total,,,,300,10,2,5000,3',
        'vid00000001,A,"Mar 1, 2024",60,200,5,1,3000,3',
        'vid00000002,B,"Mar 2, 2024",60,100,5,1,2000,3'
      ].join('\n')
    )
    const b = t.file(
      'Table data (1).csv',
      [
        header,
        'Total,,,,400,10,2,5000,3',
        'vid00000002,B,"Mar 2, 2024",60,100,5,1,2000,3',
        'vid00000001,A,"Mar 1, 2024",60,250,5,1,3000,3',
        'vid00000003,C,"Mar 3, 2024",60,50,5,1,900,3'
      ].join('\n')
    )
    const first = await invoke(t.engine, 'importFile', {
      path: a,
      jobId: 'y2',
      options: { account: 'youtube:NorthfieldGH' }
    })
    expect(first.recognition?.accounts.map((x) => x.accountId)).toEqual(['youtube:northfieldgh'])
    const r = await invoke(t.engine, 'importFile', { path: b, jobId: 'y3', options: { account: 'NorthfieldGH' } })
    expect(r.recognition?.posts).toEqual({ new: 1, updated: 1, unchanged: 1 })
    const [s] = await databaseForTests(t.engine).all(
      `SELECT count(*) AS n, sum(views) AS v, count(likes) AS l, count(interactions) AS i FROM posts`
    )
    expect(s).toEqual({ n: '3', v: '400', l: '0', i: '0' })
  })

  it('by Date: Total skipped, days in descending order, subscribers gained / lost', async () => {
    const file = t.file(
      'Table data.csv',
      [
        'Date,Views,Watch time (hours),Average view duration,Subscribers gained,Subscribers lost',
        'Total,3000,100.5,0:02:00,12,3',
        '2024-11-26,1000,40,0:02:10,5,1',
        '2024-11-25,2000,60.5,0:01:50,7,2'
      ].join('\n')
    )
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: 'y4', options: { account: 'NorthfieldGH' } })
    expect(r.recognition?.format).toBe('youtube-table-data')
    expect(r.recognition?.daily).toEqual({ new: 2, updated: 0, unchanged: 0 })
    expect(r.warnings).toContain('The "Total" row (row 1) was skipped: it is not a day.')
    const [s] = await databaseForTests(t.engine).all(
      `SELECT count(*) AS n, sum(views) AS v, sum(followers_gained) AS g, sum(followers_lost) AS l, count(impressions) AS i FROM account_daily`
    )
    expect(s).toEqual({ n: '2', v: '3000', g: '12', l: '3', i: '0' })
  })
})

describe('youtube-chart-data and youtube-totals', () => {
  it('Totals.csv: daily views', async () => {
    const file = t.file('Totals.csv', 'Date,Views\n2020-09-01,3\n2020-09-02,8\n2020-09-03,12\n')
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: 'y5', options: { account: 'NorthfieldGH' } })
    expect(r.recognition?.format).toBe('youtube-totals')
    const [s] = await databaseForTests(t.engine).all(
      `SELECT count(*) AS n, sum(views) AS v, min(account_id) AS a FROM account_daily`
    )
    expect(s).toEqual({ n: '3', v: '23', a: 'youtube:northfieldgh' })
  })

  it('Chart data without a dimension adds days; with one it is kept raw with a warning and adds none', async () => {
    const plain = t.file('Chart data.csv', 'Date,Views\n2020-09-01,3\n2020-09-02,8\n')
    const r1 = await invoke(t.engine, 'importFile', { path: plain, jobId: 'y6', options: { account: 'NorthfieldGH' } })
    expect(r1.recognition?.format).toBe('youtube-chart-data')
    expect(r1.recognition?.daily).toEqual({ new: 2, updated: 0, unchanged: 0 })
    const long = t.file(
      'Traffic_Chart data.csv',
      'Date,Traffic source,Views\n2020-09-01,Direct or unknown,1\n2020-09-01,External,2\n2020-09-03,External,5\n'
    )
    const r2 = await invoke(t.engine, 'importFile', { path: long, jobId: 'y7', options: { account: 'NorthfieldGH' } })
    expect(r2.recognition?.format).toBe('youtube-chart-data')
    expect(r2.recognition?.daily).toBeNull()
    expect(r2.warnings.some((w) => w.startsWith('Chart data by "Traffic source"'))).toBe(true)
    const [s] = await databaseForTests(t.engine).all(`SELECT count(*) AS n, sum(views) AS v FROM account_daily`)
    expect(s).toEqual({ n: '2', v: '11' })
  })

  it('"Date,Views" under any other name is not claimed as YouTube', async () => {
    const file = t.file('stats.csv', 'Date,Views\n2020-09-01,3\n')
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: 'y8' })
    expect(r.recognition).toBeNull()
  })
})
