/** LinkedIn Page followers and content metrics: "Total followers" is daily NEW followers; converter columns ignored. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../../test/support/workspace'
import { invoke } from '../../invoke'
import { databaseForTests } from '../../engine'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-li-')
})
afterEach(() => t.dispose())

describe('linkedin-followers and linkedin-content', () => {
  it('followers: Total followers → followers_gained (never the cumulative count); M/D/YYYY and ISO dates', async () => {
    const file = t.file(
      'northfield-health_followers_1707234567890.csv',
      [
        'Date,Sponsored followers,Organic followers,Auto-invited followers,Total followers,Cumulative Followers,Followers 7d Avg',
        '2/8/2025,0,4,0,4,4,4.0',
        '2/9/2025,1,4,0,5,9,4.5',
        '2025-02-10,0,6,0,6,15,5.0',
        '02/31/2025,0,1,0,1,16,4.0'
      ].join('\n')
    )
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: 'l1' })
    expect(r.recognition?.format).toBe('linkedin-followers')
    expect(r.recognition?.platform).toBe('linkedin')
    expect(r.recognition?.accounts.map((a) => a.accountId)).toEqual(['linkedin:northfield-health'])
    expect(r.recognition?.daily).toEqual({ new: 3, updated: 0, unchanged: 0 })
    expect(r.recognition?.rejects).toEqual([{ row: 4, reason: 'unreadable date "02/31/2025"' }])
    const [s] = await databaseForTests(t.engine).all(
      `SELECT sum(followers_gained) AS g, count(followers) AS f, min(day)::VARCHAR AS d0, max(day)::VARCHAR AS d1 FROM account_daily`
    )
    expect(s).toEqual({ g: '15', f: '0', d0: '2025-02-08', d1: '2025-02-10' })
  })

  it('content: impressions (total); reach only on days without sponsored impressions; merges with followers by day', async () => {
    const header =
      'Date,Impressions (organic),Impressions (sponsored),Impressions (total),Unique impressions (organic),Clicks (organic),Clicks (sponsored),Clicks (total),Reactions (organic),Reactions (sponsored),Reactions (total),Comments (organic),Comments (sponsored),Comments (total),Reposts (organic),Reposts (sponsored),Reposts (total),Engagement rate (organic),Engagement rate (sponsored),Engagement rate (total),Total Engagement'
    const followers = t.file(
      'northfield-health_followers_1.csv',
      'Date,Sponsored followers,Organic followers,Auto-invited followers,Total followers\n2025-02-08,0,4,0,4\n'
    )
    const content = t.file(
      'northfield-health_content_2.csv',
      [
        header,
        '2025-02-08,1234,0,1234,573,59,0,59,42,0,42,2,0,2,1,0,1,0.0842787682333874,0,0.0842787682333874,104',
        '2025-02-09,1000,500,1500,400,10,5,15,20,1,21,1,0,1,0,0,0,0.03,0.01,0.02,37'
      ].join('\n')
    )
    await invoke(t.engine, 'importFile', { path: followers, jobId: 'l2' })
    const r = await invoke(t.engine, 'importFile', { path: content, jobId: 'l3' })
    expect(r.recognition?.format).toBe('linkedin-content')
    expect(r.recognition?.daily).toEqual({ new: 1, updated: 1, unchanged: 0 })
    const rows = await databaseForTests(t.engine).all(
      `SELECT account_id, day::VARCHAR AS day, impressions, reach, followers_gained FROM account_daily ORDER BY day`
    )
    expect(rows).toEqual([
      {
        account_id: 'linkedin:northfield-health',
        day: '2025-02-08',
        impressions: '1234',
        reach: '573',
        followers_gained: '4'
      },
      {
        account_id: 'linkedin:northfield-health',
        day: '2025-02-09',
        impressions: '1500',
        reach: null,
        followers_gained: null
      }
    ])
  })
})
