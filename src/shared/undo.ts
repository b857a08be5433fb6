/**
 * Undo of destructive and bulk actions. Each such channel answers with an UndoEntry; the engine keeps, per open
 * workspace, a stack of what it needs to restore them exactly (src/main/engine/undo/). The stack lives as long as
 * the workspace is open: closing it (or a crash, on the next open) empties it and purges what it kept.
 */

/** The actions that can be undone, one per destructive channel. */
export const UNDO_KINDS = [
  'deleteDataset',
  'deleteInstitution',
  'deleteQuery',
  'deleteEvent',
  'assignAccount',
  'mergeAccounts',
  'applyMapping'
] as const
export type UndoKind = (typeof UNDO_KINDS)[number]

export interface UndoEntry {
  /** Opaque and unique across engine restarts, so a stale toast can never undo a newer action. */
  token: string
  kind: UndoKind
  /** What was done, for the toast and Edit > Undo: "Deleted dataset “Report.csv”". */
  label: string
}

/** What an undoable delete answers. */
export interface DeleteAnswer {
  deleted: boolean
  undo: UndoEntry
}
