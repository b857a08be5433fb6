/**
 * Materialised grid views. A sorted or filtered view of a raw table is computed once, into a TEMP table holding
 * its rows in view order, and every page after that is a LIMIT/OFFSET over it: a page deep into a 10M-row sort, or
 * the second page of a search that matched 300 rows, no longer re-sorts or re-scans the whole table. The row count
 * of a filtered view is the TEMP table's, so no separate count either. Raw tables never change after import, so a
 * view stays valid until it is evicted (the last few are kept) or the workspace closes.
 */
import type { DuckDBResultReader, DuckDBValue } from '@duckdb/node-api'
import type { DatasetSummary } from '../../shared/types'
import type { Database, ReadConn } from './db/duckdb'
import { ident } from './db/sql'

/** Views kept at once: enough to flip between a few sorts and filters; each may hold a copy of a big table. */
const MAX_VIEWS = 3
/**
 * A sorted, unfiltered view is built only when a page past this many rows is asked for: near the top DuckDB's top-N
 * answers straight from the table, so clicking a header shows rows at once and costs no copy of the table.
 */
const DIRECT_ROWS = 10_000

interface View {
  /** Its own connection (TEMP tables are per connection), so building one view never queues behind another. */
  conn: ReadConn
  name: string
  rows: number
}

export interface ViewQuery {
  dataset: DatasetSummary
  /** `WHERE …` or '' (values as $n placeholders in `params`). */
  where: string
  /** `ORDER BY …` or ''. */
  orderBy: string
  params: DuckDBValue[]
}

export class GridViews {
  private readonly entries = new Map<string, Promise<View>>()
  private seq = 0

  constructor(private readonly db: Database) {}

  /** Rows [offset, offset + limit) of the view and its row count. */
  async page(q: ViewQuery, offset: number, limit: number): Promise<{ reader: DuckDBResultReader; total: number }> {
    const key = JSON.stringify([q.dataset.id, q.dataset.tableName, q.dataset.rows, q.where, q.orderBy, q.params])
    if (!q.where && !this.entries.has(key) && offset + limit <= DIRECT_ROWS) {
      const n = q.params.length
      const reader = await this.db.reader.runAndReadAll(
        `SELECT * FROM ${ident(q.dataset.tableName)} ${q.orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...q.params, limit, offset]
      )
      return { reader, total: q.dataset.rows }
    }
    const view = await this.view(key, q)
    const reader = await view.conn.runAndReadAll(`SELECT * FROM temp.main.${ident(view.name)} LIMIT $1 OFFSET $2`, [
      limit,
      offset
    ])
    return { reader, total: view.rows }
  }

  private view(key: string, q: ViewQuery): Promise<View> {
    const found = this.entries.get(key)
    if (found) {
      // Most recently used last, so eviction takes the oldest.
      this.entries.delete(key)
      this.entries.set(key, found)
      return found
    }
    const view = this.build(q)
    view.catch(() => this.entries.delete(key))
    this.entries.set(key, view)
    while (this.entries.size > MAX_VIEWS) {
      const [oldKey, old] = this.entries.entries().next().value as [string, Promise<View>]
      this.entries.delete(oldKey)
      // Closing the connection drops its TEMP table; a page still reading it fails, and the grid ignores answers
      // for a view it has left.
      void old.then((v) => this.db.closeConnection(v.conn)).catch(() => undefined)
    }
    return view
  }

  private async build(q: ViewQuery): Promise<View> {
    const conn = await this.db.connectReader()
    const name = `grid_view_${++this.seq}`
    // Without ORDER BY the rows keep the table's order (DuckDB preserves insertion order), as the grid shows them.
    await conn.run(
      `CREATE TEMP TABLE ${ident(name)} AS SELECT * FROM ${ident(q.dataset.tableName)} ${q.where} ${q.orderBy}`,
      q.params
    )
    const count = await conn.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM temp.main.${ident(name)}`)
    return { conn, name, rows: Number(count.getRowObjectsJson()[0].n) }
  }
}
