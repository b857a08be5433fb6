/**
 * The saved-query channels, as one object engine.ts delegates to (one line per channel there).
 */
import type {
  ParamDef,
  ParamValue,
  QueryDraft,
  QueryPackPreview,
  QueryResultInfo,
  SavedQuery
} from '../../../shared/queries'
import { AppFailure } from '../../../shared/result'
import type { DataPage } from '../../../shared/types'
import type { Database } from '../db/duckdb'
import type { UndoStack } from '../undo/stack'
import { listTopics } from '../metrics/topics'
import { packFileName, parsePack, readPackFile, toPack } from './pack'
import { packWarnings } from './packCheck'
import { MAX_RESULT_BYTES } from './resultBudget'
import { ResultStore } from './results'
import { DEFAULT_LIMITS, type SandboxLimits } from './limits'
import { openSandbox } from './sandbox'
import { sqlSchema } from './schema'
import { STARTER_QUERIES } from './starters'
import * as store from './store'
import { runUserSql } from './userSql'

/** Rows of one result held for paging; beyond this the result says `truncated`. */
export const MAX_RESULT_ROWS = 250_000

export interface QueryServiceOptions {
  limits?: Partial<SandboxLimits>
  maxRows?: number
  /** Per kept result; the store keeps at most twice this over all results (resultBudget.ts). */
  maxResultBytes?: number
}

export interface RunInput {
  runId: string
  sql: string
  params?: ParamDef[]
  values?: Record<string, ParamValue>
}

export type QueryService = ReturnType<typeof createQueryService>

export function createQueryService(db: Database, dbFile: string, options: QueryServiceOptions = {}) {
  const limits: SandboxLimits = { ...DEFAULT_LIMITS, ...options.limits }
  const maxRows = options.maxRows ?? MAX_RESULT_ROWS
  const maxBytes = options.maxResultBytes ?? MAX_RESULT_BYTES
  const results = new ResultStore(2 * maxBytes)
  const runs = new Map<string, AbortController>()

  const run = async ({ runId, sql, params = [], values = {} }: RunInput): Promise<QueryResultInfo> => {
    if (runs.has(runId)) throw new AppFailure('BAD_INPUT', `Query run ${runId} is already running.`)
    const controller = new AbortController()
    runs.set(runId, controller)
    try {
      // Attach between writes, never in the middle of one, so the snapshot is of committed data.
      const sandbox = await db.write(() => openSandbox(dbFile, limits))
      try {
        const m = await runUserSql(sandbox.conn, sql, {
          values,
          params,
          timeoutMs: limits.timeoutMs,
          maxRows,
          maxBytes,
          signal: controller.signal
        })
        return results.add(m)
      } finally {
        sandbox.close()
      }
    } finally {
      runs.delete(runId)
    }
  }

  return {
    /** Seed the starter queries the first time a workspace opens with the query library. */
    seed: () => seedStarters(db),
    list: (search?: string): Promise<SavedQuery[]> => store.listQueries(db, search),
    get: (id: number) => store.getQuery(db, id),
    save: ({ id, query }: { id?: number | null; query: QueryDraft }) =>
      id ? store.updateQuery(db, id, query) : store.createQuery(db, query),
    rename: ({ id, name }: { id: number; name: string }) => store.renameQuery(db, id, name),
    duplicate: ({ id }: { id: number }) => store.duplicateQuery(db, id),
    remove: ({ id }: { id: number }, undo: UndoStack) => store.deleteQuery(db, undo, id),
    restore: ({ id }: { id: number }) => store.restoreQuery(db, id),
    run,
    page: async ({ resultId, offset, limit }: { resultId: string; offset: number; limit: number }): Promise<DataPage> =>
      results.page(resultId, offset, limit),
    cancel: async ({ runId }: { runId: string }) => {
      const job = runs.get(runId)
      job?.abort()
      return { cancelled: !!job }
    },
    exportQueries: async ({ ids, topics }: { ids: number[]; topics?: boolean }) => {
      const queries = await Promise.all(ids.map((id) => store.getQuery(db, id)))
      const rules = topics ? await listTopics(db) : []
      return { fileName: packFileName(queries), text: `${JSON.stringify(toPack(queries, rules), null, 2)}\n` }
    },
    readPack: async ({ path, text }: { path?: string; text?: string }): Promise<QueryPackPreview> => {
      const pack = path ? await readPackFile(path) : parsePack(text ?? '')
      return { ...pack, warnings: await packWarnings(pack.queries) }
    },
    importQueries: async ({ queries }: { queries: QueryDraft[] }): Promise<SavedQuery[]> => {
      const saved: SavedQuery[] = []
      for (const q of queries) saved.push(await store.createQuery(db, q))
      return saved
    },
    schema: () => sqlSchema(db),
    /** What a chart of a kept result draws: its first rows (the app charts the same number). */
    chartInput: (resultId: string, limit: number) => results.chartInput(resultId, limit),
    /** Run a saved query by name (CLI): its parameter defaults, overridden by `values`. */
    runSaved: async (name: string, values: Record<string, ParamValue>) => {
      const q = await store.findQueryByName(db, name)
      const info = await run({ runId: `cli-${Date.now()}`, sql: q.sql, params: q.params, values })
      return { query: q, info, rows: results.rows(info.resultId) }
    }
  }
}

async function seedStarters(db: Database): Promise<void> {
  const seeded = await db.all(`SELECT count(*) AS n FROM saved_query_seeds`)
  if (Number(seeded[0].n) > 0) return
  for (const q of STARTER_QUERIES) await store.createQuery(db, q, true)
  await db.write((conn) => conn.run(`INSERT INTO saved_query_seeds VALUES (1, now()::TIMESTAMP)`))
}
