/**
 * The heavy loops of the comparisons (bootstrap means, permutation null distribution) run in a worker thread, so the
 * engine host keeps answering other calls while 2,000 × (posts) draws are made. DuckDB was tried first: the same
 * draws as hash-indexed joins took minutes for 20M draws here, where a typed-array loop takes a fraction of a second.
 *
 * The worker's code is a plain-JavaScript string run with `eval: true`: the same text works under Vitest, the CLI's
 * bundle and the engine host's, with no extra build entry and nothing a bundler could rewrite.
 */
import { Worker } from 'node:worker_threads'

export interface ResampleJob {
  seed: number
  resamples: number
  /** One group per institution: its per-post rates in a fixed order (platform, post id). */
  groups: { key: number; values: Float64Array }[]
  /** The pairwise permutation test, if asked. */
  permutation: { a: Float64Array; b: Float64Array; keyA: number; keyB: number; permutations: number } | null
}

export interface PermutationCounts {
  observed: number
  /** Relabellings with a statistic ≤ observed (+ tolerance), and ≥ observed (− tolerance). */
  less: number
  greater: number
  /** Relabellings made: every split when exact. */
  total: number
  exact: boolean
}

export interface ResampleOutput {
  /** Per group, the mean of each resample (empty for a group without values). */
  means: Float64Array[]
  permutation: PermutationCounts | null
}

const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads')

// Seeded generator: splitmix32 expands (seed, k1, k2) into sfc32's state, so each institution has its own stream and
// adding an institution to the set never changes another's interval.
function stream(seed, k1, k2) {
  let s = (seed | 0) ^ Math.imul((k1 | 0) + 0x632be5ab, 0x85ebca6b) ^ Math.imul((k2 | 0) + 0x1b873593, 0xc2b2ae35)
  const mix = () => {
    s = (s + 0x9e3779b9) | 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = mix(), b = mix(), c = mix(), d = mix()
  for (let i = 0; i < 12; i++) next()
  function next() {
    const t0 = (a + b) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    d = (d + 1) | 0
    const t = (t0 + d) | 0
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  return next
}

function bootstrapMeans(values, resamples, u) {
  const n = values.length
  const out = new Float64Array(n ? resamples : 0)
  for (let r = 0; n && r < resamples; r++) {
    let sum = 0
    for (let j = 0; j < n; j++) sum += values[(u() * n) | 0]
    out[r] = sum / n
  }
  return out
}

function binomial(n, k) {
  let c = 1
  for (let i = 1; i <= k; i++) {
    c = (c * (n - k + i)) / i
    if (c > 1e12) return Infinity
  }
  return Math.round(c)
}

// Difference of means of group A (the first nA pooled values after a relabelling) and group B, as scipy's
// permutation_test counts it: exact over every split when there are no more splits than permutations asked.
function permutationCounts(a, b, permutations, u) {
  const nA = a.length, nB = b.length, n = nA + nB
  const pooled = new Float64Array(n)
  pooled.set(a, 0)
  pooled.set(b, nA)
  let total = 0
  for (let i = 0; i < n; i++) total += pooled[i]
  const stat = (sumA) => sumA / nA - (total - sumA) / nB
  let sumA0 = 0
  for (let i = 0; i < nA; i++) sumA0 += pooled[i]
  const observed = stat(sumA0)
  // scipy's tolerance for "theoretically equal" values of the statistic.
  const gamma = Math.abs(observed * 2.220446049250313e-14)
  let less = 0, greater = 0, made = 0
  const count = (s) => {
    if (s <= observed + gamma) less++
    if (s >= observed - gamma) greater++
    made++
  }
  const splits = binomial(n, nA)
  const exact = splits <= permutations
  if (exact) {
    const idx = new Int32Array(nA)
    for (let i = 0; i < nA; i++) idx[i] = i
    for (;;) {
      let s = 0
      for (let i = 0; i < nA; i++) s += pooled[idx[i]]
      count(stat(s))
      let i = nA - 1
      while (i >= 0 && idx[i] === n - nA + i) i--
      if (i < 0) break
      idx[i]++
      for (let j = i + 1; j < nA; j++) idx[j] = idx[j - 1] + 1
    }
  } else {
    const work = pooled.slice()
    for (let p = 0; p < permutations; p++) {
      // A partial Fisher-Yates shuffle: the first nA places get a uniformly random subset.
      let s = 0
      for (let i = 0; i < nA; i++) {
        const j = i + ((u() * (n - i)) | 0)
        const t = work[i]
        work[i] = work[j]
        work[j] = t
        s += work[i]
      }
      count(stat(s))
    }
  }
  return { observed, less, greater, total: made, exact }
}

const job = workerData
const means = job.groups.map((g) => bootstrapMeans(g.values, job.resamples, stream(job.seed, g.key, 0)))
const p = job.permutation
const permutation = p ? permutationCounts(p.a, p.b, p.permutations, stream(job.seed, p.keyA, p.keyB + 0x40000000)) : null
parentPort.postMessage({ means, permutation }, means.map((m) => m.buffer))
`

/** Run the resampling in a worker thread; resolves with its means and counts. */
export function resample(job: ResampleJob): Promise<ResampleOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: job })
    let settled = false
    worker.once('message', (out: ResampleOutput) => {
      settled = true
      resolve(out)
      void worker.terminate()
    })
    worker.once('error', (err) => {
      settled = true
      reject(err)
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`resampling worker exited with code ${code}`))
    })
  })
}

/** numpy's default percentile (linear interpolation between order statistics), as scipy's percentile bootstrap uses. */
export function percentile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q
  const lo = Math.floor(h)
  const hi = Math.min(sorted.length - 1, lo + 1)
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo])
}

/** The two-sided p-value from the counts: twice the smaller tail, clipped to 1 (scipy.stats.permutation_test). */
export function twoSidedP(c: PermutationCounts): number {
  const adj = c.exact ? 0 : 1
  return Math.min(1, (2 * (Math.min(c.less, c.greater) + adj)) / (c.total + adj))
}
