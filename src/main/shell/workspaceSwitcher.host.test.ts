/**
 * Switching workspaces with the real built engine host (out/main/engineHost.js) in real folders: a new workspace,
 * an import into it, a switch to another, back through Open Recent, and the one-process lock before and after.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openEngine, type Engine } from '../engine/engine'
import { forkHost } from './forkHost'
import { startClientHost } from './clientHost'
import { RecentWorkspaces } from './recentWorkspaces'
import { WorkspaceSwitcher } from './workspaceSwitcher'

let root: string
let recentFile: string
const exits: Array<{ workspace: string; code: number | null }> = []
const makeSwitcher = () =>
  new WorkspaceSwitcher({
    startHost: (dir) =>
      startClientHost(
        forkHost(dir, {
          stderr: 'ignore',
          onChild: (child) => child.on('exit', (code) => exits.push({ workspace: dir, code }))
        })
      ),
    recent: new RecentWorkspaces(recentFile)
  })

/** Whether this process can open the workspace itself: false while an engine host holds its lock. */
async function lockFree(dir: string): Promise<boolean> {
  let engine: Engine | null = null
  try {
    engine = await openEngine(dir)
    return true
  } catch (err) {
    if ((err as { code?: string }).code === 'WORKSPACE_IN_USE') return false
    throw err
  } finally {
    engine?.close()
  }
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sb-switch-'))
  recentFile = join(root, 'user-data', 'recent-workspaces.json')
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('WorkspaceSwitcher', () => {
  it('creates, switches, comes back through Open Recent, and closes each host cleanly', async () => {
    const alpha = join(root, 'Alpha')
    const beta = join(root, 'Beta')
    const csv = join(root, 'likes.csv')
    writeFileSync(csv, 'day,likes\n2025-01-01,4\n2025-01-02,9\n')

    const s = makeSwitcher()
    expect(await s.open(alpha, { create: true })).toEqual({ ok: true, value: { path: alpha, name: 'Alpha' } })
    expect((await s.call('importFile', { path: csv, jobId: 'j' })).ok).toBe(true)
    expect(await lockFree(alpha)).toBe(false)

    expect(await s.open(beta, { create: true })).toMatchObject({ ok: true, value: { name: 'Beta' } })
    // The first host has exited on its own (code 0) and let go of Alpha.
    expect(exits).toContainEqual({ workspace: alpha, code: 0 })
    expect(await lockFree(alpha)).toBe(true)
    expect(await lockFree(beta)).toBe(false)
    expect(await s.call('listDatasets', undefined)).toEqual({ ok: true, value: [] })

    const state = await s.state()
    expect(state.current).toEqual({ path: beta, name: 'Beta' })
    expect(state.recent.map((r) => [r.name, r.exists])).toEqual([['Alpha', true]])

    // Open Recent, the entry the menu shows.
    expect(await s.open(state.recent[0].path)).toMatchObject({ ok: true, value: { name: 'Alpha' } })
    const datasets = (await s.call('listDatasets', undefined)) as { ok: true; value: Array<{ rows: number }> }
    expect(datasets.value.map((d) => d.rows)).toEqual([2])
    expect(await lockFree(beta)).toBe(true)

    await s.close()
    expect(exits.filter((e) => e.code !== 0)).toEqual([])
    expect(await lockFree(alpha)).toBe(true)
    // The app started again reads the same list: Alpha last opened, then Beta.
    expect((await new RecentWorkspaces(recentFile).list()).map((r) => r.name)).toEqual(['Alpha', 'Beta'])
  })

  it('stays on the open workspace when the other is in use by another process', async () => {
    const one = join(root, 'One')
    const two = join(root, 'Two')
    const s = makeSwitcher()
    expect((await s.open(one, { create: true })).ok).toBe(true)
    const holder = await openEngine(two) // another Socialbench (the CLI) holds Two
    try {
      const r = await s.open(two)
      expect(r).toMatchObject({ ok: false, error: { code: 'WORKSPACE_IN_USE' } })
      expect(s.current()).toEqual({ path: one, name: 'One' })
      expect((await s.call('workspaceInfo', undefined)).ok).toBe(true)
    } finally {
      holder.close()
      await s.close()
    }
  })

  it('refuses a folder that is not a workspace, and a new workspace in a folder that holds files', async () => {
    const s = makeSwitcher()
    const plain = join(root, 'Plain')
    mkdirSync(plain)
    writeFileSync(join(plain, 'notes.txt'), 'x')
    expect(await s.open(plain)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await s.open(plain, { create: true })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('already holds files') }
    })
    expect(await s.open('relative/folder')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(existsSync(join(plain, 'workspace.duckdb'))).toBe(false)
    expect(s.current()).toBeNull()
  })
})
