/** `socialbench compare` (the compiled CLI) on the hand-computed workspace of comparisons.test.ts. */
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../test/support/cli'
import { statsWorkspace } from '../main/engine/metrics/statsFixture.testdata'

const cli = (...args: string[]) => runCli(args)

let dir: string
beforeAll(async () => {
  const ws = await statsWorkspace([
    {
      id: 1,
      name: 'Alpha',
      posts: [
        [10, 1000],
        [20, 1000],
        [60, 1000]
      ]
    },
    {
      id: 2,
      name: 'Beta',
      posts: [
        [5, 1000],
        [5, 1000],
        [20, 1000]
      ]
    },
    { id: 3, name: 'Gamma', posts: Array.from({ length: 30 }, () => [40, 1000] as [number, number]) }
  ])
  dir = ws.dir
  ws.engine.close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('socialbench compare', () => {
  it('prints the intervals, the peer median and the pairwise test as JSON', async () => {
    const r = await cli(
      'compare',
      '--workspace',
      dir,
      '--institutions',
      'alpha,Beta,Gamma',
      '--convention',
      'reach',
      '--pair',
      'Alpha,Beta',
      '--json'
    )
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.resamples).toBe(2000)
    const alpha = out.institutions.find((i: { name: string }) => i.name === 'Alpha')
    expect(alpha).toMatchObject({ posts: 3, thin: true })
    expect([alpha.rate.estimate, alpha.rate.low, alpha.rate.high].map((v: number) => Number(v.toFixed(12)))).toEqual([
      0.03, 0.01, 0.06
    ])
    expect(out.peerMedian.estimate).toBeCloseTo(0.03, 12)
    expect(out.pair).toMatchObject({ permutation: 'exact', permutations: 20 })
    expect(out.pair.pValue).toBeCloseTo(0.3, 12)
  })

  it('says the difference in words, and names the flag it refuses', async () => {
    const r = await cli(
      'compare',
      '--workspace',
      dir,
      '--institutions',
      'Alpha,Beta,Gamma',
      '--convention',
      'reach',
      '--pair',
      'Alpha,Beta'
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Beta vs peer median: -2\.00 pts \(95% CI -\d\.\d\d to [-+]?\d\.\d\d\)$/m)
    expect(r.stdout).toMatch(/^Alpha − Beta: \+2\.00 pts \(95% CI .*\); permutation test p = 0\.3000 \(exact, 20\)$/m)
    const bad = await cli('compare', '--workspace', dir, '--institutions', 'Alpha,Beta', '--resamples', '50')
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toMatch(/--resamples/)
  })

  it('--csv writes the rates and intervals with the setup beside them, which reproduce finds identical', async () => {
    const file = join(dir, 'intervals.csv')
    const r = await cli(
      'compare',
      '--workspace',
      dir,
      '--institutions',
      'Alpha,Beta,Gamma',
      '--convention',
      'reach',
      '--csv',
      file
    )
    expect(r.code).toBe(0)
    const lines = readFileSync(file, 'utf8').split('\r\n')
    expect(lines[0].replace(/^\ufeff/, '')).toBe(
      'institution,posts,posts_with_rate,thin,rate,rate_ci_low,rate_ci_high,vs_peer_median,vs_peer_ci_low,vs_peer_ci_high,distinguishable_from_peer'
    )
    // Alpha's rates .01 .02 .06: mean .03, and with three posts the 95% interval runs from the lowest to the highest.
    expect(lines.find((l) => l.startsWith('Alpha,'))).toMatch(/^Alpha,3,3,yes,0\.03\d*,0\.01\d*,0\.06\d*,/)
    expect(lines.find((l) => l.startsWith('Gamma,'))).toMatch(
      /^Gamma,30,30,no,0\.0(4|39+)\d*,0\.0(4|39+)\d*,0\.0(4|39+)\d*,/
    )
    expect(lines.some((l) => l.startsWith('Peer median,,,,0.03'))).toBe(true)
    expect(existsSync(`${file}.provenance.json`)).toBe(true)
    const again = await cli('reproduce', file, '--workspace', dir, '--json')
    expect(again.code, again.stdout + again.stderr).toBe(0)
    expect(JSON.parse(again.stdout).identical).toBe(true)
  })
})
