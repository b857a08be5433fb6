/** The workspace-as-files channels: export as .sbw, duplicate, and extract a .sbw into a new folder. */
import type { Channel } from '../../../shared/channels'
import type { Handlers } from '../../../shared/contract'
import { fail, type Result } from '../../../shared/result'
import { dispatch } from '../dispatch'
import type { Database } from '../db/duckdb'
import type { WorkspacePaths } from '../workspace'
import { exportWorkspaceArchive, extractWorkspaceArchive } from './archive'
import { duplicateWorkspace } from './duplicate'

export function workspaceFileHandlers(db: Database, paths: WorkspacePaths) {
  return {
    exportWorkspace: ({ out }) => exportWorkspaceArchive(db, paths, out),
    duplicateWorkspace: ({ into }) => duplicateWorkspace(db, paths, into),
    openWorkspaceArchive: ({ archive, into }) => extractWorkspaceArchive(archive, into, paths.dir)
  } satisfies Partial<Handlers>
}

/** The channels that need no open workspace: extracting a .sbw writes a new folder and reads nothing else. */
const WITHOUT_WORKSPACE = {
  openWorkspaceArchive: ({ archive, into }) => extractWorkspaceArchive(archive, into, null)
} satisfies Partial<Handlers>

/**
 * The same front door as an engine's (the contract's validation, a Result back) for the channels that need no
 * workspace, so `socialbench workspace open` does not create or lock one just to extract an archive.
 */
export function callWithoutWorkspace(channel: Channel, input: unknown): Promise<Result<unknown>> {
  if (!(channel in WITHOUT_WORKSPACE)) {
    return Promise.resolve(fail('BAD_INPUT', `${channel} needs an open workspace (--workspace DIR).`))
  }
  return dispatch(WITHOUT_WORKSPACE as unknown as Handlers, channel, input)
}
