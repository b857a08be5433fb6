/**
 * The data behind each chart, as one flat table: the rows the chart draws (weeks without posts filled with 0, as
 * drawn), peer statistics joined by date where the chart shows a peer band, rates as fractions (as in the CLI).
 */
import type { BenchmarkPost, BenchmarkResult } from '../../../shared/benchmark'
import { postsPerWeek, WEEKDAYS } from '../../../shared/charts/plotOptions'
import { chartContext } from '../../../shared/charts/buildChart'
import { isoDay, type ChartSeries, type PeerRow } from '../../../shared/charts/series'
import type { DataChartId } from '../../../shared/export'

export type ColumnType = 'text' | 'date' | 'number'
export interface DataColumn {
  name: string
  type: ColumnType
}
export type Cell = string | number | null
export interface DataTable {
  columns: DataColumn[]
  rows: Cell[][]
}

const col = (name: string, type: ColumnType): DataColumn => ({ name, type })
const day = (d: Date | null | undefined): string | null => (d ? isoDay(d) : null)
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

const PEER_COLUMNS = [
  col('peer_median', 'number'),
  col('peer_q1', 'number'),
  col('peer_q3', 'number'),
  col('peer_n', 'number')
]
function peerCells(peer: Map<string, PeerRow>, key: string | null): Cell[] {
  const p = key ? peer.get(key) : undefined
  return p ? [num(p.median), num(p.q1), num(p.q3), num(p.n)] : [null, null, null, null]
}
const peerBy = (rows: PeerRow[]) => new Map(rows.map((r) => [isoDay(r.x), r]))

const POST_COLUMNS = ['institution', 'platform', 'post_id', 'published_at', 'text', 'url'].map((n) => col(n, 'text'))
const postRows = (posts: BenchmarkPost[]): Cell[][] =>
  posts.map((p) => [
    p.institution,
    p.platform,
    p.post_id,
    p.published_at,
    p.text,
    p.url,
    num(p.interactions),
    num(p.rate)
  ])

export function chartData(id: DataChartId, result: BenchmarkResult, s: ChartSeries): DataTable {
  switch (id) {
    case 'followers':
      return {
        columns: [col('institution', 'text'), col('platform', 'text'), col('day', 'date'), col('followers', 'number')],
        rows: s.followers.map((r) => [r.institution, r.platform, day(r.day), num(r.followers)])
      }
    case 'indexed': {
      const peer = peerBy(s.peerIndexed)
      return {
        columns: [
          col('institution', 'text'),
          col('day', 'date'),
          col('indexed', 'number'),
          col('followers', 'number'),
          ...PEER_COLUMNS
        ],
        rows: s.indexed.map((r) => [
          r.institution,
          day(r.day),
          num(r.indexed),
          num(r.followers),
          ...peerCells(peer, day(r.day))
        ])
      }
    }
    case 'channelDaily': {
      const peer = new Map(s.peerChannel.map((r) => [`${r.metric} ${isoDay(r.x)}`, r]))
      return {
        columns: [
          col('institution', 'text'),
          col('metric', 'text'),
          col('day', 'date'),
          col('value', 'number'),
          ...PEER_COLUMNS
        ],
        rows: s.channelDaily.map((r) => [
          r.institution,
          r.metric,
          day(r.day),
          num(r.value),
          ...peerCells(peer, `${r.metric} ${day(r.day)}`)
        ])
      }
    }
    case 'engagement': {
      const peer = peerBy(s.peerEngagement)
      return {
        columns: [
          col('institution', 'text'),
          col('week', 'date'),
          col('engagement_rate', 'number'),
          col('posts', 'number'),
          ...PEER_COLUMNS
        ],
        rows: s.engagement.map((r) => [
          r.institution,
          day(r.week),
          num(r.rate),
          num(r.posts),
          ...peerCells(peer, day(r.week))
        ])
      }
    }
    case 'postsWeekly':
      return {
        columns: [col('institution', 'text'), col('week', 'date'), col('posts', 'number')],
        rows: postsPerWeek(s.postsWeekly, chartContext(result, 800, 'light')).map((r) => [
          r.institution,
          day(r.week),
          num(r.posts)
        ])
      }
    case 'heatmap':
      return {
        columns: [
          col('institution', 'text'),
          col('weekday', 'number'),
          col('weekday_name', 'text'),
          col('hour', 'number'),
          col('posts', 'number')
        ],
        rows: s.heatmap.map((r) => [
          r.institution,
          num(r.weekday),
          WEEKDAYS[r.weekday] ?? null,
          num(r.hour),
          num(r.posts)
        ])
      }
    case 'shareOfVoice':
      return {
        columns: [
          col('institution', 'text'),
          col('share_posts', 'number'),
          col('share_interactions', 'number'),
          col('share_views', 'number'),
          col('posts', 'number'),
          col('interactions', 'number')
        ],
        rows: result.summary.map((r) => [
          r.name,
          r.share_of_voice.posts,
          r.share_of_voice.interactions,
          r.share_of_voice.views,
          r.posts,
          r.interactions
        ])
      }
    case 'topPosts':
    case 'breakouts':
      return {
        columns: [...POST_COLUMNS, col('interactions', 'number'), col('engagement_rate', 'number')],
        rows: postRows(id === 'topPosts' ? result.topPosts : result.breakouts.posts)
      }
  }
}
