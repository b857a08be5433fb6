import { describe, expect, it } from 'vitest'
import { chartOptions, chartRows, suggestChart } from './chartOptions'

const columns = [
  { name: 'week', type: 'DATE' },
  { name: 'institution', type: 'VARCHAR' },
  { name: 'followers', type: 'DOUBLE' }
]

describe('chart options', () => {
  it('suggests a time line coloured by the text column', () => {
    expect(suggestChart(columns)).toEqual({ mark: 'line', x: 'week', y: 'followers', color: 'institution', facet: null })
    expect(suggestChart([{ name: 'a', type: 'VARCHAR' }])).toBeNull()
  })

  it('parses temporal columns to Dates and leaves the rest', () => {
    const [r] = chartRows([{ week: '2024-01-01', institution: 'A', followers: 3 }], columns)
    expect(r.week).toEqual(new Date('2024-01-01T00:00:00Z'))
    expect(r.followers).toBe(3)
  })

  it('builds one mark per spec, with a legend only when coloured and facets on fy', () => {
    for (const mark of ['line', 'bar', 'dot', 'area', 'cell'] as const) {
      const o = chartOptions({ mark, x: 'week', y: 'followers', color: 'institution', facet: 'institution' }, [], 600)
      expect(o.width).toBe(600)
      expect(o.marks?.length).toBeGreaterThanOrEqual(1)
      expect(o.color).toEqual({ legend: true })
    }
    expect(chartOptions({ mark: 'bar', x: 'a', y: 'b' }, [], 400).color).toBeUndefined()
  })
})
