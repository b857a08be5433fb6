/**
 * The real `socialbench` command on a temp workspace: import --json reports the recognised format, platform,
 * accounts and new/updated/rejected rows; privacy and account flags reach the import; institutions and assign.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../test/support/cli'

const cli = (...args: string[]) => runCli(args)

let root: string
let ws: string
const HEADER =
  '"Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","retweets","replies","likes","url clicks"'
const row = (id: string, time: string, likes: number, text = 'Hello') =>
  `"${id}","https://twitter.com/CorvaleClinics/status/${id}","${text}","${time}","100.0","5.0","1.0","0.0","${likes}.0","0.0"`
const file = (name: string, lines: string[]) => {
  const p = join(root, name)
  writeFileSync(p, [HEADER, ...lines].join('\n') + '\n')
  return p
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sb-cli-inst-'))
  ws = join(root, 'ws')
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('socialbench import --json (recognised exports)', () => {
  it('reports format, platform, accounts and new/updated/rejected rows; a re-export updates instead of doubling', async () => {
    const jan = file('jan.csv', [
      row('1', '2024-01-01 10:00 +0000', 3, 'Mail me at a@b.example'),
      row('2', 'not a time', 1)
    ])
    const r1 = await cli('import', '--workspace', ws, '--json', '--privacy-text', 'redact', jan)
    expect(r1.code).toBe(0)
    const [a] = JSON.parse(r1.stdout).imports
    expect(a).toMatchObject({
      file: jan,
      format: 'x-tweet-activity',
      platform: 'x',
      accounts: ['x:corvaleclinics'],
      rowsNew: 1,
      rowsUpdated: 0,
      rowsRejected: 1,
      rejects: [{ row: 2, reason: 'unreadable time "not a time"' }],
      redactions: [{ kind: 'e-mail address', count: 1 }],
      period: { from: '2024-01-01', to: '2024-01-01' }
    })
    const feb = file('feb.csv', [row('1', '2024-01-01 10:00 +0000', 5), row('3', '2024-02-01 10:00 +0000', 2)])
    const [b] = JSON.parse((await cli('import', '--workspace', ws, '--json', feb)).stdout).imports
    expect(b).toMatchObject({ format: 'x-tweet-activity', rowsNew: 1, rowsUpdated: 1, rowsRejected: 0 })
    const [c] = JSON.parse(
      (
        await cli(
          'import',
          '--workspace',
          ws,
          '--json',
          '--generic',
          '--time-zone',
          'Europe/Oslo',
          file('g.csv', [row('9', '2024-03-01 10:00 +0000', 1)])
        )
      ).stdout
    ).imports
    expect(c).toMatchObject({ format: 'csv', platform: null, accounts: [], rowsNew: 1, rowsRejected: 0 })
    const sum = await cli(
      'sql',
      '--workspace',
      ws,
      '--json',
      'select count(*)::INT as n, sum(likes)::INT as likes from posts'
    )
    expect(JSON.parse(sum.stdout)).toEqual([{ n: 2, likes: 7 }])
    const text = await cli(
      'sql',
      '--workspace',
      ws,
      '--json',
      `select "Tweet text" as t from ds_${a.importId} order by rowid`
    )
    expect(JSON.parse(text.stdout)[0].t).toBe('Mail me at [email]')
  }, 240_000)

  it('refuses an unknown privacy choice', async () => {
    const r = await cli(
      'import',
      '--workspace',
      ws,
      '--json',
      '--privacy-people',
      'blur',
      file('x.csv', [row('5', '2024-01-01 10:00 +0000', 1)])
    )
    expect(r.code).not.toBe(0)
    expect(JSON.parse(r.stdout).imports[0].error).toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('--privacy-people')
    })
  })
})

describe('socialbench institutions / assign', () => {
  it('assigns an account to a new institution, then lists it with its accounts', async () => {
    const before = JSON.parse((await cli('institutions', '--workspace', ws, '--json')).stdout)
    expect(before).toMatchObject({ institutions: [], unassigned: [{ accountId: 'x:corvaleclinics', posts: 2 }] })

    const a = await cli(
      'assign',
      '--workspace',
      ws,
      '--account',
      'X:CorvaleClinics',
      '--institution',
      'Corvale Clinic Network',
      '--json'
    )
    expect(a.code).toBe(0)
    expect(JSON.parse(a.stdout)).toMatchObject({
      accountId: 'x:corvaleclinics',
      institution: 'Corvale Clinic Network',
      created: true
    })
    const again = await cli(
      'assign',
      '--workspace',
      ws,
      '--account',
      '@corvaleclinics',
      '--institution',
      'corvale clinic network'
    )
    expect(again.stdout.trim()).toBe('x:corvaleclinics → Corvale Clinic Network')

    const after = JSON.parse((await cli('institutions', '--workspace', ws, '--json')).stdout)
    expect(after.unassigned).toEqual([])
    expect(after.institutions).toEqual([
      expect.objectContaining({
        name: 'Corvale Clinic Network',
        color: '#E69F00',
        accountCount: 1,
        accounts: [
          expect.objectContaining({
            accountId: 'x:corvaleclinics',
            platform: 'x',
            posts: 2,
            firstDate: '2024-01-01',
            lastDate: '2024-02-01'
          })
        ]
      })
    ])
    const table = await cli('institutions', '--workspace', ws)
    expect(table.stdout).toContain('Corvale Clinic Network')
    expect(table.stdout).toContain('x:corvaleclinics')

    const missing = await cli('assign', '--workspace', ws, '--account', 'x:nobody', '--institution', 'A', '--json')
    expect(missing.code).not.toBe(0)
    expect(JSON.parse(missing.stdout).error.code).toBe('NOT_FOUND')
  }, 240_000)
})
