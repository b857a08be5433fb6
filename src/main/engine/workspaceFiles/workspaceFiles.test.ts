/**
 * Export a workspace as .sbw, open it into a new folder, duplicate it: real workspaces (an imported CSV, an
 * institution, an event) in temp folders, the archives read back with JSZip, the copies opened as workspaces.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../engine'
import { openEngine } from '../engine'
import { invoke } from '../invoke'
import { Database } from '../db/duckdb'
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate } from '../db/migrations'

let root: string
let source: Engine
let csv: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sb-wsfiles-'))
  csv = join(root, 'posts.csv')
  await writeFile(csv, 'day,likes\n2025-01-01,3\n2025-01-02,5\n2025-01-03,8\n')
  source = await openEngine(join(root, 'Hospital benchmark'))
  await invoke(source, 'importFile', { path: csv, jobId: 'j1' })
  await invoke(source, 'createInstitution', { name: 'Northfield General' })
  await invoke(source, 'addEvent', { start: '2025-01-02', title: 'Flu jab drive', kind: 'campaign' })
})
afterAll(async () => {
  source.close()
  await rm(root, { recursive: true, force: true })
})

const rowsOf = async (engine: Engine) => {
  const [ds] = await invoke(engine, 'listDatasets')
  const page = await invoke(engine, 'datasetPage', { datasetId: ds.id, offset: 0, limit: 10 })
  return { name: ds.name, rows: ds.rows, bytes: page.arrow.byteLength }
}

async function withEngine<T>(dir: string, fn: (e: Engine) => Promise<T>): Promise<T> {
  const engine = await openEngine(dir)
  try {
    return await fn(engine)
  } finally {
    engine.close()
  }
}

const failureOf = async (p: Promise<unknown>) => {
  const r = await p
  return r as { ok: boolean; error?: { code: string; message: string } }
}

describe('export as .sbw', () => {
  it('writes one zip of manifest.json and the checkpointed workspace.duckdb, with the counts of what is inside', async () => {
    const out = join(root, 'for-a-colleague.sbw')
    const exported = await invoke(source, 'exportWorkspace', { out })
    expect(exported.path).toBe(out)
    expect(exported.manifest).toMatchObject({
      format: 'socialbench-workspace',
      formatVersion: 1,
      schemaVersion: LATEST_SCHEMA_VERSION,
      name: 'Hospital benchmark',
      counts: { datasets: 1, institutions: 1, events: 1, posts: 0 }
    })
    expect(exported.manifest.appVersion).toMatch(/^\d+\.\d+\.\d+/)
    expect(Date.parse(exported.manifest.created)).toBeGreaterThan(Date.now() - 60_000)

    const zip = await JSZip.loadAsync(await readFile(out))
    expect(Object.keys(zip.files).sort()).toEqual(['manifest.json', 'workspace.duckdb'])
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'))
    expect(manifest).toEqual(exported.manifest)
    const db = await zip.file('workspace.duckdb')!.async('nodebuffer')
    expect(db.length).toBe(manifest.bytes)
    expect(createHash('sha256').update(db).digest('hex')).toBe(manifest.sha256)
    // No leftovers: the snapshot in tmp/ and the partial file are gone.
    expect(await readdir(join(root, 'Hospital benchmark', 'tmp'))).toEqual([])
    expect((await readdir(root)).filter((f) => f.includes('.partial'))).toEqual([])
  })

  it('opens into a new folder as the same workspace, and the source carries on', async () => {
    const out = join(root, 'roundtrip.sbw')
    await invoke(source, 'exportWorkspace', { out })
    const into = join(root, 'Colleague copy')
    const opened = await invoke(source, 'openWorkspaceArchive', { archive: out, into })
    expect(opened.path).toBe(into)
    expect(opened.manifest.counts.datasets).toBe(1)
    expect(await readdir(into)).toEqual(['workspace.duckdb'])
    const expected = await rowsOf(source)
    await withEngine(into, async (copy) => {
      expect(await rowsOf(copy)).toEqual(expected)
      expect((await invoke(copy, 'listInstitutions')).map((i) => i.name)).toEqual(['Northfield General'])
      expect((await invoke(copy, 'listEvents', {})).map((e) => e.title)).toEqual(['Flu jab drive'])
      expect((await invoke(copy, 'workspaceInfo')).upgrade).toBeNull()
    })
    expect((await invoke(source, 'listDatasets')).length).toBe(1)
  })

  it('refuses to save inside the workspace folder', async () => {
    const r = await failureOf(source.call('exportWorkspace', { out: join(source.paths.dir, 'inside.sbw') }))
    expect(r.error?.code).toBe('BAD_INPUT')
    expect(r.error?.message).toContain('outside the workspace folder')
  })
})

describe('opening a .sbw', () => {
  it('never writes into a folder that holds files', async () => {
    const out = join(root, 'busy.sbw')
    await invoke(source, 'exportWorkspace', { out })
    const busy = join(root, 'busy')
    await mkdir(busy)
    await writeFile(join(busy, 'notes.txt'), 'mine')
    const r = await failureOf(source.call('openWorkspaceArchive', { archive: out, into: busy }))
    expect(r.error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('already holds “notes.txt”') })
    expect(await readdir(busy)).toEqual(['notes.txt'])
  })

  it('refuses a file that is not a .sbw, and one whose database does not match its checksum, leaving no folder', async () => {
    const notZip = join(root, 'not.sbw')
    await writeFile(notZip, 'day,likes\n1,2\n')
    const into = join(root, 'never-made')
    const r1 = await failureOf(source.call('openWorkspaceArchive', { archive: notZip, into }))
    expect(r1.error).toMatchObject({ code: 'UNSUPPORTED_FILE', message: expect.stringContaining('not a zip') })

    const out = join(root, 'tampered.sbw')
    await invoke(source, 'exportWorkspace', { out })
    const zip = await JSZip.loadAsync(await readFile(out))
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'))
    zip.file('manifest.json', JSON.stringify({ ...manifest, sha256: '0'.repeat(64) }))
    await writeFile(out, await zip.generateAsync({ type: 'nodebuffer' }))
    const r2 = await failureOf(source.call('openWorkspaceArchive', { archive: out, into }))
    expect(r2.error).toMatchObject({ code: 'UNSUPPORTED_FILE', message: expect.stringContaining('damaged') })
    expect(existsSync(into)).toBe(false)
  })

  it('takes absolute paths only', async () => {
    const r = await failureOf(source.call('openWorkspaceArchive', { archive: 'a.sbw', into: join(root, 'x') }))
    expect(r.error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('absolute path') })
  })

  it('extracts a workspace at an older schema, which is upgraded with a backup when opened', async () => {
    // A .sbw as an older Socialbench wrote it: a real database at schema 5.
    const oldDir = join(root, 'old-app')
    await mkdir(oldDir)
    const oldDb = await Database.open(join(oldDir, 'workspace.duckdb'))
    await migrate(
      oldDb,
      MIGRATIONS.filter((m) => m.version <= 5)
    )
    await oldDb.run(`INSERT INTO institutions (name, color) VALUES ('Corvale', '#ff7f0e')`)
    oldDb.close()
    const bytes = await readFile(join(oldDir, 'workspace.duckdb'))
    const zip = new JSZip()
    zip.file(
      'manifest.json',
      JSON.stringify({
        format: 'socialbench-workspace',
        formatVersion: 1,
        appVersion: '0.0.9',
        schemaVersion: 5,
        created: '2026-06-01T10:00:00.000Z',
        name: 'old-app',
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes: bytes.length,
        counts: { datasets: 0, institutions: 1, accounts: 0, posts: 0, accountDays: 0, queries: 0, events: 0 }
      })
    )
    zip.file('workspace.duckdb', bytes)
    const archive = join(root, 'old.sbw')
    await writeFile(archive, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))

    const into = join(root, 'From an older app')
    const opened = await invoke(source, 'openWorkspaceArchive', { archive, into })
    expect(opened.manifest.schemaVersion).toBe(5)
    await withEngine(into, async (e) => {
      expect((await invoke(e, 'workspaceInfo')).upgrade).toEqual({
        from: 5,
        to: LATEST_SCHEMA_VERSION,
        backupPath: join(into, 'workspace.v5.bak.duckdb')
      })
      expect((await invoke(e, 'listInstitutions')).map((i) => i.name)).toEqual(['Corvale'])
    })
    // The backup is the archive's database, byte for byte.
    const digest = (b: Buffer) => createHash('sha256').update(b).digest('hex')
    expect(digest(await readFile(join(into, 'workspace.v5.bak.duckdb')))).toBe(digest(bytes))
  })

  it('refuses an archive from a newer Socialbench', async () => {
    const zip = new JSZip()
    zip.file(
      'manifest.json',
      JSON.stringify({
        format: 'socialbench-workspace',
        formatVersion: 1,
        appVersion: '9.0.0',
        schemaVersion: 999,
        sha256: 'x'
      })
    )
    zip.file('workspace.duckdb', 'not read')
    const archive = join(root, 'future.sbw')
    await writeFile(archive, await zip.generateAsync({ type: 'nodebuffer' }))
    const r = await failureOf(source.call('openWorkspaceArchive', { archive, into: join(root, 'future') }))
    expect(r.error).toMatchObject({ code: 'WORKSPACE_TOO_NEW', message: expect.stringContaining('schema 999') })
    expect(existsSync(join(root, 'future'))).toBe(false)
  })
})

describe('duplicate', () => {
  it('copies the workspace into a new folder; later changes to either stay apart', async () => {
    const into = join(root, 'Hospital benchmark copy')
    expect(await invoke(source, 'duplicateWorkspace', { into })).toEqual({
      path: into,
      name: 'Hospital benchmark copy'
    })
    await invoke(source, 'createInstitution', { name: 'Added after the copy' })
    await withEngine(into, async (copy) => {
      expect(await rowsOf(copy)).toEqual(await rowsOf(source))
      expect((await invoke(copy, 'listInstitutions')).map((i) => i.name)).toEqual(['Northfield General'])
    })
  })

  it('refuses the workspace folder itself, or one inside it', async () => {
    const r = await failureOf(source.call('duplicateWorkspace', { into: join(source.paths.dir, 'sub') }))
    expect(r.error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('open workspace') })
  })
})
