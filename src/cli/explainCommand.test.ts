/**
 * `socialbench explain` (the compiled CLI) on the hand-computed workspace of explainPeriod.testdata.ts: Alpha's week
 * of 2024-01-22 has a weekly rate of .12 against a median of .02 over five weeks, MAD .01, robust z 6.745; its posts
 * p5 (300 interactions ÷ 1,000 followers ÷ 3 posts = .10), p6 and p7 (.01 each).
 */
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../test/support/cli'
import { invoke } from '../main/engine/invoke'
import { EXPLAIN_FIXTURE_SQL } from '../main/engine/metrics/explainPeriod.testdata'
import { workspaceFromSql } from '../main/engine/metrics/statsFixture.testdata'

const cli = (...args: string[]) => runCli(args)

let dir: string
beforeAll(async () => {
  const ws = await workspaceFromSql(EXPLAIN_FIXTURE_SQL)
  dir = ws.dir
  await invoke(ws.engine, 'addEvent', {
    start: '2024-01-24',
    title: 'Flu campaign',
    kind: 'campaign',
    institutionId: 1
  })
  await invoke(ws.engine, 'addEvent', { start: '2024-01-23', title: 'Beta only', kind: 'crisis', institutionId: 2 })
  ws.engine.close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const base = (...more: string[]) => [
  'explain',
  '--workspace',
  dir,
  '--institution',
  'alpha',
  '--institutions',
  'Alpha,Beta',
  '--from',
  '2024-01-01',
  '--to',
  '2024-02-04',
  ...more
]
const r12 = (v: number) => Number(v.toFixed(12))

describe('socialbench explain', () => {
  it('prints the explained week as JSON: value, robust z on the MAD, posts by contribution, types, events', async () => {
    const r = await cli(...base('--day', '2024-01-25', '--json'))
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.period).toEqual({ start: '2024-01-22', end: '2024-01-28' })
    expect(r12(out.value)).toBe(0.12)
    expect([out.baseline.periods, r12(out.baseline.median), r12(out.baseline.mad), r12(out.baseline.z)]).toEqual([
      5, 0.02, 0.01, 6.745
    ])
    expect(out.posts.map((p: { post_id: string }) => p.post_id)).toEqual(['p5', 'p6', 'p7'])
    expect(out.posts.map((p: { contribution: number }) => r12(p.contribution))).toEqual([0.1, 0.01, 0.01])
    expect(out.postTypes.map((t: { postType: string; posts: number }) => [t.postType, t.posts])).toEqual([
      ['video', 1],
      ['photo', 2]
    ])
    // Beta's crisis is not Alpha's.
    expect(out.events.map((e: { title: string }) => e.title)).toEqual(['Flu campaign'])
  })

  it('prints the same as text, and explains a day of the views channel', async () => {
    const r = await cli(...base('--day', '2024-01-22'))
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Alpha, week 2024-01-22 … 2024-01-28: engagement (followers_at_post) 12.000%')
    expect(r.stdout).toContain(
      'Own median over 5 weeks: 2.000%, +10.00 pts (+500%); MAD 1.000%; +6.75 robust z (unusual)'
    )
    expect(r.stdout).toMatch(/2024-01-22T10:00:00Z +video +300 +30\.000% +10\.000% +83\.3% +post p5/)
    expect(r.stdout).toContain('2024-01-24 Flu campaign (campaign)')
    // Days of views: 100 on most days, so the MAD is 0 and there is no z-score (the note says why).
    const day = await cli(...base('--day', '2024-01-23', '--unit', 'day', '--metric', 'views'))
    expect(day.code).toBe(0)
    expect(day.stdout).toContain('Alpha, day 2024-01-23: views 800')
    expect(day.stdout).toContain('no z-score (MAD is 0)')
  })

  it('refuses a bad flag by its name, through the contract and the engine', async () => {
    const cases: [string[], string][] = [
      [['--day', '2024-02-30'], '--day'],
      [['--day', '2024-01-25', '--unit', 'month'], '--unit'],
      [['--day', '2024-01-25', '--metric', 'likes'], '--metric'],
      [['--day', '2024-01-25', '--convention', 'likes'], '--convention'],
      // Outside the range: the engine's refusal, named by the flag.
      [['--day', '2024-03-01'], "--day: 2024-03-01 is outside the benchmark's range"]
    ]
    for (const [flags, named] of cases) {
      const r = await cli(...base(...flags))
      expect(r.code, flags.join(' ')).not.toBe(0)
      expect(r.stderr, flags.join(' ')).toContain(named)
    }
    const unknown = await cli('explain', '--workspace', dir, '--institution', 'Gamma', '--day', '2024-01-25', '--json')
    expect(unknown.code).not.toBe(0)
    expect(JSON.parse(unknown.stdout).error.message).toContain('No institution named "Gamma"')
  })
})
