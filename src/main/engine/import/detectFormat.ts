/**
 * Which kind of text file this is (delimited, JSON document, NDJSON), from its decoded first bytes,
 * and what must be stripped before DuckDB can read it.
 */
import iconv from 'iconv-lite'
import type { Encoding, SourceFormat } from '../../../shared/types'

export interface FormatGuess {
  format: SourceFormat
  /** Delimiter declared by an Excel-style `sep=;` first line. */
  declaredDelimiter: string | null
  /** Lines to drop before DuckDB reads the text (the `sep=` line). */
  dropLeadingLines: number
  /** Text before this character is dropped (a `window.YTD.tweets.part0 = [` JavaScript prefix). */
  startAt: string | null
  /** For JSON documents: is the top-level value an array or an object? */
  jsonTop: 'array' | 'object' | null
}

export function decodeHead(head: Buffer, encoding: Encoding): string {
  // A cut in the middle of a multi-byte character only garbles the last character of the head.
  return iconv.decode(head, encoding, { stripBOM: true })
}

export function detectFormat(text: string, fileName: string): FormatGuess {
  const trimmed = text.replace(/^\s+/, '')
  const plain: FormatGuess = {
    format: 'csv',
    declaredDelimiter: null,
    dropLeadingLines: 0,
    startAt: null,
    jsonTop: null
  }
  if (/^[A-Za-z_$][\w$.]*\s*=\s*\[/.test(trimmed)) {
    // Twitter/X archive files: `window.YTD.tweets.part0 = [ ... ]`
    return { ...plain, format: 'json', startAt: '[', jsonTop: 'array' }
  }
  if (trimmed.startsWith('[')) return { ...plain, format: 'json', jsonTop: 'array' }
  if (trimmed.startsWith('{')) {
    const lines = trimmed.split(/\r?\n/).filter((l) => l.trim() !== '')
    if (lines.length > 1 && lines.slice(0, 2).every(isJsonObjectLine)) return { ...plain, format: 'ndjson' }
    if (/\.(ndjson|jsonl)$/i.test(fileName) && lines.length >= 1 && isJsonObjectLine(lines[0])) {
      return { ...plain, format: 'ndjson' }
    }
    return { ...plain, format: 'json', jsonTop: 'object' }
  }
  const sep = /^sep=(.)\s*(\r\n|\n|\r)/i.exec(trimmed)
  if (sep) return { ...plain, declaredDelimiter: sep[1], dropLeadingLines: 1 }
  return plain
}

function isJsonObjectLine(line: string): boolean {
  const t = line.trim()
  if (!t.startsWith('{') || !t.endsWith('}')) return false
  try {
    JSON.parse(t)
    return true
  } catch {
    return false
  }
}
