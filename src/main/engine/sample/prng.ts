/**
 * Seeded randomness for the synthetic sample. Everything the generator draws comes from here, so the
 * output is byte-identical on every run and every machine (no Math.random, no Date.now, no locale).
 */

/** mulberry32: tiny, fast, good enough for fake data, and trivially reproducible in any language. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** FNV-1a, so each (institution, platform) stream gets its own seed and editing one never shifts another. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export class Rng {
  private readonly nextFloat: () => number
  private spare: number | null = null

  constructor(key: string) {
    this.nextFloat = mulberry32(hashSeed(key))
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextFloat()
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }

  /** Picks an index with probability proportional to its weight. */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((s, w) => s + w, 0)
    let r = this.next() * total
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]
      if (r < 0) return i
    }
    return weights.length - 1
  }

  /** Standard normal via Box-Muller (the spare value is kept so draws stay paired and reproducible). */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare
      this.spare = null
      return s
    }
    const u = 1 - this.next()
    const v = this.next()
    const r = Math.sqrt(-2 * Math.log(u))
    this.spare = r * Math.sin(2 * Math.PI * v)
    return r * Math.cos(2 * Math.PI * v)
  }

  /** Multiplicative noise with median 1: engagement is heavy-tailed, never negative. */
  logNormal(sigma: number): number {
    return Math.exp(sigma * this.normal())
  }

  /** Poisson draw (Knuth); fine for the small rates used here. */
  poisson(lambda: number): number {
    const limit = Math.exp(-lambda)
    let k = 0
    let p = this.next()
    while (p > limit) {
      k++
      p *= this.next()
    }
    return k
  }

  /** Binomial-ish share of `n`, rounded: used to split a total into parts. */
  share(n: number, fraction: number, sigma = 0.25): number {
    return Math.max(0, Math.round(n * fraction * this.logNormal(sigma)))
  }

  /** Random string from an alphabet (ids, t.co slugs). */
  chars(length: number, alphabet: string): string {
    let out = ''
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)]
    return out
  }
}
