/**
 * Item 8: the grid's engine side on the big grid dataset, through the front door (datasetPage, Arrow packaging
 * included): a search for digits and for text, a text and a number sort (first page, and a page in the middle), each
 * as a ratio to one plain scan of the same table in the same run (`SELECT … FROM ds WHERE contains(text, …)`: what
 * any question about every row costs at least). Also the engine's resident memory at its peak during them, since a
 * view the grid materialises holds rows in DuckDB's memory.
 */
import type { Engine } from '../../src/main/engine/engine'
import { databaseForTests } from '../../src/main/engine/engine'
import { invoke } from '../../src/main/engine/invoke'
import type { GridView } from '../../src/shared/gridView'
import { median, record, time } from './report'

const PAGE = 200

interface Case {
  name: string
  view: GridView
  /** Where the page starts, as a fraction of the rows (0: the first page). */
  at: number
  /** Then ask for the next page, as scrolling on does: it reads what the first one built. */
  again?: boolean
}

const CASES: Case[] = [
  { name: 'search digits "4242"', view: { search: '4242' }, at: 0 },
  { name: 'search text "post 42424"', view: { search: 'post 42424' }, at: 0 },
  { name: 'search, no match "zzqx"', view: { search: 'zzqx' }, at: 0 },
  { name: 'sort text ↑, first page', view: { sort: { column: 'text', direction: 'asc' } }, at: 0 },
  { name: 'sort number ↓, first page', view: { sort: { column: 'likes', direction: 'desc' } }, at: 0 },
  { name: 'sort number ↓, middle page', view: { sort: { column: 'likes', direction: 'desc' } }, at: 0.5, again: true },
  { name: 'sort text ↓, middle page', view: { sort: { column: 'text', direction: 'desc' } }, at: 0.5, again: true }
]

export async function gridBench(engine: Engine, datasetId: number, rows: number, label: string): Promise<void> {
  const db = databaseForTests(engine)
  const table = `ds_${datasetId}`
  // The yardstick: one pass over the table's widest text column, as a search must read it.
  const scanSql = `SELECT count(*) FROM ${table} WHERE contains(lower(text), 'zzqx')`
  await db.reader.runAndReadAll(scanSql)
  const scans: number[] = []
  for (let i = 0; i < 3; i++) scans.push((await time(() => db.reader.runAndReadAll(scanSql))).ms)
  const scanMs = median(scans)

  for (const c of CASES) {
    const offset = Math.floor(rows * c.at)
    const run = (at: number) => invoke(engine, 'datasetPage', { datasetId, offset: at, limit: PAGE, ...c.view })
    const peak = rssWatch()
    const first = await time(() => run(offset))
    const second = c.again ? await time(() => run(offset + PAGE)) : null
    const peakMB = peak.stop()
    record({
      item: '8',
      name: `grid ${c.name} (${label} rows) vs one scan`,
      raw: {
        grid: first.ms,
        ...(second ? { 'next page': second.ms } : {}),
        scan: scanMs,
        'peak RSS MB': peakMB,
        'matched rows': first.value.totalRows
      },
      ratio: first.ms / scanMs,
      target: 'informational (≈1: one scan)',
      pass: null
    })
  }
}

/** Highest resident set size (the engine runs in this process) while it runs, in MB. */
function rssWatch(): { stop(): number } {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 50)
  return {
    stop() {
      clearInterval(timer)
      return Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20)
    }
  }
}
