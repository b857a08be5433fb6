/** `socialbench topics` (the compiled CLI): add rules, list them, report on a workspace whose figures are known. */
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../test/support/cli'
import { CONTENT_MIX_FIXTURE_SQL } from '../main/engine/metrics/contentMix.testdata'
import { workspaceFromSql } from '../main/engine/metrics/statsFixture.testdata'

const cli = (...args: string[]) => runCli(args)

let dir: string
beforeAll(async () => {
  // The content-mix workspace's posts have no text but their types; these two add text to match.
  const ws = await workspaceFromSql([
    ...CONTENT_MIX_FIXTURE_SQL,
    `UPDATE posts SET text = 'Campaña de VACUNACIÓN', language = 'es' WHERE post_id = 'a1'`,
    `UPDATE posts SET text = 'flu shots at noon', language = 'en' WHERE post_id = 'b1'`
  ])
  dir = ws.dir
  ws.engine.close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('socialbench topics', () => {
  it('adds a rule, lists it, and reports share of posts and share of voice as JSON and CSV', async () => {
    const add = await cli(
      'topics',
      'add',
      'vaccination',
      '--workspace',
      dir,
      '--keywords',
      'vacunacion,flu shot',
      '--json'
    )
    expect(add.stderr).toBe('')
    expect(JSON.parse(add.stdout)).toMatchObject({ name: 'vaccination', keywords: ['vacunacion', 'flu shot'] })
    const list = await cli('topics', 'list', '--workspace', dir)
    expect(list.stdout).toContain('vacunacion, flu shot')
    const csv = join(dir, 'topics.csv')
    const r = await cli(
      'topics',
      'report',
      '--workspace',
      dir,
      '--institutions',
      'Alpha,Beta',
      '--from',
      '2024-03-01',
      '--to',
      '2024-03-31',
      '--json',
      '--csv',
      csv
    )
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    // Alpha: a1 of its 6 posts (10/1000 = .01); Beta: b1 of 3 (8/200 = .04); peer median .025.
    const [alpha, beta] = out.institutions.map(
      (i: { topics: { posts: number; share: number; shareOfVoice: number; vsPeer: number }[] }) => i.topics[0]
    )
    expect([
      alpha.posts,
      Number(alpha.share.toFixed(12)),
      alpha.shareOfVoice,
      Number(alpha.vsPeer.toFixed(12))
    ]).toEqual([1, Number((1 / 6).toFixed(12)), 0.5, -0.015])
    expect([beta.posts, Number(beta.share.toFixed(12)), beta.shareOfVoice, Number(beta.vsPeer.toFixed(12))]).toEqual([
      1,
      Number((1 / 3).toFixed(12)),
      0.5,
      0.015
    ])
    expect(readFileSync(csv, 'utf8')).toContain('\r\nAlpha,vaccination,1,')
    const removed = await cli('topics', 'remove', 'vaccination', '--workspace', dir)
    expect(removed.stdout).toContain('Removed topic vaccination')
    const missing = await cli('topics', 'remove', 'nope', '--workspace', dir)
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toContain('no topic is called "nope"')
  })
})

describe('socialbench topics: keywords per language', () => {
  it('takes "LANG: …" groups and --in, reports with them, and refuses a bad language by its flag', async () => {
    const add = await cli(
      'topics',
      'add',
      'vacunas',
      '--workspace',
      dir,
      '--keywords',
      'es: vacunacion, flu shot',
      '--in',
      'fr:vaccination',
      '--json'
    )
    expect(add.stderr).toBe('')
    expect(JSON.parse(add.stdout)).toMatchObject({
      keywords: [],
      languages: [
        { language: 'es', keywords: ['vacunacion', 'flu shot'] },
        { language: 'fr', keywords: ['vaccination'] }
      ]
    })
    expect((await cli('topics', 'list', '--workspace', dir)).stdout).toContain(
      'es: vacunacion, flu shot; fr: vaccination'
    )
    const r = await cli('topics', 'report', '--workspace', dir, '--institutions', 'Alpha,Beta', '--json')
    const posts = JSON.parse(r.stdout).institutions.map((i: { topics: { posts: number }[] }) => i.topics[0].posts)
    // a1 is Spanish: on the topic; b1 says "flu shot" but is English, and the phrase is one of the Spanish keywords.
    expect(posts).toEqual([1, 0])
    const cases: [string[], string][] = [
      [['--in', 'flu:abc'], '--in'],
      [['--in', 'vacuna'], '--in'],
      [['--language', 'Spanish', '--keywords', 'a'], '--language'],
      [[], '--keywords']
    ]
    for (const [flags, named] of cases) {
      const bad = await cli('topics', 'add', 'other', '--workspace', dir, ...flags)
      expect(bad.code, flags.join(' ')).not.toBe(0)
      expect(bad.stderr, flags.join(' ')).toContain(named)
    }
  })
})
