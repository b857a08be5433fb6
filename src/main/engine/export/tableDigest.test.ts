import { describe, expect, it } from 'vitest'
import type { DataColumn } from './chartData'
import { comparableNumber, tableDigest } from './provenance'

const columns: DataColumn[] = [
  { name: 'institution', type: 'text' },
  { name: 'rate', type: 'number' }
]
const table = (rate: number) => ({ columns, rows: [['A & B', rate]] })

describe('the data table digest a reproduction compares', () => {
  it('is the same for averages that differ only in the last bits (DuckDB sums doubles in parallel)', () => {
    // 0.1 + 0.2 summed in another order: the kind of difference two runs of avg() give.
    const once = (0.1 + 0.2 + 0.3) / 3
    const again = (0.3 + 0.2 + 0.1) / 3
    expect(once).not.toBe(again)
    expect(tableDigest(table(once))).toEqual(tableDigest(table(again)))
  })

  it('differs when a figure a reader could see differs (the 12th significant digit)', () => {
    expect(tableDigest(table(0.123456789012))).not.toEqual(tableDigest(table(0.123456789013)))
    expect(tableDigest(table(0.0005))).not.toEqual(tableDigest(table(0.0006)))
  })

  it('keeps nulls and text as they are', () => {
    expect(comparableNumber(null)).toBeNull()
    expect(tableDigest({ columns, rows: [[null]] })).not.toEqual(tableDigest({ columns, rows: [[0]] }))
  })
})
