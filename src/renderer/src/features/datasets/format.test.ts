import { describe, expect, it } from 'vitest'
import {
  columnKind,
  delimiterLabel,
  formatBytes,
  formatCell,
  formatCount,
  formatImportedAt,
  formatNumber,
  shortSha
} from './format'

describe('columnKind', () => {
  it('classifies DuckDB types', () => {
    expect(columnKind('BIGINT')).toBe('number')
    expect(columnKind('DECIMAL(18,3)')).toBe('number')
    expect(columnKind('double')).toBe('number')
    expect(columnKind('TIMESTAMP WITH TIME ZONE')).toBe('timestamp')
    expect(columnKind('DATE')).toBe('date')
    expect(columnKind('BOOLEAN')).toBe('boolean')
    expect(columnKind('VARCHAR')).toBe('text')
    expect(columnKind('INTERVAL')).toBe('text')
  })
})

describe('formatCell', () => {
  it('keeps nulls as null so the grid can dim them', () => {
    expect(formatCell(null, 'number')).toBeNull()
    expect(formatCell(undefined, 'text')).toBeNull()
  })
  it('formats numbers exactly', () => {
    expect(formatNumber(9007199254740993n)).toBe('9007199254740993')
    expect(formatNumber(42)).toBe('42')
    expect(formatNumber(0.1 + 0.2)).toBe('0.3')
    expect(formatNumber(-1.25)).toBe('-1.25')
    expect(formatNumber(Number.NaN)).toBe('NaN')
  })
  it('formats timestamps and dates as ISO in UTC', () => {
    const ms = Date.UTC(2024, 0, 2, 3, 4, 5)
    expect(formatCell(ms, 'timestamp')).toBe('2024-01-02T03:04:05Z')
    expect(formatCell(ms + 250, 'timestamp')).toBe('2024-01-02T03:04:05.250Z')
    expect(formatCell(BigInt(ms), 'timestamp')).toBe('2024-01-02T03:04:05Z')
    expect(formatCell(new Date(ms), 'date')).toBe('2024-01-02')
    expect(formatCell('2024-01-02 03:04:05', 'timestamp')).toBe('2024-01-02T03:04:05')
    expect(formatCell('2024-01-02 03:04:05+01', 'timestamp')).toBe('2024-01-02T03:04:05+01')
    expect(formatCell('not a time', 'timestamp')).toBe('not a time')
  })
  it('shows text and booleans verbatim', () => {
    expect(formatCell('héllo', 'text')).toBe('héllo')
    expect(formatCell(true, 'boolean')).toBe('true')
  })
})

describe('metadata formatting', () => {
  it('formats sizes, counts and dates', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB')
    expect(formatCount(10_000_000)).toBe('10,000,000')
    expect(formatImportedAt('2024-03-01T10:20:30.000Z')).toBe('2024-03-01 10:20')
    expect(shortSha('abcdef0123456789')).toBe('abcdef0123')
    expect(delimiterLabel('\t')).toBe('Tab')
    expect(delimiterLabel(null)).toBe('—')
  })
})
