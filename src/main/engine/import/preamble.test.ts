import { describe, expect, it } from 'vitest'
import { detectPreamble, recordFieldCounts } from './preamble'

const rows = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n') + '\n'

describe('detectPreamble', () => {
  it('finds the title line above a comma table', () => {
    const text =
      'Facebook follows\n' + 'Date,Primary\n' + rows(30, (i) => `2024-01-${String(i + 1).padStart(2, '0')},${i}`)
    expect(detectPreamble(text, null)).toEqual({ delimiter: ',', skipRows: 1 })
  })

  it('finds two title lines above a semicolon table', () => {
    const text =
      'Report: page insights\nFrom 2024-01-01 to 2024-01-31\nDate;Reach;Likes\n' +
      rows(20, (i) => `d${i};${i};${i * 2}`)
    expect(detectPreamble(text, null)).toEqual({ delimiter: ';', skipRows: 2 })
  })

  it('sees no preamble in a plain table', () => {
    expect(detectPreamble('a\tb\tc\n' + rows(10, (i) => `${i}\tx\ty`), null)).toEqual({ delimiter: '\t', skipRows: 0 })
  })

  it('is not confused by quoted fields that span lines and contain delimiters', () => {
    const body = rows(12, (i) => `${i},"caption line one, with comma\nline two; ok\nline three",${i * 10}`)
    const text = 'id,caption,likes\n' + body
    expect(recordFieldCounts(text, ',', 60).slice(0, 13)).toEqual(Array(13).fill(3))
    expect(detectPreamble(text, null)).toEqual({ delimiter: ',', skipRows: 0 })
  })

  it('uses the declared delimiter only', () => {
    const text = 'Title\nA;B\n' + rows(10, (i) => `${i};${i}`)
    expect(detectPreamble(text, ';')).toEqual({ delimiter: ';', skipRows: 1 })
    expect(detectPreamble(text, '|')).toBeNull()
  })

  it('skips a title saved with a trailing delimiter (same field count as the table)', () => {
    const semi = 'Facebook follows;\nDate;Primary\n' + rows(20, (i) => `2025-10-${10 + i};${i}`)
    expect(detectPreamble(semi, null)).toEqual({ delimiter: ';', skipRows: 1 })
    const tab = 'Facebook reach\t\r\nDate\tPrimary\r\n' + rows(20, (i) => `2023-07-${10 + i}\t${i}`)
    expect(detectPreamble(tab, '\t')).toEqual({ delimiter: '\t', skipRows: 1 })
  })

  it('keeps a header whose later columns are named, and data rows with empty trailing cells', () => {
    const text = 'Date;Primary\n2025-01-01;\n' + rows(20, (i) => `2025-02-${10 + i};${i}`)
    expect(detectPreamble(text, null)).toEqual({ delimiter: ';', skipRows: 0 })
  })
})
