/**
 * The engine's one front door: `call` checks every input against the contract before a handler runs, and
 * answers with a Result; `invoke` is the throwing form for tests. Real engine on a real DuckDB file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from './invoke'
import { failureOf, openTestWorkspace, type TestWorkspace } from '../../../test/support/workspace'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-frontdoor-')
})
afterEach(() => t.dispose())

describe('engine.call', () => {
  it('runs a valid call and answers ok with the handler’s value', async () => {
    const created = await t.engine.call('createInstitution', { name: 'Clinic A' })
    expect(created.ok && created.value.name).toBe('Clinic A')
    const listed = await t.engine.call('listInstitutions')
    expect(listed).toEqual({ ok: true, value: [expect.objectContaining({ name: 'Clinic A' })] })
  })

  it('refuses input the contract forbids before any handler runs, naming the field', async () => {
    const { institutionId } = await invoke(t.engine, 'createInstitution', { name: 'Clinic A' })
    const r = await t.engine.call('benchmark', {
      institutionIds: [institutionId],
      convention: 'followers_at_post',
      k: 500
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('BAD_INPUT')
    expect(r.error.message).toMatch(/^benchmark: k: /)
  })

  it('refuses a day that is shaped like one but is none, as a benchmark end or a grid filter', async () => {
    const { institutionId } = await invoke(t.engine, 'createInstitution', { name: 'Clinic A' })
    const r = await t.engine.call('benchmark', {
      institutionIds: [institutionId],
      convention: 'followers_at_post',
      from: '2024-13-45'
    })
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'benchmark: from: is not a day of the calendar' }
    })
    const filter = { column: 'day', kind: 'dateRange', from: '2025-02-29', to: null } as const
    const q = await t.engine.call('datasetQuerySql', { datasetId: 1, filters: [filter] })
    expect(q).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: /from: is not a day of the calendar/ } })
  })

  it('answers a call from the wire with an unknown channel as BAD_INPUT, not a throw', async () => {
    expect(await t.engine.callWire('dropEverything', {})).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'Unknown channel dropEverything' }
    })
  })
})

describe('invoke', () => {
  it('returns the value of a successful call', async () => {
    await invoke(t.engine, 'createInstitution', { name: 'Clinic B' })
    expect((await invoke(t.engine, 'listInstitutions')).map((i) => i.name)).toEqual(['Clinic B'])
  })

  it('throws the call’s AppFailure with its code', async () => {
    const f = await failureOf(invoke(t.engine, 'deleteDataset', { datasetId: -1 }))
    expect(f.code).toBe('BAD_INPUT')
    const missing = await failureOf(invoke(t.engine, 'renameDataset', { datasetId: 999, name: 'x' }))
    expect(missing.code).toBe('NOT_FOUND')
  })
})
