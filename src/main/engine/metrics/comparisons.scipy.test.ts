/**
 * The engine's intervals and p-values against SciPy's (scipy.stats.bootstrap, method 'percentile', and
 * scipy.stats.permutation_test), recorded by scripts/verify-stats.py on the same posts. Two independent Monte Carlo
 * runs of 20,000 resamples differ by chance: each bound may differ by 4% of the interval's width (about 6 standard
 * errors of a 2.5% quantile at this size), each p-value by 4 standard errors of the difference of two estimates.
 */
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BenchmarkStats, Interval } from '../../../shared/insight'
import type { Engine } from '../engine'
import { invoke } from '../invoke'
import { statsWorkspace, type FixtureInstitution } from './statsFixture.testdata'

const FIXTURES = join(__dirname, '../../../../test/fixtures/stats')
const posts = JSON.parse(readFileSync(join(FIXTURES, 'posts.json'), 'utf8')) as { institutions: FixtureInstitution[] }
interface ScipyInterval {
  estimate: number
  ci: [number, number]
}
const scipy = JSON.parse(readFileSync(join(FIXTURES, 'scipy-output.json'), 'utf8')) as {
  resamples: number
  institutions: Record<string, ScipyInterval & { posts: number; vsPeer: ScipyInterval }>
  peerMedian: ScipyInterval
  pairs: (ScipyInterval & { a: string; b: string; pValue: number })[]
}

let engine: Engine
let dir: string
const ids = posts.institutions.map((i) => i.id)
const idOf = (name: string) => posts.institutions.find((i) => i.name === name)!.id
const run = (extra: Record<string, unknown> = {}): Promise<BenchmarkStats> =>
  invoke(engine, 'benchmarkStats', {
    request: { institutionIds: ids, convention: 'reach', preset: 'all' },
    resamples: scipy.resamples,
    ...extra
  })

beforeAll(async () => {
  ;({ engine, dir } = await statsWorkspace(posts.institutions))
})
afterAll(() => {
  engine.close()
  rmSync(dir, { recursive: true, force: true })
})

function expectAgrees(ours: Interval, theirs: ScipyInterval): void {
  const width = theirs.ci[1] - theirs.ci[0]
  expect(ours.estimate).toBeCloseTo(theirs.estimate, 14)
  expect(Math.abs(ours.low! - theirs.ci[0])).toBeLessThanOrEqual(0.04 * width)
  expect(Math.abs(ours.high! - theirs.ci[1])).toBeLessThanOrEqual(0.04 * width)
}

describe('benchmarkStats agrees with SciPy', () => {
  it('institution intervals, the peer median and the differences from it', async () => {
    const s = await run()
    for (const inst of s.institutions) {
      const theirs = scipy.institutions[inst.name]
      expect(inst.postsWithRate).toBe(theirs.posts)
      expect(inst.thin).toBe(theirs.posts < 30)
      expectAgrees(inst.rate, theirs)
      expectAgrees(inst.vsPeer, theirs.vsPeer)
      expect(inst.vsPeer.significant).toBe(theirs.vsPeer.ci[0] > 0 || theirs.vsPeer.ci[1] < 0)
    }
    expectAgrees(s.peerMedian, scipy.peerMedian)
  })

  it('pairwise differences and permutation p-values', async () => {
    for (const p of scipy.pairs) {
      const s = await run({ pair: { a: idOf(p.a), b: idOf(p.b) } })
      expect(s.pair!.permutation).toBe('randomized')
      expectAgrees(s.pair!.difference, p)
      const se = Math.sqrt((2 * p.pValue * (1 - p.pValue)) / scipy.resamples)
      expect(Math.abs(s.pair!.pValue! - p.pValue)).toBeLessThanOrEqual(4 * se)
    }
  })

  it('another seed draws other resamples, close to the first', async () => {
    const [a, b] = [await run(), await run({ seed: 7 })]
    expect(b.peerMedian.estimate).toBe(a.peerMedian.estimate)
    expect(b.peerMedian.low).not.toBe(a.peerMedian.low)
    expectAgrees(b.peerMedian, scipy.peerMedian)
  })
})
