/**
 * The setup an exported file carries (shared/provenance.ts): built from the benchmark the file was drawn from, and
 * embedded per format: a PNG tEXt chunk, an SVG <metadata> element; the deck, workbook and Parquet writers take the
 * encoded text as a document property or key-value metadata.
 */
import { createHash } from 'node:crypto'
import type { BenchmarkRequest, BenchmarkResult, InstitutionSummary } from '../../../shared/benchmark'
import type { ChartSeries } from '../../../shared/charts/series'
import { DATA_CHART_IDS } from '../../../shared/export'
import type { DataFormat, ExportedFile } from '../../../shared/export'
import {
  PROVENANCE_FORMAT,
  PROVENANCE_KEY,
  PROVENANCE_SIDECAR,
  encodeProvenance,
  type Provenance
} from '../../../shared/provenance'
import { packageVersion } from '../version'
import { chartData, type DataTable } from './chartData'
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

/**
 * A number as a reproduction compares it: 12 significant digits. DuckDB sums doubles in parallel, in whatever order
 * its threads finish, so the same data can give an average that differs in the 16th digit from one run to the next;
 * a reproduction must call that identical, and any difference a reader could see (the 12th digit of a rate) not.
 */
export function comparableNumber(v: number | null): number | null {
  return v === null || !Number.isFinite(v) ? v : Number(v.toPrecision(12))
}

/** Row count and SHA-256 (canonical JSON of the columns and rows) of a data table, as a data file writes it. */
export function tableDigest(t: DataTable): { rows: number; sha256: string } {
  const json = JSON.stringify({ columns: t.columns, rows: t.rows }, (_k, v: unknown) =>
    typeof v === 'number' ? comparableNumber(v) : v
  )
  return { rows: t.rows.length, sha256: sha(json) }
}

/** Row count and SHA-256 of each chart's data table (the rows a data export writes). */
export function chartDigests(result: BenchmarkResult, series: ChartSeries): Provenance['numbers']['charts'] {
  return Object.fromEntries(DATA_CHART_IDS.map((id) => [id, tableDigest(chartData(id, result, series))]))
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

/**
 * The sidecar a CSV is saved with (ExportedFile.sidecar): its setup as the `.provenance.json` `socialbench reproduce`
 * reads from beside it. XLSX and Parquet keep the setup inside and get none.
 */
export function csvSidecar(format: DataFormat, p: Provenance): Pick<ExportedFile, 'sidecar'> {
  return format === 'csv'
    ? { sidecar: { suffix: PROVENANCE_SIDECAR, bytes: new TextEncoder().encode(`${encodeProvenance(p)}\n`) } }
    : {}
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

const CUSTOM_PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml'
const CUSTOM_PROPS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties'

/**
 * An OOXML package (deck, workbook) with the setup as a custom document property (docProps/custom.xml, the part
 * File > Properties > Custom shows), added with its content type and package relationship. Neither pptxgenjs nor
 * exceljs writes custom properties, so the zip they made is amended with JSZip (which both already use).
 */
export async function ooxmlWithProvenance(pkg: Uint8Array, p: Provenance): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip')
  const zip = await JSZip.loadAsync(pkg)
  const property = `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="PID" name="${PROVENANCE_KEY}"><vt:lpwstr>${xmlText(encodeProvenance(p))}</vt:lpwstr></property>`
  const existing = await zip.file('docProps/custom.xml')?.async('string')
  if (existing) {
    const pids = [...existing.matchAll(/pid="(\d+)"/g)].map((m) => Number(m[1]))
    zip.file(
      'docProps/custom.xml',
      existing.replace('</Properties>', `${property.replace('PID', String(Math.max(1, ...pids) + 1))}</Properties>`)
    )
  } else {
    zip.file(
      'docProps/custom.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${property.replace('PID', '2')}</Properties>`
    )
    const types = await zip.file('[Content_Types].xml')!.async('string')
    if (!types.includes('/docProps/custom.xml'))
      zip.file(
        '[Content_Types].xml',
        types.replace(
          '</Types>',
          `<Override PartName="/docProps/custom.xml" ContentType="${CUSTOM_PROPS_TYPE}"/></Types>`
        )
      )
    const rels = await zip.file('_rels/.rels')!.async('string')
    if (!rels.includes(CUSTOM_PROPS_REL))
      zip.file(
        '_rels/.rels',
        rels.replace(
          '</Relationships>',
          `<Relationship Id="rIdSocialbenchSetup" Type="${CUSTOM_PROPS_REL}" Target="docProps/custom.xml"/></Relationships>`
        )
      )
  }
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }))
}

/** The setup as a person reads it in a deck's speaker notes: what to run, and the files behind the numbers. */
export function provenanceNotes(p: Provenance): string[] {
  return [
    '',
    `Reproduce: socialbench reproduce <this file> --workspace <folder> re-runs this setup and compares every number.`,
    `Exported by Socialbench ${p.app.version} on ${p.exportedAt.slice(0, 10)}; range ${p.setup.from} to ${p.setup.to}; convention ${p.setup.convention}.`,
    'Source files (SHA-256):',
    ...p.sources.map((s) => `  ${s.fileName}  ${s.sha256}`)
  ]
}
