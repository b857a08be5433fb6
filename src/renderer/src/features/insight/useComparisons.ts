import { useEffect, useRef, useState } from 'react'
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
  const [loading, setLoading] = useState(false)
  const seq = useRef(0)
  const wantsPair = pair.a !== null && pair.b !== null && pair.a !== pair.b && request !== null &&
    request.institutionIds.includes(pair.a) && request.institutionIds.includes(pair.b)

  useEffect(() => {
    if (!request) return
    const id = ++seq.current
    setLoading(true)
    call('benchmarkStats', { request, ...(wantsPair ? { pair: { a: pair.a!, b: pair.b! } } : {}) })
      .then((s) => {
        if (id !== seq.current) return
        setStats(s)
        setError(null)
      })
      .catch((err: unknown) => {
        if (id === seq.current) setError(errorMessage(err))
      })
      .finally(() => {
        if (id === seq.current) setLoading(false)
      })
  }, [request, wantsPair, pair.a, pair.b])

  return { stats, error, loading }
}
