import type { Platform } from './institutions'

export type SampleFormat =
  | 'x-tweet-activity'
  | 'meta-business-suite-daily'
  | 'youtube-studio-table'
  | 'youtube-studio-totals'
  | 'crowdtangle-search'
export type SampleEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom'

/** One generated export file plus what the manifest says about it. */
export interface SampleFile {
  fileName: string
  format: SampleFormat
  platform: Platform
  /** Institution ids whose data the file holds. */
  institutions: string[]
  encoding: SampleEncoding
  /** Lines before the CSV header (Meta's `sep=,` and title lines). */
  preambleLines: number
  /** Data records after the header, including summary rows such as YouTube's "Total". */
  rows: number
  /** ISO dates the export covers. */
  from: string
  to: string
  bytes: Buffer
}
