/**
 * The engine: a workspace's DuckDB plus the handlers of every channel. Plain Node: the CLI, the tests, the
 * browser test harness and Electron's engine host all drive this same object.
 */
import type { Channel, EventName } from '../../shared/channels'
import type { EventPayloads, Handlers, Input, Outputs } from '../../shared/contract'
import { AppFailure, type Result } from '../../shared/result'
import type { DatasetSummary, ImportOptions } from '../../shared/types'
import { Database } from './db/duckdb'
import { LATEST_SCHEMA_VERSION, migrate } from './db/migrations'
import { datasetPage, deleteDataset, dropOrphanTables, findBySha256, listDatasets, renameDataset } from './datasets'
import { importFile, previewImport } from './import/importer'
import { loadSample, readSampleManifest } from './loadSample'
import { assignAccount, listAccounts, suggestAssignments } from './canonical/accounts'
import { mergeAccounts, renameAccount } from './canonical/accountMerge'
import { createInstitution, deleteInstitution, listInstitutions, updateInstitution } from './canonical/institutions'
import { applyMapping, getMapping, saveMapping } from './canonical/mappings'
import { listRejects } from './canonical/rejects'
import { setUpSampleInstitutions } from './canonical/sampleInstitutions'
import { getPrivacyDefaults, setPrivacyDefaults } from './canonical/settings'
import { runBenchmark } from './metrics/benchmark'
import { benchmarkStats } from './metrics/comparisons'
import { repairUnfinishedImports } from './import/pendingImports'
import { deleteSetup, listSetups, saveSetup } from './metrics/setups'
import { exportEvents, importEvents } from './timeline/eventCsv'
import { addEvent, deleteEvent, listEvents, updateEvent } from './timeline/eventStore'
import { enableObservances } from './timeline/observances'
import { createQueryService } from './queries/service'
import { dispatch } from './dispatch'
import { packageVersion } from './version'
import { prepareWorkspaceDir, workspacePaths, type WorkspacePaths } from './workspace'

/** The renderers (Plot, linkedom, resvg, pptxgenjs, exceljs) load with the first export, not with the engine. */
const exporter = () => import('./export/handlers')

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
  close(): void
}

export async function openEngine(dir: string, options: EngineOptions = {}): Promise<Engine> {
  const paths = workspacePaths(dir)
  await prepareWorkspaceDir(paths)
  const db = await Database.open(paths.dbFile)
  const schemaVersion = await migrate(db)
  if (schemaVersion > LATEST_SCHEMA_VERSION) {
    db.close()
    throw new AppFailure('INTERNAL', `This workspace was written by a newer Socialbench (schema ${schemaVersion}).`)
  }
  // A crash between an import's two commits leaves its raw table without a catalogue row (see importer.ts), and
  // possibly canonical rows under its id (see pendingImports.ts).
  await repairUnfinishedImports(db)
  await dropOrphanTables(db)
  const queries = createQueryService(db, paths.dbFile)
  await queries.seed()
  const listeners = new Set<EventListener>()
  const emit: EventListener = (event, payload) => listeners.forEach((l) => l(event, payload))
  const jobs = new Map<string, AbortController>()

  const importOne = async (path: string, opts: ImportOptions = {}): Promise<DatasetSummary | null> => {
    const r = await importFile(db, paths.tmpDir, {
      path,
      options: opts,
      allowDuplicate: false,
      signal: new AbortController().signal,
      onProgress: () => {}
    }).catch(async (err) => {
      // Loading the sample twice is not an error: the file is simply there already.
      if (err instanceof AppFailure && err.code === 'DUPLICATE') return null
      throw err
    })
    return r?.dataset ?? null
  }

  const handlers: Handlers = {
    appInfo: async () => ({
      name: 'Socialbench',
      version: packageVersion(),
      logPath: options.logPath ?? null,
      workspacePath: paths.dir
    }),
    listInstitutions: () => listInstitutions(db),
    createInstitution: (i) => createInstitution(db, i),
    updateInstitution: (i) => updateInstitution(db, i),
    deleteInstitution: ({ institutionId }) => deleteInstitution(db, institutionId),
    listAccounts: () => listAccounts(db),
    assignAccount: ({ accountId, institutionId }) => assignAccount(db, accountId, institutionId),
    renameAccount: ({ accountId, displayName }) => renameAccount(db, accountId, displayName),
    mergeAccounts: ({ fromId, intoId }) => mergeAccounts(db, fromId, intoId),
    suggestAssignments: () => suggestAssignments(db),
    listRejects: ({ importId, offset, limit }) => listRejects(db, importId, offset, limit),
    getPrivacyDefaults: () => getPrivacyDefaults(db),
    setPrivacyDefaults: (p) => setPrivacyDefaults(db, p),
    getMapping: ({ headerSignature }) => getMapping(db, headerSignature),
    saveMapping: ({ headerSignature, mapping }) => saveMapping(db, headerSignature, mapping),
    applyMapping: ({ datasetId }) => applyMapping(db, datasetId),
    workspaceInfo: async () => {
      const n = Number((await db.all(`SELECT count(*) AS n FROM datasets`))[0].n)
      return { path: paths.dir, schemaVersion, datasetCount: n, isEmpty: n === 0 }
    },
    listDatasets: () => listDatasets(db),
    previewImport: ({ path, options: o }) => previewImport(db, paths.tmpDir, path, o ?? {}),
    importFile: async ({ path, jobId, options: o, allowDuplicate, name }) => {
      if (jobs.has(jobId)) throw new AppFailure('BAD_INPUT', `Import job ${jobId} is already running.`)
      const controller = new AbortController()
      jobs.set(jobId, controller)
      const fileName = path.split(/[\\/]/).pop() ?? path
      try {
        return await importFile(db, paths.tmpDir, {
          path,
          options: o ?? {},
          allowDuplicate: allowDuplicate ?? false,
          name,
          signal: controller.signal,
          onProgress: (phase, fraction) => emit('importProgress', { jobId, phase, fraction, fileName })
        })
      } finally {
        jobs.delete(jobId)
      }
    },
    cancelImport: async ({ jobId }) => {
      const job = jobs.get(jobId)
      if (!job) return { cancelled: false }
      job.abort(new AppFailure('CANCELLED', 'Import cancelled.'))
      return { cancelled: true }
    },
    datasetPage: ({ datasetId, offset, limit, sort }) => datasetPage(db, datasetId, offset, limit, sort),
    renameDataset: ({ datasetId, name }) => renameDataset(db, datasetId, name),
    deleteDataset: ({ datasetId }) => deleteDataset(db, datasetId),
    benchmark: (req) => db.withConnection((conn) => runBenchmark(conn, req)),
    benchmarkStats: (i) => db.withConnection((conn) => benchmarkStats(conn, i)),
    listBenchmarkSetups: () => listSetups(db),
    saveBenchmarkSetup: ({ name, request }) => saveSetup(db, name, request),
    deleteBenchmarkSetup: ({ name }) => deleteSetup(db, name),
    listEvents: (i) => listEvents(db, i ?? {}),
    addEvent: (i) => addEvent(db, i),
    updateEvent: (i) => updateEvent(db, i),
    deleteEvent: ({ eventId }) => deleteEvent(db, eventId),
    importEvents: (i) => importEvents(db, i),
    exportEvents: () => exportEvents(db),
    enableObservances: () => enableObservances(db),
    loadSample: async () => {
      const loaded = await loadSample((p, o) => importOne(p, o))
      await setUpSampleInstitutions(db, await readSampleManifest())
      return loaded
    },
    listQueries: (i) => queries.list(i?.search),
    saveQuery: (i) => queries.save(i),
    renameQuery: (i) => queries.rename(i),
    duplicateQuery: (i) => queries.duplicate(i),
    deleteQuery: (i) => queries.remove(i),
    restoreQuery: (i) => queries.restore(i),
    runQuery: (i) => queries.run(i),
    queryPage: (i) => queries.page(i),
    cancelQuery: (i) => queries.cancel(i),
    exportQueries: (i) => queries.exportQueries(i),
    readQueryPack: (i) => queries.readPack(i),
    importQueries: (i) => queries.importQueries(i),
    sqlSchema: () => queries.schema(),
    exportChart: async (i) => (await exporter()).exportChart(db, i),
    exportChartData: async (i) => (await exporter()).exportChartData(db, i),
    exportDeck: async (i) => (await exporter()).exportDeck(db, i)
  }

  const engine: Engine = {
    paths,
    call: (channel, ...input) => dispatch(handlers, channel, input[0]) as Promise<Result<Outputs[typeof channel]>>,
    callWire: (channel, input) => dispatch(handlers, channel, input),
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close() {
      for (const job of jobs.values()) job.abort()
      db.close()
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
