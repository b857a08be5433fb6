import { useCallback, useEffect, useRef, useState } from 'react'
import type { BenchmarkRequest, BenchmarkResult, BenchmarkSetup } from '../../../../shared/benchmark'
import type { Institution } from '../../../../shared/canonical'
import { call, errorMessage } from '../../api'
import {
  DEFAULT_CONTROLS,
  MAX_INSTITUTIONS,
  MIN_INSTITUTIONS,
  controlsProblem,
  fromRequest,
  toRequest,
  type Controls
} from './controls'

const DEBOUNCE_MS = 250

/**
 * The controls the view opens with: the workspace's last request (institutions deleted since left out), or every
 * institution over the defaults when there is none or too few of its institutions remain.
 */
export function initialControls(defaults: Controls, list: Institution[], last: BenchmarkRequest | null): Controls {
  if (last) {
    const known = new Set(list.map((i) => i.institutionId))
    const restored = fromRequest(last)
    const ids = restored.institutionIds.filter((id) => known.has(id))
    if (ids.length >= MIN_INSTITUTIONS) return { ...restored, institutionIds: ids }
  }
  return { ...defaults, institutionIds: list.slice(0, MAX_INSTITUTIONS).map((i) => i.institutionId) }
}

/**
 * The Benchmarks view's state: institutions, controls, the latest result and saved setups. A change of controls is
 * debounced and sent; the previous result stays on screen until the new one arrives (answers to superseded requests
 * are dropped), so charts update in place instead of flashing empty.
 */
export function useBenchmark(onError: (err: unknown, context?: string) => void) {
  const [institutions, setInstitutions] = useState<Institution[] | null>(null)
  const [controls, setControls] = useState<Controls>(DEFAULT_CONTROLS)
  const [result, setResult] = useState<BenchmarkResult | null>(null)
  /** The request `result` answers: exports re-run exactly this, not controls changed since. */
  const [resultRequest, setResultRequest] = useState<BenchmarkRequest | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const [setups, setSetups] = useState<BenchmarkSetup[]>([])
  /** performance.now() when the current result arrived: the dashboard measures its render from here. */
  const arrivedAt = useRef(0)
  const seq = useRef(0)

  useEffect(() => {
    void (async () => {
      try {
        const list = await call('listInstitutions')
        const last = await call('getLastBenchmark')
        // Before the institutions are set, so the first request is already the restored one.
        setControls((c) => (c.institutionIds.length ? c : initialControls(c, list, last)))
        setInstitutions(list)
        setSetups(await call('listBenchmarkSetups'))
      } catch (err) {
        setInstitutions([])
        onError(err, 'Could not list the institutions')
      }
    })()
  }, [onError])

  const problem = controlsProblem(controls)

  useEffect(() => {
    if (institutions === null || problem) return
    const id = ++seq.current
    const timer = window.setTimeout(() => {
      setLoading(true)
      const request = toRequest(controls)
      // Exports re-run resultRequest at full resolution; the screen only needs what it can draw.
      call('benchmark', { ...request, resolution: 'screen' })
        .then((r) => {
          if (id !== seq.current) return
          arrivedAt.current = performance.now()
          setResult(r)
          setResultRequest(request)
          setError(null)
        })
        .catch((err: unknown) => {
          if (id === seq.current) setError(errorMessage(err))
        })
        .finally(() => {
          if (id === seq.current) setLoading(false)
        })
    }, DEBOUNCE_MS)
    return () => window.clearTimeout(timer)
  }, [controls, institutions, problem])

  // What reopens next time (and after a reload): saved on every change, not when its dashboard arrives, so a
  // change followed at once by another view (before the debounced request runs) is not lost.
  useEffect(() => {
    if (institutions === null || problem) return
    call('saveLastBenchmark', toRequest(controls)).catch(() => undefined)
  }, [controls, institutions, problem])

  const update = useCallback((patch: Partial<Controls>) => setControls((c) => ({ ...c, ...patch })), [])

  const saveSetup = useCallback(
    async (name: string) => {
      try {
        setSetups(await call('saveBenchmarkSetup', { name, request: toRequest(controls) }))
        return true
      } catch (err) {
        onError(err, `Could not save the setup “${name}”`)
        return false
      }
    },
    [controls, onError]
  )

  const deleteSetup = useCallback(
    async (name: string) => {
      try {
        setSetups(await call('deleteBenchmarkSetup', { name }))
      } catch (err) {
        onError(err, `Could not delete the setup “${name}”`)
      }
    },
    [onError]
  )

  /** Reopen a setup exactly; institutions deleted since are dropped and reported rather than failing the request. */
  const openSetup = useCallback(
    (setup: BenchmarkSetup): string | null => {
      const next = fromRequest(setup.request)
      const known = new Set((institutions ?? []).map((i) => i.institutionId))
      const gone = next.institutionIds.filter((id) => !known.has(id))
      setControls({ ...next, institutionIds: next.institutionIds.filter((id) => known.has(id)) })
      return gone.length
        ? `${gone.length} institution${gone.length === 1 ? '' : 's'} of “${setup.name}” no longer exist${gone.length === 1 ? 's' : ''}.`
        : null
    },
    [institutions]
  )

  return {
    institutions,
    controls,
    update,
    problem,
    result,
    resultRequest,
    error,
    loading,
    arrivedAt,
    setups,
    saveSetup,
    deleteSetup,
    openSetup
  }
}
