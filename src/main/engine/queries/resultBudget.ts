/**
 * Kept query results are held in the engine's memory for paging, so they are capped by size, not only by rows:
 * two `SELECT repeat('x', 500000000) FROM range(4)` within the row cap took the engine host to 8.9 GB.
 * Sizes are estimates of what the JS values hold (strings counted as UTF-16), checked value by value while the
 * result is converted, so a result over the cap stops at the first value past it instead of after the whole chunk.
 */
import { JsonDuckDBValueConverter, type DuckDBValueConverter, type Json } from '@duckdb/node-api'
import { AppFailure } from '../../../shared/result'

/** One result's share of the engine's memory. */
export const MAX_RESULT_BYTES = 512 * 1024 * 1024

/** Estimated bytes a converted JSON value holds. */
export function approxBytes(value: unknown): number {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? 16 + 2 * value.length : 8
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + approxBytes(v), 16)
  return Object.entries(value).reduce((sum, [k, v]) => sum + 16 + 2 * k.length + approxBytes(v), 16)
}

export function sizeLabel(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GB`
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}

export class ResultBudget {
  used = 0

  constructor(readonly limit: number) {}

  /**
   * A converter for one column of one chunk: converts the first `take` rows (the rest are beyond the row cap and
   * not converted at all) and counts each against the budget. `rowsBefore` only names the row in the error.
   */
  converter(take: number, rowsBefore: number): DuckDBValueConverter<Json> {
    let row = 0
    return (value, type) => {
      if (row++ >= take) return null
      const json = JsonDuckDBValueConverter(value, type, JsonDuckDBValueConverter)
      this.used += approxBytes(json) + 8
      if (this.used > this.limit) {
        throw new AppFailure(
          'RESULT_TOO_LARGE',
          `The result is larger than the ${sizeLabel(this.limit)} a query result may hold in memory (passed at row ${(rowsBefore + row).toLocaleString('en-US')}). Select fewer or shorter columns, aggregate, or add a LIMIT.`
        )
      }
      return json
    }
  }
}
