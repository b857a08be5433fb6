/**
 * Which text encoding a file uses, and a streaming conversion to UTF-8 (DuckDB reads UTF-8 only).
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import chardet from 'chardet'
import iconv from 'iconv-lite'
import type { Encoding } from '../../../shared/types'

export interface EncodingGuess {
  encoding: Encoding
  bom: boolean
}

/** The kinds of binary file people drop by mistake, named so the error can say what the file is. */
export function sniffBinaryKind(head: Buffer): string | null {
  const startsWith = (...bytes: number[]) => bytes.every((b, i) => head[i] === b)
  if (startsWith(0x50, 0x4b, 0x03, 0x04)) return 'a ZIP archive or an Excel/Office workbook (.xlsx)'
  if (startsWith(0xd0, 0xcf, 0x11, 0xe0)) return 'a legacy Office document (.xls/.doc)'
  if (startsWith(0x25, 0x50, 0x44, 0x46)) return 'a PDF document'
  if (startsWith(0x89, 0x50, 0x4e, 0x47)) return 'a PNG image'
  if (startsWith(0xff, 0xd8, 0xff)) return 'a JPEG image'
  if (startsWith(0x1f, 0x8b)) return 'a gzip-compressed file'
  if (startsWith(0x50, 0x41, 0x52, 0x31)) return 'a Parquet file'
  if (startsWith(0x53, 0x51, 0x4c, 0x69, 0x74, 0x65)) return 'a SQLite database'
  return null
}

export function detectEncoding(head: Buffer, validUtf8: boolean): EncodingGuess | { binary: string } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true }
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true }
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true }
  const kind = sniffBinaryKind(head)
  if (kind) return { binary: kind }
  const nulEven = countNul(head, 0)
  const nulOdd = countNul(head, 1)
  const half = Math.max(1, head.length / 2)
  // UTF-16 text without a BOM: ASCII characters leave every other byte zero.
  if (nulOdd / half > 0.3 && nulEven / half < 0.05) return { encoding: 'utf-16le', bom: false }
  if (nulEven / half > 0.3 && nulOdd / half < 0.05) return { encoding: 'utf-16be', bom: false }
  if (nulEven + nulOdd > 0) return { binary: 'a binary file' }
  const noise = controlNoise(head)
  if (noise) {
    return {
      binary: `damaged text: it has ${noise.count} control characters that text exports never contain (the first at byte ${noise.firstAt}), as left by mixed encodings or a corrupted save${utf16Fragments(head) ? ' (here: Cyrillic letters written as UTF-16 byte pairs inside single-byte text, as a spreadsheet re-save leaves them)' : ''}`
    }
  }
  if (validUtf8) return { encoding: 'utf-8', bom: false }
  return { encoding: guessSingleByte(head), bom: false }
}

/** Control bytes that are mostly 0x04 or followed by it: UTF-16LE Cyrillic (U+0400-U+04FF) inside a single-byte file. */
function utf16Fragments(head: Buffer): boolean {
  let control = 0
  let cyrillic = 0
  head.forEach((b, i) => {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) {
      control++
      if (b === 0x04 || head[i + 1] === 0x04) cyrillic++
    }
  })
  return control > 0 && cyrillic / control > 0.8
}

function countNul(buf: Buffer, parity: 0 | 1): number {
  let n = 0
  for (let i = parity; i < buf.length; i += 2) if (buf[i] === 0) n++
  return n
}

/** Text files do not contain C0 control bytes other than tab, line feed, carriage return and form feed. */
function controlNoise(head: Buffer): { count: number; firstAt: number } | null {
  let count = 0
  let firstAt = -1
  head.forEach((b, i) => {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) {
      count++
      if (firstAt < 0) firstAt = i
    }
  })
  return count > Math.max(2, head.length * 0.001) ? { count, firstAt } : null
}

/** Not valid UTF-8: a legacy single-byte code page. Cyrillic text → Windows-1251, otherwise Windows-1252. */
function guessSingleByte(head: Buffer): Encoding {
  const guesses = chardet.analyse(head)
  for (const g of guesses) {
    const name = g.name.toLowerCase()
    if (name.includes('1251') || name.includes('koi8') || name.includes('8859-5')) return 'windows-1251'
    if (name.includes('1252') || name.includes('8859-1') || name.includes('8859-15')) return 'windows-1252'
  }
  return 'windows-1252'
}

export interface TranscodeOptions {
  from: Encoding
  /** Drop this many bytes of the *decoded* text's leading lines (e.g. an Excel `sep=,` line). */
  dropLeadingLines?: number
  /** Drop decoded text before the first occurrence of this character (e.g. `window.YTD.x = [` prefix). */
  startAt?: string
  onProgress?: (bytesDone: number) => void
  signal?: AbortSignal
  /** Read at most this many source bytes (previews); whole lines only are kept at the end. */
  maxBytes?: number
  /** Rewrites the decoded text on its way out (a stateful line mapper, e.g. unwrapLines.lineUnwrapper()). */
  mapText?: (text: string, final: boolean) => string
}

/** Stream `source` to `target` as UTF-8 without a BOM. */
export async function transcodeToUtf8(source: string, target: string, options: TranscodeOptions): Promise<void> {
  const decoder = iconv.getDecoder(options.from, { stripBOM: true })
  let linesToDrop = options.dropLeadingLines ?? 0
  let waitingFor = options.startAt ?? null
  let done = 0
  const truncating = options.maxBytes !== undefined
  // When truncating a preview, hold back the unfinished last line so DuckDB never sees half a record.
  let tail = ''
  const emit = (text: string, final: boolean): Buffer | undefined => {
    ;[text, linesToDrop, waitingFor] = trimStart(text, linesToDrop, waitingFor)
    if (options.mapText) text = options.mapText(text, final)
    if (truncating) {
      text = tail + text
      const cut = final && done >= (options.maxBytes ?? 0) ? lastBreak(text) : final ? text.length : lastBreak(text)
      tail = text.slice(cut)
      text = text.slice(0, cut)
    }
    return text ? Buffer.from(text, 'utf8') : undefined
  }
  const convert = new Transform({
    transform(chunk: Buffer, _enc, callback) {
      if (options.signal?.aborted) return callback(options.signal.reason ?? new Error('aborted'))
      done += chunk.length
      options.onProgress?.(done)
      callback(null, emit(decoder.write(chunk), false))
    },
    flush(callback) {
      callback(null, emit(decoder.end() ?? '', true))
    }
  })
  const end = options.maxBytes !== undefined ? options.maxBytes - 1 : undefined
  await pipeline(createReadStream(source, { highWaterMark: 1024 * 1024, end }), convert, createWriteStream(target), {
    signal: options.signal
  })
}

function lastBreak(text: string): number {
  const i = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'))
  return i < 0 ? 0 : i + 1
}

function trimStart(text: string, lines: number, startAt: string | null): [string, number, string | null] {
  while (lines > 0 && text.length > 0) {
    const m = /\r\n|\n|\r/.exec(text)
    if (!m) return ['', lines, startAt]
    text = text.slice(m.index + m[0].length)
    lines--
  }
  if (startAt !== null && lines === 0) {
    const at = text.indexOf(startAt)
    if (at < 0) return ['', lines, startAt]
    text = text.slice(at)
    startAt = null
  }
  return [text, lines, startAt]
}
