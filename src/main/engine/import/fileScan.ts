/**
 * One streaming pass over the file: SHA-256, size, longest physical line, UTF-8 validity and the head bytes
 * used for sniffing. Streaming keeps memory flat for multi-gigabyte exports.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { HEAD_BYTES } from './limits'

export interface FileScan {
  size: number
  sha256: string
  head: Buffer
  /** Longest run of bytes between line breaks (\n or \r), and the 1-based line where it starts. */
  maxLineBytes: number
  maxLineNumber: number
  lineBreaks: number
  validUtf8: boolean
}

export interface ScanOptions {
  onProgress?: (bytesDone: number, bytesTotal: number) => void
  signal?: AbortSignal
  /** Stop early (and report) once a line grows past this many bytes. */
  maxLineBytes?: number
}

export async function scanFile(path: string, options: ScanOptions = {}): Promise<FileScan> {
  const { size } = await stat(path)
  const hash = createHash('sha256')
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const headParts: Buffer[] = []
  let headLength = 0
  let validUtf8 = true
  let done = 0
  let line = 0
  let lineNumber = 1
  let maxLine = 0
  let maxLineNumber = 1
  let breaks = 0
  let prevCR = false

  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted')
    hash.update(chunk)
    if (headLength < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - headLength)
      headParts.push(part)
      headLength += part.length
    }
    if (validUtf8) {
      try {
        decoder.decode(chunk, { stream: true })
      } catch {
        validUtf8 = false
      }
    }
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]
      if (b === 0x0a || b === 0x0d) {
        // \r\n counts as one break
        if (!(b === 0x0a && prevCR)) {
          breaks++
          if (line > maxLine) {
            maxLine = line
            maxLineNumber = lineNumber
          }
          lineNumber++
          line = 0
        }
        prevCR = b === 0x0d
      } else {
        prevCR = false
        line++
      }
    }
    if (line > maxLine) {
      maxLine = line
      maxLineNumber = lineNumber
    }
    done += chunk.length
    options.onProgress?.(done, size)
    if (options.maxLineBytes && maxLine > options.maxLineBytes) break
  }
  if (validUtf8) {
    try {
      decoder.decode()
    } catch {
      validUtf8 = false
    }
  }
  return {
    size,
    sha256: hash.digest('hex'),
    head: Buffer.concat(headParts),
    maxLineBytes: maxLine,
    maxLineNumber,
    lineBreaks: breaks,
    validUtf8
  }
}
