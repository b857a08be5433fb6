/**
 * A workspace of channel-level exports only (no post file): YouTube Studio Totals, a TikTok overview and Meta
 * Business Suite daily files, each a SYNTHETIC fixture with its export's quirks (TikTok's BOM and "NAN", Meta's
 * UTF-16, `sep=,` and title line). Imported and benchmarked through the engine's front door on a real DuckDB file:
 * the dashboard must get daily series with a peer band, not "0 posts, all —".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import { decodeSeries } from '../../../shared/charts/series'
import { invoke } from '../invoke'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-channel-')
})
afterEach(() => t.dispose())

const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
const q = (...cells: string[]) => cells.map((c) => `"${c}"`).join(',')

async function importAs(name: string, content: string | Buffer, account: string): Promise<void> {
  const r = await invoke(t.engine, 'importFile', {
    path: t.file(name, content),
    jobId: `j-${name}-${account}`,
    options: { account }
  })
  expect((r.recognition?.daily?.new ?? 0) + (r.recognition?.daily?.updated ?? 0), name).toBeGreaterThan(0)
}

/** Three institutions, one channel each; Birch's TikTok overview has no row for 3 March. */
async function channelWorkspace(): Promise<number[]> {
  await importAs(
    'Totals.csv',
    'Date,Views\n2025-03-01,100\n2025-03-02,200\n2025-03-03,300\n2025-03-04,400\n',
    'AsterHealth'
  )
  await importAs(
    'Overview.csv',
    '\uFEFF' +
      [
        'Date,Video views,Reached audience,Profile views,Likes,Shares,Comments,Phone number clicks ,Leads submission,Net growth,New followers,Lost followers',
        '2025/03/01,10,NAN,1,0,0,0,0,0,2,2,0',
        '2025/03/02,20,15,2,0,0,0,0,0,3,3,0',
        '2025/03/04,40,30,4,0,0,0,0,0,1,1,0'
      ].join('\n'),
    'birch.clinic'
  )
  await importAs(
    'Views.csv',
    utf16(
      [
        'sep=,',
        q('Facebook views'),
        q('Date', 'Primary'),
        ...[1, 2, 3, 4].map((d) => q(`2025-03-0${d}T08:00:00`, String(1000 * d))),
        '',
        ''
      ].join('\n')
    ),
    'CedarCare'
  )
  await importAs(
    'Visits.csv',
    utf16(
      [
        'sep=,',
        q('Facebook visits'),
        q('Date', 'Primary'),
        q('2025-03-01T08:00:00', '7'),
        q('2025-03-02T08:00:00', '9'),
        '',
        ''
      ].join('\n')
    ),
    'CedarCare'
  )
  const ids: number[] = []
  for (const [name, account] of [
    ['Aster Health', 'youtube:asterhealth'],
    ['Birch Clinic', 'tiktok:birch.clinic'],
    ['Cedar Care', 'facebook:cedarcare']
  ]) {
    const inst = await invoke(t.engine, 'createInstitution', { name })
    await invoke(t.engine, 'assignAccount', { accountId: account, institutionId: inst.institutionId })
    ids.push(inst.institutionId)
  }
  return ids
}

describe('daily channel series on the benchmark (channel exports only)', () => {
  it('gives every institution its daily views, a gap where a day is missing, and a peer band where 3 have a value', async () => {
    const ids = await channelWorkspace()
    const r = await invoke(t.engine, 'benchmark', { institutionIds: ids, convention: 'views', preset: 'all' })
    expect([r.scope.from, r.scope.to]).toEqual(['2025-03-01', '2025-03-04'])
    expect(r.methodology.posts).toBe(0)
    // Aster 4 days, Birch 3, Cedar 4 days of views (2 of them also visits).
    expect(r.methodology.channelDays).toBe(11)
    const s = decodeSeries(r.charts)
    const views = (inst: string) =>
      s.channelDaily.filter((d) => d.institution === inst && d.metric === 'views').map((d) => d.value)
    expect(views('Aster Health')).toEqual([100, 200, 300, 400])
    expect(views('Birch Clinic')).toEqual([10, 20, null, 40])
    expect(views('Cedar Care')).toEqual([1000, 2000, 3000, 4000])
    expect(s.channelDaily.filter((d) => d.metric === 'profile_visits').map((d) => [d.institution, d.value])).toEqual([
      ['Birch Clinic', 1],
      ['Birch Clinic', 2],
      ['Birch Clinic', null],
      ['Birch Clinic', 4],
      ['Cedar Care', 7],
      ['Cedar Care', 9],
      ['Cedar Care', null],
      ['Cedar Care', null]
    ])
    const peerViews = s.peerChannel.filter((p) => p.metric === 'views').map((p) => [p.median, p.n])
    expect(peerViews).toEqual([
      [100, 3],
      [200, 3],
      [1650, 2],
      [400, 3]
    ])
    const cedar = r.summary.find((x) => x.name === 'Cedar Care')!
    expect(cedar.posts).toBe(0)
    expect(cedar.channel).toEqual({
      views: 10_000,
      reach: null,
      impressions: null,
      profile_visits: 16,
      followers_gained: null
    })
    expect(r.summary.find((x) => x.name === 'Birch Clinic')!.channel).toEqual({
      views: 70,
      reach: 45,
      impressions: null,
      profile_visits: 7,
      followers_gained: 6
    })
    expect(r.methodology.sources).toEqual(['Overview.csv', 'Totals.csv', 'Views.csv', 'Visits.csv'])
  })

  it("sums an institution's accounts, and a day one of them lacks is a gap, not a partial sum", async () => {
    const ids = await channelWorkspace()
    // Aster also has a TikTok account with views on 1 and 2 March only.
    await importAs(
      'Overview (1).csv',
      '\uFEFFDate,Video views,Reached audience,Profile views,Likes,Shares,Comments,Phone number clicks ,Leads submission,Net growth,New followers,Lost followers\n2025/03/01,5,5,0,0,0,0,0,0,0,0,0\n2025/03/02,6,6,0,0,0,0,0,0,0,0,0\n',
      'aster.tok'
    )
    await invoke(t.engine, 'assignAccount', { accountId: 'tiktok:aster.tok', institutionId: ids[0] })
    const r = await invoke(t.engine, 'benchmark', { institutionIds: ids, convention: 'views', preset: 'all' })
    const s = decodeSeries(r.charts)
    expect(
      s.channelDaily.filter((d) => d.institution === 'Aster Health' && d.metric === 'views').map((d) => d.value)
    ).toEqual([105, 206, null, null])
    // The platform filter narrows it to one account again.
    const yt = await invoke(t.engine, 'benchmark', {
      institutionIds: ids,
      convention: 'views',
      preset: 'all',
      platforms: ['youtube']
    })
    expect(
      decodeSeries(yt.charts)
        .channelDaily.filter((d) => d.metric === 'views')
        .map((d) => d.value)
    ).toEqual([100, 200, 300, 400])
  })
})
