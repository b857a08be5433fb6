import * as Plot from '@observablehq/plot'
import { describe, expect, it } from 'vitest'
import { CATEGORY_COLORS, chartOptions, chartRows, colorScale, parseTemporal, suggestChart } from './queryChart'

const columns = [
  { name: 'week', type: 'DATE' },
  { name: 'institution', type: 'VARCHAR' },
  { name: 'followers', type: 'DOUBLE' }
]

describe('chart options', () => {
  it('suggests a time line coloured by the text column', () => {
    expect(suggestChart(columns)).toEqual({
      mark: 'line',
      x: 'week',
      y: 'followers',
      color: 'institution',
      facet: null
    })
    expect(suggestChart([{ name: 'a', type: 'VARCHAR' }])).toBeNull()
  })

  it('parses temporal columns to Dates and leaves the rest', () => {
    const [r] = chartRows([{ week: '2024-01-01', institution: 'A', followers: 3 }], columns)
    expect(r.week).toEqual(new Date('2024-01-01T00:00:00Z'))
    expect(r.followers).toBe(3)
  })

  it('parses DuckDB TIMESTAMPTZ text (bare hour offsets) and TIMESTAMP text to valid instants', () => {
    // The exact strings DuckDB's JSON conversion gives for TIMESTAMPTZ and date_trunc(...) over it.
    expect(parseTemporal('2024-03-01 10:00:00+00').toISOString()).toBe('2024-03-01T10:00:00.000Z')
    expect(parseTemporal('2024-03-03 23:00:00.123+00').toISOString()).toBe('2024-03-03T23:00:00.123Z')
    expect(parseTemporal('2024-03-01 10:00:00+05:30').toISOString()).toBe('2024-03-01T04:30:00.000Z')
    expect(parseTemporal('2024-03-01 10:00:00-0330').toISOString()).toBe('2024-03-01T13:30:00.000Z')
    expect(parseTemporal('2024-01-01').toISOString()).toBe('2024-01-01T00:00:00.000Z')
    expect(Number.isNaN(parseTemporal('2024-01-01 00:00:00.5').getTime())).toBe(false)
    const [r] = chartRows([{ week: '2024-03-04 00:00:00+00' }], [{ name: 'week', type: 'TIMESTAMP WITH TIME ZONE' }])
    expect(r.week).toEqual(new Date('2024-03-04T00:00:00Z'))
  })

  it('builds one mark per spec, with a legend only when coloured and facets on fy', () => {
    // The mark each spec asks for, then the zero rule (not for cells): swapping a mark for another fails here.
    const expected = { line: Plot.Line, bar: Plot.BarY, dot: Plot.Dot, area: Plot.Area, cell: Plot.Cell } as const
    for (const mark of ['line', 'bar', 'dot', 'area', 'cell'] as const) {
      const o = chartOptions({ mark, x: 'week', y: 'followers', color: 'institution', facet: 'institution' }, [], 600)
      expect(o.width).toBe(600)
      const marks = (o.marks ?? []) as unknown[]
      expect(marks[0]).toBeInstanceOf(expected[mark])
      if (mark === 'cell') expect(marks).toHaveLength(1)
      else {
        expect(marks).toHaveLength(2)
        expect(marks[1]).toBeInstanceOf(Plot.RuleY)
      }
      expect(o.color).toEqual({ legend: true })
    }
    expect(chartOptions({ mark: 'bar', x: 'a', y: 'b' }, [], 400).color).toBeUndefined()
  })
})

describe('colorScale', () => {
  it('gives institution names their colours and other values the scheme, skipping the colours taken', () => {
    const rows = [{ who: 'Birch' }, { who: 'Zed' }, { who: 'Aster' }, { who: 'Birch' }, { who: 'Yew' }]
    const s = colorScale(rows, 'who', [
      { name: 'Aster', color: CATEGORY_COLORS[0] },
      { name: 'Birch', color: '#123456' }
    ])
    expect(s).toEqual({
      domain: ['Aster', 'Birch', 'Yew', 'Zed'],
      range: [CATEGORY_COLORS[0], '#123456', CATEGORY_COLORS[1], CATEGORY_COLORS[2]]
    })
  })
})
