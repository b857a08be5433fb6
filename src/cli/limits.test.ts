/**
 * The CLI is no looser than the app (issue 13), through the real entry (bin/socialbench.cjs): `sql` stops at a
 * time limit (60 s unless --timeout says otherwise), `query import` refuses devices, pipes and packs over 5 MB
 * before reading them, and table output shows control characters from data as escapes instead of obeying them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../test/support/cli'

const cli = (...args: string[]) => runCli(args, { timeoutMs: 90_000 })

let root: string
let ws: string
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sb-cli-limits-'))
  ws = join(root, 'ws')
  expect((await cli('query', 'list', '--workspace', ws, '--json')).code).toBe(0)
}, 60_000)
afterAll(() => rmSync(root, { recursive: true, force: true }))

const SLOW = `SELECT count(*) FROM range(1e12::BIGINT) r(x) WHERE x % 7 = 3`

describe('socialbench sql has the app’s time limit', () => {
  it('stops a runaway statement at --timeout and says so', async () => {
    const r = await cli('sql', '--workspace', ws, '--json', '--timeout', '1', SLOW)
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).error).toEqual({
      code: 'CANCELLED',
      message: 'The query was stopped after the 1 s time limit.'
    })
  }, 100_000)

  it('defaults to 60 s and refuses a timeout that is not a number of seconds, naming the flag', async () => {
    const help = await cli('sql', '--help')
    expect(help.stdout.replace(/\s+/g, ' ')).toMatch(
      /--timeout <seconds> stop the statement after this many seconds \(default: 60\)/
    )
    for (const bad of ['abc', '0']) {
      const r = await cli('sql', '--workspace', ws, '--timeout', bad, 'SELECT 1')
      expect(r.code, bad).not.toBe(0)
      expect(r.stderr, bad).toMatch(/--timeout <seconds>.*seconds above 0/s)
    }
  }, 120_000)
})

describe('socialbench sql prints control characters from data escaped', () => {
  it('shows ESC, BEL and a right-to-left override as \\x1b, \\x07 and \\u202e', async () => {
    const r = await cli(
      'sql',
      '--workspace',
      ws,
      `SELECT chr(27) || '[2J' || chr(27) || ']0;pwned' || chr(7) AS t, 'a' || chr(8238) || 'b' AS bidi, 'line1' || chr(10) || 'line2' AS lines`
    )
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('\\x1b[2J\\x1b]0;pwned\\x07')
    expect(r.stdout).toContain('a\\u202eb')
    expect(r.stdout).toContain('line1\\nline2')
    for (const raw of ['\u001b', '\u0007', '\u202e']) expect(r.stdout).not.toContain(raw)
    expect(r.stdout).toMatch(/\(1 row\)\n$/)
  }, 100_000)
})

describe('socialbench query import reads only a regular pack file of at most 5 MB', () => {
  it('refuses /dev/zero without reading it', async () => {
    const r = await cli('query', 'import', '--workspace', ws, '--json', '/dev/zero')
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).error).toEqual({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/\/dev\/zero is not a regular file/)
    })
  }, 100_000)

  it('refuses a named pipe without waiting for a writer', async () => {
    const fifo = join(root, 'pack.sbq.json')
    execFileSync('mkfifo', [fifo])
    const r = await cli('query', 'import', '--workspace', ws, '--json', fifo)
    expect(JSON.parse(r.stdout).error).toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/not a regular file/)
    })
  }, 100_000)

  it('refuses a pack over 5 MB before reading it', async () => {
    const big = join(root, 'big.sbq.json')
    const query = { name: 'q', description: '', tags: [], sql: 'SELECT 1', params: [], chart: null }
    writeFileSync(
      big,
      JSON.stringify({
        format: 'socialbench-queries',
        version: 1,
        queries: [{ ...query, description: 'x'.repeat(6 * 1024 * 1024) }]
      })
    )
    const r = await cli('query', 'import', '--workspace', ws, '--json', big)
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).error).toEqual({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/big\.sbq\.json is too large \(over 5 MB\)/)
    })
  }, 100_000)
})
