import { useCallback, useEffect, useState } from 'react'
import { call } from '../../api'
import type { AccountSummary, AssignmentSuggestion, Institution } from '../../../../shared/canonical'
import { useUndo } from '../undo/useUndo'

/** Institutions, accounts and suggestions, reloaded together after every change (they depend on each other). */
export function useInstitutions(onError: (err: unknown, context?: string) => void) {
  const [institutions, setInstitutions] = useState<Institution[]>([])
  const [accounts, setAccounts] = useState<AccountSummary[]>([])
  const [suggestions, setSuggestions] = useState<AssignmentSuggestion[]>([])
  const [loaded, setLoaded] = useState(false)
  const undo = useUndo()

  const refresh = useCallback(async () => {
    try {
      const [i, a, s] = await Promise.all([call('listInstitutions'), call('listAccounts'), call('suggestAssignments')])
      setInstitutions(i)
      setAccounts(a)
      setSuggestions(s)
    } catch (err) {
      onError(err, 'Could not load the institutions')
    } finally {
      setLoaded(true)
    }
  }, [onError])

  useEffect(() => {
    void refresh()
  }, [refresh, undo.revision])

  /** Run a change, then reload; failures surface in the error banner and return false. */
  const change = useCallback(
    async (what: string, fn: () => Promise<unknown>): Promise<boolean> => {
      try {
        await fn()
        return true
      } catch (err) {
        onError(err, what)
        return false
      } finally {
        await refresh()
      }
    },
    [onError, refresh]
  )

  return {
    institutions,
    accounts,
    suggestions,
    loaded,
    create: (name: string, color?: string) =>
      change('Could not create the institution', () =>
        call('createInstitution', { name, ...(color ? { color } : {}) })
      ),
    update: (institutionId: number, patch: { name?: string; color?: string }) =>
      change('Could not change the institution', () => call('updateInstitution', { institutionId, ...patch })),
    remove: (institutionId: number) =>
      change('Could not delete the institution', async () =>
        undo.offer((await call('deleteInstitution', { institutionId })).undo)
      ),
    assign: (accountId: string, institutionId: number | null) =>
      change('Could not assign the account', async () =>
        undo.offer((await call('assignAccount', { accountId, institutionId })).undo)
      ),
    renameAccount: (accountId: string, displayName: string | null) =>
      change('Could not rename the account', () => call('renameAccount', { accountId, displayName })),
    mergeAccounts: (fromId: string, intoId: string) =>
      change('Could not merge the accounts', async () =>
        undo.offer((await call('mergeAccounts', { fromId, intoId })).undo)
      )
  }
}
