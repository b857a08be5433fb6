/**
 * A file that adds no row leaves no trace in Institutions: a header-only export is refused with EMPTY_FILE (the
 * message says why), and an export whose every row is rejected lands its raw table but creates no account, and its
 * report says nothing reached the benchmark. Through the front door, on a real workspace.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failureOf, jobId, openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import { invoke } from '../invoke'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-empty-import-')
})
afterEach(() => t.dispose())

const X_HEADER =
  '"Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","retweets","replies","likes","url clicks"'

describe('a file that adds no row', () => {
  it('header only: refused, saying why, with no dataset and no account', async () => {
    const path = t.file('tweet_activity_metrics_NorthfieldGH_20240101_20240201_en.csv', X_HEADER + '\n')
    const f = await failureOf(
      invoke(t.engine, 'importFile', { path, jobId: jobId(), options: { account: 'NorthfieldGH' } })
    )
    expect(f.code).toBe('EMPTY_FILE')
    expect(f.message).toBe(
      'tweet_activity_metrics_NorthfieldGH_20240101_20240201_en.csv has a header but no data rows; nothing was imported.'
    )
    expect(await invoke(t.engine, 'listAccounts')).toEqual([])
    expect(await invoke(t.engine, 'listDatasets')).toEqual([])
  })

  it('every row rejected: the report says nothing landed, and no account is created', async () => {
    const row = '"11","https://twitter.com/NorthfieldGH/status/11","Hello","not a time","1","0","0","0","0","0"'
    const path = t.file('tweets.csv', [X_HEADER, row].join('\n') + '\n')
    const r = await invoke(t.engine, 'importFile', { path, jobId: jobId() })
    expect(r.recognition).toMatchObject({
      rowsRead: 1,
      rowsRejected: 1,
      accounts: [],
      posts: { new: 0, updated: 0, unchanged: 0 }
    })
    expect(r.recognition?.landingWarnings?.map((w) => w.code)).toEqual(['nothing-landed'])
    expect(await invoke(t.engine, 'listAccounts')).toEqual([])
  })
})
