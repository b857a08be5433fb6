/**
 * Workspaces as files: the .sbw archive a workspace is exported to (its DuckDB file and a manifest), and what the
 * app's workspace menu shows (the open workspace, the recent ones). Pure types and constants.
 */

/** The archive's file extension, without the dot. */
export const WORKSPACE_ARCHIVE_EXTENSION = 'sbw'
/** What `manifest.json` in every .sbw says it is, and the layout version of the archive itself. */
export const WORKSPACE_ARCHIVE_FORMAT = 'socialbench-workspace'
export const WORKSPACE_ARCHIVE_VERSION = 1
/** How many workspaces File > Open Recent keeps. */
export const MAX_RECENT_WORKSPACES = 10

/** What a workspace held when it was exported: shown before opening an archive, checked after. */
export interface WorkspaceCounts {
  datasets: number
  institutions: number
  accounts: number
  posts: number
  accountDays: number
  queries: number
  events: number
}

export interface WorkspaceManifest {
  format: typeof WORKSPACE_ARCHIVE_FORMAT
  formatVersion: number
  /** The Socialbench that wrote it, and the schema its database is at. */
  appVersion: string
  schemaVersion: number
  /** ISO instant of the export. */
  created: string
  /** The workspace's folder name when it was exported: the default name of the folder it is opened into. */
  name: string
  /** SHA-256 of workspace.duckdb inside, checked when the archive is opened. */
  sha256: string
  bytes: number
  counts: WorkspaceCounts
}

export interface ExportedWorkspace {
  path: string
  /** Size of the .sbw on disk. */
  bytes: number
  manifest: WorkspaceManifest
}

export interface OpenedArchive {
  /** The new workspace folder the archive was extracted into. */
  path: string
  manifest: WorkspaceManifest
}

export interface WorkspaceRef {
  path: string
  /** The folder's name, as menus and the title bar show it. */
  name: string
}

export interface RecentWorkspace extends WorkspaceRef {
  /** ISO instant it was last opened. */
  openedAt: string
  /** False when the folder (or its workspace.duckdb) is gone: the menu shows it disabled. */
  exists: boolean
}

export interface WorkspaceState {
  current: WorkspaceRef
  recent: RecentWorkspace[]
  /** The host shows native folder and file dialogs (Electron); the browser harness asks for a typed path instead. */
  nativeDialogs: boolean
}
