/** The SQL editor's channels: the saved-query library, runs in the sandbox, result pages, query packs, the schema. */
import type { Handlers } from '../../../shared/contract'
import { QUERY_CHART_ROWS } from '../../../shared/queries'
import type { UndoStack } from '../undo/stack'
import type { QueryService } from './service'

/** `institutions`: the workspace's institutions, whose colours a query chart's institution-name column takes. */
export function queryHandlers(
  queries: QueryService,
  undo: UndoStack,
  institutions: () => Promise<{ name: string; color: string }[]>
) {
  return {
    listQueries: (i) => queries.list(i?.search),
    saveQuery: (i) => queries.save(i),
    renameQuery: (i) => queries.rename(i),
    duplicateQuery: (i) => queries.duplicate(i),
    deleteQuery: (i) => queries.remove(i, undo),
    restoreQuery: (i) => queries.restore(i),
    runQuery: (i) => queries.run(i),
    queryPage: (i) => queries.page(i),
    cancelQuery: (i) => queries.cancel(i),
    exportQueries: (i) => queries.exportQueries(i),
    readQueryPack: (i) => queries.readPack(i),
    importQueries: (i) => queries.importQueries(i),
    sqlSchema: () => queries.schema(),
    // Plot, linkedom and resvg load with the first export, not with the engine.
    exportQueryChart: async (i) =>
      (await import('../export/queryChart')).queryChartFile(
        queries.chartInput(i.resultId, QUERY_CHART_ROWS),
        i,
        await institutions()
      )
  } satisfies Partial<Handlers>
}
