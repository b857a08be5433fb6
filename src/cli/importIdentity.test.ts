/**
 * The real `socialbench import` on files that do not name their account or platform: refused with the specific
 * code unless --account / --platform is given, and a command line's files are one batch for the platform rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../test/support/cli'

const cli = async (...args: string[]): Promise<{ code: number; json: { imports: Record<string, unknown>[] } }> => {
  const r = await runCli(args)
  return { code: r.code, json: JSON.parse(r.stdout) }
}

let root: string
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sb-cli-identity-'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

const q = (...cells: string[]) => cells.map((c) => `"${c}"`).join(',')
const meta = (title: string, value: string) =>
  ['sep=,', q(title), q('Date', 'Primary'), q('2025-11-01T00:00:00', value), q('2025-11-02T00:00:00', value), ''].join(
    '\n'
  )

function file(dir: string, name: string, text: string): string {
  mkdirSync(join(root, dir), { recursive: true })
  const p = join(root, dir, name)
  writeFileSync(p, text)
  return p
}

const TABLE =
  'Content,Video title,Video publish time,Duration,Likes,Shares,Comments added,Views,Impressions\nTotal,,,,2,0,0,20,0\n'

describe('socialbench import: account and platform', () => {
  it('refuses "Table data.csv" without --account (ACCOUNT_REQUIRED, exit 1), and files two channels apart with it', async () => {
    const ws = join(root, 'ws1')
    const a = file('a', 'Table data.csv', `${TABLE}vidAAAAAAA1,SYNTHETIC a,"Jan 1, 2025",60,1,0,0,10,100\n`)
    const b = file(
      'b',
      'Table data.csv',
      `${TABLE}vidBBBBBBB1,SYNTHETIC b,"Jan 2, 2025",60,1,0,0,10,100\nvidBBBBBBB2,SYNTHETIC b2,"Jan 3, 2025",60,1,0,0,10,100\n`
    )
    const refused = await cli('import', '--workspace', ws, '--json', a)
    expect(refused.code).toBe(1)
    expect(refused.json.imports[0].error).toMatchObject({
      code: 'ACCOUNT_REQUIRED',
      message: expect.stringMatching(/^Table data\.csv does not name its YouTube account/)
    })
    const ra = await cli('import', '--workspace', ws, '--json', '--account', 'ChannelA', a)
    const rb = await cli('import', '--workspace', ws, '--json', '--account', 'ChannelB', b)
    expect([ra.code, rb.code]).toEqual([0, 0])
    expect(ra.json.imports[0]).toMatchObject({ accounts: ['youtube:channela'], rowsNew: 1 })
    expect(rb.json.imports[0]).toMatchObject({ accounts: ['youtube:channelb'], rowsNew: 2 })
  }, 120_000)

  it('"Reach" alone: PLATFORM_REQUIRED; with Facebook companions on one command line: Facebook; --platform decides', async () => {
    const ws = join(root, 'ws2')
    const reach = file('m', 'Reach.csv', meta('Reach', '5'))
    const alone = await cli('import', '--workspace', ws, '--json', '--account', 'Clinic', reach)
    expect(alone.code).toBe(1)
    expect(alone.json.imports[0].error).toMatchObject({
      code: 'PLATFORM_REQUIRED',
      message: expect.stringContaining('--platform')
    })
    const visits = file('m', 'Visits.csv', meta('Facebook visits', '3'))
    const follows = file('m', 'Follows.csv', meta('Facebook follows', '1'))
    const batch = await cli('import', '--workspace', ws, '--json', '--account', 'Clinic', reach, visits, follows)
    expect(batch.code).toBe(0)
    expect(batch.json.imports.map((i) => [i.platform, i.accounts])).toEqual([
      ['facebook', ['facebook:clinic']],
      ['facebook', ['facebook:clinic']],
      ['facebook', ['facebook:clinic']]
    ])
    expect(batch.json.imports[0].warnings).toContainEqual({
      code: 'note',
      message: 'Platform facebook: the 2 other files imported with it are facebook.'
    })
    const views = file('n', 'Views.csv', meta('Views', '9'))
    const chosen = await cli(
      'import',
      '--workspace',
      ws,
      '--json',
      '--account',
      'Clinic',
      '--platform',
      'instagram',
      views
    )
    expect(chosen.json.imports[0]).toMatchObject({ platform: 'instagram', accounts: ['instagram:clinic'] })
    const bad = await cli('import', '--workspace', ws, '--json', '--platform', 'myspace', views)
    expect(bad.json.imports[0].error).toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('--platform: expected one of')
    })
  }, 120_000)
})
