import { Float64, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import { decodeRows } from './series'

describe('decodeRows', () => {
  it('keeps NULL as null (a follower gap is not 0) and turns date strings into UTC days', () => {
    const bytes = tableToIPC(
      new Table({
        day: vectorFromArray(['2024-01-01', '2024-01-02'], new Utf8()),
        followers: vectorFromArray([100, null], new Float64())
      }),
      'stream'
    )
    expect(decodeRows(bytes, ['day'])).toEqual([
      { day: new Date('2024-01-01T00:00:00Z'), followers: 100 },
      { day: new Date('2024-01-02T00:00:00Z'), followers: null }
    ])
  })
})
