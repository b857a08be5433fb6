/** Plain data types shared by engine, shell and renderer. */

export type SourceFormat = 'csv' | 'json' | 'ndjson'
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'windows-1251'

export interface ColumnInfo {
  name: string
  /** DuckDB type name, e.g. BIGINT, DOUBLE, VARCHAR, DATE, TIMESTAMP. */
  type: string
}

export interface DatasetSummary {
  id: number
  name: string
  tableName: string
  fileName: string
  format: SourceFormat
  rows: number
  columns: ColumnInfo[]
  sizeBytes: number
  /** ISO 8601, UTC. */
  importedAt: string
  sha256: string
}

/** Settings the import dialog shows and lets the user override. */
export interface ImportOptions {
  delimiter?: string
  hasHeader?: boolean
  skipRows?: number
  encoding?: Encoding
}

export interface DetectedSettings {
  format: SourceFormat
  encoding: Encoding
  hadBom: boolean
  delimiter: string | null
  hasHeader: boolean
  skipRows: number
  decimalSeparator: '.' | ','
  thousandsSeparator: '' | ',' | '.' | ' '
  /** For JSON objects: the key of the array that holds the records. */
  jsonPath: string | null
}

export interface ImportPreview {
  path: string
  fileName: string
  sizeBytes: number
  sha256: string
  settings: DetectedSettings
  columns: ColumnInfo[]
  /** First rows, as display strings (null stays null). */
  rows: (string | null)[][]
  alreadyImported: DatasetSummary | null
  warnings: string[]
}

export interface ImportResult {
  dataset: DatasetSummary
  settings: DetectedSettings
  warnings: string[]
}

export type ImportPhase = 'reading' | 'converting' | 'loading' | 'committing' | 'done'

export interface ImportProgress {
  jobId: string
  phase: ImportPhase
  /** 0..1 over the whole import, or null when it cannot be known. */
  fraction: number | null
  fileName: string
}

export interface SortSpec {
  column: string
  direction: 'asc' | 'desc'
}

export interface DataPage {
  /** Arrow IPC stream bytes of the requested rows. */
  arrow: Uint8Array
  offset: number
  totalRows: number
}

export interface WorkspaceInfo {
  path: string
  schemaVersion: number
  datasetCount: number
  isEmpty: boolean
}

export interface AppInfo {
  name: string
  version: string
  /** Where the local diagnostic log is written; it is never sent anywhere. */
  logPath: string | null
  workspacePath: string
}

export interface MenuCommand {
  command: 'import' | 'showDatasets' | 'about' | 'toggleTheme'
}
