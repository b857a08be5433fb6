/**
 * The setup an exported file carries (shared/provenance.ts): built from the benchmark the file was drawn from, and
 * embedded per format: a PNG tEXt chunk, an SVG <metadata> element; the deck, workbook and Parquet writers take the
 * encoded text as a document property or key-value metadata.
 */
import { createHash } from 'node:crypto'
import type { BenchmarkRequest, BenchmarkResult, InstitutionSummary } from '../../../shared/benchmark'
import type { ChartSeries } from '../../../shared/charts/series'
import { DATA_CHART_IDS } from '../../../shared/export'
import { PROVENANCE_FORMAT, PROVENANCE_KEY, encodeProvenance, type Provenance } from '../../../shared/provenance'
import { packageVersion } from '../version'
import { chartData } from './chartData'
import { crc32 } from './png'

const sha = (text: string) => createHash('sha256').update(text).digest('hex')

/** Every numeric summary figure by "institution / field" (nested fields dotted): what a reproduction names. */
export function summaryNumbers(summary: InstitutionSummary[]): Record<string, number | null> {
  const out: Record<string, number | null> = {}
  const walk = (prefix: string, v: unknown) => {
    if (v === null || typeof v === 'number') out[prefix] = v
    else if (typeof v === 'object') for (const [k, x] of Object.entries(v as object)) walk(`${prefix}.${k}`, x)
  }
  for (const s of summary) {
    for (const [k, v] of Object.entries(s)) {
      if (k === 'institution_id' || k === 'name' || k === 'color') continue
      walk(`${s.name} / ${k}`, v)
    }
  }
  return out
}

/** Row count and SHA-256 of each chart's data table (the rows a data export writes). */
export function chartDigests(result: BenchmarkResult, series: ChartSeries): Provenance['numbers']['charts'] {
  return Object.fromEntries(
    DATA_CHART_IDS.map((id) => {
      const t = chartData(id, result, series)
      return [id, { rows: t.rows.length, sha256: sha(JSON.stringify({ columns: t.columns, rows: t.rows })) }]
    })
  )
}

export function buildProvenance(
  result: BenchmarkResult,
  series: ChartSeries,
  request: BenchmarkRequest,
  artefact: Provenance['artefact']
): Provenance {
  const s = result.scope
  // The range as it came out: re-running "last 12 months" after a new import would compare another year.
  const { preset: _preset, resolution: _resolution, ...rest } = request
  return {
    format: PROVENANCE_FORMAT,
    app: { name: 'Socialbench', version: packageVersion() },
    exportedAt: new Date().toISOString(),
    artefact,
    setup: {
      institutions: s.institutions.map((i) => ({ id: i.id, name: i.name })),
      from: s.from,
      to: s.to,
      platforms: s.platforms,
      convention: s.convention
    },
    request: { ...rest, preset: 'custom', from: s.from, to: s.to },
    sources: result.methodology.sourceFiles,
    numbers: { summary: summaryNumbers(result.summary), charts: chartDigests(result, series) }
  }
}

/** Text as an XML text node: & < > escaped (encodeProvenance leaves nothing else that XML refuses). */
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The SVG with a <metadata> element holding the setup, first inside the root element. */
export function svgWithProvenance(svg: string, p: Provenance): string {
  const open = /<svg\b[^>]*>/.exec(svg)
  if (!open) throw new Error('not an SVG document')
  const at = open.index + open[0].length
  const meta = `<metadata id="${PROVENANCE_KEY}">${xmlText(encodeProvenance(p))}</metadata>`
  return `${svg.slice(0, at)}${meta}${svg.slice(at)}`
}

/** The PNG with a tEXt chunk (keyword PROVENANCE_KEY, the setup as ASCII JSON) just before IEND. */
export function pngWithProvenance(png: Uint8Array, p: Provenance): Uint8Array {
  const data = Buffer.from(`${PROVENANCE_KEY}\0${encodeProvenance(p)}`, 'latin1')
  const chunk = Buffer.alloc(12 + data.length)
  chunk.writeUInt32BE(data.length, 0)
  chunk.write('tEXt', 4, 'latin1')
  data.copy(chunk, 8)
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length)
  const iend = png.length - 12 // IEND is the last chunk: length 0, type, CRC
  if (Buffer.from(png.subarray(iend + 4, iend + 8)).toString('latin1') !== 'IEND')
    throw new Error('PNG without IEND last')
  return Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend)])
}
