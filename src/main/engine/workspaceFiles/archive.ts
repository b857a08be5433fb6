/**
 * A workspace as one file for a colleague: a .sbw is a zip (JSZip, which the app already ships for its .xlsx and
 * .pptx) of `manifest.json` and `workspace.duckdb`, the database checkpointed so the file alone is the workspace.
 * Export copies the file while no write can start (Database.exclusive), then compresses the copy, so the app keeps
 * working during the compression. Opening extracts into a new folder and checks the database against the
 * manifest's SHA-256; the schema upgrade (with its backup) happens when that folder is opened as a workspace.
 */
import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { copyFile, readFile, rename, rm, rmdir, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import JSZip from 'jszip'
import { AppFailure } from '../../../shared/result'
import {
  WORKSPACE_ARCHIVE_FORMAT,
  WORKSPACE_ARCHIVE_VERSION,
  type ExportedWorkspace,
  type OpenedArchive,
  type WorkspaceManifest
} from '../../../shared/workspaces'
import { checkpoint, type Database } from '../db/duckdb'
import { LATEST_SCHEMA_VERSION } from '../db/migrations'
import { schemaVersionOf } from '../db/upgrade'
import { purgeTrashInCopy } from '../undo/trash'
import { packageVersion } from '../version'
import { DB_FILE_NAME, type WorkspacePaths } from '../workspace'
import { prepareNewFolder } from './folders'
import { parseManifest, workspaceCounts } from './manifest'

const MANIFEST = 'manifest.json'
/** JSZip writes no ZIP64 records, so no entry or archive may reach 4 GiB. */
const ZIP_LIMIT = 0xffff_ffff - (1 << 20)

export async function exportWorkspaceArchive(
  db: Database,
  paths: WorkspacePaths,
  out: string
): Promise<ExportedWorkspace> {
  const target = resolve(out)
  if (resolve(dirname(target)) === paths.dir || target.startsWith(paths.dir + '/')) {
    throw new AppFailure('BAD_INPUT', `Save the .sbw outside the workspace folder ${paths.dir}.`)
  }
  const snapshot = join(paths.tmpDir, `export-${randomUUID()}.duckdb`)
  const partial = `${target}.partial-${process.pid}`
  try {
    const { counts, schemaVersion } = await db.exclusive(async (conn) => {
      await checkpoint(conn)
      await copyFile(paths.dbFile, snapshot)
      return { counts: await workspaceCounts(db), schemaVersion: await schemaVersionOf(db) }
    })
    await purgeTrashInCopy(snapshot)
    const { size } = await stat(snapshot)
    if (size > ZIP_LIMIT) {
      throw new AppFailure(
        'BAD_INPUT',
        `The workspace's database is ${(size / 2 ** 30).toFixed(1)} GB; a .sbw holds up to 4 GB. Duplicate the workspace into a shared folder instead.`
      )
    }
    const manifest: WorkspaceManifest = {
      format: WORKSPACE_ARCHIVE_FORMAT,
      formatVersion: WORKSPACE_ARCHIVE_VERSION,
      appVersion: packageVersion(),
      schemaVersion,
      created: new Date().toISOString(),
      name: basename(paths.dir),
      sha256: await sha256File(snapshot),
      bytes: size,
      counts
    }
    const zip = new JSZip()
    zip.file(MANIFEST, JSON.stringify(manifest, null, 2))
    zip.file(DB_FILE_NAME, createReadStream(snapshot), { binary: true })
    // streamFiles: each entry is written as it is read (sizes in a trailing descriptor), never held whole.
    const stream = zip.generateNodeStream({
      type: 'nodebuffer',
      streamFiles: true,
      compression: 'DEFLATE',
      compressionOptions: { level: 6 }
    })
    await pipeline(stream, createWriteStream(partial)).catch((err: NodeJS.ErrnoException) => {
      throw new AppFailure(
        err.code === 'ENOSPC' ? 'WORKSPACE_UNWRITABLE' : 'INTERNAL',
        `Cannot write ${target}: ${err.code === 'ENOSPC' ? 'the disk is full' : err.message}. The workspace is unchanged.`
      )
    })
    // A reader of `target` sees the whole archive or none: the rename is the last step.
    await rename(partial, target)
    return { path: target, bytes: (await stat(target)).size, manifest }
  } finally {
    await rm(snapshot, { force: true })
    await rm(partial, { force: true })
  }
}

export async function extractWorkspaceArchive(
  archive: string,
  into: string,
  /** The workspace open in this engine, if any: the archive is never extracted into it. */
  currentWorkspace: string | null
): Promise<OpenedArchive> {
  const bytes = await readFile(archive).catch((err: NodeJS.ErrnoException) => {
    throw new AppFailure(err.code === 'ENOENT' ? 'NOT_FOUND' : 'BAD_INPUT', `Cannot read ${archive}: ${err.message}`)
  })
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch {
    throw new AppFailure(
      'UNSUPPORTED_FILE',
      `${archive} is not a Socialbench workspace file (.sbw): it is not a zip archive.`
    )
  }
  const manifestEntry = zip.file(MANIFEST)
  if (!manifestEntry) {
    throw new AppFailure(
      'UNSUPPORTED_FILE',
      `${archive} is not a Socialbench workspace file (.sbw): it has no ${MANIFEST}.`
    )
  }
  const manifest = parseManifest(await manifestEntry.async('string'), archive)
  if (manifest.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new AppFailure(
      'WORKSPACE_TOO_NEW',
      `${archive} holds a workspace from a newer Socialbench (${manifest.appVersion}, schema ${manifest.schemaVersion}; this one reads up to ${LATEST_SCHEMA_VERSION}). Open it with that version.`
    )
  }
  const dbEntry = zip.file(DB_FILE_NAME)
  if (!dbEntry) {
    throw new AppFailure('UNSUPPORTED_FILE', `${archive} is damaged: it has no ${DB_FILE_NAME}.`)
  }

  const created = !(await stat(resolve(into)).catch(() => null))
  const dir = await prepareNewFolder(into, currentWorkspace)
  const partial = join(dir, `${DB_FILE_NAME}.partial`)
  try {
    const hash = createHash('sha256')
    const hashing = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk)
        done(null, chunk)
      }
    })
    await pipeline(dbEntry.nodeStream('nodebuffer'), hashing, createWriteStream(partial))
    if (hash.digest('hex') !== manifest.sha256) {
      throw new AppFailure(
        'UNSUPPORTED_FILE',
        `${archive} is damaged: its workspace.duckdb does not match the checksum in its manifest. Ask for it again.`
      )
    }
    await rename(partial, join(dir, DB_FILE_NAME))
  } catch (err) {
    await rm(partial, { force: true })
    // Leave no half-made folder behind, but never remove one the user had already (it was empty).
    if (created) await rmdir(dir).catch(() => undefined)
    throw err
  }
  return { path: dir, manifest }
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
