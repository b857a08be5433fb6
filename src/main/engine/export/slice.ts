/**
 * The export channels. The renderers (Plot, linkedom, resvg, pptxgenjs, exceljs) load with the first export, not
 * with the engine: this file is light, ./handlers is not.
 */
import type { Handlers } from '../../../shared/contract'
import type { Database } from '../db/duckdb'

const exporter = () => import('./handlers')

export function exportHandlers(db: Database) {
  return {
    exportChart: async (i) => (await exporter()).exportChart(db, i),
    exportChartData: async (i) => (await exporter()).exportChartData(db, i),
    exportInsightData: async (i) => (await exporter()).exportInsightData(db, i),
    exportDeck: async (i) => (await exporter()).exportDeck(db, i)
  } satisfies Partial<Handlers>
}
