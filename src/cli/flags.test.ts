/**
 * The CLI is a client of the contract: flags are coerced into the channel's input and the contract's refusals
 * come back naming the flag. The real compiled command on a workspace with the synthetic sample, plus the
 * pieces (flagFor, numberFlag, inputFromFlags) on their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BENCHMARK_FLAGS } from './benchmarkCommand'
import { flagFor, inputFromFlags, numberFlag } from './input'
import { runCli } from '../../test/support/cli'

const cli = (...args: string[]) => runCli(args)

let root: string
let ws: string
let institution: string
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sb-cli-flags-'))
  ws = join(root, 'ws')
  expect((await cli('sample', '--workspace', ws)).code).toBe(0)
  const listed = JSON.parse((await cli('institutions', '--workspace', ws, '--json')).stdout) as {
    institutions: { name: string }[]
  }
  institution = listed.institutions[0].name
}, 120_000)
afterAll(() => rmSync(root, { recursive: true, force: true }))

const benchmark = (...flags: string[]) => cli('benchmark', '--workspace', ws, '--institutions', institution, ...flags)

describe('socialbench benchmark checks its flags against the contract', () => {
  it('refuses --k abc as not a number, naming the flag', async () => {
    const r = await benchmark('--k', 'abc')
    expect(r.code).toBe(1)
    expect(r.stderr.trim()).toBe('socialbench benchmark: --k: expected a number')
  })

  it('refuses --k 500, since the contract allows at most 10', async () => {
    const r = await benchmark('--k', '500', '--json')
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toEqual({ error: { code: 'BAD_INPUT', message: '--k: at most 10' } })
  })

  it('names --max-gap, --platforms and --from for their fields', async () => {
    expect((await benchmark('--max-gap', '2.5')).stderr).toMatch(/--max-gap: expected a whole number/)
    expect((await benchmark('--platforms', 'x,myspace')).stderr).toMatch(/--platforms: expected one of .*instagram/)
    expect((await benchmark('--from', '1 May')).stderr).toMatch(/--from: must be a day written YYYY-MM-DD/)
  })

  it('refuses a --from or --to that is shaped like a day but is none, before DuckDB sees it', async () => {
    const r = await benchmark('--from', '2024-13-45')
    expect(r.code).toBe(1)
    expect(r.stderr.trim()).toBe('socialbench benchmark: --from: is not a day of the calendar')
    expect((await benchmark('--to', '2025-02-29')).stderr).toMatch(/--to: is not a day of the calendar/)
  })

  it('runs with valid flags', async () => {
    const r = await benchmark('--k', '3', '--max-gap', '14', '--json')
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).institutions.map((i: { name: string }) => i.name)).toEqual([institution])
  })
})

describe('flag helpers', () => {
  it('maps an issue path to the flag of its longest known prefix', () => {
    expect(flagFor(['institutionIds', 0], BENCHMARK_FLAGS)).toBe('--institutions')
    expect(flagFor(['k'], BENCHMARK_FLAGS)).toBe('--k')
    expect(flagFor(['resolution'], BENCHMARK_FLAGS)).toBeNull()
  })

  it('turns numeric text into numbers and leaves anything else for the contract to refuse', () => {
    expect(numberFlag('2.5')).toBe(2.5)
    expect(numberFlag('abc')).toBe('abc')
    expect(numberFlag(' ')).toBe(' ')
    expect(numberFlag(undefined)).toBeUndefined()
  })

  it('returns the parsed input when the contract accepts it', async () => {
    const input = await inputFromFlags(
      'benchmark',
      { institutionIds: [1], convention: 'reach', k: 1.5 },
      BENCHMARK_FLAGS
    )
    expect(input).toEqual({ institutionIds: [1], convention: 'reach', k: 1.5 })
  })
})
