/**
 * The setup an exported file carries, read back: a PNG's tEXt chunk, an SVG's <metadata>, a sidecar .json, a deck's
 * or workbook's document properties, a Parquet file's key-value metadata. Each refusal names the file and says why.
 */
import { readFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { PROVENANCE_KEY, PROVENANCE_SIDECAR, decodeProvenance, type Provenance } from '../../../shared/provenance'
import { AppFailure } from '../../../shared/result'

const fail = (file: string, why: string) => new AppFailure('BAD_INPUT', `${basename(file)}: ${why}`)

/** The text of the tEXt chunk with our keyword, or null. */
export function pngText(png: Uint8Array, keyword = PROVENANCE_KEY): string | null {
  const b = Buffer.from(png.buffer, png.byteOffset, png.byteLength)
  if (b.length < 8 || b.readUInt32BE(0) !== 0x89504e47) return null
  for (let at = 8; at + 12 <= b.length;) {
    const len = b.readUInt32BE(at)
    const type = b.toString('latin1', at + 4, at + 8)
    if (type === 'tEXt') {
      const data = b.subarray(at + 8, at + 8 + len)
      const nul = data.indexOf(0)
      if (nul > 0 && data.toString('latin1', 0, nul) === keyword) return data.toString('latin1', nul + 1)
    }
    if (type === 'IEND') break
    at += 12 + len
  }
  return null
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

/** The text of <metadata id="socialbench-provenance"> in an SVG, or null. */
export function svgText(svg: string): string | null {
  const m = new RegExp(`<metadata id="${PROVENANCE_KEY}">([^<]*)</metadata>`).exec(svg)
  return m ? unescapeXml(m[1]) : null
}

/** A property of an OOXML package (deck, workbook): docProps/custom.xml's property named PROVENANCE_KEY. */
async function ooxmlText(bytes: Uint8Array): Promise<string | null> {
  const { default: JSZip } = await import('jszip')
  const zip = await JSZip.loadAsync(bytes)
  const custom = await zip.file('docProps/custom.xml')?.async('string')
  if (!custom) return null
  const m = new RegExp(`name="${PROVENANCE_KEY}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`).exec(custom)
  return m ? unescapeXml(m[1]) : null
}

async function parquetText(file: string): Promise<string | null> {
  const { DuckDBInstance } = await import('@duckdb/node-api')
  const { SAFE_OPTIONS } = await import('../db/duckdb')
  const instance = await DuckDBInstance.create(':memory:', SAFE_OPTIONS)
  const conn = await instance.connect()
  try {
    const r = await conn.runAndReadAll(
      `SELECT decode(value) AS v FROM parquet_kv_metadata($1) WHERE decode(key) = $2`,
      [file, PROVENANCE_KEY]
    )
    const rows = r.getRowObjectsJson()
    return rows.length ? String(rows[0].v) : null
  } finally {
    conn.closeSync()
    instance.closeSync()
  }
}

export async function readProvenance(file: string): Promise<Provenance> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch {
    throw fail(file, 'cannot be read (does it exist?).')
  }
  const ext = extname(file).toLowerCase()
  let text: string | null
  if (ext === '.png') text = pngText(bytes)
  else if (ext === '.svg') text = svgText(bytes.toString('utf8'))
  else if (ext === '.json') text = bytes.toString('utf8')
  else if (ext === '.pptx' || ext === '.xlsx') text = await ooxmlText(bytes).catch(() => null)
  else if (ext === '.parquet') text = await parquetText(file).catch(() => null)
  else if (ext === '.csv') {
    // A CSV keeps no setup of its own (extra lines would not open cleanly in Excel): its sidecar does.
    const sidecar = await readFile(`${file}${PROVENANCE_SIDECAR}`, 'utf8').catch(() => null)
    if (sidecar === null)
      throw fail(
        file,
        `a CSV carries no setup of its own, and its sidecar ${basename(file)}${PROVENANCE_SIDECAR} is not next to it.`
      )
    text = sidecar
  } else throw fail(file, 'not a file Socialbench exports (PNG, SVG, PPTX, XLSX, Parquet, or a .provenance.json).')
  if (text === null) throw fail(file, 'carries no Socialbench setup (was it exported by Socialbench 0.1 or later?).')
  try {
    return decodeProvenance(text)
  } catch (err) {
    throw fail(file, `its Socialbench setup is damaged (${err instanceof Error ? err.message : String(err)}).`)
  }
}
