/**
 * `reproduce`: read the setup an exported file carries, re-run its benchmark on this workspace, and compare every
 * recorded number (each summary figure by name, each chart's data table by its SHA-256) and every source file.
 */
import { inputs } from '../../../shared/contract'
import { decodeSeries } from '../../../shared/charts/series'
import type { NumberDifference, Provenance, Reproduction, SourceCheck } from '../../../shared/provenance'
import { AppFailure } from '../../../shared/result'
import type { Database } from '../db/duckdb'
import type { BenchmarkRequest } from '../../../shared/benchmark'
import { INSIGHT_TABLE_IDS, type InsightTableId } from '../../../shared/export'
import { insightTable } from '../export/insightTables'
import { chartDigests, comparableNumber, summaryNumbers, tableDigest } from '../export/provenance'
import { runBenchmark } from '../metrics/benchmark'
import { packageVersion } from '../version'
import { readProvenance } from './readProvenance'

function compareSources(recorded: Provenance['sources'], now: Provenance['sources']): SourceCheck[] {
  const nowSha = new Set(now.map((s) => s.sha256))
  const thenSha = new Set(recorded.map((s) => s.sha256))
  const checks: SourceCheck[] = recorded.map((s) => {
    if (nowSha.has(s.sha256)) return { fileName: s.fileName, sha256: s.sha256, status: 'same' }
    const renamed = now.find((n) => n.fileName === s.fileName && !thenSha.has(n.sha256))
    return renamed
      ? { fileName: s.fileName, sha256: s.sha256, status: 'changed', nowSha256: renamed.sha256 }
      : { fileName: s.fileName, sha256: s.sha256, status: 'missing' }
  })
  const changedTo = new Set(checks.map((c) => c.nowSha256).filter(Boolean))
  for (const n of now)
    if (!thenSha.has(n.sha256) && !changedTo.has(n.sha256))
      checks.push({ fileName: n.fileName, sha256: n.sha256, status: 'new' })
  return checks
}

function compareNumbers(
  recorded: Provenance['numbers'],
  now: Provenance['numbers']
): {
  checked: number
  differences: NumberDifference[]
} {
  const differences: NumberDifference[] = []
  const names = [...new Set([...Object.keys(recorded.summary), ...Object.keys(now.summary)])]
  for (const name of names) {
    const a = name in recorded.summary ? recorded.summary[name] : null
    const b = name in now.summary ? now.summary[name] : null
    if (!Object.is(comparableNumber(a), comparableNumber(b)) || !(name in recorded.summary) || !(name in now.summary))
      differences.push({ name, recorded: a, now: b })
  }
  let tables = 0
  for (const kind of ['chart', 'table'] as const) {
    const then = (kind === 'chart' ? recorded.charts : recorded.tables) ?? {}
    const again = (kind === 'chart' ? now.charts : now.tables) ?? {}
    for (const id of new Set([...Object.keys(then), ...Object.keys(again)])) {
      tables++
      const a = then[id]
      const b = again[id]
      if (a?.sha256 !== b?.sha256)
        differences.push({
          name: `${kind} ${id} (data table)`,
          recorded: a ? `${a.rows} rows, SHA-256 ${a.sha256.slice(0, 12)}…` : null,
          now: b ? `${b.rows} rows, SHA-256 ${b.sha256.slice(0, 12)}…` : null
        })
    }
  }
  return { checked: names.length + tables, differences }
}

/** The Insight tables the file recorded (its own content), computed again; none for other files. */
async function tablesNow(db: Database, recorded: Provenance['numbers'], request: BenchmarkRequest) {
  if (!recorded.tables) return undefined
  const out: Record<string, { rows: number; sha256: string }> = {}
  for (const id of Object.keys(recorded.tables)) {
    if (!(INSIGHT_TABLE_IDS as readonly string[]).includes(id)) continue // a table this version does not know
    out[id] = tableDigest((await insightTable(db, id as InsightTableId, request)).table)
  }
  return out
}

export async function reproduce(db: Database, path: string): Promise<Reproduction> {
  const p = await readProvenance(path)
  const request = inputs.benchmark.safeParse(p.request)
  if (!request.success)
    throw new AppFailure(
      'BAD_INPUT',
      `The setup's benchmark request is not one this version can run: ${request.error.issues[0]?.message}.`
    )
  const result = await db.withConnection((conn) => runBenchmark(conn, request.data))
  const series = decodeSeries(result.charts)
  const numbers = compareNumbers(p.numbers, {
    summary: summaryNumbers(result.summary),
    charts: chartDigests(result, series),
    tables: await tablesNow(db, p.numbers, request.data)
  })
  return {
    identical: numbers.differences.length === 0,
    artefact: p.artefact,
    setup: p.setup,
    recordedVersion: p.app.version,
    version: packageVersion(),
    checked: numbers.checked,
    differences: numbers.differences,
    sources: compareSources(p.sources, result.methodology.sourceFiles)
  }
}
