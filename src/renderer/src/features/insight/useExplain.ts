import { useEffect, useMemo, useRef, useState } from 'react'
import type { BenchmarkRequest } from '../../../../shared/benchmark'
import type { ExplainMetric, ExplainUnit, ExplainedPeriod } from '../../../../shared/explain'
import { call, errorMessage } from '../../api'

/** The period a chart asks about: by a click on the chart or from its picker. */
export interface ExplainTarget {
  institutionId: number
  metric: ExplainMetric
  unit: ExplainUnit
  /** Any day of the period, 'YYYY-MM-DD'. */
  day: string
}

interface Answer {
  input: object
  explained: ExplainedPeriod | null
  error: string | null
}

/**
 * The explanation of `target` on the benchmark on screen. An answer to a superseded question is dropped; the previous
 * answer stays on screen (busy) until the next one arrives.
 */
export function useExplain(request: BenchmarkRequest | null, target: ExplainTarget | null) {
  const [answer, setAnswer] = useState<Answer | null>(null)
  const seq = useRef(0)
  const input = useMemo(() => (request && target ? { request, ...target } : null), [request, target])

  useEffect(() => {
    if (!input) return
    const id = ++seq.current
    call('explainPeriod', input)
      .then((explained) => {
        if (id === seq.current) setAnswer({ input, explained, error: null })
      })
      .catch((err: unknown) => {
        if (id === seq.current) setAnswer({ input, explained: null, error: errorMessage(err) })
      })
  }, [input])

  const shown = input ? answer : null
  return {
    explained: shown?.explained ?? null,
    error: shown?.error ?? null,
    loading: input !== null && answer?.input !== input
  }
}
