/**
 * Chart export: the sizes, formats and file names shared by the engine (which renders), the shell (save dialogs),
 * the renderer (Export menu, deck builder) and the CLI (`socialbench report`).
 */
import type { ChannelMetric } from './metrics'
import type { PROVENANCE_SIDECAR } from './provenance'

export const EXPORT_SIZES = ['chart', 'slide1280', 'slide1920'] as const
/** `chart`: the chart's own size on screen; slides: 16:9 images that fill a slide (logical 1280x720 layout). */
export type ExportSize = (typeof EXPORT_SIZES)[number]

export const IMAGE_FORMATS = ['png', 'svg'] as const
export const DATA_FORMATS = ['csv', 'xlsx', 'parquet'] as const
export type DataFormat = (typeof DATA_FORMATS)[number]
/** What `socialbench report` can write: every chart as an image, every chart's data, and one deck. */
export const REPORT_FORMATS = ['png', 'svg', 'pptx', ...DATA_FORMATS] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

export const EXPORT_CHART_IDS = [
  'followers',
  'indexed',
  'channelDaily',
  'engagement',
  'postsWeekly',
  'heatmap',
  'shareOfVoice'
] as const
/** Charts drawn with Plot (the post tables export as data only). */
export type ExportChartId = (typeof EXPORT_CHART_IDS)[number]
export const DATA_CHART_IDS = [...EXPORT_CHART_IDS, 'topPosts', 'breakouts'] as const
export type DataChartId = (typeof DATA_CHART_IDS)[number]

/** A slide is 13.333 in wide in PowerPoint's 16:9 layout: the DPI that makes an image fill it exactly. */
export const SLIDE_WIDTH_IN = 13.333

export interface ImageGeometry {
  /** Logical layout size (CSS px); `height` null: the chart's own height. */
  width: number
  height: number | null
  /** Output pixels per logical px. */
  pixelRatio: number
  dpi: number
}

/** Logical size, pixel ratio and DPI of an export. Slide sizes place at slide width; chart sizes at 96 DPI × scale. */
export function imageGeometry(size: ExportSize, scale: number, chartWidth = 960): ImageGeometry {
  if (size === 'chart') return { width: Math.round(chartWidth), height: null, pixelRatio: scale, dpi: 96 * scale }
  const px = size === 'slide1920' ? 1920 : 1280
  return { width: 1280, height: 720, pixelRatio: (px / 1280) * scale, dpi: Math.round((px * scale) / SLIDE_WIDTH_IN) }
}

export interface ChartLook {
  followersLayout?: 'facet' | 'overlay'
  /** The daily channel chart's metric (default: the first one with data). */
  channelMetric?: ChannelMetric
  showPeer?: boolean
  sovMeasures?: ('posts' | 'interactions' | 'views')[]
}

export interface ChartSlide {
  chartId: ExportChartId
  title?: string
  subtitle?: string
  look?: ChartLook
}

/**
 * Insight tables: computed from the same benchmark request as the charts, exported as data files and as table
 * slides (one slide per platform where the table has one per platform).
 */
export const INSIGHT_TABLE_IDS = ['comparisons', 'vendorConventions', 'contentMix', 'postingTimes', 'topics'] as const
export type InsightTableId = (typeof INSIGHT_TABLE_IDS)[number]
export const INSIGHT_TABLE_TITLES: Record<InsightTableId, string> = {
  comparisons: 'Engagement rates with 95% intervals, against the peer median',
  vendorConventions: 'Engagement under every vendor’s convention',
  contentMix: 'Content mix: posts and engagement by kind of post',
  postingTimes: 'Posting times: median interactions by weekday and hour',
  topics: 'Topics: share of posts, engagement vs the peer median, share of voice'
}
/** The stem of an insight table's file names (`engagement-conventions_Halvern-…_2024-01-01_2024-12-31.csv`). */
export const INSIGHT_TABLE_FILES: Record<InsightTableId, string> = {
  comparisons: 'engagement-intervals',
  vendorConventions: 'engagement-conventions',
  contentMix: 'content-mix',
  postingTimes: 'posting-times',
  topics: 'topics'
}
/** The insight tables a deck can show as native table slides. */
export const DECK_TABLE_IDS = ['vendorConventions', 'contentMix', 'topics'] as const
export type DeckTableId = (typeof DECK_TABLE_IDS)[number]

export interface TableSlide {
  tableId: DeckTableId
  title?: string
}

export type DeckSlide = ChartSlide | TableSlide
export const isTableSlide = (s: DeckSlide): s is TableSlide => 'tableId' in s

export type DeckAspect = '16:9' | '4:3'

const slug = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)

/**
 * A default file name that says what is inside: institutions (up to three, else a count), the metric and the range,
 * e.g. `engagement_Halvern-Corvale-Quillmere_2024-01-01_2024-12-31.png`.
 */
export function defaultFileName(
  what: string,
  scope: { from: string; to: string; institutions: readonly { name: string }[] },
  ext: string
): string {
  const names = scope.institutions.map((i) => slug(i.name.split(/\s+/)[0] ?? i.name))
  const who = names.length === 0 ? 'none' : names.length <= 3 ? names.join('-') : `${names.length}-institutions`
  return `${slug(what)}_${who}_${scope.from}_${scope.to}.${ext}`
}

/** An exported file as it crosses IPC: the bytes, a default file name from defaultFileName(), and its MIME type. */
export interface ExportedFile {
  fileName: string
  mime: string
  bytes: Uint8Array
  /** PNG: pixel size; deck: number of slides. */
  width?: number
  height?: number
  slides?: number
  /**
   * A file saved next to it under the same name plus `suffix`: a CSV's setup (a CSV has nowhere to keep it that
   * every reader ignores, shared/provenance.ts), which `socialbench reproduce` reads from beside the CSV.
   */
  sidecar?: { suffix: typeof PROVENANCE_SIDECAR; bytes: Uint8Array }
}
