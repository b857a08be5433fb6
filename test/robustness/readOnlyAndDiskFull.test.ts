/**
 * A read-only workspace folder and a full disk, made for real (support/fsConditions.ts says how, or why it could
 * not, and the test then skips with that reason printed). Read-only: opening gives WORKSPACE_UNWRITABLE with a
 * message naming the folder, in-process and through the engine host, and the data is untouched once it is
 * writable again. Disk full: importing a file larger than the free space fails with a message saying the disk is
 * full, the earlier datasets stay readable, and after freeing space they are intact and imports work again.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openEngine } from '../../src/main/engine/engine'
import { AppFailure } from '../../src/shared/result'
import type { DatasetSummary } from '../../src/shared/types'
import { writeTweetActivityCsv } from './support/bigCsv'
import { makeReadOnly, smallDisk } from './support/fsConditions'
import { HostFatal, startHost } from './support/hostProcess'
import { expectWorkspaceValid, removeDir, snapshot, withReopened } from './support/workspaceChecks'
import { invoke } from '../../src/main/engine/invoke'

const REPO = resolve(__dirname, '../..')
const SEMICOLON = resolve(REPO, 'e2e/fixtures/data/instagram_posts_semicolon.csv')
const UTF16 = resolve(REPO, 'e2e/fixtures/data/facebook_page_utf16le.csv')
const TWEETS = resolve(
  REPO,
  'resources/sample/SYNTHETIC_tweet_activity_metrics_CaldremontHeart_20240101_20250101_en.csv'
)

let root: string
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sb-fs-'))
  // A host started as another user (one of the read-only methods) must be able to reach the workspace.
  chmodSync(root, 0o755)
})
afterAll(() => removeDir(root))

async function openError(workspace: string): Promise<AppFailure> {
  try {
    ;(await openEngine(workspace)).close()
  } catch (err) {
    if (err instanceof AppFailure) return err
    throw err
  }
  throw new Error('the workspace opened')
}

async function hostError(workspace: string, asUser?: { uid: number; gid: number }): Promise<HostFatal> {
  const host = startHost(workspace, asUser ?? {})
  const err = await host.ready.then(
    () => null,
    (e: unknown) => e
  )
  await host.close()
  if (err instanceof HostFatal) return err
  throw new Error(`expected a fatal start, got ${err ? String(err) : 'a ready host'}`)
}

describe('read-only workspace folder', { timeout: 180_000 }, () => {
  it('is refused with WORKSPACE_UNWRITABLE naming the folder; nothing is lost', async (ctx) => {
    const workspace = join(root, 'ro')
    await withReopened(workspace, async (engine) => {
      await invoke(engine, 'importFile', { path: SEMICOLON, jobId: 'a' })
      await invoke(engine, 'importFile', { path: TWEETS, jobId: 'b' })
    })
    const before = await withReopened(workspace, snapshot)

    const attempt = makeReadOnly(workspace)
    if (!attempt.ok) {
      console.log(`[read-only] skipped: no way to make a folder read-only for this user (${attempt.reason})`)
      ctx.skip()
      return
    }
    const { condition } = attempt
    console.log(`[read-only] method: ${condition.method}`)
    try {
      if (!condition.asUser) {
        const err = await openError(workspace)
        expect(err.code).toBe('WORKSPACE_UNWRITABLE')
        expect(err.message).toContain(workspace)
        expect(err.message).toMatch(/Choose a folder you can write to/)
      }
      // The app's path: the engine host reports it as a fatal start, which the window shows.
      const fatal = await hostError(workspace, condition.asUser)
      expect(fatal.error.code).toBe('WORKSPACE_UNWRITABLE')
      expect(fatal.error.message).toContain(workspace)
    } finally {
      condition.undo()
    }
    await withReopened(workspace, async (engine) => {
      await expectWorkspaceValid(engine)
      expect(await snapshot(engine)).toEqual(before)
    })
  })
})

describe('disk full', { timeout: 240_000 }, () => {
  it('an import larger than the free space fails saying the disk is full; earlier datasets stay intact', async (ctx) => {
    const mountPoint = join(root, 'small-disk')
    mkdirSync(mountPoint)
    const attempt = smallDisk(mountPoint, 8)
    if (!attempt.ok) {
      console.log(`[disk full] skipped: cannot make a small disk here (${attempt.reason})`)
      ctx.skip()
      return
    }
    const { condition } = attempt
    console.log(`[disk full] method: ${condition.method}`)
    try {
      const workspace = join(mountPoint, 'ws')
      // Ballast on the same disk, removed at the end to free space the way a user would.
      const ballast = join(mountPoint, 'ballast.bin')
      writeFileSync(ballast, Buffer.alloc(1024 * 1024))
      const big = join(root, 'tweet_activity_metrics_TooBig_20200101_20240101_en.csv')
      await writeTweetActivityCsv(big, 150_000, 'TooBig')

      const first = startHost(workspace)
      await first.ready
      for (const [i, p] of [SEMICOLON, TWEETS].entries())
        expect((await first.call('importFile', { path: p, jobId: `e${i}` })).ok).toBe(true)
      await first.close()
      const before = await withReopened(workspace, snapshot)

      const host = startHost(workspace)
      await host.ready
      const listed = async () => {
        const r = await host.call('listDatasets', undefined)
        if (!r.ok) throw new Error(r.error.message)
        return (r.value as DatasetSummary[]).map((d) => [d.name, d.rows])
      }
      const earlier = await listed()

      const r = await host.call('importFile', { path: big, jobId: 'big' })
      expect(r.ok).toBe(false)
      if (r.ok) return
      console.log(`[disk full] big import: ${r.error.code}: ${r.error.message}`)
      expect(r.error.code).toBe('IMPORT_FAILED')
      expect(r.error.message).toContain('tweet_activity_metrics_TooBig')
      expect(r.error.message).toMatch(/disk .*is full/)
      // The engine is still alive and still serves the earlier datasets.
      expect(await listed()).toEqual(earlier)
      const page = await host.call('datasetPage', { datasetId: 1, offset: 0, limit: 10 })
      expect(page.ok).toBe(true)
      // A converted (UTF-16) import needs tmp/ space too: refused with the same words, not as an encoding problem.
      const small = await host.call('importFile', { path: UTF16, jobId: 'small' })
      if (!small.ok) {
        console.log(`[disk full] small import while full: ${small.error.code}: ${small.error.message}`)
        expect(small.error.message).toMatch(/disk .*is full/)
      }
      expect((await host.close()).code).toBe(0)

      // Reopening a still-full disk may be refused, but then with a message that says so.
      const reopen = await openEngine(workspace).then(
        (e) => (e.close(), null),
        (e: unknown) => e as AppFailure
      )
      if (reopen) {
        console.log(`[disk full] reopen while full: ${reopen.code}: ${reopen.message}`)
        expect(reopen.code).toBe('WORKSPACE_UNWRITABLE')
        expect(reopen.message).toMatch(/disk .*is full/)
      }
      removeDir(ballast)
      await withReopened(workspace, async (engine) => {
        await expectWorkspaceValid(engine)
        const now = await snapshot(engine)
        // The small import may have fitted before the disk was full; the earlier ones are byte-for-byte as they were.
        expect(now.slice(0, before.length)).toEqual(before)
        expect(now.find((d) => d.name.includes('TooBig'))).toBeUndefined()
      })
      // With space again, imports work.
      await withReopened(workspace, async (engine) => {
        const again = await invoke(engine, 'importFile', { path: UTF16, jobId: 'again', allowDuplicate: true })
        expect(again.dataset.rows).toBeGreaterThan(0)
        await expectWorkspaceValid(engine)
      })
    } finally {
      condition.undo()
    }
  })
})
