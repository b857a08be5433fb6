/**
 * `socialbench query` for real (bin/socialbench.cjs, compiled; a workspace in a temp folder): list the starters,
 * run one with --param values bound (a hostile value stays a value), export two, import them into a fresh workspace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../test/support/cli'

const cli = (...args: string[]) => runCli(args)

let root: string
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sb-cli-query-'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('socialbench query', () => {
  it('lists, runs with bound parameters, exports and imports', async () => {
    const ws = join(root, 'ws')
    const list = await cli('query', 'list', '--workspace', ws, '--json')
    expect(list.code, list.stderr).toBe(0)
    const names = (JSON.parse(list.stdout) as { name: string }[]).map((q) => q.name)
    expect(names).toContain('Top posts by interactions')

    const run = await cli(
      'query',
      'run',
      'top posts by interactions',
      '--workspace',
      ws,
      '--json',
      '--param',
      'top=3',
      '--param',
      'from=2024-01-01',
      '--param',
      `institutions='); DROP TABLE posts; --,North`
    )
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual([])
    const still = await cli('sql', '--workspace', ws, '--json', 'SELECT count(*) AS n FROM posts')
    expect(JSON.parse(still.stdout)).toEqual([{ n: 0 }])

    const bad = await cli('query', 'run', 'Top posts by interactions', '--workspace', ws, '--json', '--param', 'nope=1')
    expect(bad.code).toBe(1)
    expect(JSON.parse(bad.stdout).error.message).toMatch(/no parameter \$nope/)

    const out = join(root, 'two.sbq.json')
    const exp = await cli(
      'query',
      'export',
      'Top posts by interactions',
      'Posting cadence per week',
      '--workspace',
      ws,
      '--out',
      out
    )
    expect(exp.code, exp.stderr).toBe(0)
    expect(JSON.parse(readFileSync(out, 'utf8')).queries).toHaveLength(2)

    const ws2 = join(root, 'ws2')
    const imp = await cli('query', 'import', out, '--workspace', ws2, '--json')
    expect(imp.code, imp.stderr).toBe(0)
    expect((JSON.parse(imp.stdout) as { name: string }[]).map((q) => q.name)).toEqual([
      'Top posts by interactions (2)',
      'Posting cadence per week (2)'
    ])
  })

  it('carries topic rules with --topics, and imports them into another workspace', async () => {
    const ws = join(root, 'ws-topics')
    const add = await cli('topics', 'add', 'Vacunación', '--workspace', ws, '--keywords', 'vacuna,gripe')
    expect(add.code, add.stderr).toBe(0)
    const out = join(root, 'topics.sbq.json')
    const exp = await cli('query', 'export', '--topics', '--workspace', ws, '--out', out)
    expect([exp.code, exp.stdout.trim()]).toEqual([0, `Wrote 0 queries and 1 topic to ${out}`])
    const none = await cli('query', 'export', '--workspace', ws, '--out', out)
    expect([none.code, none.stderr]).toEqual([
      1,
      expect.stringContaining('name at least one saved query, or pass --topics')
    ])
    const ws2 = join(root, 'ws-topics-2')
    const imp = await cli('query', 'import', out, '--workspace', ws2)
    expect([imp.code, imp.stdout.trim()]).toEqual([0, '✓ saved topic "Vacunación"'])
    const again = await cli('query', 'import', out, '--workspace', ws2)
    expect(again.stdout).toContain('= kept topic "Vacunación" as it was')
    const list = await cli('topics', 'list', '--workspace', ws2, '--json')
    expect(JSON.parse(list.stdout)).toMatchObject([{ name: 'Vacunación', keywords: ['vacuna', 'gripe'] }])
  })
})
