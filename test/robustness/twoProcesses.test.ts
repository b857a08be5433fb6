/**
 * Two processes on one workspace, in the app's real topology: the engine host (what a window talks to) and the CLI,
 * and two engine hosts (two app instances). The second one must refuse with WORKSPACE_IN_USE and a message that
 * says so, the first must carry on, and the workspace must be intact afterwards. (The in-process engine vs CLI case
 * is in src/main/engine/engine.test.ts.)
 */
import { execFile, spawn } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import type { ImportResult } from '../../src/shared/types'
import { writeTweetActivityCsv } from './support/bigCsv'
import { HostFatal, startHost } from './support/hostProcess'
import { expectWorkspaceValid, removeDir, snapshot, withReopened } from './support/workspaceChecks'

const run = promisify(execFile)
const REPO = resolve(__dirname, '../..')
const CLI = resolve(REPO, 'bin/socialbench.cjs')
const FIXTURE = resolve(REPO, 'e2e/fixtures/data/instagram_posts_semicolon.csv')
const IN_USE = /open in another Socialbench window or command/

const root = mkdtempSync(join(tmpdir(), 'sb-two-'))
afterAll(() => removeDir(root))

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, [CLI, ...args], { timeout: 120_000 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({
      code: err.code,
      stdout: err.stdout,
      stderr: err.stderr
    })
  )
}

// Each test starts two or three Node processes and DuckDB; on a busy machine that alone takes a while.
describe('two processes on one workspace', { timeout: 240_000 }, () => {
  it('the CLI is refused while the app (engine host) has the workspace; the app carries on', async () => {
    const ws = join(root, 'app-first')
    const host = startHost(ws)
    await host.ready
    const first = await host.call('importFile', { path: FIXTURE, jobId: 'a' })
    expect(first.ok).toBe(true)

    const sql = await cli(['sql', '--workspace', ws, '--json', 'select count(*) as n from datasets'])
    expect(sql.code).not.toBe(0)
    const { error } = JSON.parse(sql.stdout) as { error: { code: string; message: string } }
    expect(error.code).toBe('WORKSPACE_IN_USE')
    expect(error.message).toMatch(IN_USE)

    // A write command is refused the same way (no partial import next to the app's).
    const imp = await cli(['import', '--workspace', ws, '--json', FIXTURE])
    expect(imp.code).not.toBe(0)
    expect(imp.stdout + imp.stderr).toMatch(IN_USE)

    const list = await host.call('listDatasets', undefined)
    expect(list.ok && (list.value as unknown[]).length).toBe(1)
    expect((await host.close()).code).toBe(0)
    await withReopened(ws, async (engine) => {
      await expectWorkspaceValid(engine)
      expect((await snapshot(engine)).map((d) => d.rows)).toEqual([5000])
    })
  })

  it('a second app instance (engine host) is refused with WORKSPACE_IN_USE; the first keeps working', async () => {
    const ws = join(root, 'two-hosts')
    const a = startHost(ws)
    await a.ready
    const b = startHost(ws)
    const refused = await b.ready.then(
      () => null,
      (err: unknown) => err
    )
    expect(refused).toBeInstanceOf(HostFatal)
    expect((refused as HostFatal).error.code).toBe('WORKSPACE_IN_USE')
    expect((refused as HostFatal).error.message).toMatch(IN_USE)
    // The refused host exits on its own; it must not linger holding anything.
    expect((await b.exited).code).toBe(1)

    const r = await a.call('importFile', { path: FIXTURE, jobId: 'x' })
    expect(r.ok && (r.value as ImportResult).dataset.rows).toBe(5000)
    expect((await a.close()).code).toBe(0)
    await withReopened(ws, expectWorkspaceValid)
  })

  it('the app is refused while a CLI import is running; the CLI import completes intact', async () => {
    const ws = join(root, 'cli-first')
    const big = join(root, 'tweet_activity_metrics_CliHospital_20200101_20240101_en.csv')
    await writeTweetActivityCsv(big, 150_000, 'CliHospital')
    const child = spawn(process.execPath, [CLI, 'import', '--workspace', ws, '--json', big], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    const cliDone = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
    // The CLI creates workspace.duckdb as it opens (and locks) the database, before the long import starts.
    const dbFile = join(ws, 'workspace.duckdb')
    for (let i = 0; i < 600 && !existsSync(dbFile); i++) await new Promise((r) => setTimeout(r, 100))
    expect(existsSync(dbFile)).toBe(true)

    const host = startHost(ws)
    const refused = await host.ready.then(
      () => null,
      (err: unknown) => err
    )
    // If the CLI had already finished, the host would have opened: the import must still have been running.
    expect(refused, 'the engine host started while the CLI held the workspace').toBeInstanceOf(HostFatal)
    expect((refused as HostFatal).error.code).toBe('WORKSPACE_IN_USE')
    await host.exited

    expect(await cliDone).toBe(0)
    const { imports } = JSON.parse(out) as { imports: { rows: number }[] }
    expect(imports[0].rows).toBe(150_000)
    await withReopened(ws, async (engine) => {
      await expectWorkspaceValid(engine)
      expect((await snapshot(engine))[0].canonical).toMatch(/^posts:150000:/)
    })
  })
})
