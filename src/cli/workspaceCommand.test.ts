/**
 * The real `socialbench workspace` command: export a workspace with an imported file as .sbw, open it into a new
 * folder (which then answers the same SQL), duplicate it, and refusals that say what is wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../test/support/cli'

let root: string
let ws: string
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sb-cli-ws-'))
  ws = join(root, 'Team workspace')
  const csv = join(root, 'reach.csv')
  writeFileSync(csv, 'day,reach\n2025-03-01,120\n2025-03-02,340\n')
  expect((await runCli(['import', csv, '--workspace', ws])).code).toBe(0)
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

const sql = (dir: string, query: string) => runCli(['sql', '--workspace', dir, '--json', query])

describe('socialbench workspace', () => {
  it('exports a .sbw and opens it into a new folder that answers the same query', async () => {
    const out = join(root, 'team.sbw')
    const exported = await runCli(['workspace', 'export', '--workspace', ws, '--out', out, '--json'])
    expect(exported.code).toBe(0)
    const manifest = JSON.parse(exported.stdout).manifest
    expect(manifest).toMatchObject({ name: 'Team workspace', counts: { datasets: 1 } })
    expect(existsSync(out)).toBe(true)

    const into = join(root, 'Opened')
    const opened = await runCli(['workspace', 'open', out, '--into', into])
    expect(opened.code).toBe(0)
    expect(opened.stdout).toContain(`into ${into}: 1 datasets`)
    const query = 'select name, row_count from datasets'
    const a = await sql(ws, query)
    const b = await sql(into, query)
    expect(JSON.parse(b.stdout)).toEqual(JSON.parse(a.stdout))
    expect(JSON.parse(b.stdout)).toEqual([{ name: 'reach', row_count: 2 }])
  })

  it('duplicates a workspace', async () => {
    const into = join(root, 'Copy')
    const r = await runCli(['workspace', 'duplicate', '--workspace', ws, '--into', into, '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ path: into, name: 'Copy' })
    expect(JSON.parse((await sql(into, 'select count(*) as n from datasets')).stdout)).toEqual([{ n: 1 }])
  })

  it('refuses a folder that holds files, and a file that is not a .sbw, saying which', async () => {
    const out = join(root, 'again.sbw')
    expect((await runCli(['workspace', 'export', '--workspace', ws, '--out', out])).code).toBe(0)
    const busy = join(root, 'busy')
    mkdirSync(busy)
    writeFileSync(join(busy, 'keep.txt'), 'mine')
    const r = await runCli(['workspace', 'open', out, '--into', busy])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`${busy} already holds “keep.txt”`)
    expect(readdirSync(busy)).toEqual(['keep.txt'])

    const csv = join(root, 'reach.csv')
    const bad = await runCli(['workspace', 'open', csv, '--into', join(root, 'nope'), '--json'])
    expect(bad.code).toBe(1)
    expect(JSON.parse(bad.stdout).error).toMatchObject({ code: 'UNSUPPORTED_FILE' })
    expect(existsSync(join(root, 'nope'))).toBe(false)
  })

  it('names the missing flag', async () => {
    const r = await runCli(['workspace', 'export', '--workspace', ws])
    expect(r.code).not.toBe(0)
    expect(r.stderr).toContain('--out')
  })
})
