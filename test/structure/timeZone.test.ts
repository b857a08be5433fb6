/**
 * The tests run in a fixed zone that is not UTC and has daylight saving (vitest.config.ts sets TZ, as Observable
 * Plot's tests do), so code that reads the machine's zone where it means UTC, or the reverse, fails here rather
 * than on a user's laptop. CI machines run in UTC: without the pin these tests would pass whatever the code does.
 */
import { describe, expect, it } from 'vitest'

const offsetOn = (iso: string) => new Date(iso).getTimezoneOffset()

describe('the test run’s time zone', () => {
  it('is not UTC, in winter or in summer', () => {
    expect(offsetOn('2024-01-15T12:00:00Z'), `TZ=${process.env.TZ}`).not.toBe(0)
    expect(offsetOn('2024-07-15T12:00:00Z'), `TZ=${process.env.TZ}`).not.toBe(0)
  })

  it('has daylight saving, so a day can be 23 or 25 hours long', () => {
    expect(offsetOn('2024-01-15T12:00:00Z')).not.toBe(offsetOn('2024-07-15T12:00:00Z'))
  })

  it('reaches the worker as TZ, which the processes the tests start inherit', () => {
    expect(process.env.TZ).toBeTruthy()
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ)
  })
})
