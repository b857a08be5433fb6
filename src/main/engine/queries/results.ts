/**
 * Results of user queries, held in memory so the grid can page through them without running the query again.
 * Only the few most recent are kept, within a memory budget: a result is a snapshot the user is looking at, not a cache.
 */
import { randomUUID } from 'node:crypto'
import type { QueryResultInfo } from '../../../shared/queries'
import { AppFailure } from '../../../shared/result'
import type { DataPage } from '../../../shared/types'
import type { Materialized } from './userSql'

const KEEP = 6

export class ResultStore {
  private readonly results = new Map<string, Materialized>()

  /** `maxBytes`: the estimated memory all kept results may hold together; the oldest go first past it. */
  constructor(private readonly maxBytes = Number.POSITIVE_INFINITY) {}

  add(result: Materialized): QueryResultInfo {
    const resultId = randomUUID()
    this.results.set(resultId, result)
    const held = () => [...this.results.values()].reduce((sum, r) => sum + r.bytes, 0)
    while (this.results.size > 1 && (this.results.size > KEEP || held() > this.maxBytes)) {
      this.results.delete(this.results.keys().next().value as string)
    }
    return {
      resultId,
      columns: result.columns.map(({ name, type }) => ({ name, type })),
      rowCount: result.rowCount,
      truncated: result.truncated,
      elapsedMs: result.elapsedMs,
      statementType: result.statementType
    }
  }

  async page(resultId: string, offset: number, limit: number): Promise<DataPage> {
    const r = this.results.get(resultId)
    if (!r) throw new AppFailure('NOT_FOUND', 'This result is no longer kept; run the query again.')
    const end = Math.min(r.rowCount, offset + limit)
    const start = Math.min(offset, end)
    // Arrow loads with the first page, not with the engine (see datasets.ts).
    const { columnsToArrowIpc } = await import('../arrowPage')
    const arrow = columnsToArrowIpc(
      r.columns.map((c) => c.name),
      r.columns.map((c) => c.typeId),
      r.data.map((col) => col.slice(start, end))
    )
    return { arrow, offset: start, totalRows: r.rowCount }
  }

  /** The first `limit` rows as plain objects with the column types, for a chart; NOT_FOUND once the result is dropped. */
  chartInput(
    resultId: string,
    limit: number
  ): { columns: { name: string; type: string }[]; rows: Record<string, unknown>[]; rowCount: number } {
    const r = this.results.get(resultId)
    if (!r) throw new AppFailure('NOT_FOUND', 'This result is no longer kept; run the query again.')
    const n = Math.min(limit, r.rowCount)
    const rows = Array.from({ length: n }, (_, i) =>
      Object.fromEntries(r.columns.map((c, j) => [c.name, r.data[j][i]]))
    )
    return { columns: r.columns.map((c) => ({ name: c.name, type: c.type })), rows, rowCount: r.rowCount }
  }

  /** All rows as plain objects (CLI --json, small results only). */
  rows(resultId: string): Record<string, unknown>[] {
    const r = this.results.get(resultId)
    if (!r) return []
    return Array.from({ length: r.rowCount }, (_, i) =>
      Object.fromEntries(r.columns.map((c, j) => [c.name, r.data[j][i]]))
    )
  }
}

/** Unique column names: a result may hold two columns called `count`, an Arrow table cannot. */
export function dedupeNames(names: string[]): string[] {
  const seen = new Map<string, number>()
  return names.map((n) => {
    const k = seen.get(n) ?? 0
    seen.set(n, k + 1)
    return k === 0 ? n : `${n}_${k}`
  })
}
