import { describe, expect, it } from 'vitest'
import { DEFAULT_CONTROLS, controlsProblem, fromRequest, toRequest, toggle, type Controls } from './controls'

const c = (over: Partial<Controls>): Controls => ({ ...DEFAULT_CONTROLS, institutionIds: [3, 1], ...over })

describe('benchmark controls', () => {
  it('sends presets without dates, so the engine resolves them against the data', () => {
    expect(toRequest(c({ preset: 'last90', from: '2020-01-01', to: '2020-02-01' }))).toEqual({
      institutionIds: [1, 3],
      convention: 'followers_at_post',
      preset: 'last90',
      maxGapDays: 7,
      k: 2
    })
  })

  it('round-trips a custom setup exactly', () => {
    const custom = c({
      platforms: ['facebook', 'x'],
      preset: 'custom',
      from: '2024-03-01',
      to: '2024-08-31',
      convention: 'views',
      maxGapDays: 3,
      k: 1.5
    })
    const back = fromRequest(toRequest(custom))
    expect(back).toEqual({ ...custom, institutionIds: [1, 3] })
    expect(fromRequest(toRequest(c({ preset: 'ytd' })))).toMatchObject({ preset: 'ytd', from: '', to: '' })
  })

  it('saves events off in the request (a setup remembers it) and leaves a request with them on as before', () => {
    expect(toRequest(c({ showEvents: false })).events).toBe(false)
    expect('events' in toRequest(c({}))).toBe(false)
    expect(fromRequest(toRequest(c({ showEvents: false }))).showEvents).toBe(false)
    expect(fromRequest({ institutionIds: [1, 2], convention: 'views' }).showEvents).toBe(true)
  })

  it('explains what blocks a request', () => {
    expect(controlsProblem(c({ institutionIds: [1] }))).toBe('Choose at least 2 institutions to compare (1 chosen).')
    expect(controlsProblem(c({ institutionIds: Array.from({ length: 21 }, (_, i) => i + 1) }))).toContain('at most 20')
    expect(controlsProblem(c({ preset: 'custom', from: '2024-05-01', to: '2024-04-01' }))).toContain('after it ends')
    expect(controlsProblem(c({ preset: 'custom', from: '', to: '2024-04-01' }))).toBe(
      'Enter both dates of the custom range.'
    )
    expect(controlsProblem(c({}))).toBeNull()
  })

  it('toggles values in a list', () => {
    expect(toggle(['x'], 'facebook')).toEqual(['x', 'facebook'])
    expect(toggle(['x', 'facebook'], 'x')).toEqual(['facebook'])
  })
})
