import { z } from 'zod'
import {
  DATE_PRESETS,
  MAX_BENCHMARK_INSTITUTIONS,
  type BenchmarkRequest,
  type BenchmarkResult,
  type BenchmarkSetup
} from './benchmark'
import {
  columnMapping,
  institutionInput,
  institutionUpdate,
  type AccountSummary,
  type AssignmentSuggestion,
  type ColumnMapping,
  type Institution,
  type RejectPage
} from './canonical'
import type { Channel, EventName, WorkspaceCall } from './channels'
import {
  DATA_CHART_IDS,
  DATA_FORMATS,
  EXPORT_CHART_IDS,
  EXPORT_SIZES,
  IMAGE_FORMATS,
  DECK_TABLE_IDS,
  INSIGHT_TABLE_IDS,
  type ExportedFile
} from './export'
import { MAX_RESAMPLES, MIN_RESAMPLES, type BenchmarkStats } from './insight'
import type { VendorComparison } from './vendorConventions'
import { PROVENANCE_SIDECAR, type Reproduction } from './provenance'
import type { ContentMix } from './contentMix'
import { packTopic, topicInput, type Topic, type TopicReport } from './topics'
import { EXPLAIN_UNITS, type ExplainedPeriod } from './explain'
import { CHANNEL_METRICS, ENGAGEMENT_CONVENTIONS } from './metrics'
import {
  chartSpec,
  paramDef,
  paramValue,
  queryDraft,
  type QueryPackPreview,
  type QueryResultInfo,
  type SavedQuery,
  type SqlSchema
} from './queries'
import type { Result } from './result'
import { MAX_FILTERS, MAX_SEARCH_LENGTH } from './gridView'
import { EVENT_KINDS, type TimelineEvent } from './timeline'
import type { DeleteAnswer, UndoEntry } from './undo'
import { PLATFORMS } from './types'
import type { ExportedWorkspace, OpenedArchive, WorkspaceManifest, WorkspaceRef, WorkspaceState } from './workspaces'
import type {
  AppInfo,
  PrivacyOptions,
  RecognitionReport,
  DataPage,
  DatasetSummary,
  ImportPreview,
  ImportProgress,
  ImportResult,
  MenuCommand,
  WorkspaceInfo
} from './types'

/** A file or folder the shell chose: absolute, so it never depends on the engine host's working directory. */
const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'must be an absolute path')

/**
 * A real calendar day written YYYY-MM-DD ("2025-02-30" is refused), for every day an input carries: a day that
 * only looks like one ("2024-13-45") would otherwise reach DuckDB and fail there, in DuckDB's words.
 */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day written YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
  }, 'is not a day of the calendar')

/** A benchmark: 1 to MAX_BENCHMARK_INSTITUTIONS institutions (peer statistics need 3 or more; the result says so when fewer). */
const benchmarkRequest = z
  .object({
    institutionIds: z.array(z.number().int().positive()).min(1).max(MAX_BENCHMARK_INSTITUTIONS),
    platforms: z.array(z.enum(PLATFORMS)).max(PLATFORMS.length).optional(),
    preset: z.enum(DATE_PRESETS).optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    convention: z.enum(ENGAGEMENT_CONVENTIONS),
    maxGapDays: z.number().int().min(0).max(366).optional(),
    k: z.number().min(0).max(10).optional(),
    topN: z.number().int().min(1).max(100).optional(),
    resolution: z.enum(['screen', 'full']).optional(),
    events: z.boolean().optional()
  })
  .strict()

const privacyOptions = z
  .object({ text: z.enum(['keep', 'redact', 'drop']), people: z.enum(['keep', 'drop', 'hash']) })
  .strict()

const eventShape = {
  start: isoDay,
  /** The last day of a range (inclusive); null or absent for a single day. */
  end: isoDay.nullable().optional(),
  title: z.string().trim().min(1).max(200),
  kind: z.enum(EVENT_KINDS),
  institutionId: z.number().int().positive().nullable().optional(),
  source: z.string().trim().max(1000).nullable().optional(),
  notes: z.string().trim().max(4000).nullable().optional()
}
const endNotBeforeStart: [(e: { start: string; end?: string | null }) => boolean, { message: string; path: string[] }] =
  [(e) => !e.end || e.end >= e.start, { message: 'must be on or after the start day', path: ['end'] }]
/** One event as added, edited or read from a CSV row (the CSV import validates each row with it). */
export const eventInput = z
  .object(eventShape)
  .strict()
  .refine(...endNotBeforeStart)
const eventUpdate = z
  .object({ eventId: z.number().int().positive(), ...eventShape })
  .strict()
  .refine(...endNotBeforeStart)

const importOptions = z
  .object({
    delimiter: z.string().min(1).max(4).optional(),
    hasHeader: z.boolean().optional(),
    skipRows: z.number().int().min(0).max(1000).optional(),
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'windows-1251']).optional(),
    account: z.string().trim().min(1).max(200).optional(),
    platform: z.enum(PLATFORMS).optional(),
    timeZone: z.string().min(1).max(64).optional(),
    privacy: privacyOptions.optional(),
    generic: z.boolean().optional(),
    periodEnd: isoDay.optional()
  })
  .strict()

/** How a chart is drawn beyond the benchmark itself (the single-chart view's options). */
const chartLook = z
  .object({
    followersLayout: z.enum(['facet', 'overlay']).optional(),
    showPeer: z.boolean().optional(),
    channelMetric: z.enum(CHANNEL_METRICS).optional(),
    sovMeasures: z
      .array(z.enum(['posts', 'interactions', 'views']))
      .min(1)
      .max(3)
      .optional()
  })
  .strict()

const chartText = z.string().max(200)

const datasetId = z.number().int().positive()

const columnName = z.string().min(1).max(1000)
const filterDate = isoDay.nullable()
const filterNumber = z.number().finite().nullable()
/** The grid's sort, filters and search (shared/gridView.ts); the engine checks the columns against the dataset. */
const gridView = {
  sort: z
    .object({ column: columnName, direction: z.enum(['asc', 'desc']) })
    .strict()
    .nullable()
    .optional(),
  filters: z
    .array(
      z.discriminatedUnion('kind', [
        z
          .object({ column: columnName, kind: z.literal('contains'), text: z.string().min(1).max(MAX_SEARCH_LENGTH) })
          .strict(),
        z.object({ column: columnName, kind: z.literal('numberRange'), min: filterNumber, max: filterNumber }).strict(),
        z.object({ column: columnName, kind: z.literal('dateRange'), from: filterDate, to: filterDate }).strict(),
        z.object({ column: columnName, kind: z.literal('empty') }).strict(),
        z.object({ column: columnName, kind: z.literal('notEmpty') }).strict()
      ])
    )
    .max(MAX_FILTERS)
    .optional(),
  search: z.string().max(MAX_SEARCH_LENGTH).optional()
}
const queryId = z.number().int().positive()

/** Input schema per channel; a missing or misspelt channel is a compile error. */
export const inputs = {
  appInfo: z.void(),
  listInstitutions: z.void(),
  createInstitution: institutionInput,
  updateInstitution: institutionUpdate,
  /** Its accounts stay, unassigned. */
  deleteInstitution: z.object({ institutionId: z.number().int().positive() }).strict(),
  listAccounts: z.void(),
  /** institutionId null takes the account out of any institution. */
  assignAccount: z
    .object({ accountId: z.string().min(1).max(300), institutionId: z.number().int().positive().nullable() })
    .strict(),
  /** displayName null or blank: show the handle again. */
  renameAccount: z
    .object({ accountId: z.string().min(1).max(300), displayName: z.string().max(200).nullable() })
    .strict(),
  /** Move every post and daily row of `fromId` to `intoId`, then delete `fromId` (one transaction). */
  mergeAccounts: z.object({ fromId: z.string().min(1).max(300), intoId: z.string().min(1).max(300) }).strict(),
  suggestAssignments: z.void(),
  listRejects: z
    .object({ importId: datasetId, offset: z.number().int().min(0), limit: z.number().int().min(1).max(2000) })
    .strict(),
  getPrivacyDefaults: z.void(),
  setPrivacyDefaults: privacyOptions,
  getMapping: z.object({ headerSignature: z.string().min(1).max(100_000) }).strict(),
  /** headerSignature: canonical.ts headerSignature(columns) of the file the mapping was made for. */
  saveMapping: z.object({ headerSignature: z.string().min(1).max(100_000), mapping: columnMapping }).strict(),
  /**
   * Map an already imported plain dataset with `mapping` (saved for its header in the same transaction) or, without
   * it, the mapping saved for its header. Undoable.
   */
  applyMapping: z.object({ datasetId, mapping: columnMapping.optional() }).strict(),
  workspaceInfo: z.void(),
  listDatasets: z.void(),
  previewImport: z.object({ path: z.string().min(1), options: importOptions.optional() }).strict(),
  importFile: z
    .object({
      path: z.string().min(1),
      jobId: z.string().min(1).max(100),
      options: importOptions.optional(),
      /** Import even though a file with the same SHA-256 is already in the workspace. */
      allowDuplicate: z.boolean().optional(),
      name: z.string().min(1).max(200).optional()
    })
    .strict(),
  cancelImport: z.object({ jobId: z.string().min(1) }).strict(),
  datasetPage: z
    .object({
      datasetId,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(2000),
      ...gridView
    })
    .strict(),
  /** The SQL of the grid's current view, for "Open as query": runs as is in the SQL editor's sandbox. */
  datasetQuerySql: z.object({ datasetId, ...gridView }).strict(),
  renameDataset: z.object({ datasetId, name: z.string().trim().min(1).max(200) }).strict(),
  deleteDataset: z.object({ datasetId }).strict(),
  loadSample: z.void(),
  benchmark: benchmarkRequest,
  /** Bootstrap intervals for the benchmark's rates; `pair` adds a difference with a permutation test. */
  benchmarkStats: z
    .object({
      request: benchmarkRequest,
      pair: z.object({ a: z.number().int().positive(), b: z.number().int().positive() }).strict().optional(),
      resamples: z.number().int().min(MIN_RESAMPLES).max(MAX_RESAMPLES).optional(),
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31 - 1)
        .optional()
    })
    .strict(),
  /** The rates per platform under Rival IQ's, Socialinsider's and Fanpage Karma's conventions, and by reach, impressions, views. */
  vendorConventions: z.object({ request: benchmarkRequest }).strict(),
  /** Posts and engagement by kind of post, and median interactions by weekday × hour in each account's zone. */
  contentMix: z.object({ request: benchmarkRequest }).strict(),
  /** Topics saved in the workspace (keyword rules), and the per-institution figures on them. */
  listTopics: z.void(),
  saveTopic: topicInput,
  deleteTopic: z.object({ topicId: z.number().int().positive() }).strict(),
  topicReport: z.object({ request: benchmarkRequest }).strict(),
  /** One institution's week (Monday to Sunday, holding `day`) or day on the engagement or a channel chart, explained. */
  explainPeriod: z
    .object({
      request: benchmarkRequest,
      institutionId: z.number().int().positive(),
      metric: z.enum(['engagement', ...CHANNEL_METRICS]),
      unit: z.enum(EXPLAIN_UNITS),
      day: isoDay
    })
    .strict(),
  listBenchmarkSetups: z.void(),
  saveBenchmarkSetup: z.object({ name: z.string().trim().min(1).max(200), request: benchmarkRequest }).strict(),
  deleteBenchmarkSetup: z.object({ name: z.string().min(1).max(200) }).strict(),
  getLastBenchmark: z.void(),
  saveLastBenchmark: benchmarkRequest,
  /** Events touching from..to (both optional, inclusive), in date order. */
  listEvents: z.object({ from: isoDay.optional(), to: isoDay.optional() }).strict().optional(),
  addEvent: eventInput,
  /** Replaces every field of the event. */
  updateEvent: eventUpdate,
  deleteEvent: z.object({ eventId: z.number().int().positive() }).strict(),
  /** An events CSV (a staged path, or its text): every row is added, or none when any row is wrong. */
  importEvents: z
    .object({ path: z.string().min(1).optional(), text: z.string().max(5_000_000).optional() })
    .strict()
    .refine((i) => (i.path === undefined) !== (i.text === undefined), 'give either path or text'),
  exportEvents: z.void(),
  /** Adds the built-in health observances as editable awareness-day events; again only adds those missing. */
  enableObservances: z.void(),
  /** Switches the calendar off: removes its events, except those edited since they were added (kept, and counted). */
  disableObservances: z.void(),
  listQueries: z
    .object({ search: z.string().max(200).optional() })
    .strict()
    .optional(),
  saveQuery: z.object({ id: queryId.nullable().optional(), query: queryDraft }).strict(),
  renameQuery: z.object({ id: queryId, name: z.string().trim().min(1).max(200) }).strict(),
  duplicateQuery: z.object({ id: queryId }).strict(),
  deleteQuery: z.object({ id: queryId }).strict(),
  restoreQuery: z.object({ id: queryId }).strict(),
  runQuery: z
    .object({
      runId: z.string().min(1).max(100),
      sql: z.string().min(1).max(100_000),
      params: z.array(paramDef).max(50).optional(),
      values: z.record(z.string(), paramValue).optional()
    })
    .strict(),
  queryPage: z
    .object({
      resultId: z.string().min(1).max(100),
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(2000)
    })
    .strict(),
  cancelQuery: z.object({ runId: z.string().min(1).max(100) }).strict(),
  /** `topics`: carry every saved topic rule too (the pack becomes version 2); then `ids` may be empty. */
  exportQueries: z
    .object({ ids: z.array(queryId).max(500), topics: z.boolean().optional() })
    .strict()
    .refine((i) => i.ids.length > 0 || i.topics, {
      message: 'choose at least one query, or the topics',
      path: ['ids']
    }),
  /** A staged .sbq.json (path) or its text: validated and returned, never saved or run. */
  readQueryPack: z.object({ path: z.string().min(1).optional(), text: z.string().max(5_000_000).optional() }).strict(),
  importQueries: z.object({ queries: z.array(queryDraft).min(1).max(500) }).strict(),
  /** A pack's topic rules saved into the workspace; a topic whose name is taken (any case) is kept as it is. */
  importTopics: z.object({ topics: z.array(packTopic).min(1).max(500) }).strict(),
  sqlSchema: z.void(),
  /** One chart as PNG or SVG; the engine re-runs the benchmark of `request`. */
  exportChart: z
    .object({
      request: benchmarkRequest,
      chartId: z.enum(EXPORT_CHART_IDS),
      format: z.enum(IMAGE_FORMATS),
      size: z.enum(EXPORT_SIZES),
      /** Output pixels per logical pixel (PNG). */
      scale: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
      /** The chart's width on screen, for size 'chart'. */
      chartWidth: z.number().int().min(200).max(4000).optional(),
      look: chartLook.optional(),
      title: chartText.optional(),
      subtitle: chartText.optional()
    })
    .strict(),
  /** The table a chart draws, as CSV, XLSX or Parquet. */
  /** A query result's chart as PNG or SVG, drawn as the Queries view draws it (the result must still be kept). */
  exportQueryChart: z
    .object({
      resultId: z.string().min(1).max(100),
      chart: chartSpec,
      format: z.enum(IMAGE_FORMATS),
      scale: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
      title: chartText.optional()
    })
    .strict(),
  exportChartData: z
    .object({ request: benchmarkRequest, chartId: z.enum(DATA_CHART_IDS), format: z.enum(DATA_FORMATS) })
    .strict(),
  /** An insight table (every vendor's convention, …) as CSV, XLSX or Parquet, with its methodology. */
  exportInsightData: z
    .object({ request: benchmarkRequest, tableId: z.enum(INSIGHT_TABLE_IDS), format: z.enum(DATA_FORMATS) })
    .strict(),
  /** A .pptx: a title slide, then the charts and tables in the order given. */
  exportDeck: z
    .object({
      request: benchmarkRequest,
      slides: z
        .array(
          z.union([
            z
              .object({
                chartId: z.enum(EXPORT_CHART_IDS),
                title: chartText.optional(),
                subtitle: chartText.optional(),
                look: chartLook.optional()
              })
              .strict(),
            z.object({ tableId: z.enum(DECK_TABLE_IDS), title: chartText.optional() }).strict()
          ])
        )
        .min(1)
        .max(30),
      aspect: z.enum(['16:9', '4:3']),
      title: chartText.optional()
    })
    .strict(),
  // Workspaces as files (src/main/engine/workspaceFiles/). The shell asks for them after its own dialogs; the
  // renderer cannot call them directly (SHELL_ONLY_CHANNELS), since they write where they are told.
  /** The workspace as one .sbw file: its checkpointed DuckDB file and a manifest. */
  exportWorkspace: z.object({ out: absolutePath }).strict(),
  /** A copy of the workspace in a new (or empty) folder. */
  duplicateWorkspace: z.object({ into: absolutePath }).strict(),
  /** A .sbw extracted into a new (or empty) folder, checked against its manifest; not opened. */
  openWorkspaceArchive: z.object({ archive: absolutePath, into: absolutePath }).strict(),
  /** Undo the action a destructive channel answered `undo.token` for; without a token, the latest one. */
  undo: z
    .object({ token: z.string().min(1).max(100).optional() })
    .strict()
    .optional(),
  listUndo: z.void(),
  /** An exported PNG, SVG, PPTX, XLSX, Parquet or .provenance.json: its setup re-run on this workspace and compared. */
  reproduce: z.object({ path: z.string().min(1).max(4096) }).strict()
} satisfies Record<Channel, z.ZodType>

export interface Outputs {
  appInfo: AppInfo
  listInstitutions: Institution[]
  createInstitution: Institution
  updateInstitution: Institution
  deleteInstitution: DeleteAnswer
  listAccounts: AccountSummary[]
  /** undo is null when the account was already there. */
  assignAccount: AccountSummary & { undo: UndoEntry | null }
  renameAccount: AccountSummary
  mergeAccounts: AccountSummary & { undo: UndoEntry }
  suggestAssignments: AssignmentSuggestion[]
  listRejects: RejectPage
  getPrivacyDefaults: PrivacyOptions
  setPrivacyDefaults: PrivacyOptions
  getMapping: ColumnMapping | null
  saveMapping: { headerSignature: string; mapping: ColumnMapping }
  applyMapping: RecognitionReport & { undo: UndoEntry }
  workspaceInfo: WorkspaceInfo
  listDatasets: DatasetSummary[]
  previewImport: ImportPreview
  importFile: ImportResult
  cancelImport: { cancelled: boolean }
  datasetPage: DataPage
  datasetQuerySql: { sql: string }
  renameDataset: DatasetSummary
  deleteDataset: DeleteAnswer
  loadSample: { datasets: DatasetSummary[] }
  benchmark: BenchmarkResult
  benchmarkStats: BenchmarkStats
  vendorConventions: VendorComparison
  contentMix: ContentMix
  listTopics: Topic[]
  saveTopic: Topic
  deleteTopic: { deleted: boolean }
  topicReport: TopicReport
  explainPeriod: ExplainedPeriod
  listBenchmarkSetups: BenchmarkSetup[]
  saveBenchmarkSetup: BenchmarkSetup[]
  deleteBenchmarkSetup: BenchmarkSetup[]
  /** Null until the dashboard has sent a request in this workspace. */
  getLastBenchmark: BenchmarkRequest | null
  saveLastBenchmark: BenchmarkRequest
  listEvents: TimelineEvent[]
  addEvent: TimelineEvent
  updateEvent: TimelineEvent
  deleteEvent: DeleteAnswer
  importEvents: { imported: number }
  /** The CSV text and a suggested file name; the renderer saves it (download / native dialog). */
  exportEvents: { fileName: string; text: string }
  /** added: events made now; years: the years the calendar covers. */
  enableObservances: { added: number; years: number[] }
  disableObservances: { removed: number; kept: number }
  listQueries: SavedQuery[]
  saveQuery: SavedQuery
  renameQuery: SavedQuery
  duplicateQuery: SavedQuery
  deleteQuery: DeleteAnswer
  restoreQuery: SavedQuery
  runQuery: QueryResultInfo
  queryPage: DataPage
  cancelQuery: { cancelled: boolean }
  /** The .sbq.json text and a suggested file name; the renderer saves it (download / native dialog). */
  exportQueries: { fileName: string; text: string }
  readQueryPack: QueryPackPreview
  importQueries: SavedQuery[]
  /** `kept`: the pack's names already taken in the workspace, whose rules were left as they were. */
  importTopics: { saved: Topic[]; kept: string[] }
  sqlSchema: SqlSchema
  exportChart: ExportedFile
  exportChartData: ExportedFile
  exportInsightData: ExportedFile
  exportDeck: ExportedFile
  reproduce: Reproduction
  exportQueryChart: ExportedFile
  exportWorkspace: ExportedWorkspace
  duplicateWorkspace: WorkspaceRef
  openWorkspaceArchive: OpenedArchive
  /** The action undone. */
  undo: UndoEntry
  /** Newest first. */
  listUndo: UndoEntry[]
}

export interface EventPayloads {
  importProgress: ImportProgress
  /** Files chosen from File > Import... or dropped on the window, to open in the import dialog. */
  openImport: { paths: string[] }
  menuCommand: MenuCommand
  /**
   * The engine host crashed and came back ('restarted': reload what is on screen; calls in flight failed
   * with ENGINE_DIED) or crashed too often and will not be restarted ('stopped').
   */
  engineStatus: { state: 'restarted' | 'stopped' }
}

export type Input<C extends Channel> = z.infer<(typeof inputs)[C]>
export type Handlers = { [C in Channel]: (input: Input<C>) => Promise<Outputs[C]> }

/** What the renderer sees as `window.socialbench`. */
export type Api = { [C in Channel]: (input: Input<C>) => Promise<Result<Outputs[C]>> } & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void
  /** The path of a dropped or picked file (Electron), or a staged copy of it (browser harness). */
  pathForFile(file: File): Promise<string>
  /** Save bytes where the user says: a native save dialog (Electron), a download (browser harness). */
  saveFile(input: SaveFileInput): Promise<Result<SavedFile>>
} & {
  [C in WorkspaceCall]: (input: z.infer<(typeof workspaceCallInputs)[C]>) => Promise<Result<WorkspaceCallOutputs[C]>>
}

/** The workspace menu's calls (channels.ts WORKSPACE_CALLS): checked with these by whoever answers them. */
export const workspaceCallInputs = {
  workspaceState: z.void(),
  openWorkspace: z.object({ path: absolutePath, create: z.boolean() }).strict(),
  chooseWorkspaceFolder: z.object({ purpose: z.enum(['new', 'open', 'duplicate', 'into']) }).strict(),
  chooseWorkspaceArchive: z.void(),
  revealWorkspace: z.void(),
  duplicateWorkspaceTo: z.object({ into: absolutePath }).strict(),
  exportWorkspaceFile: z.void(),
  openWorkspaceFile: z.object({ archive: absolutePath, into: absolutePath }).strict()
} satisfies Record<WorkspaceCall, z.ZodType>

export interface WorkspaceCallOutputs {
  workspaceState: WorkspaceState
  /** The workspace now open; the window reloads to show it. */
  openWorkspace: WorkspaceRef
  /** null: cancelled, or no native dialog here (the browser harness): the page asks for a typed path. */
  chooseWorkspaceFolder: { path: string | null }
  chooseWorkspaceArchive: { path: string | null }
  revealWorkspace: { path: string; revealed: boolean }
  duplicateWorkspaceTo: WorkspaceRef
  /** `downloadUrl`: the browser harness wrote the .sbw on its side; the page downloads it from there. */
  exportWorkspaceFile: SavedFile & { downloadUrl?: string; manifest?: WorkspaceManifest }
  openWorkspaceFile: WorkspaceRef
}
export type WorkspaceCallInput<C extends WorkspaceCall> = z.infer<(typeof workspaceCallInputs)[C]>

/** What `saveFile` takes; the main process checks it with this schema (it is not an engine channel). */
export const saveFileInput = z
  .object({
    /** A file name only (no folders): the dialog starts in the user's documents folder. */
    defaultName: z.string().min(1).max(255),
    bytes: z.instanceof(Uint8Array),
    filters: z
      .array(
        z
          .object({
            name: z.string().min(1).max(100),
            extensions: z
              .array(z.string().regex(/^[A-Za-z0-9]{1,10}$/))
              .min(1)
              .max(10)
          })
          .strict()
      )
      .max(10)
      .optional(),
    /** Saved next to the chosen file under its name plus the suffix (a CSV's setup); only that suffix is allowed. */
    sidecar: z
      .object({ suffix: z.literal(PROVENANCE_SIDECAR), bytes: z.instanceof(Uint8Array) })
      .strict()
      .optional()
  })
  .strict()
export type SaveFileInput = Omit<z.infer<typeof saveFileInput>, 'bytes' | 'sidecar'> & {
  bytes: Uint8Array
  sidecar?: { suffix: typeof PROVENANCE_SIDECAR; bytes: Uint8Array }
}
/** `saved` false: the user cancelled. `path` null where the platform does not say (a browser download). */
export interface SavedFile {
  saved: boolean
  path: string | null
}
