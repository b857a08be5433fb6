import { describe, expect, it } from 'vitest'
import type { ChartSeries } from '../../../../shared/charts/series'
import { utcDay } from '../../../../shared/charts/series'
import { mondayOf, pickablePeriods, targetAt } from './spikePeriods'

const institutions = [
  { id: 1, name: 'Alpha' },
  { id: 2, name: 'Beta' }
]
const week = (iso: string, institution: string, rate: number | null) => ({
  institution,
  week: utcDay(iso),
  rate,
  posts: 1
})
const day = (iso: string, institution: string, value: number | null) => ({
  institution,
  metric: 'views' as const,
  day: utcDay(iso),
  value
})
const series = {
  engagement: [
    week('2024-01-01', 'Alpha', 0.02),
    week('2024-01-08', 'Alpha', 0.12),
    week('2024-01-08', 'Beta', 0.01),
    week('2024-01-15', 'Beta', null)
  ],
  channelDaily: [day('2024-01-09', 'Alpha', 100), day('2024-01-10', 'Alpha', 900), day('2024-01-10', 'Beta', 50)]
} as unknown as ChartSeries

describe('spike periods', () => {
  it('mondayOf gives the ISO week’s Monday', () => {
    expect(['2024-01-07', '2024-01-08', '2024-01-14', '2024-01-01'].map(mondayOf)).toEqual([
      '2024-01-01',
      '2024-01-08',
      '2024-01-08',
      '2024-01-01'
    ])
  })

  it('offers the periods with a value, per institution', () => {
    expect(pickablePeriods(series, institutions, 'engagement', 'week').map((p) => [p.institutionId, p.day])).toEqual([
      [1, '2024-01-01'],
      [1, '2024-01-08'],
      [2, '2024-01-08']
    ])
    expect(pickablePeriods(series, institutions, 'views', 'week').map((p) => [p.institutionId, p.day])).toEqual([
      [1, '2024-01-08'],
      [2, '2024-01-08']
    ])
  })

  it('a click means the nearest period in time, then the nearest institution in height', () => {
    // Sunday evening before the 8th: the 8th's points are nearer than the 1st's.
    const x = new Date(Date.parse('2024-01-07T20:00:00Z'))
    expect(targetAt(x, 11, series, institutions, 'engagement', 'week')).toEqual({
      institutionId: 1,
      metric: 'engagement',
      unit: 'week',
      day: '2024-01-08'
    })
    expect(targetAt(x, 1.5, series, institutions, 'engagement', 'week')?.institutionId).toBe(2)
    expect(targetAt(new Date('2024-01-10T03:00:00Z'), 60, series, institutions, 'views', 'day')).toEqual({
      institutionId: 2,
      metric: 'views',
      unit: 'day',
      day: '2024-01-10'
    })
  })
})
