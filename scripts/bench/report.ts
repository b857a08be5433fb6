/**
 * What every measurement prints: its raw times beside the ratio, the target and PASS/FAIL. The bench is a report,
 * not a test: a FAIL is printed loudly and the process still exits 0.
 */

export interface Measurement {
  item: string
  name: string
  /** Raw values, in ms unless the key says otherwise (e.g. "peak MB"). */
  raw: Record<string, number | null>
  ratio: number | null
  /** Human-readable target, e.g. "≤ 1.3". */
  target: string
  /** null: informational, or not measured (see note). */
  pass: boolean | null
  note?: string
  /** Set by record(): the machine's load went above its core count while this was measured (see machine.ts). */
  noisy?: boolean
}

export const results: Measurement[] = []

/** Judges each measurement on the load during it; run.ts installs it when the run starts. */
let loadCheck: (() => { maxLoad: number; noisy: boolean }) | null = null
export function judgeLoadWith(check: () => { maxLoad: number; noisy: boolean }): void {
  loadCheck = check
}

export function record(m: Measurement): Measurement {
  const load = loadCheck?.()
  if (load?.noisy && m.pass !== null) {
    m.noisy = true
    m.note = [m.note, `load reached ${load.maxLoad.toFixed(1)} during it, above the core count: no verdict`]
      .filter(Boolean)
      .join('; ')
  }
  results.push(m)
  console.log(`  ${formatLine(m)}`)
  if (m.note) console.log(`    note: ${m.note}`)
  return m
}

/** Wall-clock time of `fn` in ms (performance.now, not Date: monotonic). */
export async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now()
  const value = await fn()
  return { ms: performance.now() - t0, value }
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

const fmtNum = (v: number | null): string =>
  v === null ? '—' : v >= 100 || Number.isInteger(v) ? Math.round(v).toLocaleString('en-US') : v.toFixed(1)

function formatRaw(raw: Measurement['raw']): string {
  return Object.entries(raw)
    .map(([k, v]) => `${k}=${fmtNum(v)}${/\b(MB|MiB|x|rows|count)\b/.test(k) ? '' : ' ms'}`)
    .join(', ')
}

/** A noisy measurement gets no verdict: it says what it would have been, so nobody quotes it as a pass. */
export const verdict = (m: Measurement): string =>
  m.pass === null
    ? m.ratio === null
      ? 'N/A'
      : 'INFO'
    : m.noisy
      ? `NOISY (would ${m.pass ? 'pass' : 'fail'})`
      : m.pass
        ? 'PASS'
        : 'FAIL <<<'

function formatLine(m: Measurement): string {
  const ratio = m.ratio === null ? '—' : `${m.ratio.toFixed(2)}x`
  return `[${m.item}] ${m.name}: ${formatRaw(m.raw)} | ratio ${ratio} | target ${m.target} | ${verdict(m)}`
}

/** The final table: one row per measurement, raw times in one column so nothing is hidden behind the ratio. */
export function printSummary(header: string): void {
  const rows = results.map((m) => [
    m.item,
    m.name,
    formatRaw(m.raw),
    m.ratio === null ? '—' : `${m.ratio.toFixed(2)}x`,
    m.target,
    verdict(m)
  ])
  const head = ['#', 'measurement', 'raw', 'ratio', 'target', 'result']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ')
  console.log(`\n${header}`)
  console.log(line(head))
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'))
  for (const r of rows) console.log(line(r))
  const judged = results.filter((m) => !m.noisy)
  const failed = judged.filter((m) => m.pass === false).length
  const passed = judged.filter((m) => m.pass === true).length
  const noisy = results.filter((m) => m.noisy).length
  console.log(
    `\n${passed} targets met, ${failed} missed${failed ? ' (FAIL above)' : ''}` +
      `${noisy ? `, ${noisy} without a verdict (NOISY: the machine was busy; run again on a quiet machine)` : ''}; the bench always exits 0.`
  )
  for (const m of results.filter((x) => x.note)) console.log(`  [${m.item}] ${m.name}: ${m.note}`)
}
