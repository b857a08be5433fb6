/**
 * Meta post exports carry no followers at post time, and Meta's daily "Follows" file is a series of gains, not a
 * follower count. One reported total plus those gains is a count, exactly: these SYNTHETIC fixtures (a Meta
 * Facebook posts export, UTF-16 "Follows.csv" and "Unfollows.csv", a one-day "Facebook followers" file) are
 * imported through the front door on a real DuckDB file and benchmarked.
 */
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import { decodeSeries } from '../../../shared/charts/series'
import { invoke } from '../invoke'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-derived-followers-')
})
afterEach(() => t.dispose())

const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
const q = (...cells: string[]) => cells.map((c) => `"${c}"`).join(',')
const importFile = (name: string, content: string | Buffer, options = {}) =>
  invoke(t.engine, 'importFile', { path: t.file(name, content), jobId: randomUUID(), options, allowDuplicate: true })

const PAGE = 'facebook:100000000000042'
const FB_HEADER =
  '"Post ID","Page ID","Page name",Title,Description,"Duration (sec)","Publish time","Caption type",Permalink,"Is crosspost","Is share","Post type",Languages,"Custom labels","Funded content status","Data comment",Date,Views,Reach,"Reactions, Comments and Shares",Reactions,Comments,Shares,"Total clicks",Views,"Other Clicks","Link Clicks"'
const post = (id: number, when: string, interactions: number) =>
  `91000000000000${id},100000000000042,"Brackenford Test Clinic","Post ${id}",,0,"${when}",N/A,https://www.facebook.com/BrackenfordTest/posts/91000000000000${id},No,No,Photos,,,,,Lifetime,100,80,${interactions},${interactions},0,0,0,100,0,0`
const daily = (title: string, rows: [string, number][]) =>
  [q(title), q('Date', 'Primary'), ...rows.map(([d, v]) => q(`${d}T00:00:00`, String(v))), ''].join('\n')

/**
 * Follows on 1–6 March and 9 March (7 and 8 are missing: the run ends), unfollows on 4 March, and one reported
 * total of 1,000 at the end of 3 March. So: 1 Mar 1000−4−3 = 993, 2 Mar 996, 3 Mar 1000, 4 Mar 1000+5−2 = 1003,
 * 5 Mar 1003, 6 Mar 1010; from 7 March on nothing is known (9 March's gain has no total to add to).
 */
async function metaWorkspace(withTotal = true): Promise<number> {
  await importFile(
    'Jan-01-2025_Mar-31-2025_1111.csv',
    '\uFEFF' +
      [
        FB_HEADER,
        post(11, '03/02/2025 10:00', 20),
        post(12, '03/05/2025 10:00', 50),
        post(13, '03/09/2025 10:00', 7)
      ].join('\n'),
    {
      timeZone: 'UTC'
    }
  )
  const follows: [string, number][] = [
    ['2025-03-01', 2],
    ['2025-03-02', 3],
    ['2025-03-03', 4],
    ['2025-03-04', 5],
    ['2025-03-05', 0],
    ['2025-03-06', 7],
    ['2025-03-09', 9]
  ]
  await importFile('Follows.csv', utf16(['sep=,', daily('Facebook follows', follows), ''].join('\n')), {
    account: PAGE
  })
  await importFile('Unfollows.csv', utf16(['sep=,', daily('Facebook unfollows', [['2025-03-04', 2]]), ''].join('\n')), {
    account: PAGE
  })
  if (withTotal)
    await importFile(
      'Followers.csv',
      utf16(['sep=,', daily('Facebook followers', [['2025-03-03', 1000]]), ''].join('\n')),
      {
        account: PAGE
      }
    )
  const inst = await invoke(t.engine, 'createInstitution', { name: 'Brackenford' })
  await invoke(t.engine, 'assignAccount', { accountId: PAGE, institutionId: inst.institutionId })
  return inst.institutionId
}

describe('follower counts derived from one reported total plus daily follows gained', () => {
  it('gives the exact daily count within the run of gains, and none past a missing day', async () => {
    const id = await metaWorkspace()
    const r = await invoke(t.engine, 'benchmark', {
      institutionIds: [id],
      convention: 'followers_at_post',
      from: '2025-03-01',
      to: '2025-03-09',
      preset: 'custom',
      maxGapDays: 0
    })
    const followers = decodeSeries(r.charts).followers.map((d) => [
      (d.day as Date).toISOString().slice(0, 10),
      d.followers
    ])
    expect(followers).toEqual([
      ['2025-03-01', 993],
      ['2025-03-02', 996],
      ['2025-03-03', 1000],
      ['2025-03-04', 1003],
      ['2025-03-05', 1003],
      ['2025-03-06', 1010],
      ['2025-03-07', null],
      ['2025-03-08', null],
      ['2025-03-09', null]
    ])
    // Posts of 2 and 5 March get that day's derived count as their denominator; 9 March's, like any post, the last
    // count known on or before its day (6 March's).
    const s = r.summary[0]
    expect(s.engagement_rate.followers_at_post).toBeCloseTo((20 / 996 + 50 / 1003 + 7 / 1010) / 3, 12)
    const rates = Object.fromEntries(r.topPosts.map((p) => [p.post_id, p.rate]))
    expect(rates['9100000000000011']).toBeCloseTo(20 / 996, 12)
    expect(rates['9100000000000012']).toBeCloseTo(50 / 1003, 12)
    expect(rates['9100000000000013']).toBeCloseTo(7 / 1010, 12)
    expect(r.methodology.gaps).toContain(
      'Brackenford (facebook): follower counts on 5 days derived from a reported total plus the daily follows gained (less unfollows where exported).'
    )
  })

  it('derives nothing from gains alone: a follows series is not a follower count', async () => {
    const id = await metaWorkspace(false)
    const r = await invoke(t.engine, 'benchmark', {
      institutionIds: [id],
      convention: 'followers_at_post',
      preset: 'all'
    })
    expect(decodeSeries(r.charts).followers).toEqual([])
    expect(r.summary[0].engagement_rate.followers_at_post).toBeNull()
    expect(r.summary[0].channel.followers_gained).toBe(30)
  })
})
