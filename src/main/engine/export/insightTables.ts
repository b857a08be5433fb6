/**
 * The insight tables as data: the rows an analyst gets in a CSV/XLSX/Parquet file and on a deck's table slides,
 * with the methodology lines that cite each column's source. Computed from the same benchmark request as the charts.
 */
import type { BenchmarkRequest } from '../../../shared/benchmark'
import type { InsightTableId } from '../../../shared/export'
import { INSIGHT_TABLE_TITLES } from '../../../shared/export'
import { VENDOR_HEADER, vendorRows, vendorSources, type VendorComparison } from '../../../shared/vendorConventions'
import type { Database } from '../db/duckdb'
import { vendorConventions } from '../metrics/vendorConventions'
import { contentMix } from '../metrics/contentMix'
import { topicReport } from '../metrics/topics'
import { ruleText, TOPIC_HEADER, topicRows, type TopicReport } from '../../../shared/topics'
import { MIX_KIND_HEADER, MIX_TIME_HEADER, mixKindRows, mixTimeRows, type ContentMix } from '../../../shared/contentMix'
import {
  COMPARISON_HEADER,
  COMPARISON_TEXT_COLUMNS,
  comparisonRows,
  type BenchmarkStats
} from '../../../shared/insight'
import { benchmarkStats } from '../metrics/comparisons'
import type { Cell, DataTable } from './chartData'

export interface InsightTable {
  title: string
  from: string
  to: string
  /** The institutions in the table, in the request's order (file names say who is inside). */
  institutions: { name: string }[]
  table: DataTable
  /** Lines written below the CSV's rows, into the XLSX's Methodology sheet and the deck's speaker notes. */
  methodology: string[]
  /** Each column's source as CSV rows under the data (column, vendor, formula, source). */
  sources: Cell[][]
}

/** The institutions of the request that appear in the rows, in the request's order. */
function namesInOrder(request: BenchmarkRequest, rows: { institution_id: number; name: string }[]) {
  const byId = new Map(rows.map((r) => [r.institution_id, r.name]))
  return request.institutionIds.flatMap((id) => (byId.has(id) ? [{ name: byId.get(id)! }] : []))
}

/** Each column's formula and the vendor's published definition it follows, one line each. */
export function vendorMethodology(c: VendorComparison): string[] {
  return [
    `${INSIGHT_TABLE_TITLES.vendorConventions}, ${c.from} to ${c.to} (both included)`,
    ...c.conventions.map(
      (v) => `${v.label}: ${v.formula}. Source: ${v.source.vendor}, “${v.source.title}”, ${v.source.url}`
    )
  ]
}

export function vendorConventionsTable(c: VendorComparison, request: BenchmarkRequest): InsightTable {
  return {
    title: INSIGHT_TABLE_TITLES.vendorConventions,
    from: c.from,
    to: c.to,
    institutions: namesInOrder(
      request,
      c.tables.flatMap((t) => t.rows)
    ),
    table: {
      columns: VENDOR_HEADER.map((name, i) => ({ name, type: i < 2 ? 'text' : 'number' })),
      rows: vendorRows(c)
    },
    methodology: vendorMethodology(c),
    sources: vendorSources(c)
  }
}

/** The vendors' comparison itself, for the deck's table slides (one per platform). */
export function vendorComparison(db: Database, request: BenchmarkRequest): Promise<VendorComparison> {
  // Its own connection, as the channel: the scope lives in TEMP tables that concurrent requests must not share.
  return db.withConnection((conn) => vendorConventions(conn, request))
}

/** Content mix and posting times: the `contentMix` channel's answer as two flat tables. */
export function contentMixTable(
  c: ContentMix,
  request: BenchmarkRequest,
  which: 'contentMix' | 'postingTimes'
): InsightTable {
  const header = which === 'contentMix' ? MIX_KIND_HEADER : MIX_TIME_HEADER
  return {
    title: INSIGHT_TABLE_TITLES[which],
    from: c.from,
    to: c.to,
    institutions: namesInOrder(request, c.institutions),
    table: {
      columns: header.map((name, i) => ({ name, type: i < 2 ? 'text' : 'number' })),
      rows: which === 'contentMix' ? mixKindRows(c) : mixTimeRows(c)
    },
    methodology: contentMixMethodology(c, which),
    sources: []
  }
}

/** The methods and every post type's mapping: below a CSV, on the Methodology sheet, in a slide's notes. */
export function contentMixMethodology(c: ContentMix, which: 'contentMix' | 'postingTimes'): string[] {
  return [
    `${INSIGHT_TABLE_TITLES[which]}, ${c.from} to ${c.to} (both included); shares and rates as fractions; engagement convention ${c.convention}`,
    ...c.methods,
    ...c.types.map(
      (t) => `Post type "${t.postType ?? '(none)'}" on ${t.platform} counted as ${t.kind} (${t.posts} posts)`
    )
  ]
}

/** The methods, each topic's keywords and each institution's top hashtags. */
export function topicsMethodology(r: TopicReport): string[] {
  return [
    `${INSIGHT_TABLE_TITLES.topics}, ${r.from} to ${r.to} (both included); shares and rates as fractions; engagement convention ${r.convention}`,
    ...r.methods,
    ...r.topics.map((t) => `Topic “${t.name}”: ${ruleText(t)}`),
    ...r.institutions.map(
      (i) => `Top hashtags of ${i.name}: ${i.topHashtags.map((h) => `#${h.tag} (${h.posts})`).join(', ') || 'none'}`
    )
  ]
}

/** Topics: a row per institution and topic; the rules and the top hashtags on the Methodology sheet. */
export function topicsTable(r: TopicReport, request: BenchmarkRequest): InsightTable {
  return {
    title: INSIGHT_TABLE_TITLES.topics,
    from: r.from,
    to: r.to,
    institutions: namesInOrder(request, r.institutions),
    table: {
      columns: TOPIC_HEADER.map((name, i) => ({ name, type: i < 2 ? 'text' : 'number' })),
      rows: topicRows(r)
    },
    methodology: topicsMethodology(r),
    sources: []
  }
}

/**
 * The comparisons panel's table: each institution's rate with its 95% interval and its difference from the peer
 * median, at the default resamples and seed (so a reproduction draws the same intervals), with the methods below.
 */
export function comparisonsTable(s: BenchmarkStats, request: BenchmarkRequest): InsightTable {
  return {
    title: INSIGHT_TABLE_TITLES.comparisons,
    from: s.from,
    to: s.to,
    institutions: namesInOrder(request, s.institutions),
    table: {
      columns: COMPARISON_HEADER.map((name) => ({
        name,
        type: COMPARISON_TEXT_COLUMNS.includes(name) ? 'text' : 'number'
      })),
      rows: comparisonRows(s)
    },
    methodology: [
      `${INSIGHT_TABLE_TITLES.comparisons}, ${s.from} to ${s.to} (both included); rates as fractions; engagement convention ${s.convention}; ${s.resamples} resamples, seed ${s.seed}`,
      ...s.methods
    ],
    sources: []
  }
}

export async function insightTable(db: Database, id: InsightTableId, request: BenchmarkRequest): Promise<InsightTable> {
  switch (id) {
    case 'comparisons':
      return comparisonsTable(await db.withConnection((conn) => benchmarkStats(conn, { request })), request)
    case 'vendorConventions':
      return vendorConventionsTable(await vendorComparison(db, request), request)
    case 'contentMix':
    case 'postingTimes':
      return contentMixTable(await db.withConnection((conn) => contentMix(conn, request)), request, id)
    case 'topics':
      return topicsTable(await db.withConnection((conn) => topicReport(conn, request)), request)
    default: {
      const never: never = id
      throw new Error(`unknown insight table ${String(never)}`)
    }
  }
}
