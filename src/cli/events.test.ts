/**
 * The real `socialbench events` command on a temp workspace: add (a day, a range, kinds as people type them, an
 * institution by name), list (table, JSON, a range), import a CSV, and refusals that name the flag.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../test/support/cli'

const cli = (...args: string[]) => runCli(['events', ...args, '--workspace', ws])

let root: string
let ws: string
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sb-cli-events-'))
  ws = join(root, 'ws')
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('socialbench events', () => {
  it('adds events and lists them as a table and as JSON, in date order and by range', async () => {
    const a = await cli(
      'add',
      '--date',
      '2025-10-01',
      '--end',
      '2025-10-31',
      '--title',
      'Pink October posts',
      '--kind',
      'campaign',
      '--json'
    )
    expect(a.code).toBe(0)
    expect(JSON.parse(a.stdout)).toMatchObject({
      start: '2025-10-01',
      end: '2025-10-31',
      title: 'Pink October posts',
      kind: 'campaign'
    })
    const b = await cli('add', '--date', '2025-04-07', '--title', 'World Health Day', '--kind', 'Awareness day')
    expect(b.code).toBe(0)
    expect(b.stdout).toMatch(/^Added event \d+: 2025-04-07 World Health Day/)

    const table = await cli('list')
    expect(table.code).toBe(0)
    const lines = table.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/id\s+date\s+kind\s+title\s+institution/)
    expect(table.stdout.indexOf('World Health Day')).toBeLessThan(table.stdout.indexOf('Pink October posts'))
    expect(table.stdout).toContain('Awareness day')

    const json = JSON.parse((await cli('list', '--json', '--from', '2025-10-15')).stdout)
    expect(json.map((e: { title: string }) => e.title)).toEqual(['Pink October posts'])
  }, 120_000)

  it('imports a CSV, all or nothing', async () => {
    const good = join(root, 'good.csv')
    writeFileSync(
      good,
      'start,title,kind\n2025-06-01,Ward closure,crisis\n2025-06-05,New feed ranking,platform change\n'
    )
    const r = await cli('import', good, '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ imported: 2 })
    const bad = join(root, 'bad.csv')
    writeFileSync(bad, 'start,title,kind\n2025-07-01,Fine,other\n2025-07-02,Broken,party\n')
    const f = await cli('import', bad)
    expect(f.code).toBe(1)
    expect(f.stderr).toContain('socialbench events import: bad.csv, row 3, column kind: "party" is not a kind')
    expect(JSON.parse((await cli('list', '--json', '--from', '2025-07-01', '--to', '2025-07-31')).stdout)).toEqual([])
  }, 120_000)

  it('exports as CSV and adds the health observances once', async () => {
    const csv = await cli('export')
    expect(csv.code).toBe(0)
    expect(csv.stdout).toMatch(/^\uFEFFstart,end,title,kind,institution,source,notes\r\n/)
    expect(csv.stdout).toContain('2025-04-07,,World Health Day,awareness_day,,,')
    const on = JSON.parse((await cli('observances', '--json')).stdout)
    expect(on.added).toBeGreaterThan(300)
    expect(JSON.parse((await cli('observances', '--json')).stdout).added).toBe(0)
    const day = JSON.parse((await cli('list', '--json', '--from', '2026-12-01', '--to', '2026-12-01')).stdout)
    expect(day.map((e: { title: string }) => e.title)).toEqual(['World AIDS Day'])
    // Switched off again: every one of them goes (none was edited), the events added by hand stay.
    const before = JSON.parse((await cli('list', '--json')).stdout).length
    expect(JSON.parse((await cli('observances', '--off', '--json')).stdout)).toEqual({ removed: on.added, kept: 0 })
    expect(JSON.parse((await cli('list', '--json')).stdout).length).toBe(before - on.added)
    expect((await cli('observances', '--off')).stdout.trim()).toBe('Removed 0 health observances.')
  }, 120_000)

  it('refuses bad flags by name', async () => {
    const err = async (...args: string[]) => {
      const r = await cli('add', ...args)
      expect(r.code).toBe(1)
      return r.stderr.trim()
    }
    expect(await err('--date', '2025-02-30', '--title', 'x', '--kind', 'other')).toBe(
      'socialbench events add: --date: is not a day of the calendar'
    )
    expect(await err('--date', '2025-03-02', '--end', '2025-03-01', '--title', 'x', '--kind', 'other')).toBe(
      'socialbench events add: --end: must be on or after the start day'
    )
    expect(await err('--date', '2025-03-02', '--title', 'x', '--kind', 'fiesta')).toMatch(
      /^socialbench events add: --kind: expected one of campaign, awareness_day/
    )
    expect(await err('--date', '2025-03-02', '--kind', 'other')).toBe(
      'socialbench events add: --title: expected a string'
    )
    expect(await err('--date', '2025-03-02', '--title', 'x', '--kind', 'other', '--institution', 'Nowhere')).toMatch(
      /^socialbench events add: --institution: no institution is called "Nowhere"/
    )
    expect((await cli('list', '--from', 'last week')).stderr.trim()).toBe(
      'socialbench events list: --from: must be a day written YYYY-MM-DD'
    )
  }, 120_000)
})
