/** The undo channels: undo one action (by its token) or the latest, and list what can be undone. */
import type { Handlers } from '../../../shared/contract'
import type { UndoStack } from './stack'

export function undoHandlers(undo: UndoStack) {
  return {
    undo: (i) => undo.undo(i?.token),
    listUndo: async () => undo.list()
  } satisfies Partial<Handlers>
}
