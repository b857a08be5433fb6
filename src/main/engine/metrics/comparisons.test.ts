import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatDifference } from '../../../shared/insight'
import type { Engine } from '../engine'
import { invoke } from '../invoke'
import { statsWorkspace } from './statsFixture.testdata'

/*
 * Hand-computed fixture, engagement by reach (interactions ÷ reach), every reach 1,000:
 *   Alpha: 10, 20, 60        → rates .01 .02 .06, mean .03; 3 posts: thin
 *   Beta:  5, 5, 20          → rates .005 .005 .02, mean .01; thin
 *   Gamma: 30 posts of 40    → every rate .04, mean .04; not thin (30 posts)
 * Peer median of (.03, .01, .04) = .03.
 * Bootstrap of Alpha's three posts: the resample mean is .01 (all three draws .01) with probability 1/27 = 3.7% and
 * .06 likewise, both above 2.5%, so the 95% percentile interval is exactly [.01, .06]; Beta's is [.005, .02];
 * Gamma's every resample is .04, so its interval is [.04, .04].
 * Alpha vs Beta, permutation test: 20 ways to split the six pooled rates into 3 + 3; the difference of means is
 * (2·sum(A) − .12) / 3, at least the observed .02 when sum(A) ≥ .09: {.06,.01,.02}, {.06,.01,.02'}, {.06,.02,.02'}
 * (3 splits); at most .02 in 19 of them. Exact two-sided p = 2 · min(3, 19) / 20 = 0.3.
 */
const ALPHA = {
  id: 1,
  name: 'Alpha',
  posts: [
    [10, 1000],
    [20, 1000],
    [60, 1000]
  ] as [number, number][]
}
const BETA = {
  id: 2,
  name: 'Beta',
  posts: [
    [5, 1000],
    [5, 1000],
    [20, 1000]
  ] as [number, number][]
}
const GAMMA = { id: 3, name: 'Gamma', posts: Array.from({ length: 30 }, () => [40, 1000] as [number, number]) }

let engine: Engine
let dir: string
beforeAll(async () => {
  ;({ engine, dir } = await statsWorkspace([ALPHA, BETA, GAMMA]))
})
afterAll(() => {
  engine.close()
  rmSync(dir, { recursive: true, force: true })
})

const request = { institutionIds: [1, 2, 3], convention: 'reach' as const, preset: 'all' as const }
const byName = (s: Awaited<ReturnType<typeof stats>>, name: string) => s.institutions.find((i) => i.name === name)!
const stats = (extra: Record<string, unknown> = {}) => invoke(engine, 'benchmarkStats', { request, ...extra })

describe('benchmarkStats through the front door', () => {
  it('gives each institution its rate, its bootstrap interval and the thin flag', async () => {
    const s = await stats()
    expect(s.resamples).toBe(2000)
    expect(s.level).toBe(0.95)
    const a = byName(s, 'Alpha')
    expect([a.posts, a.postsWithRate, a.thin]).toEqual([3, 3, true])
    expect(a.rate.estimate).toBeCloseTo(0.03, 15)
    expect(a.rate.low).toBeCloseTo(0.01, 15)
    expect(a.rate.high).toBeCloseTo(0.06, 15)
    const b = byName(s, 'Beta')
    expect([b.rate.estimate, b.rate.low, b.rate.high].map((v) => Number(v!.toFixed(15)))).toEqual([0.01, 0.005, 0.02])
    const g = byName(s, 'Gamma')
    expect([g.posts, g.thin]).toEqual([30, false])
    expect([g.rate.estimate, g.rate.low, g.rate.high].map((v) => Number(v!.toFixed(15)))).toEqual([0.04, 0.04, 0.04])
  })

  it('gives the peer median and each institution’s difference from it, significant only when the interval leaves out 0', async () => {
    const s = await stats()
    expect(s.peerMedian.estimate).toBeCloseTo(0.03, 15)
    // Every resample's median lies between the lowest and highest resampled rates: within [.005, .04].
    expect(s.peerMedian.low!).toBeGreaterThanOrEqual(0.005)
    expect(s.peerMedian.high!).toBeLessThanOrEqual(0.04 + 1e-15)
    const b = byName(s, 'Beta').vsPeer
    expect(b.estimate).toBeCloseTo(-0.02, 15)
    // Beta's resampled rate never exceeds .02 and the median of the three is at least Beta's, so d ≤ 0 always;
    // the interval's top is 0 at most and the difference cannot be called significant unless it is below 0.
    expect(b.high!).toBeLessThanOrEqual(0)
    expect(b.significant).toBe(b.high! < 0)
    const a = byName(s, 'Alpha').vsPeer
    expect(a.estimate).toBeCloseTo(0, 15)
    expect(a.low!).toBeLessThan(0)
    expect(a.high!).toBeGreaterThan(0)
    expect(a.significant).toBe(false)
    expect(formatDifference('Alpha vs peer median', a)).toMatch(
      /^Alpha vs peer median: 0\.00 pts \(95% CI -\d\.\d\d to \+\d\.\d\d\)$/
    )
  })

  it('is the same interval for the same data', async () => {
    const one = await stats({ pair: { a: 3, b: 1 } })
    const two = await stats({ pair: { a: 3, b: 1 } })
    expect(two.institutions).toEqual(one.institutions)
    expect(two.peerMedian).toEqual(one.peerMedian)
    expect(two.pair).toEqual(one.pair)
  })

  it('pairwise: difference with its interval and the exact permutation p-value', async () => {
    const s = await stats({ pair: { a: 1, b: 2 } })
    expect(s.pair!.a.name).toBe('Alpha')
    expect(s.pair!.difference.estimate).toBeCloseTo(0.02, 15)
    expect(s.pair!.permutation).toBe('exact')
    expect(s.pair!.permutations).toBe(20)
    expect(s.pair!.pValue).toBeCloseTo(0.3, 15)
    // Alpha's resample is at least .01 and Beta's at most .02: the difference is at least −.01, at most .055.
    expect(s.pair!.difference.low!).toBeGreaterThanOrEqual(-0.01 - 1e-15)
    expect(s.pair!.difference.high!).toBeLessThanOrEqual(0.055 + 1e-15)
    expect(s.methods.join(' ')).toMatch(/permutation test/)
  })

  it('pairwise with many posts is a randomized test of the asked number of permutations', async () => {
    const s = await stats({ pair: { a: 3, b: 1 }, resamples: 2500 })
    expect(s.pair!.permutation).toBe('randomized')
    expect(s.pair!.permutations).toBe(2500)
    expect(s.pair!.pValue).toBeGreaterThan(0)
    expect(s.pair!.pValue).toBeLessThanOrEqual(1)
  })

  it('refuses fewer than 2,000 resamples and a pair outside the benchmark', async () => {
    await expect(stats({ resamples: 100 })).rejects.toMatchObject({ code: 'BAD_INPUT' })
    await expect(stats({ pair: { a: 1, b: 9 } })).rejects.toMatchObject({ code: 'BAD_INPUT' })
  })
})

describe('benchmarkStats with a single post', () => {
  it('gives the rate but no interval for an institution with one post', async () => {
    const ws = await statsWorkspace([ALPHA, BETA, { id: 4, name: 'Solo', posts: [[7, 1000]] }])
    try {
      const s = await invoke(ws.engine, 'benchmarkStats', {
        request: { institutionIds: [1, 2, 4], convention: 'reach', preset: 'all' }
      })
      const solo = s.institutions.find((i) => i.name === 'Solo')!
      expect(solo.rate).toEqual({ estimate: expect.closeTo(0.007, 15), low: null, high: null })
      // Peer median of (.03, .01, .007) is .01.
      expect(solo.vsPeer).toEqual({ estimate: expect.closeTo(-0.003, 15), low: null, high: null, significant: false })
      expect(s.peerMedian.estimate).toBeCloseTo(0.01, 15)
    } finally {
      ws.engine.close()
      rmSync(ws.dir, { recursive: true, force: true })
    }
  })
})
