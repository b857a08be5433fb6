/** The events layer as data: labels in lanes without overprinting, left out (and said) when there is no room. */
import { describe, expect, it } from 'vitest'
import type { TimelineEvent } from '../timeline'
import { placeLabels, withEvents } from './eventMarks'
import type { BuiltChart, ChartContext } from './plotOptions'

const ctx: ChartContext = {
  width: 800,
  institutions: [],
  from: '2025-01-01',
  to: '2025-03-31',
  convention: 'followers_at_post',
  theme: 'light'
}
const built = (): BuiltChart => ({
  options: { width: 800, marginLeft: 60, marks: [], ariaDescription: 'Followers.' },
  notes: []
})
const ev = (start: string, title: string, end: string | null = null): TimelineEvent => ({
  eventId: 1,
  start,
  end,
  title,
  kind: 'other',
  institutionId: null,
  institutionName: null,
  source: null,
  notes: null,
  observance: null
})

describe('placeLabels', () => {
  it('puts neighbours in the next lane, reuses a lane once free, and leaves out what finds none', () => {
    const items = [0, 10, 20, 30, 300].map((px) => ({ px, text: 'x'.repeat(10) }))
    const placed = placeLabels(items, { charPx: 6, lanes: 3, right: 800 })
    expect(placed.map((p) => p.lane)).toEqual([0, 1, 2, null, 0])
  })

  it("labels the user's events before the calendar's when they compete for room", () => {
    const items = [
      { px: 100, text: 'x'.repeat(10), rank: 9 },
      { px: 110, text: 'x'.repeat(10), rank: 9 },
      { px: 120, text: 'x'.repeat(10), rank: 1 }
    ]
    expect(placeLabels(items, { charPx: 6, lanes: 2, right: 800 }).map((p) => p.lane)).toEqual([1, null, 0])
  })

  it('turns a label near the right edge to read leftwards', () => {
    expect(placeLabels([{ px: 790, text: 'World Health Day' }], { charPx: 6, lanes: 3, right: 800 })[0].anchor).toBe(
      'end'
    )
  })
})

describe('withEvents', () => {
  it('adds marks above the data only for events in range, makes room for the lanes and describes them', () => {
    const out = withEvents(
      built(),
      [ev('2024-12-01', 'Before'), ev('2025-02-01', 'Campaign', '2025-02-10'), ev('2025-03-01', 'Outage')],
      ctx
    )
    expect(out.options.marginTop).toBe(20 + 13)
    expect(out.options.ariaDescription).toBe(
      'Followers. Events drawn: Campaign (2025-02-01 to 2025-02-10); Outage (2025-03-01).'
    )
    expect(out.notes).toEqual([])
    expect(withEvents(built(), [ev('2024-12-01', 'Before')], ctx)).toEqual(built())
  })

  it('says how many labels it left out', () => {
    const crowd = Array.from({ length: 8 }, (_, i) => ev(`2025-02-0${i + 1}`, `Observance number ${i + 1}`))
    const out = withEvents(built(), crowd, ctx)
    expect(out.options.marginTop).toBe(20 + 3 * 13)
    expect(out.notes).toEqual([
      '5 of 8 event labels left out for lack of room (hover a line for its title; the methodology lists every event).'
    ])
  })
})
