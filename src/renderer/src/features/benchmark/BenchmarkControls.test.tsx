// @vitest-environment happy-dom
/**
 * The benchmark controls as the view wires them (useBenchmark + BenchmarkControls) against a fake of the renderer's
 * bridge: each control the user touches changes the request sent on the `benchmark` channel.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type { BenchmarkRequest, BenchmarkResult } from '../../../../shared/benchmark'
import type { Institution } from '../../../../shared/canonical'
import { installFakeBridge, type FakeBridge } from '../../test/fakeBridge'
import { BenchmarkControls } from './BenchmarkControls'
import { useBenchmark } from './useBenchmark'

afterEach(cleanup)

const INSTITUTIONS: Institution[] = [
  { institutionId: 3, name: 'Quillmere General', color: '#1f77b4', kind: 'hospital', accountCount: 4 },
  { institutionId: 1, name: 'Harrow Clinic Network', color: '#ff7f0e', kind: 'clinic network', accountCount: 2 },
  { institutionId: 8, name: 'St. Ives Children’s', color: '#2ca02c', kind: null, accountCount: 3 }
]

/** What the engine answers: the preset resolved against the data (the date inputs show this range). */
function resultFor(req: BenchmarkRequest): BenchmarkResult {
  const empty = new Uint8Array()
  return {
    scope: {
      from: req.from ?? '2025-03-01',
      to: req.to ?? '2026-02-28',
      platforms: req.platforms ?? [],
      convention: req.convention,
      maxGapDays: req.maxGapDays ?? 7,
      k: req.k ?? 2,
      institutions: INSTITUTIONS.filter((i) => req.institutionIds.includes(i.institutionId)).map((i) => ({
        id: i.institutionId,
        name: i.name,
        color: i.color
      })),
      dayStride: 1,
      showEvents: req.events !== false
    },
    summary: [],
    events: [],
    charts: {
      followers: empty,
      indexed: empty,
      engagement: empty,
      heatmap: empty,
      postsWeekly: empty,
      peerIndexed: empty,
      peerEngagement: empty,
      channelDaily: empty,
      peerChannel: empty
    },
    topPosts: [],
    breakouts: { threshold: null, mean: null, sd: null, posts: [] },
    methodology: { posts: 412, accounts: 9, channelDays: 0, sources: ['posts'], sourceFiles: [], gaps: [] },
    outOfRange: [],
    dataRange: { from: '2024-06-01', to: '2026-02-28' },
    queryMs: 12
  }
}

function Harness() {
  const bm = useBenchmark(() => undefined)
  if (bm.institutions === null) return <p>loading</p>
  return (
    <>
      <BenchmarkControls
        institutions={bm.institutions}
        controls={bm.controls}
        result={bm.result}
        onChange={bm.update}
      />
      {bm.problem && <p role="alert">{bm.problem}</p>}
    </>
  )
}

async function setup(last: BenchmarkRequest | null = null) {
  const bridge = installFakeBridge({
    listInstitutions: () => INSTITUTIONS,
    listBenchmarkSetups: () => [],
    getLastBenchmark: () => last,
    saveLastBenchmark: (req) => req,
    benchmark: (req) => resultFor(req)
  })
  render(<Harness />)
  await waitFor(() => expect(requests(bridge)).toHaveLength(1))
  return { bridge, user: userEvent.setup({ delay: null }) }
}

const requests = (bridge: FakeBridge) => bridge.inputs('benchmark')
/** Wait for the debounced request after a change and return it. */
async function nextRequest(bridge: FakeBridge, count: number) {
  await waitFor(() => expect(requests(bridge)).toHaveLength(count))
  return requests(bridge)[count - 1]
}

describe('BenchmarkControls', () => {
  it('first asks for every institution, sorted, over the last 12 months, and shows the range the engine resolved', async () => {
    const { bridge } = await setup()
    expect(requests(bridge)[0]).toEqual({
      institutionIds: [1, 3, 8],
      convention: 'followers_at_post',
      preset: 'last12m',
      maxGapDays: 7,
      k: 2,
      resolution: 'screen'
    })
    await waitFor(() => expect((screen.getByTestId('bm-from') as HTMLInputElement).value).toBe('2025-03-01'))
    expect((screen.getByTestId('bm-to') as HTMLInputElement).value).toBe('2026-02-28')
  })

  it('reopens on the last request of the workspace (minus deleted institutions) and saves each one that answered', async () => {
    const { bridge, user } = await setup({
      institutionIds: [1, 3, 99],
      convention: 'reach',
      preset: 'custom',
      from: '2025-01-01',
      to: '2025-06-30',
      platforms: ['facebook']
    })
    expect(requests(bridge)[0]).toEqual({
      institutionIds: [1, 3],
      convention: 'reach',
      preset: 'custom',
      from: '2025-01-01',
      to: '2025-06-30',
      platforms: ['facebook'],
      maxGapDays: 7,
      k: 2,
      resolution: 'screen'
    })
    expect((screen.getByTestId('bm-convention') as HTMLSelectElement).value).toBe('reach')
    await waitFor(() => expect(bridge.inputs('saveLastBenchmark')).toHaveLength(1))
    await user.selectOptions(screen.getByTestId('bm-preset'), 'All data')
    await waitFor(() =>
      expect(bridge.inputs('saveLastBenchmark').at(-1)).toMatchObject({ preset: 'all', convention: 'reach' })
    )
  })

  it('a change is saved for next time even when the view closes before its dashboard is asked for', async () => {
    const { bridge, user } = await setup()
    await user.selectOptions(screen.getByTestId('bm-convention'), 'reach')
    // Gone at once, inside the debounce: the request never runs, the choice is still kept.
    cleanup()
    await waitFor(() => expect(bridge.inputs('saveLastBenchmark').at(-1)).toMatchObject({ convention: 'reach' }))
    expect(requests(bridge)).toHaveLength(1)
  })

  it('a custom range sends its from and to', async () => {
    const { bridge, user } = await setup()
    await user.selectOptions(screen.getByTestId('bm-preset'), 'Custom range')
    fireEvent.change(screen.getByTestId('bm-from'), { target: { value: '2025-09-01' } })
    fireEvent.change(screen.getByTestId('bm-to'), { target: { value: '2025-12-31' } })
    await waitFor(() =>
      expect(requests(bridge).at(-1)).toMatchObject({ preset: 'custom', from: '2025-09-01', to: '2025-12-31' })
    )
  })

  it('the engagement convention and a platform chip change the request', async () => {
    const { bridge, user } = await setup()
    await user.selectOptions(screen.getByTestId('bm-convention'), 'impressions')
    expect(await nextRequest(bridge, 2)).toMatchObject({ convention: 'impressions' })
    await user.click(screen.getByRole('button', { name: 'instagram' }))
    expect(await nextRequest(bridge, 3)).toMatchObject({ convention: 'impressions', platforms: ['instagram'] })
    expect(screen.getByRole('button', { name: 'instagram' }).getAttribute('aria-pressed')).toBe('true')
  })

  it('the peer set follows the checkboxes; fewer than two is not sent and says why', async () => {
    const { bridge, user } = await setup()
    await user.click(screen.getByRole('checkbox', { name: /Harrow Clinic Network/ }))
    expect((await nextRequest(bridge, 2)).institutionIds).toEqual([3, 8])
    await user.click(screen.getByRole('checkbox', { name: /Quillmere General/ }))
    expect((await screen.findByRole('alert')).textContent).toBe('Choose at least 2 institutions to compare (1 chosen).')
    await new Promise((r) => setTimeout(r, 400))
    expect(requests(bridge)).toHaveLength(2)
  })
})
