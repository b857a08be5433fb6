/**
 * Month and weekday words in the languages platforms localise their downloads into, built from the runtime's own
 * locale data (Intl.DateTimeFormat) rather than hand-written lists: TikTok Studio writes "April 12", "12 April",
 * "8 de marzo", "12. April", "12 avril", "28 апреля" depending on the UI language. Each locale gives its month
 * names standalone ('long', 'short') and as formatToParts writes them next to a day (the genitive of Slavic
 * languages: "апреля", "kwietnia"), the words it puts between day and month ("de", "."), and its weekdays.
 * Node 20 ships full ICU, so every locale below has real data (calendarWords.test.ts checks a few names).
 */

/** en-US writes "April 12", en-GB "12 April": both orders are read either way, so one of each is enough. */
export const DATE_LOCALES = [
  'en',
  'en-GB',
  'es',
  'pt',
  'fr',
  'de',
  'it',
  'nl',
  'sv',
  'da',
  'nb',
  'fi',
  'ru',
  'uk',
  'pl',
  'cs',
  'tr',
  'id',
  'ro'
] as const
/** Locales whose "month" part is a number with a suffix ("4月12日", "4월 12일"): read by pattern, not by word. */
export const NUMERIC_MONTH_LOCALES = ['ja', 'zh', 'ko'] as const

/** Lower case, accents off, trailing dots off: "Févr." and "fevr" are one word. */
export function foldWord(w: string): string {
  return w.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.+$/, '').trim()
}

const dayIn = (month: number, day: number) => new Date(Date.UTC(2001, month, day))
/** 2001-01-01 was a Monday: index 0..6 = Monday..Sunday. */
const weekdayDate = (i: number) => new Date(Date.UTC(2001, 0, 1 + i))

function format(locale: string, options: Intl.DateTimeFormatOptions, date: Date): Intl.DateTimeFormatPart[] {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).formatToParts(date)
}

export interface CalendarWords {
  /** Folded month word → month 1..12. A word two months share in different languages is left out. */
  months: Map<string, number>
  /** Folded weekday words (any language): skipped when they lead a date. */
  weekdays: Set<string>
  /** Folded words written between day and month ("de", "del"): skipped. */
  fillers: Set<string>
}

function build(): CalendarWords {
  const months = new Map<string, number>()
  const clashes = new Set<string>()
  const weekdays = new Set<string>()
  const fillers = new Set<string>()
  const addMonth = (word: string, month: number) => {
    const w = foldWord(word)
    if (!w || /\d/.test(w)) return
    const had = months.get(w)
    if (had !== undefined && had !== month) clashes.add(w)
    else months.set(w, month)
  }
  const addFillers = (parts: Intl.DateTimeFormatPart[]) => {
    for (const p of parts) {
      if (p.type !== 'literal') continue
      for (const w of p.value.split(/[\s,.]+/)) if (w && !/\d/.test(w)) fillers.add(foldWord(w))
    }
  }
  for (const locale of DATE_LOCALES) {
    for (let m = 0; m < 12; m++) {
      for (const month of ['long', 'short'] as const) {
        addMonth(
          format(locale, { month }, dayIn(m, 15))
            .map((p) => p.value)
            .join(''),
          m + 1
        )
        const withDay = format(locale, { month, day: 'numeric' }, dayIn(m, 15))
        for (const p of withDay) if (p.type === 'month') addMonth(p.value, m + 1)
        addFillers(withDay)
      }
    }
    for (let i = 0; i < 7; i++) {
      for (const weekday of ['long', 'short'] as const) {
        const parts = format(locale, { weekday, day: 'numeric', month: 'long' }, weekdayDate(i))
        for (const p of parts) if (p.type === 'weekday') weekdays.add(foldWord(p.value))
        addFillers(parts)
      }
    }
  }
  for (const w of clashes) months.delete(w)
  // A month or weekday word is never a filler, whatever a locale writes around it.
  for (const w of [...months.keys(), ...weekdays]) fillers.delete(w)
  return { months, weekdays, fillers }
}

let cached: CalendarWords | null = null
export function calendarWords(): CalendarWords {
  cached ??= build()
  return cached
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Patterns for the numeric-month locales, from their own parts: ja `{month:"4"}{literal:"月"}{day:"12"}{literal:"日"}`
 * becomes /^(\d{1,2})\s*月\s*(\d{1,2})\s*日$/ with the month and day groups named.
 */
export function numericMonthPatterns(): RegExp[] {
  const out = new Map<string, RegExp>()
  for (const locale of NUMERIC_MONTH_LOCALES) {
    const parts = format(locale, { month: 'long', day: 'numeric' }, dayIn(3, 12))
    const source = parts
      .map((p) => {
        // ja and zh write the month as a bare number; ko writes "4월" as the month itself.
        if (p.type === 'month') return escape(p.value).replace(/\d+/, '(?<month>\\d{1,2})')
        if (p.type === 'day') return '(?<day>\\d{1,2})'
        const lit = p.value.trim()
        return lit ? `\\s*${escape(lit)}\\s*` : '\\s*'
      })
      .join('')
    out.set(source, new RegExp(`^${source}$`, 'u'))
  }
  return [...out.values()]
}
