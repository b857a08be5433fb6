import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RecentWorkspaces } from './recentWorkspaces'

let root: string
let file: string
let clock: number
const recent = () => new RecentWorkspaces(file, 10, () => new Date(clock++ * 1000))
const workspace = (name: string): string => {
  const dir = join(root, name)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'workspace.duckdb'), '')
  return dir
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sb-recent-'))
  file = join(root, 'user-data', 'recent-workspaces.json')
  clock = 1_700_000_000
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('RecentWorkspaces', () => {
  it('keeps the last ten, newest first, each once, in a file of the user-data folder', async () => {
    const r = recent()
    const dirs = Array.from({ length: 12 }, (_, i) => workspace(`ws-${i}`))
    for (const d of dirs) await r.add(d)
    await r.add(dirs[5])
    const list = await r.list()
    expect(list.map((w) => w.name)).toEqual([
      'ws-5',
      'ws-11',
      'ws-10',
      'ws-9',
      'ws-8',
      'ws-7',
      'ws-6',
      'ws-4',
      'ws-3',
      'ws-2'
    ])
    expect(list[0]).toMatchObject({ path: dirs[5], exists: true })
    expect(list[0].openedAt).toBe(new Date((1_700_000_000 + 12) * 1000).toISOString())
    // Another process (the app started again) reads the same list.
    expect((await recent().list()).map((w) => w.path)).toEqual(list.map((w) => w.path))
    expect(JSON.parse(readFileSync(file, 'utf8')).workspaces).toHaveLength(10)
  })

  it('marks a workspace whose folder is gone, and forgets one on request', async () => {
    const r = recent()
    const a = workspace('a')
    const b = workspace('b')
    await r.add(a)
    await r.add(b)
    rmSync(a, { recursive: true })
    expect((await r.list()).map((w) => [w.name, w.exists])).toEqual([
      ['b', true],
      ['a', false]
    ])
    await r.remove(a)
    expect((await r.list()).map((w) => w.name)).toEqual(['b'])
    await r.clear()
    expect(await r.list()).toEqual([])
  })

  it('reads a damaged or foreign file as an empty list, then writes a good one', async () => {
    mkdirSync(join(root, 'user-data'))
    writeFileSync(file, '{"workspaces": [{"path": 3}, "x"')
    const r = recent()
    expect(await r.list()).toEqual([])
    await r.add(workspace('c'))
    expect((await r.list()).map((w) => w.name)).toEqual(['c'])
  })

  it('loses no entry when two opens are recorded at once', async () => {
    const r = recent()
    await Promise.all([r.add(workspace('x')), r.add(workspace('y')), r.add(workspace('z'))])
    expect((await r.list()).map((w) => w.name).sort()).toEqual(['x', 'y', 'z'])
  })
})
