import { useEffect, useMemo, useRef, useState } from 'react'
import type { BenchmarkRequest } from '../../../../shared/benchmark'
import type { BenchmarkStats } from '../../../../shared/insight'
import { call, errorMessage } from '../../api'

export interface Pair {
  a: number | null
  b: number | null
}

/**
 * The intervals of the benchmark on screen. They are asked for after the benchmark itself, so the charts never wait
 * for the resampling; an answer to a superseded request is dropped, and the previous one stays until the next arrives.
 */
export function useComparisons(request: BenchmarkRequest | null, pair: Pair) {
  const [stats, setStats] = useState<BenchmarkStats | null>(null)
  const [error, setError] = useState<string | null>(null)
  /** The call the last answer (or error) settled; loading while it is not the one asked for now. */
  const [settled, setSettled] = useState<object | null>(null)
  const seq = useRef(0)
  const wantsPair =
    pair.a !== null &&
    pair.b !== null &&
    pair.a !== pair.b &&
    request !== null &&
    request.institutionIds.includes(pair.a) &&
    request.institutionIds.includes(pair.b)

  const input = useMemo(
    () => (request ? { request, ...(wantsPair ? { pair: { a: pair.a!, b: pair.b! } } : {}) } : null),
    [request, wantsPair, pair.a, pair.b]
  )

  useEffect(() => {
    if (!input) return
    const id = ++seq.current
    call('benchmarkStats', input)
      .then((s) => {
        if (id !== seq.current) return
        setStats(s)
        setError(null)
      })
      .catch((err: unknown) => {
        if (id === seq.current) setError(errorMessage(err))
      })
      .finally(() => {
        if (id === seq.current) setSettled(input)
      })
  }, [input])

  return { stats, error, loading: input !== null && settled !== input }
}
