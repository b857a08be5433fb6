import { describe, expect, it } from 'vitest'
import type { DatasetSummary } from '../../../../shared/types'
import { orderDatasets } from './datasetOrder'

const ds = (id: number, name: string, rows: number, importedAt: string, recognizedFormat: string | null = null) =>
  ({
    id,
    name,
    fileName: `${name}.csv`,
    format: 'csv',
    rows,
    importedAt,
    recognizedFormat
  }) as DatasetSummary

const LIST = [
  ds(1, 'Reach 10', 500, '2026-01-03T00:00:00Z'),
  ds(2, 'reach 9', 20, '2026-01-01T00:00:00Z', 'x-tweet-activity'),
  ds(3, 'Événements', 1_000_000, '2026-01-02T00:00:00Z'),
  ds(4, 'Audience', 20, '2026-01-04T00:00:00Z', 'meta-page')
]
const ids = (l: DatasetSummary[]) => l.map((d) => d.id)

describe('orderDatasets', () => {
  it('sorts names ignoring case and accents, numbers inside names by value', () => {
    expect(ids(orderDatasets(LIST, '', { key: 'name', direction: 'asc' }))).toEqual([4, 3, 2, 1])
    expect(ids(orderDatasets(LIST, '', { key: 'name', direction: 'desc' }))).toEqual([1, 2, 3, 4])
  })

  it('sorts by rows (ties newest first), by import date and by format', () => {
    expect(ids(orderDatasets(LIST, '', { key: 'rows', direction: 'asc' }))).toEqual([4, 2, 1, 3])
    expect(ids(orderDatasets(LIST, '', { key: 'importedAt', direction: 'desc' }))).toEqual([4, 1, 3, 2])
    expect(ids(orderDatasets(LIST, '', { key: 'format', direction: 'asc' }))).toEqual([1, 3, 4, 2])
  })

  it('searches name, file and format, every word, ignoring case and accents', () => {
    expect(ids(orderDatasets(LIST, 'REACH', { key: 'name', direction: 'asc' }))).toEqual([2, 1])
    expect(ids(orderDatasets(LIST, 'evenements', { key: 'name', direction: 'asc' }))).toEqual([3])
    expect(ids(orderDatasets(LIST, 'tweet reach', { key: 'name', direction: 'asc' }))).toEqual([2])
    expect(ids(orderDatasets(LIST, 'nothing', { key: 'name', direction: 'asc' }))).toEqual([])
  })
})
