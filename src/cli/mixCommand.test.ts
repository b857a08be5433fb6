/** `socialbench mix` (the compiled CLI) on the hand-computed workspace of contentMix.testdata.ts. */
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../test/support/cli'
import { CONTENT_MIX_FIXTURE_SQL } from '../main/engine/metrics/contentMix.testdata'
import { workspaceFromSql } from '../main/engine/metrics/statsFixture.testdata'

const cli = (...args: string[]) => runCli(args)

let dir: string
beforeAll(async () => {
  const ws = await workspaceFromSql(CONTENT_MIX_FIXTURE_SQL)
  dir = ws.dir
  ws.engine.close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const range = ['--from', '2024-03-01', '--to', '2024-03-31']

describe('socialbench mix', () => {
  it('prints the mix and the local-time medians as JSON, and writes both CSVs', async () => {
    const [kinds, times] = [join(dir, 'mix.csv'), join(dir, 'times.csv')]
    const r = await cli(
      'mix',
      '--workspace',
      dir,
      '--institutions',
      'Alpha,Beta',
      ...range,
      '--json',
      '--csv',
      kinds,
      '--times-csv',
      times
    )
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    const alpha = out.institutions.find((i: { name: string }) => i.name === 'Alpha')
    expect(alpha.kinds.find((k: { kind: string }) => k.kind === 'photo')).toMatchObject({
      posts: 3,
      interactions: 90,
      medianInteractions: 30
    })
    expect(alpha.heatmap[0]).toMatchObject({ weekday: 0, hour: 10, posts: 4, medianInteractions: 25 })
    expect(readFileSync(kinds, 'utf8')).toContain('\r\nAlpha,photo,3,0.5,90,')
    expect(readFileSync(times, 'utf8')).toContain('\r\nAlpha,Monday,10,4,25,0.035\r\n')
    // Each file's setup beside it, for `socialbench reproduce`.
    expect([existsSync(`${kinds}.provenance.json`), existsSync(`${times}.provenance.json`)]).toEqual([true, true])
    expect(JSON.parse(readFileSync(`${times}.provenance.json`, 'utf8')).artefact).toEqual({
      kind: 'insightData',
      id: 'postingTimes',
      format: 'csv'
    })
  })

  it('prints a table per institution with its best slots, and refuses an unknown convention by its flag', async () => {
    const r = await cli('mix', '--workspace', dir, '--institutions', 'Alpha,Beta', ...range)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Alpha: 6 posts (hours in Europe/Madrid, UTC)')
    expect(r.stdout).toContain(
      'Best slots by median interactions: Wednesday 0:00 (100, 1 posts); Monday 10:00 (25, 4 posts)'
    )
    const bad = await cli('mix', '--workspace', dir, '--institutions', 'Alpha', '--convention', 'likes')
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toContain('--convention')
  })
})
