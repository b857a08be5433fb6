/** The `reproduce` channel; its module loads the chart code with the first call, as the export channels do. */
import type { Handlers } from '../../../shared/contract'
import type { Database } from '../db/duckdb'

export function reproduceHandlers(db: Database) {
  return {
    reproduce: async ({ path }) => (await import('./reproduce')).reproduce(db, path)
  } satisfies Partial<Handlers>
}
