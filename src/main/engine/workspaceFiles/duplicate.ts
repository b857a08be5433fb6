/** A copy of the open workspace in a new folder: its database file, checkpointed, copied while no write can start. */
import { copyFile, rename, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { WorkspaceRef } from '../../../shared/workspaces'
import { checkpoint, type Database } from '../db/duckdb'
import { purgeTrashInCopy } from '../undo/trash'
import { DB_FILE_NAME, type WorkspacePaths } from '../workspace'
import { prepareNewFolder } from './folders'

export async function duplicateWorkspace(db: Database, paths: WorkspacePaths, into: string): Promise<WorkspaceRef> {
  const dir = await prepareNewFolder(into, paths.dir)
  const partial = join(dir, `${DB_FILE_NAME}.partial`)
  try {
    await db.exclusive(async (conn) => {
      await checkpoint(conn)
      await copyFile(paths.dbFile, partial)
    })
    await purgeTrashInCopy(partial)
    // Only a complete copy carries the name a workspace is opened by.
    await rename(partial, join(dir, DB_FILE_NAME))
  } catch (err) {
    await rm(partial, { force: true })
    throw err
  }
  return { path: dir, name: basename(dir) }
}
