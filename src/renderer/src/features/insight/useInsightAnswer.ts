import { useEffect, useRef, useState } from 'react'
import type { BenchmarkRequest } from '../../../../shared/benchmark'
import type { Outputs } from '../../../../shared/contract'
import { call, errorMessage } from '../../api'

type RequestChannel = 'contentMix' | 'vendorConventions' | 'topicReport'

/**
 * An insight channel's answer for the benchmark on screen, asked for after it; an answer to a superseded request is
 * dropped, and the last good answer stays on screen beside an error.
 */
export function useInsightAnswer<C extends RequestChannel>(
  channel: C,
  request: BenchmarkRequest | null,
  /** Bump to ask again for the same request (the topics changed). */
  revision = 0
) {
  const [answer, setAnswer] = useState<{
    request: BenchmarkRequest
    revision: number
    value: Outputs[C] | null
    error: string | null
  } | null>(null)
  const seq = useRef(0)
  useEffect(() => {
    if (!request) return
    const id = ++seq.current
    // Both channels take { request }; TypeScript cannot see that through the generic channel.
    const ask = call as (c: RequestChannel, i: { request: BenchmarkRequest }) => Promise<Outputs[C]>
    ask(channel, { request })
      .then((value) => id === seq.current && setAnswer({ request, revision, value, error: null }))
      .catch(
        (err: unknown) =>
          id === seq.current &&
          setAnswer((a) => ({ request, revision, value: a?.value ?? null, error: errorMessage(err) }))
      )
  }, [channel, request, revision])
  return {
    value: answer?.value ?? null,
    error: answer?.error ?? null,
    loading: request !== null && (answer?.request !== request || answer?.revision !== revision)
  }
}
