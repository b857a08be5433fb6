/**
 * The engine: a workspace's DuckDB plus the handlers of every channel. Plain Node: the CLI, the tests, the
 * browser test harness and Electron's engine host all drive this same object.
 */
import type { Channel, EventName } from '../../shared/channels'
import type { EventPayloads, Handlers, Input, Outputs } from '../../shared/contract'
import type { Result } from '../../shared/result'
import { listInstitutions } from './canonical/institutions'
import { canonicalHandlers } from './canonical/slice'
import { datasetHandlers, dropOrphanTables, findBySha256 } from './datasets'
import { Database } from './db/duckdb'
import { migrateWithBackup } from './db/upgrade'
import { dispatch } from './dispatch'
import { reproduceHandlers } from './reproduce/slice'
import { exportHandlers } from './export/slice'
import { repairUnfinishedImports } from './import/pendingImports'
import { importHandlers } from './import/slice'
import { metricsHandlers } from './metrics/slice'
import { createQueryService } from './queries/service'
import { queryHandlers } from './queries/slice'
import { timelineHandlers } from './timeline/slice'
import { undoHandlers } from './undo/slice'
import { UndoStack } from './undo/stack'
import { purgeTrash } from './undo/trash'
import { packageVersion } from './version'
import { workspaceFileHandlers } from './workspaceFiles/slice'
import { prepareWorkspaceDir, workspacePaths, type WorkspacePaths } from './workspace'

export type EventListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void

/** A channel whose input may be left out (`z.void()` or an optional object) takes no argument. */
export type CallArgs<C extends Channel> = undefined extends Input<C> ? [input?: Input<C>] : [input: Input<C>]

export interface EngineOptions {
  logPath?: string | null
}

export interface Engine {
  readonly paths: WorkspacePaths
  /**
   * The front door: the input is checked against the contract (src/shared/contract.ts) exactly as for the
   * app's calls, then the channel's handler runs; any failure comes back as a Result, never a throw.
   */
  call<C extends Channel>(channel: C, ...input: CallArgs<C>): Promise<Result<Outputs[C]>>
  /** The same door for a call that arrives as data (the host's messages): channel and input are unchecked. */
  callWire(channel: string, input: unknown): Promise<Result<unknown>>
  onEvent(listener: EventListener): () => void
  /** Close at once. What undo kept is purged when the workspace next opens. */
  close(): void
  /** Close cleanly: every undoable action becomes final and its trash is purged, then the database closes. */
  shutdown(): Promise<void>
}

export async function openEngine(dir: string, options: EngineOptions = {}): Promise<Engine> {
  const paths = workspacePaths(dir)
  await prepareWorkspaceDir(paths)
  const db = await Database.open(paths.dbFile)
  // An older schema is upgraded after a backup copy of the file (db/upgrade.ts); a newer one is refused untouched.
  let migrated: Awaited<ReturnType<typeof migrateWithBackup>>
  try {
    migrated = await migrateWithBackup(db, paths.dbFile)
  } catch (err) {
    db.close()
    throw err
  }
  const { version: schemaVersion, upgrade } = migrated
  // A crash between an import's two commits leaves its raw table without a catalogue row (see importer.ts), and
  // possibly canonical rows under its id (see pendingImports.ts).
  await repairUnfinishedImports(db)
  await dropOrphanTables(db)
  // Undo lasts as long as the workspace is open: what an earlier session kept for it (it crashed, or was killed
  // before its close purged) is made final now.
  await purgeTrash(db)
  const undo = new UndoStack(db)
  const queries = createQueryService(db, paths.dbFile)
  await queries.seed()
  const listeners = new Set<EventListener>()
  const emit: EventListener = (event, payload) => listeners.forEach((l) => l(event, payload))
  const imports = importHandlers(db, paths.tmpDir, (progress) => emit('importProgress', progress))

  // Each domain owns its channels (its slice, `satisfies Partial<Handlers>`, so a misspelt channel fails to
  // compile there); the engine adds the workspace's own two. `satisfies Handlers` makes a channel that no slice
  // answers a compile error, as Actual's createApp slices are combined.
  const handlers = {
    appInfo: async () => ({
      name: 'Socialbench',
      version: packageVersion(),
      logPath: options.logPath ?? null,
      workspacePath: paths.dir
    }),
    workspaceInfo: async () => {
      const n = Number((await db.all(`SELECT count(*) AS n FROM datasets`))[0].n)
      return { path: paths.dir, schemaVersion, datasetCount: n, isEmpty: n === 0, upgrade }
    },
    ...datasetHandlers(db, undo),
    ...imports.handlers,
    ...canonicalHandlers(db, undo),
    ...metricsHandlers(db),
    ...timelineHandlers(db, undo),
    ...queryHandlers(queries, undo, () => listInstitutions(db)),
    ...exportHandlers(db),
    ...reproduceHandlers(db),
    ...workspaceFileHandlers(db, paths),
    ...undoHandlers(undo)
  } satisfies Handlers

  const engine: Engine = {
    paths,
    call: (channel, ...input) => dispatch(handlers, channel, input[0]) as Promise<Result<Outputs[typeof channel]>>,
    callWire: (channel, input) => dispatch(handlers, channel, input),
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close() {
      imports.abortAll()
      db.close()
    },
    async shutdown() {
      imports.abortAll()
      try {
        await undo.clear()
      } finally {
        db.close()
      }
    }
  }
  databases.set(engine, db)
  return engine
}

const databases = new WeakMap<Engine, Database>()

/**
 * TEST-ONLY: the engine's database, behind no contract. Tests assert on what no channel shows (raw ds_ tables,
 * canonical rows, the settings a crash leaves behind) and stage such states; the bench profiles the two
 * connections. Everything else goes through `call`: eslint.config.mjs allows this import only in tests and
 * scripts/bench. One accessor, rather than a public `db`, so that a reach past the front door is greppable.
 */
export function databaseForTests(engine: Engine): Database {
  const db = databases.get(engine)
  if (!db) throw new Error('databaseForTests: not an engine opened by openEngine')
  return db
}

export { findBySha256 }
