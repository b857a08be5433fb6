import { useCallback, useEffect, useState } from 'react'
import { call } from '../../api'
import type { ParamDef, ParamValue, QueryResultInfo, SqlSchema } from '../../../../shared/queries'
import { AppFailure, type SqlPosition } from '../../../../shared/result'

/** A failed run: the engine's message, and where in the SQL it failed when DuckDB says (error.at, never parsed). */
export interface RunError {
  message: string
  at: SqlPosition | null
}

/**
 * What the SQL editor reads from the engine: the schema for completion, the institution names for
 * institution-list parameters (the listInstitutions channel, not a query of ours), and one run at a time.
 */
export function useQueries(onError: (err: unknown, context?: string) => void) {
  const [schema, setSchema] = useState<SqlSchema | null>(null)
  const [institutions, setInstitutions] = useState<string[]>([])
  const [runId, setRunId] = useState<string | null>(null)
  const [result, setResult] = useState<QueryResultInfo | null>(null)
  const [error, setError] = useState<RunError | null>(null)

  useEffect(() => {
    call('sqlSchema').then(setSchema, (err) => onError(err, 'Could not read the workspace tables for completion'))
    call('listInstitutions').then(
      (list) => setInstitutions(list.map((i) => i.name)),
      () => setInstitutions([])
    )
  }, [onError])

  /** Runs the SQL unless a run is going; the result, or null when it failed (the error is in `error`). */
  const run = useCallback(
    async (sql: string, params: ParamDef[], values: Record<string, ParamValue>): Promise<QueryResultInfo | null> => {
      if (runId || !sql.trim()) return null
      const id = `run-${Date.now()}-${Math.random().toString(36).slice(2)}`
      setRunId(id)
      setError(null)
      try {
        const info = await call('runQuery', { runId: id, sql, params, values })
        setResult(info)
        return info
      } catch (err) {
        setResult(null)
        setError({
          message: err instanceof Error ? err.message : String(err),
          at: err instanceof AppFailure ? (err.at ?? null) : null
        })
        return null
      } finally {
        setRunId(null)
      }
    },
    [runId]
  )

  const cancel = useCallback(() => {
    if (runId) void call('cancelQuery', { runId })
  }, [runId])

  /** Forget the last result and error (a new or another query is open). */
  const clear = useCallback(() => {
    setResult(null)
    setError(null)
  }, [])

  return { schema, institutions, running: runId !== null, result, error, run, cancel, clear }
}
