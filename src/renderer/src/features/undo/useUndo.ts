import { createContext, useCallback, useContext, useMemo, useState } from 'react'
import { call, errorCode } from '../../api'
import type { UndoEntry } from '../../../../shared/undo'

/**
 * Undo in the window: a destructive action's answer carries an undo entry (the engine keeps what it needs,
 * src/main/engine/undo/); offering it shows "Deleted … · Undo" in the status bar, and Edit > Undo (Ctrl/Cmd+Z) undoes
 * the latest action for as long as the workspace is open. After an undo every view reloads (`revision`).
 */
export interface UndoApi {
  /** Show the toast with its Undo button (null: the action changed nothing). */
  offer(entry: UndoEntry | null | undefined): void
  /** Edit > Undo: the latest action still on the engine's stack. */
  undoLatest(): Promise<void>
  /** Bumped after every undo: views reload what they show when it changes. */
  revision: number
}

export const UndoContext = createContext<UndoApi>({
  offer: () => undefined,
  undoLatest: async () => undefined,
  revision: 0
})

export const useUndo = () => useContext(UndoContext)

export function useUndoStack(
  toast: (message: string, action?: { label: string; run: () => void }) => void,
  showError: (err: unknown, context?: string) => void,
  onUndone: () => void
): UndoApi {
  const [revision, setRevision] = useState(0)

  const run = useCallback(
    async (token?: string) => {
      try {
        const done = await call('undo', token ? { token } : {})
        setRevision((r) => r + 1)
        onUndone()
        toast(`Undone: ${done.label}`)
      } catch (err) {
        // Nothing left to undo is an answer, not a failure.
        if (!token && errorCode(err) === 'NOT_FOUND') toast('Nothing to undo')
        else showError(err, 'Could not undo')
      }
    },
    [toast, showError, onUndone]
  )

  const offer = useCallback(
    (entry: UndoEntry | null | undefined) => {
      if (entry) toast(entry.label, { label: 'Undo', run: () => void run(entry.token) })
    },
    [toast, run]
  )

  return useMemo(() => ({ offer, undoLatest: () => run(), revision }), [offer, run, revision])
}
