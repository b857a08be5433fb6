/** Yearless days read in many UI languages, placed in time as a daily run or one by one, and the period end. */
import { describe, expect, it } from 'vitest'
import { calendarWords } from './calendarWords'
import { periodEndInName, resolvePeriodEnd } from './periodEnd'
import { asMonthDay, numberOrder, placeYears, readYearless, type MonthDay } from './yearless'

const md = (text: string): MonthDay | null => asMonthDay(readYearless(text), null)

describe('readYearless', () => {
  it.each([
    ['April 12', 4, 12], // TikTok Studio, English (US)
    ['12 April', 4, 12], // English (UK)
    ['Apr 12', 4, 12],
    ['Mon, Apr 12', 4, 12],
    ['8 de marzo', 3, 8], // Spanish
    ['lunes, 8 de marzo', 3, 8],
    ['mar, 8 de marzo', 3, 8], // "mar" is the Spanish Tuesday here, March elsewhere
    ['Mar 8', 3, 8],
    ['12 de abril', 4, 12], // Portuguese
    ['12 de abr.', 4, 12],
    ['12 avril', 4, 12], // French
    ['1er février', 2, 1],
    ['12 févr.', 2, 12],
    ['12. April', 4, 12], // German
    ['12. Dez.', 12, 12],
    ['Mittwoch, 12. April', 4, 12],
    ['12 aprile', 4, 12], // Italian
    ['12 april', 4, 12], // Dutch
    ['12 mrt', 3, 12],
    ['28 апреля', 4, 28], // Russian genitive
    ['18 января', 1, 18],
    ['12 kwietnia', 4, 12], // Polish genitive
    ['12 Nisan Çarşamba', 4, 12], // Turkish, weekday last
    ['9月13日', 9, 13], // Japanese
    ['4월 12일', 4, 12] // Korean
  ])('%s → month %i, day %i', (text, month, day) => {
    expect(md(text)).toEqual({ kind: 'month-day', month, day })
  })

  it.each(['2025/10/31', 'April 12, 2025', '12 April 18:19', 'Total', '', 'April', '12 13', '31 Foo', 'April 32'])(
    '%s is not a yearless day',
    (text) => {
      expect(md(text)).toBeNull()
    }
  )

  it('builds its words from the locale data: Spanish, Portuguese, French, German, Italian and Dutch months are all there', () => {
    const { months } = calendarWords()
    for (const w of [
      'marzo',
      'março',
      'mars',
      'märz',
      'marzo',
      'maart',
      'diciembre',
      'dezembro',
      'decembre',
      'dezember',
      'dicembre',
      'december'
    ]) {
      expect(months.get(w.normalize('NFKD').replace(/\p{M}/gu, '')), w).toBe(w.startsWith('d') ? 12 : 3)
    }
  })

  it('reads "12/04" by what the column shows: day-first when a first number is over 12, ambiguous when nothing tells', () => {
    const dayFirst = ['12/04', '13/04'].map(readYearless)
    expect(numberOrder(dayFirst)).toBe('day-month')
    expect(asMonthDay(dayFirst[0], 'day-month')).toEqual({ kind: 'month-day', month: 4, day: 12 })
    expect(numberOrder(['04/12', '04/13'].map(readYearless))).toBe('month-day')
    expect(numberOrder(['01/02', '03/04'].map(readYearless))).toBeNull()
    expect(asMonthDay(readYearless('01/02'), null)).toBeNull()
  })
})

describe('placeYears', () => {
  const run = (texts: string[], end: string, sequential = true) => placeYears(texts.map(md), end, sequential).days

  it('a daily run ends on the last day not after the period end', () => {
    expect(run(['April 12', 'April 13', 'April 14'], '2026-04-15')).toEqual(['2026-04-12', '2026-04-13', '2026-04-14'])
    // Downloaded on 10 April: an "April 12..14" run is last year's.
    expect(run(['April 12', 'April 13', 'April 14'], '2026-04-10')).toEqual(['2025-04-12', '2025-04-13', '2025-04-14'])
  })

  it('a run crossing New Year steps back a year before January; a 365-day file starting the download day is last year', () => {
    expect(run(['December 30', 'December 31', 'January 1', 'January 2'], '2026-01-03')).toEqual([
      '2025-12-30',
      '2025-12-31',
      '2026-01-01',
      '2026-01-02'
    ])
    // TikTok's 365-day download taken on 28 Feb 2026: "February 28" (first row) is 2025, "February 27" (last) 2026.
    expect(run(['February 28', 'March 1', 'December 31', 'January 1', 'February 27'], '2026-02-28')).toEqual([
      '2025-02-28',
      '2025-03-01',
      '2025-12-31',
      '2026-01-01',
      '2026-02-27'
    ])
  })

  it('a newest-first run is walked the other way', () => {
    expect(run(['January 2', 'January 1', 'December 31'], '2026-01-05')).toEqual([
      '2026-01-02',
      '2026-01-01',
      '2025-12-31'
    ])
  })

  it('repeated days (24 rows per day of FollowerActivity) stay in one year', () => {
    expect(run(['December 31', 'December 31', 'January 1', 'January 1'], '2026-01-02')).toEqual([
      '2025-12-31',
      '2025-12-31',
      '2026-01-01',
      '2026-01-01'
    ])
  })

  it('per-post days are each the latest such day not after the end', () => {
    const p = placeYears(['July 16', 'January 23', 'February 28'].map(md), '2026-02-28', false)
    expect(p.days).toEqual(['2025-07-16', '2026-01-23', '2026-02-28'])
    expect(p.placement).toBe('each')
  })

  it('February 29 in a year without it is refused with a reason, not moved', () => {
    const p = placeYears(['February 28', 'February 29', 'March 1'].map(md), '2025-03-02', true)
    expect(p.days).toEqual(['2025-02-28', null, '2025-03-01'])
    expect(p.reasons[1]).toMatch(/no such day: February 29, 2025/)
    expect(placeYears(['February 28', 'February 29', 'March 1'].map(md), '2024-03-02', true).days[1]).toBe('2024-02-29')
  })
})

describe('period end', () => {
  const base = { periodEnd: null, fileModified: null, timeZone: 'UTC', now: new Date('2026-05-01T12:00:00Z') }

  it('takes the option first, then a range in the file name, then the file date, then today', () => {
    expect(
      resolvePeriodEnd({ ...base, periodEnd: '2025-03-14', fileName: 'Overview_2024-01-01_2024-02-01.csv' })
    ).toEqual({ day: '2025-03-14', source: 'option' })
    expect(resolvePeriodEnd({ ...base, fileName: 'Overview 2025-01-01 to 2025-03-31.csv' })).toEqual({
      day: '2025-03-31',
      source: 'file-name'
    })
    expect(
      resolvePeriodEnd({
        ...base,
        fileName: 'Overview.csv',
        fileModified: new Date('2025-09-02T23:30:00Z'),
        timeZone: 'America/Sao_Paulo'
      })
    ).toEqual({
      day: '2025-09-02',
      source: 'file-modified'
    })
    expect(resolvePeriodEnd({ ...base, fileName: 'Overview.csv' })).toEqual({ day: '2026-05-01', source: 'today' })
  })

  it("reads TikTok's own Overview name: first day, then the unix time of the export", () => {
    // 1790891174 = 2026-10-01 21:46 UTC, 18:46 in São Paulo.
    expect(periodEndInName('Overview_2026-09-25_1790891174_somehandle', 'America/Sao_Paulo')).toBe('2026-10-01')
    expect(periodEndInName('Overview.csv', 'UTC')).toBeNull()
    expect(periodEndInName('Overview_20250101-20250331.csv', 'UTC')).toBe('2025-03-31')
  })
})
