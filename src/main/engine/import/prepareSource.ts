/**
 * Everything that happens before DuckDB sees the file: hash and size, refusal of binary files, empty files
 * and absurd lines, encoding detection and, where needed, a UTF-8 copy without preambles.
 */
import { basename, join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { AppFailure } from '../../../shared/result'
import type { Encoding, ImportOptions } from '../../../shared/types'
import { isDiskFull } from '../db/duckdbMessages'
import { diskFullFailure } from './duckdbErrors'
import { detectEncoding, transcodeToUtf8 } from './encoding'
import { decodeHead, detectFormat, type FormatGuess } from './detectFormat'
import { scanFile, type FileScan } from './fileScan'
import { MAX_LINE_BYTES } from './limits'
import { detectPreamble, type PreambleGuess } from './preamble'
import { isWrappedCsv, lineUnwrapper, unwrapText } from './unwrapLines'

export interface PreparedSource {
  originalPath: string
  fileName: string
  /** What DuckDB reads: the original file, or a UTF-8 copy in the workspace's tmp folder. */
  readPath: string
  scan: FileScan
  encoding: Encoding
  hadBom: boolean
  guess: FormatGuess
  /** A title above a delimited table, found from the head. */
  preamble: PreambleGuess | null
  /** The decoded head after dropped lines (and unwrapping): recognizers read title lines above the table from it. */
  headText: string
  /** Every line was one quoted field (a spreadsheet re-save of a CSV); the copy DuckDB reads is unwrapped. */
  unwrapped: boolean
  cleanup(): Promise<void>
}

export interface PrepareOptions {
  tmpDir: string
  signal?: AbortSignal
  /** Only convert this many bytes (previews of huge files). */
  previewOnly?: boolean
  onScanProgress?: (fraction: number) => void
  onConvertProgress?: (fraction: number) => void
}

export async function prepareSource(
  path: string,
  options: ImportOptions,
  prep: PrepareOptions
): Promise<PreparedSource> {
  const fileName = basename(path)
  let scan: FileScan
  try {
    scan = await scanFile(path, {
      signal: prep.signal,
      maxLineBytes: MAX_LINE_BYTES,
      onProgress: (d, t) => prep.onScanProgress?.(t ? d / t : 1)
    })
  } catch (err) {
    if (prep.signal?.aborted) throw new AppFailure('CANCELLED', `Import of ${fileName} was cancelled.`)
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new AppFailure('NOT_FOUND', `${fileName}: file not found (${path}).`)
    if (code === 'EISDIR') throw new AppFailure('UNSUPPORTED_FILE', `${fileName} is a folder, not a file.`)
    if (code === 'EACCES') throw new AppFailure('UNSUPPORTED_FILE', `${fileName}: permission denied.`)
    throw err
  }
  if (scan.size === 0) throw new AppFailure('EMPTY_FILE', `${fileName} is empty (0 bytes).`)
  const enc = detectEncoding(scan.head, scan.validUtf8)
  if ('binary' in enc) {
    throw new AppFailure(
      'UNSUPPORTED_FILE',
      enc.binary.startsWith('damaged')
        ? `${fileName} is ${enc.binary}; it cannot be read as CSV or JSON. Export it again from the platform.`
        : `${fileName} looks like ${enc.binary}, not a CSV or JSON text file.`
    )
  }
  const encoding = options.encoding ?? enc.encoding
  const head = decodeHead(scan.head, encoding)
  if (head.trim() === '') throw new AppFailure('EMPTY_FILE', `${fileName} contains only blank space.`)
  const guess = detectFormat(head, fileName)
  const unwrapped = guess.format === 'csv' && isWrappedCsv(dropLines(head, guess.dropLeadingLines))
  const headText = unwrapped
    ? unwrapText(dropLines(head, guess.dropLeadingLines))
    : dropLines(head, guess.dropLeadingLines)
  const preamble =
    guess.format === 'csv' ? detectPreamble(headText, guess.declaredDelimiter, scan.size <= scan.head.length) : null
  const lineLimit = encoding.startsWith('utf-16') ? MAX_LINE_BYTES * 2 : MAX_LINE_BYTES
  if (guess.format !== 'json' && scan.maxLineBytes > lineLimit) {
    throw new AppFailure(
      'LINE_TOO_LONG',
      `${fileName}: line ${scan.maxLineNumber} is longer than ${MAX_LINE_BYTES / (1024 * 1024)} MB (${formatMb(scan.maxLineBytes)}); ` +
        'this is not a usable export (a damaged file, or one record per line is missing).'
    )
  }

  const needsCopy = encoding !== 'utf-8' || guess.dropLeadingLines > 0 || guess.startAt !== null || enc.bom || unwrapped
  const shared = { originalPath: path, fileName, scan, encoding, hadBom: enc.bom, guess, preamble, headText, unwrapped }
  if (!needsCopy) return { ...shared, readPath: path, cleanup: async () => {} }
  const ext = guess.format === 'csv' ? 'csv' : 'json'
  const readPath = join(prep.tmpDir, `${randomUUID()}.${ext}`)
  const cleanup = () => rm(readPath, { force: true })
  try {
    await transcodeToUtf8(path, readPath, {
      from: encoding,
      dropLeadingLines: guess.dropLeadingLines,
      startAt: guess.startAt ?? undefined,
      signal: prep.signal,
      maxBytes: prep.previewOnly ? 4 * 1024 * 1024 : undefined,
      mapText: unwrapped ? lineUnwrapper() : undefined,
      onProgress: (d) => prep.onConvertProgress?.(scan.size ? Math.min(1, d / scan.size) : 1)
    })
  } catch (err) {
    await cleanup()
    if (prep.signal?.aborted) throw new AppFailure('CANCELLED', `Import of ${fileName} was cancelled.`)
    if (isDiskFull(err)) throw diskFullFailure(fileName)
    throw new AppFailure('ENCODING', `${fileName}: cannot convert from ${encoding} to UTF-8: ${(err as Error).message}`)
  }
  return { ...shared, readPath, cleanup }
}

function formatMb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

function dropLines(text: string, n: number): string {
  for (let i = 0; i < n; i++) {
    const m = /\r\n|\n|\r/.exec(text)
    if (!m) return ''
    text = text.slice(m.index + m[0].length)
  }
  return text
}
