/**
 * The `benchmarkStats` channel: each institution's engagement rate under the chosen convention with a percentile
 * bootstrap interval over its posts, the peer median with its own, each institution's difference from it, and a
 * pairwise difference with a permutation test. The per-post rates come from the benchmark's scope (scope.ts); the
 * resampling runs in a worker thread (resampling.ts).
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { BenchmarkRequest } from '../../../shared/benchmark'
import {
  CONFIDENCE_LEVEL,
  DEFAULT_RESAMPLES,
  DEFAULT_SEED,
  THIN_POSTS,
  statsMethods,
  type BenchmarkStats,
  type Difference,
  type Interval,
  type PairComparison
} from '../../../shared/insight'
import type { EngagementConvention } from '../../../shared/metrics'
import { AppFailure } from '../../../shared/result'
import { resolveScope } from './benchmark'
import { percentile, resample, twoSidedP } from './resampling'
import { materializeScope, withScope, type Scope } from './scope'

export interface StatsRequest {
  request: BenchmarkRequest
  pair?: { a: number; b: number }
  resamples?: number
  seed?: number
}

/** The per-post value whose mean is the institution's rate under the convention (summary.ts computes the same means). */
function perPostRate(convention: EngagementConvention): string {
  switch (convention) {
    case 'followers_at_post':
      return 'sp.rate_followers_at_post'
    case 'reach':
      return 'sp.rate_reach'
    case 'impressions':
      return 'sp.rate_impressions'
    case 'views':
      return 'sp.rate_views'
    case 'avg_followers':
      // I-Rate: total interactions ÷ posts ÷ average followers is the mean of interactions ÷ average followers.
      return 'CASE WHEN fol.avg_followers > 0 THEN sp.interactions / fol.avg_followers END'
  }
}

export function perPostRatesSql(s: Scope, convention: EngagementConvention): string {
  return `${withScope(s, `  fol AS (SELECT institution_id, avg(followers) AS avg_followers FROM itot GROUP BY institution_id)`)}
  SELECT institution_id, x FROM (
    SELECT sp.institution_id, sp.platform, sp.post_id, ${perPostRate(convention)} AS x
    FROM sp LEFT JOIN fol USING (institution_id))
  WHERE x IS NOT NULL ORDER BY institution_id, platform, post_id`
}

const sortedCopy = (a: Float64Array) => Float64Array.from(a).sort()
const alpha = (1 - CONFIDENCE_LEVEL) / 2

function interval(estimate: number | null, draws: Float64Array | null): Interval {
  if (estimate === null || !draws || draws.length === 0) return { estimate: null, low: null, high: null }
  const s = sortedCopy(draws)
  return { estimate, low: percentile(s, alpha), high: percentile(s, 1 - alpha) }
}

function difference(estimate: number | null, draws: Float64Array | null): Difference {
  const i = interval(estimate, draws)
  return { ...i, significant: i.low !== null && i.high !== null && (i.low > 0 || i.high < 0) }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

const mean = (v: Float64Array) => v.reduce((a, b) => a + b, 0) / v.length

export async function benchmarkStats(conn: DuckDBConnection, input: StatsRequest): Promise<BenchmarkStats> {
  const resamples = input.resamples ?? DEFAULT_RESAMPLES
  const seed = input.seed ?? DEFAULT_SEED
  const { request } = input
  if (
    input.pair &&
    (input.pair.a === input.pair.b || ![input.pair.a, input.pair.b].every((id) => request.institutionIds.includes(id)))
  ) {
    throw new AppFailure('BAD_INPUT', 'A pairwise comparison needs two different institutions of the benchmark.')
  }
  const scope = await materializeScope(conn, (await resolveScope(conn, request)).scope)
  const institutions = (
    await conn.runAndReadAll(
      `SELECT i.institution_id AS id, i.name, i.color, coalesce(p.n, 0) AS posts FROM institutions i
     LEFT JOIN (SELECT institution_id, count(*) AS n FROM sp GROUP BY 1) p USING (institution_id)
     WHERE i.institution_id IN (${scope.institutionIds.join(', ')}) ORDER BY i.name`
    )
  )
    .getRowObjectsJson()
    .map((r) => ({ id: Number(r.id), name: String(r.name), color: String(r.color), posts: Number(r.posts) }))
  if (institutions.length !== new Set(scope.institutionIds).size)
    throw new AppFailure('NOT_FOUND', 'Some of the chosen institutions no longer exist.')

  const [ids, xs] = (await conn.runAndReadAll(perPostRatesSql(scope, request.convention))).getColumnsJS() as [
    number[],
    number[]
  ]
  const values = new Map<number, number[]>()
  for (let i = 0; i < (ids?.length ?? 0); i++) {
    const id = Number(ids[i])
    if (!values.has(id)) values.set(id, [])
    values.get(id)!.push(Number(xs[i]))
  }
  const groups = institutions.map((i) => ({ key: i.id, values: Float64Array.from(values.get(i.id) ?? []) }))
  const pairGroups = input.pair ? [input.pair.a, input.pair.b].map((id) => groups.find((g) => g.key === id)!) : null
  const out = await resample({
    seed,
    resamples,
    groups,
    permutation:
      pairGroups && pairGroups.every((g) => g.values.length > 0)
        ? {
            a: pairGroups[0].values,
            b: pairGroups[1].values,
            keyA: pairGroups[0].key,
            keyB: pairGroups[1].key,
            permutations: resamples
          }
        : null
  })
  const draws = new Map(groups.map((g, i) => [g.key, out.means[i].length ? out.means[i] : null]))
  const rate = new Map(groups.map((g) => [g.key, g.values.length ? mean(g.values) : null]))

  // The peer median of each resample: the median of the institutions' resampled rates.
  const withRate = groups.filter((g) => g.values.length > 0)
  const peerDraws = withRate.length >= 3 ? new Float64Array(resamples) : null
  if (peerDraws) for (let r = 0; r < resamples; r++) peerDraws[r] = median(withRate.map((g) => draws.get(g.key)![r]))
  const peerEstimate = withRate.length >= 3 ? median(withRate.map((g) => rate.get(g.key)!)) : null
  const minus = (a: Float64Array | null, b: Float64Array | null) => (a && b ? a.map((v, r) => v - b[r]) : null)

  const single = (id: number) => (values.get(id)?.length ?? 0) === 1
  let pair: PairComparison | null = null
  if (input.pair && pairGroups) {
    const [a, b] = pairGroups
    const ra = rate.get(a.key) ?? null
    const rb = rate.get(b.key) ?? null
    const name = (id: number) => institutions.find((i) => i.id === id)!.name
    pair = {
      a: { institution_id: a.key, name: name(a.key) },
      b: { institution_id: b.key, name: name(b.key) },
      difference: difference(
        ra !== null && rb !== null ? ra - rb : null,
        minus(draws.get(a.key) ?? null, draws.get(b.key) ?? null)
      ),
      pValue: out.permutation ? twoSidedP(out.permutation) : null,
      permutation: out.permutation ? (out.permutation.exact ? 'exact' : 'randomized') : null,
      permutations: out.permutation?.total ?? 0
    }
  }

  return {
    from: scope.from,
    to: scope.to,
    convention: request.convention,
    resamples,
    seed,
    level: CONFIDENCE_LEVEL,
    institutions: institutions.map((i) => {
      const r = rate.get(i.id) ?? null
      return {
        institution_id: i.id,
        name: i.name,
        color: i.color,
        posts: i.posts,
        postsWithRate: values.get(i.id)?.length ?? 0,
        thin: i.posts < THIN_POSTS,
        // One post gives a zero-width "interval": no interval at all is the honest answer.
        rate: single(i.id) ? { estimate: r, low: null, high: null } : interval(r, draws.get(i.id) ?? null),
        vsPeer: single(i.id)
          ? {
              estimate: r !== null && peerEstimate !== null ? r - peerEstimate : null,
              low: null,
              high: null,
              significant: false
            }
          : difference(
              r !== null && peerEstimate !== null ? r - peerEstimate : null,
              minus(draws.get(i.id) ?? null, peerDraws)
            )
      }
    }),
    peerMedian: interval(peerEstimate, peerDraws),
    pair,
    methods: statsMethods(resamples, seed, resamples)
  }
}
