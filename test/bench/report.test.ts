import { describe, expect, it } from 'vitest'
import { describeMachine, LoadWatch } from '../../scripts/bench/machine'
import { judgeLoadWith, record, results, verdict } from '../../scripts/bench/report'

describe('bench verdicts under load', () => {
  it('gives no PASS or FAIL to a measurement taken while the load was above the core count', () => {
    results.length = 0
    judgeLoadWith(() => ({ maxLoad: 5.2, noisy: true }))
    const busy = record({ item: 'x', name: 'busy', raw: { a: 1 }, ratio: 0.5, target: '≤ 1', pass: true })
    const info = record({ item: 'y', name: 'info only', raw: {}, ratio: 2, target: '', pass: null })
    judgeLoadWith(() => ({ maxLoad: 0.4, noisy: false }))
    const quiet = record({ item: 'z', name: 'quiet', raw: { a: 1 }, ratio: 2, target: '≤ 1', pass: false })
    expect(verdict(busy)).toBe('NOISY (would pass)')
    expect(busy.note).toContain('load reached 5.2')
    expect(verdict(info)).toBe('INFO')
    expect(verdict(quiet)).toBe('FAIL <<<')
    results.length = 0
  })

  it('reads the machine and DuckDB threads, and watches the real load average', async () => {
    const m = await describeMachine()
    expect(m.cores).toBeGreaterThan(0)
    expect(m.duckdbThreads).toBeGreaterThan(0)
    expect(m.duckdbVersion).toMatch(/^v\d+\.\d+/)
    const w = new LoadWatch(m.cores, 50)
    const { maxLoad, noisy } = w.noisySince()
    expect(noisy).toBe(maxLoad > m.cores)
    w.stop()
    // A one-core budget against an impossible load: the verdict flips only on the load, not on the machine.
    const tiny = new LoadWatch(-1, 50)
    expect(tiny.noisySince().noisy).toBe(true)
    tiny.stop()
  })
})
