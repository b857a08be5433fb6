/** How to read a JSON document or NDJSON file with DuckDB as one flat table of records. */
import type { DuckDBConnection } from '@duckdb/node-api'
import { AppFailure } from '../../../shared/result'
import { ident, literal } from '../db/sql'
import { MAX_JSON_DOCUMENT_BYTES } from './limits'

export interface JsonPlan {
  /** FROM clause and SELECT list that yield one row per record. */
  from: string
  selectList: string
  /** The key of the array inside a top-level object, when that is where the records are. */
  jsonPath: string | null
}

export async function planJson(
  conn: DuckDBConnection,
  path: string,
  fileName: string,
  kind: 'json' | 'ndjson',
  sizeBytes: number,
  topLevel: 'array' | 'object'
): Promise<JsonPlan> {
  if (kind === 'ndjson') {
    return { from: `read_json(${literal(path)}, format='newline_delimited')`, selectList: '*', jsonPath: null }
  }
  if (sizeBytes > MAX_JSON_DOCUMENT_BYTES) {
    throw new AppFailure(
      'IMPORT_FAILED',
      `${fileName} is a single JSON document of ${Math.round(sizeBytes / 1e6)} MB; documents over ${MAX_JSON_DOCUMENT_BYTES / 1e6} MB cannot be read at once. Export it as NDJSON (one record per line) instead.`
    )
  }
  // The whole document is one value, so the object size limit must cover the file.
  const size = Math.max(16 * 1024 * 1024, sizeBytes + 1024)
  const read = `read_json(${literal(path)}, maximum_object_size=${size})`
  if (topLevel === 'array') return { from: read, selectList: '*', jsonPath: null }
  // An object: the records are in its largest array-valued key (e.g. ActivityStreams "orderedItems", "data").
  const described = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${read}`)
  const arrays = (described.getRowObjectsJson() as { column_name: string; column_type: string }[]).filter((c) =>
    c.column_type.endsWith('[]')
  )
  if (arrays.length === 0) {
    return { from: read, selectList: '*', jsonPath: null }
  }
  let best = arrays[0].column_name
  let bestLen = -1
  for (const a of arrays) {
    const r = await conn.runAndReadAll(`SELECT coalesce(len(${ident(a.column_name)}), 0) AS n FROM ${read}`)
    const n = Number((r.getRowObjectsJson()[0] as { n: string | number }).n)
    if (n > bestLen) {
      best = a.column_name
      bestLen = n
    }
  }
  const isStructList = arrays.find((a) => a.column_name === best)!.column_type.startsWith('STRUCT')
  // max_depth 2 unnests the list and then the record struct into columns.
  const selectList = isStructList ? `unnest(${ident(best)}, max_depth := 2)` : `unnest(${ident(best)}) AS value`
  return { from: read, selectList, jsonPath: best }
}
