/**
 * SVG → PNG with resvg, plus the pHYs chunk resvg does not write: the DPI tells slide tools how large to place the
 * image, so a 2x export lands at the same size as a 1x one, only sharper.
 */
import { Resvg } from '@resvg/resvg-js'
import { resvgFonts } from './fonts'

export interface PngOptions {
  /** Output width in pixels; the height follows the SVG's aspect ratio. */
  widthPx: number
  dpi: number
}

export function svgToPng(svg: string, o: PngOptions): { png: Uint8Array; width: number; height: number } {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(o.widthPx) },
    font: resvgFonts(),
    background: '#ffffff'
  })
  const img = resvg.render()
  return { png: withDpi(img.asPng(), o.dpi), width: img.width, height: img.height }
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

const SIGNATURE = 8
const IHDR_END = SIGNATURE + 8 + 13 + 4

/** The PNG with a pHYs chunk (pixels per metre, both axes) right after IHDR, replacing any pHYs already there. */
export function withDpi(png: Uint8Array, dpi: number): Uint8Array {
  const ppm = Math.round(dpi / 0.0254)
  const chunk = new Uint8Array(21)
  const view = new DataView(chunk.buffer)
  view.setUint32(0, 9)
  chunk.set([0x70, 0x48, 0x59, 0x73], 4) // 'pHYs'
  view.setUint32(8, ppm)
  view.setUint32(12, ppm)
  chunk[16] = 1 // unit: metre
  view.setUint32(17, crc32(chunk.subarray(4, 17)))
  const rest = withoutChunk(png.subarray(IHDR_END), 'pHYs')
  const out = new Uint8Array(IHDR_END + chunk.length + rest.length)
  out.set(png.subarray(0, IHDR_END), 0)
  out.set(chunk, IHDR_END)
  out.set(rest, IHDR_END + chunk.length)
  return out
}

function withoutChunk(chunks: Uint8Array, type: string): Uint8Array {
  const parts: Uint8Array[] = []
  const view = new DataView(chunks.buffer, chunks.byteOffset, chunks.byteLength)
  for (let at = 0; at < chunks.length;) {
    const len = view.getUint32(at)
    const end = at + 12 + len
    if (String.fromCharCode(...chunks.subarray(at + 4, at + 8)) !== type) parts.push(chunks.subarray(at, end))
    at = end
  }
  return Buffer.concat(parts)
}

/** Width, height and DPI read back from a PNG (tests, and the CLI's report). */
export function readPngInfo(png: Uint8Array): { width: number; height: number; dpi: number | null } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const width = view.getUint32(16)
  const height = view.getUint32(20)
  let dpi: number | null = null
  for (let at = SIGNATURE; at < png.length;) {
    const len = view.getUint32(at)
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8))
    if (type === 'pHYs' && png[at + 16] === 1) dpi = Math.round(view.getUint32(at + 8) * 0.0254)
    if (type === 'IEND') break
    at += 12 + len
  }
  return { width, height, dpi }
}
