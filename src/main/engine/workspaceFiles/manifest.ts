/** What a .sbw says about the workspace inside it (src/shared/workspaces.ts): written on export, checked on open. */
import { AppFailure } from '../../../shared/result'
import {
  WORKSPACE_ARCHIVE_FORMAT,
  WORKSPACE_ARCHIVE_VERSION,
  type WorkspaceCounts,
  type WorkspaceManifest
} from '../../../shared/workspaces'
import type { Database } from '../db/duckdb'

const COUNTS: Record<keyof WorkspaceCounts, string> = {
  datasets: `SELECT count(*) AS n FROM datasets`,
  institutions: `SELECT count(*) AS n FROM institutions`,
  accounts: `SELECT count(*) AS n FROM accounts`,
  posts: `SELECT count(*) AS n FROM posts`,
  accountDays: `SELECT count(*) AS n FROM account_daily`,
  queries: `SELECT count(*) AS n FROM saved_queries WHERE deleted_at IS NULL`,
  events: `SELECT count(*) AS n FROM events`
}

export async function workspaceCounts(db: Database): Promise<WorkspaceCounts> {
  const entries = await Promise.all(
    Object.entries(COUNTS).map(async ([key, sql]) => [key, Number((await db.all(sql))[0].n)] as const)
  )
  return Object.fromEntries(entries) as unknown as WorkspaceCounts
}

/** The manifest of an archive, read back: refused unless it is ours and of a layout this version reads. */
export function parseManifest(text: string, archive: string): WorkspaceManifest {
  let m: Partial<WorkspaceManifest>
  try {
    m = JSON.parse(text) as Partial<WorkspaceManifest>
  } catch {
    throw new AppFailure('UNSUPPORTED_FILE', `${archive}: its manifest.json is not valid JSON; the file is damaged.`)
  }
  if (m.format !== WORKSPACE_ARCHIVE_FORMAT || typeof m.sha256 !== 'string' || typeof m.schemaVersion !== 'number') {
    throw new AppFailure('UNSUPPORTED_FILE', `${archive} is not a Socialbench workspace file (.sbw).`)
  }
  if (typeof m.formatVersion !== 'number' || m.formatVersion > WORKSPACE_ARCHIVE_VERSION) {
    throw new AppFailure(
      'WORKSPACE_TOO_NEW',
      `${archive} was written by a newer Socialbench (${m.appVersion ?? 'unknown version'}, archive layout ${m.formatVersion}); open it with that version.`
    )
  }
  return m as WorkspaceManifest
}
