/**
 * Channel and event names of the one IPC contract. No imports: the sandboxed preload bundles this file.
 */
export const CHANNELS = [
  'appInfo',
  // Institutions, accounts, rejected rows, privacy defaults, column mappings (src/main/engine/canonical/)
  'listInstitutions',
  'createInstitution',
  'updateInstitution',
  'deleteInstitution',
  'listAccounts',
  'assignAccount',
  'renameAccount',
  'mergeAccounts',
  'suggestAssignments',
  'listRejects',
  'getPrivacyDefaults',
  'setPrivacyDefaults',
  'getMapping',
  'saveMapping',
  'applyMapping',
  'workspaceInfo',
  'listDatasets',
  'previewImport',
  'importFile',
  'cancelImport',
  'datasetPage',
  'datasetQuerySql',
  'renameDataset',
  'deleteDataset',
  'loadSample',
  // Benchmarks (src/main/engine/metrics/)
  'benchmark',
  // Honest comparisons: intervals, peer median, pairwise test (src/main/engine/metrics/comparisons.ts)
  'benchmarkStats',
  // Every vendor's engagement convention side by side (src/main/engine/metrics/vendorConventions.ts)
  'vendorConventions',
  // Content mix and timing: kinds of post, weekday × hour medians (src/main/engine/metrics/contentMix.ts)
  'contentMix',
  // Topics as keyword rules, hashtags, share of voice per topic (src/main/engine/metrics/topics.ts)
  'listTopics',
  'saveTopic',
  'deleteTopic',
  'topicReport',
  // Explain a spike: the posts, robust z-score, events and post types behind one week or day (metrics/explainPeriod.ts)
  'explainPeriod',
  'listBenchmarkSetups',
  'saveBenchmarkSetup',
  'deleteBenchmarkSetup',
  // The dashboard's last request (range, convention, peer set, platforms), restored when it reopens
  'getLastBenchmark',
  'saveLastBenchmark',
  // Events drawn on time charts, and the built-in health observances (src/main/engine/timeline/)
  'listEvents',
  'addEvent',
  'updateEvent',
  'deleteEvent',
  'importEvents',
  'exportEvents',
  'enableObservances',
  'disableObservances',
  // Saved queries and the SQL editor (src/main/engine/queries/)
  'listQueries',
  'saveQuery',
  'renameQuery',
  'duplicateQuery',
  'deleteQuery',
  'restoreQuery',
  'runQuery',
  'queryPage',
  'cancelQuery',
  'exportQueries',
  'readQueryPack',
  'importQueries',
  'importTopics',
  'sqlSchema',
  // Chart export: images, the data behind a chart, PowerPoint decks (src/main/engine/export/)
  'exportChart',
  'exportChartData',
  'exportInsightData',
  'exportDeck',
  // Reproducible outputs: re-run the setup an exported file carries and compare (src/main/engine/reproduce/)
  'reproduce',
  'exportQueryChart',
  // Workspaces as files: .sbw export and open, duplicate (src/main/engine/workspaceFiles/)
  'exportWorkspace',
  'duplicateWorkspace',
  'openWorkspaceArchive',
  // Undo of destructive and bulk actions (src/main/engine/undo/)
  'undo',
  'listUndo'
] as const
export type Channel = (typeof CHANNELS)[number]

/** Pushes from main to renderer. */
export const EVENTS = ['importProgress', 'openImport', 'menuCommand', 'engineStatus'] as const
export type EventName = (typeof EVENTS)[number]

/**
 * Calls the Electron main process answers itself, not the engine: native dialogs, and the grant of a file the
 * user dropped or picked in the window (main/shell/pathGrants.ts).
 */
export const SHELL_CALLS = ['saveFile', 'grantFile'] as const
export type ShellCall = (typeof SHELL_CALLS)[number]

/**
 * The workspace menu's calls (File > New workspace…, Open…, Open Recent, Reveal, Duplicate, .sbw export and open),
 * answered by whatever hosts the engine (the Electron main process, the browser harness), since they start and
 * stop engine hosts and show native dialogs (src/main/shell/workspaceActions.ts).
 */
export const WORKSPACE_CALLS = [
  'workspaceState',
  'openWorkspace',
  'chooseWorkspaceFolder',
  'chooseWorkspaceArchive',
  'revealWorkspace',
  'duplicateWorkspaceTo',
  'exportWorkspaceFile',
  'openWorkspaceFile'
] as const
export type WorkspaceCall = (typeof WORKSPACE_CALLS)[number]

/** Wire names carry a prefix so our channels never collide with Electron's or a library's. */
export const wire = (c: Channel | EventName | ShellCall | WorkspaceCall): `sb:${string}` => `sb:${c}`
