/** Display formatting for grid cells and dataset metadata. Pure, so it is unit-tested. */

import { columnKind, type ColumnKind } from '../../../../shared/gridView'

export { columnKind, type ColumnKind }

/** A cell as text; null means "show the dimmed null marker". */
export function formatCell(value: unknown, kind: ColumnKind): string | null {
  if (value === null || value === undefined) return null
  switch (kind) {
    case 'number':
      return formatNumber(value)
    case 'timestamp':
      return formatTimestamp(value)
    case 'date':
      return formatDate(value)
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : String(value)
    default:
      return typeof value === 'string' ? value : stringify(value)
  }
}

/** Integers as-is (IDs must stay exact), fractions rounded to at most 6 decimals without trailing zeros. */
export function formatNumber(value: unknown): string {
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value)
    if (Number.isInteger(value)) return String(value)
    return String(Number(value.toFixed(6)))
  }
  return String(value)
}

/** ISO 8601 in UTC; whole seconds drop the ".000". Arrow hands timestamps over as epoch milliseconds. */
export function formatTimestamp(value: unknown): string {
  // The engine may send timestamps as DuckDB text ("2024-01-02 03:04:05"); show those as ISO too.
  if (typeof value === 'string') return value.replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/, '$1T$2')
  const d = toDate(value)
  if (!d) return String(value)
  return d.toISOString().replace('.000Z', 'Z')
}

export function formatDate(value: unknown): string {
  const d = toDate(value)
  if (!d) return String(value)
  return d.toISOString().slice(0, 10)
}

function toDate(value: unknown): Date | null {
  let d: Date
  if (value instanceof Date) d = value
  else if (typeof value === 'number') d = new Date(value)
  else if (typeof value === 'bigint') d = new Date(Number(value))
  else return null
  return Number.isNaN(d.getTime()) ? null : d
}

function stringify(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'toJSON' in value) {
    return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))
  }
  return String(value)
}

/** 1536 → "1.5 KB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—'
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let v = bytes / 1024
  let i = 0
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`
}

/** 1234567 → "1,234,567" (fixed locale so tests and screenshots are stable). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

/** "2024-03-01T10:20:30.000Z" → "2024-03-01 10:20" in UTC, short enough for a list. */
export function formatImportedAt(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toISOString().slice(0, 16).replace('T', ' ')
}

export function shortSha(sha: string): string {
  return sha.slice(0, 10)
}

/** How a delimiter reads in the UI. */
export function delimiterLabel(d: string | null): string {
  if (d === null) return '—'
  if (d === '\t') return 'Tab'
  if (d === ',') return 'Comma (,)'
  if (d === ';') return 'Semicolon (;)'
  if (d === '|') return 'Pipe (|)'
  return JSON.stringify(d)
}
