/**
 * Renaming and merging accounts through the front door, on a real workspace: a merge moves every post and daily
 * row to the kept account in one transaction (a day both have keeps the kept account's values, filled from the
 * other's), carries the institution over, and a merge that fails leaves both accounts untouched. A merge is
 * remembered: later imports naming the merged id land on the kept account, after a reopen and through a second merge.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failureOf, jobId, openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import { openEngine } from '../engine'
import { invoke } from '../invoke'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-account-merge-')
})
afterEach(() => t.dispose())

// TikTok overview (daily) files name no account: the import is told which one, spelled two ways here.
const overview = (name: string, rows: string[]) =>
  t.file(name, ['Date,Video Views,Profile Views,Likes,Comments,Shares', ...rows].join('\n') + '\n')
const X_HEADER =
  '"Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","retweets","replies","likes","url clicks"'
const tweet = (id: string, handle: string) =>
  `"${id}","https://twitter.com/${handle}/status/${id}","Hello","2024-01-02 10:00 +0000","100.0","5.0","1.0","0.0","3.0","0.0"`

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  const { tableFromIPC } = await import('apache-arrow')
  const r = await invoke(t.engine, 'runQuery', { runId: `q${Math.random()}`, sql })
  const page = await invoke(t.engine, 'queryPage', { resultId: r.resultId, offset: 0, limit: 1000 })
  return tableFromIPC(page.arrow)
    .toArray()
    .map((row) => row.toJSON() as Record<string, unknown>)
}

describe('accounts', () => {
  it('renames an account (its display name), and a blank name shows the handle again', async () => {
    await invoke(t.engine, 'importFile', {
      path: t.file('x.csv', [X_HEADER, tweet('1', 'NorthfieldGH')].join('\n')),
      jobId: jobId()
    })
    expect(
      await invoke(t.engine, 'renameAccount', { accountId: 'x:northfieldgh', displayName: '  Northfield General  ' })
    ).toMatchObject({
      accountId: 'x:northfieldgh',
      handle: 'NorthfieldGH',
      displayName: 'Northfield General'
    })
    expect(
      (await invoke(t.engine, 'renameAccount', { accountId: 'x:northfieldgh', displayName: ' ' })).displayName
    ).toBeNull()
    expect((await failureOf(invoke(t.engine, 'renameAccount', { accountId: 'x:nobody', displayName: 'A' }))).code).toBe(
      'NOT_FOUND'
    )
  })

  it('merges one account into another: posts and daily rows move, overlapping days are combined, the institution carries over', async () => {
    const a = overview('Overview a.csv', ['"January 1",10,1,0,0,0', '"January 2",20,,0,0,0'])
    const b = overview('Overview b.csv', ['"January 2",,7,0,0,0', '"January 3",30,3,0,0,0'])
    const periodEnd = '2025-01-31'
    await invoke(t.engine, 'importFile', { path: a, jobId: jobId(), options: { account: 'Northfield GH', periodEnd } })
    await invoke(t.engine, 'importFile', { path: b, jobId: jobId(), options: { account: 'NorthfieldGH', periodEnd } })
    const inst = await invoke(t.engine, 'createInstitution', { name: 'Northfield' })
    await invoke(t.engine, 'assignAccount', { accountId: 'tiktok:northfield gh', institutionId: inst.institutionId })
    expect((await invoke(t.engine, 'listAccounts')).map((x) => [x.accountId, x.days])).toEqual([
      ['tiktok:northfield gh', 2],
      ['tiktok:northfieldgh', 2]
    ])

    const kept = await invoke(t.engine, 'mergeAccounts', {
      fromId: 'tiktok:northfield gh',
      intoId: 'tiktok:northfieldgh'
    })
    expect(kept).toMatchObject({ accountId: 'tiktok:northfieldgh', days: 3, institutionId: inst.institutionId })
    expect((await invoke(t.engine, 'listAccounts')).map((x) => x.accountId)).toEqual(['tiktok:northfieldgh'])
    // January 2: the kept account's profile views (7), the other's video views (20) where the kept one had none.
    expect(
      await rows(
        `SELECT account_id, CAST(day AS VARCHAR) AS day, views::INT AS views, profile_visits::INT AS visits FROM account_daily ORDER BY day`
      )
    ).toEqual([
      { account_id: 'tiktok:northfieldgh', day: '2025-01-01', views: 10, visits: 1 },
      { account_id: 'tiktok:northfieldgh', day: '2025-01-02', views: 20, visits: 7 },
      { account_id: 'tiktok:northfieldgh', day: '2025-01-03', views: 30, visits: 3 }
    ])
  })

  it('moves posts, and refuses a merge across platforms or into itself, changing nothing', async () => {
    await invoke(t.engine, 'importFile', {
      path: t.file('x.csv', [X_HEADER, tweet('1', 'NorthfieldGH'), tweet('2', 'Northfield_GH')].join('\n')),
      jobId: jobId()
    })
    await invoke(t.engine, 'importFile', {
      path: overview('Overview.csv', ['"January 1",10,1,0,0,0']),
      jobId: jobId(),
      options: { account: 'NorthfieldGH', periodEnd: '2025-01-31' }
    })
    const before = await invoke(t.engine, 'listAccounts')
    expect(
      (await failureOf(invoke(t.engine, 'mergeAccounts', { fromId: 'x:northfieldgh', intoId: 'tiktok:northfieldgh' })))
        .message
    ).toBe(
      'x:northfieldgh is a x account and tiktok:northfieldgh a tiktok one; only accounts of one platform can be merged.'
    )
    expect(
      (await failureOf(invoke(t.engine, 'mergeAccounts', { fromId: 'x:northfieldgh', intoId: 'x:northfieldgh' }))).code
    ).toBe('BAD_INPUT')
    expect(
      (await failureOf(invoke(t.engine, 'mergeAccounts', { fromId: 'x:nobody', intoId: 'x:northfieldgh' }))).code
    ).toBe('NOT_FOUND')
    expect(await invoke(t.engine, 'listAccounts')).toEqual(before)

    expect(
      await invoke(t.engine, 'mergeAccounts', { fromId: 'x:northfield_gh', intoId: 'x:northfieldgh' })
    ).toMatchObject({ posts: 2 })
    expect(await rows(`SELECT DISTINCT account_id FROM posts`)).toEqual([{ account_id: 'x:northfieldgh' }])
  })

  it('remembers a merge: re-importing the merged account’s posts lands on the kept account, after a reopen too', async () => {
    const first = t.file('x.csv', [X_HEADER, tweet('1', 'NorthfieldGH'), tweet('2', 'Northfield_GH')].join('\n'))
    await invoke(t.engine, 'importFile', { path: first, jobId: jobId() })
    await invoke(t.engine, 'renameAccount', { accountId: 'x:northfieldgh', displayName: 'Northfield General' })
    await invoke(t.engine, 'mergeAccounts', { fromId: 'x:northfield_gh', intoId: 'x:northfieldgh' })

    // The same file again, right after the merge: its post 2 stays where the merge put it, nothing is recreated.
    const again = await invoke(t.engine, 'importFile', { path: first, jobId: jobId(), allowDuplicate: true })
    expect(again.recognition?.accounts.map((a) => a.accountId)).toEqual(['x:northfieldgh'])
    expect(again.recognition?.posts).toEqual({ new: 0, updated: 0, unchanged: 2 })
    expect((await invoke(t.engine, 'listAccounts')).map((a) => [a.accountId, a.displayName, a.posts])).toEqual([
      ['x:northfieldgh', 'Northfield General', 2]
    ])

    // The alias is in the workspace: a new export of the merged handle, after a reopen, lands on the kept account.
    t.engine.close()
    t.engine = await openEngine(t.workspace)
    const later = await invoke(t.engine, 'importFile', {
      path: t.file('x-later.csv', [X_HEADER, tweet('3', 'Northfield_GH')].join('\n')),
      jobId: jobId()
    })
    expect(later.recognition?.posts).toEqual({ new: 1, updated: 0, unchanged: 0 })
    expect((await invoke(t.engine, 'listAccounts')).map((a) => [a.accountId, a.posts])).toEqual([['x:northfieldgh', 3]])
    expect(await rows(`SELECT DISTINCT account_id FROM posts`)).toEqual([{ account_id: 'x:northfieldgh' }])
  })

  it('an account merged twice over: its daily rows follow both merges on a re-import', async () => {
    const periodEnd = '2025-01-31'
    const a = overview('Overview a.csv', ['"January 1",10,1,0,0,0'])
    const b = overview('Overview b.csv', ['"January 2",20,2,0,0,0'])
    const c = overview('Overview c.csv', ['"January 3",30,3,0,0,0'])
    await invoke(t.engine, 'importFile', { path: a, jobId: jobId(), options: { account: 'Northfield GH', periodEnd } })
    await invoke(t.engine, 'importFile', { path: b, jobId: jobId(), options: { account: 'NorthfieldGH', periodEnd } })
    await invoke(t.engine, 'importFile', { path: c, jobId: jobId(), options: { account: 'NFGH', periodEnd } })
    await invoke(t.engine, 'mergeAccounts', { fromId: 'tiktok:northfield gh', intoId: 'tiktok:northfieldgh' })
    await invoke(t.engine, 'mergeAccounts', { fromId: 'tiktok:northfieldgh', intoId: 'tiktok:nfgh' })

    const updated = overview('Overview a2.csv', ['"January 1",11,1,0,0,0', '"January 4",40,4,0,0,0'])
    const r = await invoke(t.engine, 'importFile', {
      path: updated,
      jobId: jobId(),
      options: { account: 'Northfield GH', periodEnd }
    })
    expect(r.recognition?.accounts.map((x) => x.accountId)).toEqual(['tiktok:nfgh'])
    expect(r.recognition?.daily).toEqual({ new: 1, updated: 1, unchanged: 0 })
    expect((await invoke(t.engine, 'listAccounts')).map((x) => [x.accountId, x.days])).toEqual([['tiktok:nfgh', 4]])
    expect(
      await rows(`SELECT CAST(day AS VARCHAR) AS day, views::INT AS views FROM account_daily ORDER BY day`)
    ).toEqual([
      { day: '2025-01-01', views: 11 },
      { day: '2025-01-02', views: 20 },
      { day: '2025-01-03', views: 30 },
      { day: '2025-01-04', views: 40 }
    ])
  })
})
