/** `socialbench conventions` (the compiled CLI) on the hand-computed workspace of vendorConventions.test.ts. */
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../test/support/cli'
import { VENDOR_FIXTURE_SQL, workspaceFromSql } from '../main/engine/metrics/statsFixture.testdata'

const cli = (...args: string[]) => runCli(args)

let dir: string
beforeAll(async () => {
  const ws = await workspaceFromSql(VENDOR_FIXTURE_SQL)
  dir = ws.dir
  ws.engine.close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('socialbench conventions', () => {
  it('prints every vendor’s rate per platform as JSON and writes the CSV with the sources', async () => {
    const csv = join(dir, 'conventions.csv')
    const r = await cli(
      'conventions',
      '--workspace',
      dir,
      '--institutions',
      'Alpha,Beta,Gamma',
      '--from',
      '2024-03-01',
      '--to',
      '2024-03-04',
      '--json',
      '--csv',
      csv
    )
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    const ig = out.tables.find((t: { platform: string }) => t.platform === 'instagram')
    const alpha = ig.rows.find((x: { name: string }) => x.name === 'Alpha')
    expect([alpha.rivaliq, alpha.socialinsider, alpha.fanpagekarma].map((v: number) => Number(v.toFixed(12)))).toEqual([
      0.05, 0.03, 0.0125
    ])
    expect(readFileSync(csv, 'utf8')).toContain('instagram,median across institutions,,0.03,0.03,0.0075,,,0.05')
  })

  it('prints the tables and each column’s source as text', async () => {
    const r = await cli(
      'conventions',
      '--workspace',
      dir,
      '--institutions',
      'Alpha,Beta,Gamma',
      '--from',
      '2024-03-01',
      '--to',
      '2024-03-04'
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^instagram$/m)
    expect(r.stdout).toContain('1.250%')
    expect(r.stdout).toContain('https://academy.fanpagekarma.com/en/facebook-metrics/')
  })
})
