/**
 * The benchmark's chart series, decoded from Arrow once per result. Dates arrive as 'YYYY-MM-DD' strings and become
 * UTC Dates (Plot's default time scale is UTC, so a day stays that day in every time zone). NULLs stay null: a
 * follower gap must reach the chart as a gap, not as 0.
 */
import { DataType, tableFromIPC, type Vector } from 'apache-arrow'
import type { BenchmarkResult } from '../benchmark'
import type { ChannelMetric } from '../metrics'

export interface FollowersRow {
  institution: string
  platform: string
  day: Date
  followers: number | null
}
export interface IndexedRow {
  institution: string
  day: Date
  indexed: number | null
  followers: number | null
}
export interface EngagementRow {
  institution: string
  week: Date
  rate: number | null
  posts: number
}
export interface HeatmapRow {
  institution: string
  weekday: number
  hour: number
  posts: number
}
export interface PostsWeeklyRow {
  institution: string
  week: Date
  posts: number
}
export interface PeerRow {
  x: Date
  median: number | null
  q1: number | null
  q3: number | null
  n: number
}
export interface ChannelRow {
  institution: string
  metric: ChannelMetric
  day: Date
  value: number | null
}
export interface ChannelPeerRow extends PeerRow {
  metric: ChannelMetric
}

export interface ChartSeries {
  followers: FollowersRow[]
  indexed: IndexedRow[]
  engagement: EngagementRow[]
  heatmap: HeatmapRow[]
  postsWeekly: PostsWeeklyRow[]
  peerIndexed: PeerRow[]
  peerEngagement: PeerRow[]
  channelDaily: ChannelRow[]
  peerChannel: ChannelPeerRow[]
}

export const utcDay = (iso: string): Date => new Date(`${iso.slice(0, 10)}T00:00:00Z`)
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10)

/**
 * Arrow IPC bytes → plain row objects, column by column, reading validity so NULL stays null. Dictionary columns
 * (the engine sends chart text that way) are decoded once per distinct value, so 180k follower rows share 20
 * institution strings and 1,800 Date objects instead of parsing a date per row.
 */
export function decodeRows(bytes: Uint8Array, dateColumns: readonly string[] = []): Record<string, unknown>[] {
  const table = tableFromIPC(bytes)
  const rows: Record<string, unknown>[] = Array.from({ length: table.numRows }, () => ({}))
  for (const field of table.schema.fields) {
    const vector = table.getChild(field.name)
    if (!vector) continue
    const values = columnValues(vector, dateColumns.includes(field.name))
    for (let i = 0; i < values.length; i++) rows[i][field.name] = values[i]
  }
  return rows
}

function columnValues(vector: Vector, isDate: boolean): unknown[] {
  const convert = (v: unknown): unknown => (v === null || v === undefined ? null : isDate ? utcDay(String(v)) : v)
  const out: unknown[] = new Array(vector.length)
  let at = 0
  for (const data of vector.data) {
    // Validity read from the bitmap directly: Data.getValid per row costs more than the rest of the decode.
    const bitmap = data.nullCount > 0 ? data.nullBitmap : undefined
    const offset = data.offset
    const valid = bitmap ? (i: number) => (bitmap[(offset + i) >> 3] & (1 << ((offset + i) & 7))) !== 0 : () => true
    if (DataType.isDictionary(data.type) && data.dictionary) {
      const dictionary = data.dictionary
      const decoded = Array.from({ length: dictionary.length }, (_, k) => convert(dictionary.get(k)))
      const keys = data.values as Int32Array
      for (let i = 0; i < data.length; i++) out[at + i] = valid(i) ? decoded[keys[i]] : null
    } else if (DataType.isFloat(data.type) && !isDate) {
      const numbers = data.values as Float64Array
      for (let i = 0; i < data.length; i++) out[at + i] = valid(i) ? numbers[i] : null
    } else {
      for (let i = 0; i < data.length; i++) out[at + i] = convert(vector.get(at + i))
    }
    at += data.length
  }
  return out
}

export function decodeSeries(charts: BenchmarkResult['charts']): ChartSeries {
  return {
    followers: decodeRows(charts.followers, ['day']) as unknown as FollowersRow[],
    indexed: decodeRows(charts.indexed, ['day']) as unknown as IndexedRow[],
    engagement: decodeRows(charts.engagement, ['week']) as unknown as EngagementRow[],
    heatmap: decodeRows(charts.heatmap) as unknown as HeatmapRow[],
    postsWeekly: decodeRows(charts.postsWeekly, ['week']) as unknown as PostsWeeklyRow[],
    peerIndexed: decodeRows(charts.peerIndexed, ['x']) as unknown as PeerRow[],
    peerEngagement: decodeRows(charts.peerEngagement, ['x']) as unknown as PeerRow[],
    channelDaily: decodeRows(charts.channelDaily, ['day']) as unknown as ChannelRow[],
    peerChannel: decodeRows(charts.peerChannel, ['x']) as unknown as ChannelPeerRow[]
  }
}

/** Monday of the ISO week (DuckDB's date_trunc('week')), in UTC. */
export function weekStart(d: Date): Date {
  const dow = (d.getUTCDay() + 6) % 7
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - dow))
}

/** Every week start from the week holding `from` to the week holding `to`. */
export function weeksBetween(from: Date, to: Date): Date[] {
  const out: Date[] = []
  for (let w = weekStart(from); w <= to; w = new Date(w.getTime() + 7 * 86_400_000)) out.push(w)
  return out
}
