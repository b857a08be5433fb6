/**
 * `--csv FILE` of compare, conventions, mix and topics: the engine's own Insight table file (the `exportInsightData`
 * channel, the same bytes as the dashboard's Download CSV) and its setup beside it as FILE.provenance.json, so
 * `socialbench reproduce FILE` can say whether the table and the benchmark behind it are unchanged.
 */
import { writeFileSync } from 'node:fs'
import type { Input } from '../shared/contract'
import type { InsightTableId } from '../shared/export'
import { invoke, type Engine } from '../main/engine/api'

export async function writeInsightCsv(
  engine: Engine,
  tableId: InsightTableId,
  request: Input<'exportInsightData'>['request'],
  file: string
): Promise<void> {
  const f = await invoke(engine, 'exportInsightData', { request, tableId, format: 'csv' })
  writeFileSync(file, f.bytes)
  if (f.sidecar) writeFileSync(`${file}${f.sidecar.suffix}`, f.sidecar.bytes)
}
