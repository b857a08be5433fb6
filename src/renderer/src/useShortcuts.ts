import { useEffect } from 'react'
import { useLatest } from './components/useLatest'
import { modalOpen } from './components/focusTrap'

export interface Shortcuts {
  importFiles: () => void
  showDatasets: () => void
  deleteSelected: () => void
  renameSelected: () => void
}

const isEditable = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))

/** App-wide keys. They stand down while a dialog is open or the user is typing. */
export function useShortcuts(s: Shortcuts) {
  const ref = useLatest(s)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || modalOpen()) return
      const mod = e.ctrlKey || e.metaKey
      if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'o') {
        e.preventDefault()
        ref.current.importFiles()
      } else if (mod && !e.shiftKey && !e.altKey && e.key === '1') {
        e.preventDefault()
        ref.current.showDatasets()
      } else if (!mod && !isEditable(e.target) && e.key === 'Delete') {
        e.preventDefault()
        ref.current.deleteSelected()
      } else if (!mod && !isEditable(e.target) && e.key === 'F2') {
        e.preventDefault()
        ref.current.renameSelected()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [ref])
}
