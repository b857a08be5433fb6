/**
 * The built-in health observances: every entry of the data file names its organisation and the https URL of its
 * published calendar; rules resolve to the right day per year; switching the calendar on makes ordinary,
 * editable awareness-day events (through the front door, on a real DuckDB file), and again adds only what is missing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HEALTH_OBSERVANCES, observanceDays, type Observance } from '../../../shared/observances'
import { openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import type { TimelineEvent } from '../../../shared/timeline'
import { invoke } from '../invoke'

const eventFields = (e: TimelineEvent) => ({
  eventId: e.eventId,
  start: e.start,
  end: e.end,
  title: e.title,
  kind: e.kind,
  institutionId: e.institutionId,
  source: e.source,
  notes: e.notes
})

const byKey = (key: string): Observance => {
  const o = HEALTH_OBSERVANCES.observances.find((x) => x.key === key)
  if (!o) throw new Error(`no observance ${key}`)
  return o
}

describe('the observance calendar', () => {
  it('states the source of every date, with unique keys', () => {
    const keys = HEALTH_OBSERVANCES.observances.map((o) => o.key)
    expect(new Set(keys).size).toBe(keys.length)
    for (const o of HEALTH_OBSERVANCES.observances) {
      expect(o.source.organisation.length).toBeGreaterThan(2)
      expect(o.source.url).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\//)
    }
  })

  it('puts each observance on the day its organisation publishes, rules resolved per year', () => {
    const days = (key: string, year: number) => observanceDays(byKey(key), year)
    expect(days('world-health-day', 2025)).toEqual({ start: '2025-04-07', end: null })
    expect(days('world-cancer-day', 2026)).toEqual({ start: '2026-02-04', end: null })
    expect(days('world-aids-day', 2024)).toEqual({ start: '2024-12-01', end: null })
    expect(days('world-mental-health-day', 2025)).toEqual({ start: '2025-10-10', end: null })
    expect(days('world-diabetes-day', 2025)).toEqual({ start: '2025-11-14', end: null })
    expect(days('world-hand-hygiene-day', 2025)).toEqual({ start: '2025-05-05', end: null })
    expect(days('world-heart-day', 2025)).toEqual({ start: '2025-09-29', end: null })
    expect(days('world-no-tobacco-day', 2025)).toEqual({ start: '2025-05-31', end: null })
    expect(days('breast-cancer-awareness-month', 2025)).toEqual({ start: '2025-10-01', end: '2025-10-31' })
    expect(days('world-immunization-week', 2025)).toEqual({ start: '2025-04-24', end: '2025-04-30' })
    // Second Thursday of March / October, third Sunday of November, last day of February (leap and not).
    expect(days('world-kidney-day', 2025).start).toBe('2025-03-13')
    expect(days('world-kidney-day', 2026).start).toBe('2026-03-12')
    expect(days('world-sight-day', 2025).start).toBe('2025-10-09')
    expect(days('world-day-of-remembrance-road-traffic-victims', 2025).start).toBe('2025-11-16')
    expect(days('rare-disease-day', 2024).start).toBe('2024-02-29')
    expect(days('rare-disease-day', 2025).start).toBe('2025-02-28')
  })
})

describe('enableObservances', () => {
  let t: TestWorkspace
  beforeEach(async () => {
    t = await openTestWorkspace('sb-observances-')
  })
  afterEach(() => t.dispose())

  it('adds every observance of every year as an editable awareness day, and again only those missing', async () => {
    const { first, last } = HEALTH_OBSERVANCES.years
    const perYear = HEALTH_OBSERVANCES.observances.length
    const on = await invoke(t.engine, 'enableObservances')
    expect(on.years[0]).toBe(first)
    expect(on.years.at(-1)).toBe(last)
    expect(on.added).toBe(perYear * (last - first + 1))

    const april = await invoke(t.engine, 'listEvents', { from: '2025-04-07', to: '2025-04-07' })
    const whd = april.find((e) => e.title === 'World Health Day')
    expect(whd).toMatchObject({
      start: '2025-04-07',
      end: null,
      kind: 'awareness_day',
      observance: 'world-health-day:2025',
      source: 'World Health Organization: https://www.who.int/campaigns/world-health-days'
    })
    const october = await invoke(t.engine, 'listEvents', { from: '2025-10-15', to: '2025-10-15' })
    expect(october.map((e) => e.title)).toEqual(['Breast Cancer Awareness Month'])

    // Edited and deleted ones: switching on again keeps the edit and brings back only the deleted one.
    await invoke(t.engine, 'updateEvent', {
      eventId: whd!.eventId,
      start: '2025-04-07',
      title: 'World Health Day: our clinic open day',
      kind: 'campaign'
    })
    await invoke(t.engine, 'deleteEvent', { eventId: october[0].eventId })
    expect((await invoke(t.engine, 'enableObservances')).added).toBe(1)
    expect(
      (await invoke(t.engine, 'listEvents', { from: '2025-04-07', to: '2025-04-07' })).map((e) => e.title)
    ).toContain('World Health Day: our clinic open day')
    expect((await invoke(t.engine, 'listEvents')).length).toBe(on.added)
  })

  it('switches off again: its events go, edited ones and the user’s own stay, and on again adds no twin', async () => {
    const on = await invoke(t.engine, 'enableObservances')
    const own = await invoke(t.engine, 'addEvent', { start: '2025-04-07', title: 'Open day', kind: 'campaign' })
    const [whd] = (await invoke(t.engine, 'listEvents', { from: '2025-04-07', to: '2025-04-07' })).filter(
      (e) => e.observance === 'world-health-day:2025'
    )
    await invoke(t.engine, 'updateEvent', { ...eventFields(whd), notes: 'We run a stand' })

    const off = await invoke(t.engine, 'disableObservances')
    expect(off).toEqual({ removed: on.added - 1, kept: 1 })
    const left = await invoke(t.engine, 'listEvents')
    expect(left.map((e) => [e.eventId, e.observance, e.notes])).toEqual([
      [own.eventId, null, null],
      [whd.eventId, 'world-health-day:2025', 'We run a stand']
    ])
    expect(await invoke(t.engine, 'disableObservances')).toEqual({ removed: 0, kept: 1 })
    expect((await invoke(t.engine, 'enableObservances')).added).toBe(on.added - 1)
    expect((await invoke(t.engine, 'listEvents')).length).toBe(on.added + 1)
  })
})
