import { useCallback, useEffect, useState } from 'react'
import { call } from '../../api'
import type { SavedQuery } from '../../../../shared/queries'

/** The saved queries matching the search box, re-read after every change. */
export function useLibrary(onError: (err: unknown, context?: string) => void) {
  const [queries, setQueries] = useState<SavedQuery[]>([])
  const [search, setSearch] = useState('')

  const refresh = useCallback(async () => {
    try {
      setQueries(await call('listQueries', { search }))
    } catch (err) {
      onError(err, 'Could not list the saved queries')
    }
  }, [search, onError])

  useEffect(() => {
    void refresh()
  }, [refresh])

  return { queries, search, setSearch, refresh }
}
