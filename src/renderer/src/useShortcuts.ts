import { useEffect } from 'react'
import { useLatest } from './components/useLatest'
import { modalOpen } from './components/focusTrap'
import { APP_SHORTCUTS, matchesAccelerator, type AppCommand } from '../../shared/shortcuts'

export interface Shortcuts {
  /** An app-wide command of the shared list (the same the Electron menu sends). */
  run: (command: AppCommand) => void
  deleteSelected: () => void
  renameSelected: () => void
}

export const isEditable = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))

/**
 * App-wide keys. They stand down while a dialog is open. In Electron on Windows and Linux the menu's accelerators
 * take these keys before the page sees them; in the browser and on macOS they arrive here, and preventDefault keeps
 * the menu from running the command a second time.
 */
export function useShortcuts(s: Shortcuts) {
  const ref = useLatest(s)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || modalOpen()) return
      const shortcut = APP_SHORTCUTS.find((a) => matchesAccelerator(a.accelerator, e))
      // In a text field or the SQL editor, Ctrl/Cmd+Z undoes typing, as everywhere.
      if (shortcut?.command === 'undo' && isEditable(e.target)) return
      if (shortcut) {
        e.preventDefault()
        ref.current.run(shortcut.command)
        return
      }
      if (isEditable(e.target) || e.ctrlKey || e.metaKey || e.altKey) return
      if (e.key === '?') {
        e.preventDefault()
        ref.current.run('shortcuts')
      } else if (e.key === 'Delete') {
        e.preventDefault()
        ref.current.deleteSelected()
      } else if (e.key === 'F2') {
        e.preventDefault()
        ref.current.renameSelected()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [ref])
}
