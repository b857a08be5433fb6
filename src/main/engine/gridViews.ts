/**
 * Materialised grid views. A sorted or filtered view of a raw table is computed once, into a TEMP table holding
 * the rowids of its rows in view order, and every page after that is a LIMIT/OFFSET over it: a page deep into a
 * 10M-row sort, or the second page of a search that matched 300 rows, no longer re-sorts or re-scans the whole table.
 * The row count of a filtered view is the TEMP table's, so no separate count either. Raw tables never change after
 * import (an undone delete renames, which keeps rowids), so a view stays valid until it is evicted (the last few are
 * kept) or the workspace closes.
 *
 * Only rowids, not the rows: sorting and keeping 8 bytes a row instead of every column is what makes a deep sort of
 * 10M rows take a second rather than most of a minute and hold ~80 MB rather than spill gigabytes (bench item 8).
 * A page then fetches its rows by rowid, which DuckDB answers from the row groups that hold them.
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
/**
 * The rows of a view are fetched by rowid a block at a time, into a small TEMP table the pages of that block are then
 * read from. The rowids of a sorted view are scattered over the table, so one fetch reads most of its row groups
 * whether it asks for 200 rows or 10,000: scrolling on costs one such read per block, not per page. A multiple of
 * the grid's page (usePages, 200 rows), so its pages never straddle two blocks.
 */
const BLOCK_ROWS = 10_000
/** Blocks kept per view: the one scrolled in and its neighbours either way. */
const MAX_BLOCKS = 4
/**
 * A block costs about a read of every column of the table (10,000 rowids spread over it), ~2 s on 10M rows, while
 * one page fetched by its own rowids costs a fraction of that once DuckDB pushes the rowids into the scan as a list
 * rather than a min/max range (its `dynamic_or_filter_threshold`, 50 by default, raised on the views' connections
 * to the largest page). So the first page asked for in a block is fetched on its own, which is what a click on a
 * filter or a jump down a sort waits for; only a second page in the same block, i.e. scrolling there, builds it.
 */
const DIRECT_FETCH_IDS = 2_000

interface View {
  /** Its own connection (TEMP tables are per connection), so building one view never queues behind another. */
  conn: ReadConn
  name: string
  rows: number
  /** Block index → its TEMP table, most recently used last. */
  blocks: Map<number, Promise<string>>
  /** Blocks a page was fetched from on its own: the next page there builds the block. */
  touched: Set<number>
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
    const table = q.dataset.tableName
    const b = Math.floor(offset / BLOCK_ROWS)
    const firstInBlock = !view.blocks.has(b) && !view.touched.has(b)
    if (firstInBlock) view.touched.add(b)
    if (!firstInBlock && Math.floor((offset + limit - 1) / BLOCK_ROWS) === b) {
      try {
        const block = await this.block(view, table, b)
        const reader = await view.conn.runAndReadAll(`SELECT * FROM temp.main.${ident(block)} LIMIT $1 OFFSET $2`, [
          limit,
          offset - b * BLOCK_ROWS
        ])
        return { reader, total: view.rows }
      } catch {
        // The block was evicted by a page of another block in between: fetch this page on its own.
      }
    }
    // The first page in a block, and a copy's rows from an arbitrary row (readRows) that straddle blocks, are
    // fetched as they are asked for.
    const ids = await rowidsOf(view, offset, limit)
    return { reader: await view.conn.runAndReadAll(rowsByRowid(table, ids)), total: view.rows }
  }

  private block(view: View, table: string, b: number): Promise<string> {
    const found = view.blocks.get(b)
    if (found) {
      view.blocks.delete(b)
      view.blocks.set(b, found)
      return found
    }
    const name = `${view.name}_b${b}`
    const built = (async () => {
      const ids = await rowidsOf(view, b * BLOCK_ROWS, BLOCK_ROWS)
      await view.conn.run(`CREATE TEMP TABLE ${ident(name)} AS ${rowsByRowid(table, ids)}`)
      return name
    })()
    built.catch(() => view.blocks.delete(b))
    view.blocks.set(b, built)
    while (view.blocks.size > MAX_BLOCKS) {
      const [oldB, old] = view.blocks.entries().next().value as [number, Promise<string>]
      view.blocks.delete(oldB)
      void old.then((t) => view.conn.run(`DROP TABLE IF EXISTS temp.main.${ident(t)}`)).catch(() => undefined)
    }
    return built
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
    await conn.run(`SET SESSION dynamic_or_filter_threshold = ${DIRECT_FETCH_IDS}`)
    const name = `grid_view_${++this.seq}`
    // Without ORDER BY the rows keep the table's order (DuckDB preserves insertion order), as the grid shows them.
    await conn.run(
      `CREATE TEMP TABLE ${ident(name)} AS SELECT rowid AS r FROM ${ident(q.dataset.tableName)} ${q.where} ${q.orderBy}`,
      q.params
    )
    const count = await conn.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM temp.main.${ident(name)}`)
    return { conn, name, rows: Number(count.getRowObjectsJson()[0].n), blocks: new Map(), touched: new Set() }
  }
}

/** The rowids of the view's rows [offset, offset + limit). */
async function rowidsOf(view: View, offset: number, limit: number): Promise<string[]> {
  const r = await view.conn.runAndReadAll(`SELECT r FROM temp.main.${ident(view.name)} LIMIT $1 OFFSET $2`, [
    limit,
    offset
  ])
  return r.getRows().map((row) => String(row[0]))
}

/**
 * The rows with these rowids, in this order. The ids go in as a list literal (they are DuckDB's own integers, checked
 * to be digits): with a literal, the scan is told the rowids and skips the row groups without any; a join with the
 * view's table or `IN (SELECT …)` reads every row of the table instead.
 */
function rowsByRowid(table: string, ids: string[]): string {
  if (!ids.length) return `SELECT * FROM ${ident(table)} LIMIT 0`
  if (!ids.every((id) => /^\d+$/.test(id))) throw new Error('a grid view holds a rowid that is not an integer')
  return `SELECT t.* FROM (SELECT unnest(l) AS r, generate_subscripts(l, 1) AS k FROM (SELECT [${ids.join(', ')}] AS l)) p
     JOIN ${ident(table)} t ON t.rowid = p.r ORDER BY p.k`
}
