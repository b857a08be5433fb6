/**
 * Account identity of files whose rows do not name their account: a generic file name ("Table data.csv") is never
 * made into an account. Real engine, real DuckDB file, SYNTHETIC YouTube Studio tables of two different channels.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dsTables, failureOf, jobId, openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import { isGenericName, youtubeChannelInFolder } from './accountIdentity'
import { invoke } from '../invoke'
import { databaseForTests } from '../engine'

describe('isGenericName', () => {
  it('report, metric and copy names, in the platforms’ UI languages, with dates and numbers, name no account', () => {
    const generic = [
      'Table data.csv',
      'Table data (1).csv',
      'Table_data.csv',
      'Chart data.csv',
      'Chart_data.csv',
      'Totals.csv',
      'Overview.csv',
      'Content.csv',
      'FollowerHistory.csv',
      'FollowerActivity.csv',
      'Viewers.csv',
      'export.csv',
      'export (3).csv',
      'Reach.csv',
      'Views.csv',
      'Visits (1).csv',
      'Follows.csv',
      'Content interactions.csv',
      'Link clicks.csv',
      'IG_REACH.csv',
      'IG VIEWS.csv',
      'TIKTOK_RAW.csv',
      'INSTAGRAM_RAW.csv',
      'Table data - Copy.csv',
      '2024-01-01_2024-03-31.csv',
      '20240101.csv',
      'Oct-31-2025_Dec-30-2025.csv',
      'tweets.js',
      'tweet.js',
      'account_overview_analytics.csv',
      'Datos de la tabla.csv',
      'Alcance.csv',
      'Visualizaciones.csv',
      'Interacciones con el contenido.csv',
      'Dados da tabela.csv',
      'Tabellendaten.csv',
      'Données du tableau.csv',
      'Totales.csv',
      'Copia de Table data.csv'
    ]
    expect(generic.filter((n) => !isGenericName(n))).toEqual([])
    const named = [
      'NorthfieldGH',
      'rOpenSci',
      'women_in_ai_usa',
      'LisaDeBruine',
      'vintagerest.bg',
      'Quillmere General',
      'Polylog'
    ]
    expect(named.filter((n) => isGenericName(n))).toEqual([])
  })

  it('a YouTube Studio export folder "<report> <from>_<to> <channel>" names its channel', () => {
    expect(youtubeChannelInFolder('Geography 2021-08-22_2025-10-17 Polylog')).toBe('Polylog')
    expect(youtubeChannelInFolder('Content 2024-01-01_2024-12-31 Northfield General Hospital')).toBe(
      'Northfield General Hospital'
    )
    expect(youtubeChannelInFolder('downloads')).toBeNull()
    expect(youtubeChannelInFolder('Content 2024-01-01_2024-12-31 Table data')).toBeNull()
  })
})

const HEADER = 'Content,Video title,Video publish time,Duration,Likes,Shares,Comments added,Views,Impressions'
const table = (prefix: string, n: number) =>
  [
    HEADER,
    `Total,,,,${n},0,0,${n * 10},0`,
    ...Array.from(
      { length: n },
      (_, i) => `${prefix}${String(i).padStart(7, '0')},SYNTHETIC video ${i},"Jan ${i + 1}, 2025",60,1,0,0,10,100`
    )
  ].join('\n')

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-identity-')
})
afterEach(() => t.dispose())

/** A "Table data.csv" in its own folder, as two channels' Studio downloads unzip. */
function tableData(folder: string, prefix: string, n: number): string {
  mkdirSync(join(t.root, folder), { recursive: true })
  const p = join(t.root, folder, 'Table data.csv')
  writeFileSync(p, table(prefix, n))
  return p
}

describe('two channels’ "Table data.csv"', () => {
  it('without an account: refused with ACCOUNT_REQUIRED naming the file, nothing stored; the preview says so', async () => {
    const a = tableData('a', 'chanAvid', 3)
    const preview = await invoke(t.engine, 'previewImport', { path: a })
    expect(preview.identity).toMatchObject({
      account: null,
      accountRequired: true,
      platform: 'youtube',
      platformRequired: false
    })
    const refused = await failureOf(invoke(t.engine, 'importFile', { path: a, jobId: jobId() }))
    expect(refused.code).toBe('ACCOUNT_REQUIRED')
    expect(refused.message).toMatch(
      /^Table data\.csv does not name its YouTube account.*--account <handle>.*nothing was imported/
    )
    expect(await invoke(t.engine, 'listDatasets')).toEqual([])
    expect(await dsTables(t.engine)).toEqual([])
    expect(
      await databaseForTests(t.engine).all(
        `SELECT (SELECT count(*) FROM accounts)::INT AS a, (SELECT count(*) FROM posts)::INT AS p`
      )
    ).toEqual([{ a: 0, p: 0 }])
  })

  it('with an account each: two accounts, each with exactly its own channel’s posts', async () => {
    const a = tableData('a', 'chanAvid', 3)
    const b = tableData('b', 'chanBvid', 5)
    const ra = await invoke(t.engine, 'importFile', { path: a, jobId: jobId(), options: { account: 'ChannelA' } })
    const rb = await invoke(t.engine, 'importFile', {
      path: b,
      jobId: jobId(),
      options: { account: 'youtube:ChannelB' }
    })
    expect(ra.recognition?.accounts.map((x) => x.accountId)).toEqual(['youtube:channela'])
    expect(rb.recognition?.accounts.map((x) => x.accountId)).toEqual(['youtube:channelb'])
    const rows = await databaseForTests(t.engine).all(
      `SELECT account_id, count(*)::INT AS n, min(post_id) AS lo, max(post_id) AS hi FROM posts GROUP BY account_id ORDER BY account_id`
    )
    expect(rows).toEqual([
      { account_id: 'youtube:channela', n: 3, lo: 'chanAvid0000000', hi: 'chanAvid0000002' },
      { account_id: 'youtube:channelb', n: 5, lo: 'chanBvid0000000', hi: 'chanBvid0000004' }
    ])
    expect((await invoke(t.engine, 'listAccounts')).map((x) => x.accountId)).toEqual([
      'youtube:channela',
      'youtube:channelb'
    ])
  })

  it('a Studio export folder that names the channel needs no account; a different folder, a different channel', async () => {
    const a = tableData('Content 2025-01-01_2025-12-31 Northfield GH', 'chanAvid', 2)
    const b = tableData('Content 2025-01-01_2025-12-31 Quillmere General', 'chanBvid', 4)
    expect((await invoke(t.engine, 'previewImport', { path: a })).identity).toMatchObject({
      account: 'Northfield GH',
      accountRequired: false
    })
    await invoke(t.engine, 'importFile', { path: a, jobId: jobId() })
    await invoke(t.engine, 'importFile', { path: b, jobId: jobId() })
    expect(
      await databaseForTests(t.engine).all(
        `SELECT account_id, count(*)::INT AS n FROM posts GROUP BY account_id ORDER BY account_id`
      )
    ).toEqual([
      { account_id: 'youtube:northfield gh', n: 2 },
      { account_id: 'youtube:quillmere general', n: 4 }
    ])
  })

  it('a file that adds no row creates no account, and the report lists none', async () => {
    const bad = t.file(
      'Table data.csv',
      [HEADER, 'Total,,,,1,0,0,10,0', ',no id,"Jan 1, 2025",60,1,0,0,10,100'].join('\n')
    )
    const r = await invoke(t.engine, 'importFile', { path: bad, jobId: jobId(), options: { account: 'Ghost' } })
    expect(r.recognition?.rowsRejected).toBe(1)
    expect(r.recognition?.accounts).toEqual([])
    expect(await invoke(t.engine, 'listAccounts')).toEqual([])
  })
})
