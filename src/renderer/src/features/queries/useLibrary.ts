import { useCallback, useEffect, useRef, useState } from 'react'
import { call } from '../../api'
import type { SavedQuery } from '../../../../shared/queries'
import { useUndo } from '../undo/useUndo'

/**
 * The saved queries matching the search box, re-read after every change. Answers can arrive out of order (the
 * opening, unfiltered list after a reload may land after the one for what was typed since): only the latest
 * request's answer is shown.
 */
export function useLibrary(onError: (err: unknown, context?: string) => void) {
  const [queries, setQueries] = useState<SavedQuery[]>([])
  const [search, setSearch] = useState('')
  const latest = useRef(0)
  const { revision } = useUndo()

  const refresh = useCallback(async () => {
    const request = ++latest.current
    try {
      const found = await call('listQueries', { search })
      if (request === latest.current) setQueries(found)
    } catch (err) {
      if (request === latest.current) onError(err, 'Could not list the saved queries')
    }
  }, [search, onError])

  // Re-read after an undo too (a deleted query comes back).
  useEffect(() => {
    void refresh()
  }, [refresh, revision])

  return { queries, search, setSearch, refresh }
}
