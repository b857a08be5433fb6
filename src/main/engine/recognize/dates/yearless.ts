/**
 * Days written without a year ("April 12", "12. April", "8 de marzo", "Mon, Apr 12", "4月12日", "12/04"), and
 * placing them in time. TikTok Studio's daily downloads are one row per day, oldest first, ending the day before
 * the download, over at most a year: walked back from the end of the period, the year steps back wherever the
 * month-day goes up (Dec 31 → Jan 1 read backwards). Per-post dates ("Post time" in Content.csv) are in no order:
 * each is the most recent such day not after the end.
 */
import { calendarWords, foldWord, numericMonthPatterns } from './calendarWords'

export interface MonthDay {
  month: number
  day: number
}

/** A yearless value read alone: a month and day, or two numbers whose order only the whole column can tell. */
export type YearlessValue = ({ kind: 'month-day' } & MonthDay) | { kind: 'numbers'; first: number; second: number }

const ORDINAL = /^(\d{1,2})(?:st|nd|rd|th|er|e|º|°|ª|\.)?$/u
const NUMERIC = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\.?$/

/** The value as a yearless day, or null when it is not one (it has a year, a time, or is not a date at all). */
export function readYearless(text: string): YearlessValue | null {
  const t = text.trim()
  if (!t || /\d{3,}/.test(t)) return null
  const numeric = NUMERIC.exec(t)
  if (numeric) return { kind: 'numbers', first: Number(numeric[1]), second: Number(numeric[2]) }
  for (const re of numericMonthPatterns()) {
    const m = re.exec(t)
    if (m?.groups) return monthDay(Number(m.groups.month), Number(m.groups.day))
  }
  const { months, weekdays, fillers } = calendarWords()
  const words = t
    .split(/[\s,]+/)
    .map(foldWord)
    .filter((w) => w && !fillers.has(w))
  // "mar" is March and the Spanish Tuesday: a weekday word is dropped only when another word names the month.
  const monthWords = words.filter((w) => months.has(w))
  const kept =
    monthWords.length > 1
      ? words.filter((w) => !weekdays.has(w))
      : words.filter((w) => months.has(w) || !weekdays.has(w))
  if (kept.length !== 2) return null
  const [a, b] = kept
  const day = ORDINAL.exec(a) ?? ORDINAL.exec(b)
  const month = months.get(a) ?? months.get(b)
  if (!day || month === undefined) return null
  return monthDay(month, Number(day[1]))
}

/** True when a cell of `rows` is a day without a year ("April 12"): the import dialog then offers "Period ends". */
export function hasYearlessDays(rows: readonly (readonly (string | null)[])[]): boolean {
  return rows.some((r) => r.some((v) => v !== null && readYearless(v)?.kind === 'month-day'))
}

function monthDay(month: number, day: number): YearlessValue | null {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { kind: 'month-day', month, day } : null
}

/**
 * "12/04" is 12 April or 4 December: the column decides. Day-first if some first number is over 12, month-first if
 * some second number is; neither or both, and no value is read (the reason says why).
 */
export function numberOrder(values: readonly (YearlessValue | null)[]): 'day-month' | 'month-day' | null {
  const pairs = values.filter((v): v is Extract<YearlessValue, { kind: 'numbers' }> => v?.kind === 'numbers')
  const dayFirst = pairs.some((p) => p.first > 12)
  const monthFirst = pairs.some((p) => p.second > 12)
  if (dayFirst === monthFirst) return null
  return dayFirst ? 'day-month' : 'month-day'
}

export function asMonthDay(v: YearlessValue | null, order: 'day-month' | 'month-day' | null): MonthDay | null {
  if (!v) return null
  if (v.kind === 'month-day') return v
  if (!order) return null
  const [month, day] = order === 'day-month' ? [v.second, v.first] : [v.first, v.second]
  const md = monthDay(month, day)
  return md && md.kind === 'month-day' ? md : null
}

/** An ISO day (YYYY-MM-DD). */
export type IsoDay = string

export interface Placed {
  /** Per input value: the ISO day, or null with `reasons[i]` saying why (null reason: not a yearless value). */
  days: (IsoDay | null)[]
  reasons: (string | null)[]
  /** 'sequence' when the values were a run of days (oldest or newest first), 'each' when each was placed alone. */
  placement: 'sequence' | 'each'
}

const key = (md: MonthDay) => md.month * 100 + md.day
/** Day of a leap year (2000), 0..365. */
const dayOfYear = (md: MonthDay) => (Date.UTC(2000, md.month - 1, md.day) - Date.UTC(2000, 0, 1)) / 86_400_000
const iso = (y: number, md: MonthDay) =>
  `${String(y).padStart(4, '0')}-${String(md.month).padStart(2, '0')}-${String(md.day).padStart(2, '0')}`
const isRealDay = (y: number, md: MonthDay) => {
  const d = new Date(Date.UTC(y, md.month - 1, md.day))
  return d.getUTCMonth() === md.month - 1 && d.getUTCDate() === md.day
}
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
]

/**
 * Years for `values` (in file order) so that the period ends on `end`. `sequential` values (a daily series) are
 * placed as a run: each step back in the file that goes up in month-day crosses into the year before. A series
 * that is not a run (more year crossings than a year of rows can have) is placed value by value, as per-post dates
 * always are: the most recent such day not after `end`.
 */
export function placeYears(values: readonly (MonthDay | null)[], end: IsoDay, sequential: boolean): Placed {
  const endYear = Number(end.slice(0, 4))
  const endKey = Number(end.slice(5, 7)) * 100 + Number(end.slice(8, 10))
  const latestYear = (md: MonthDay) => (key(md) <= endKey ? endYear : endYear - 1)
  const years: (number | null)[] = values.map(() => null)
  const idx = values.flatMap((v, i) => (v ? [i] : []))
  let placement: Placed['placement'] = 'each'
  if (sequential && idx.length > 1) {
    // Steps round the calendar: 31 Dec → 1 Jan is one day forward, 1 Jan → 31 Dec one day back.
    const steps = idx.slice(1).map((i, k) => (dayOfYear(values[i]!) - dayOfYear(values[idx[k]]!) + 366) % 366)
    const back = steps.filter((d) => d > 183).length
    const forward = steps.filter((d) => d > 0 && d <= 183).length
    // Oldest first (TikTok's order) unless the file clearly runs the other way; walked from the newest row.
    const order = back > forward ? [...idx] : [...idx].reverse()
    const crossings = order.slice(1).filter((i, k) => key(values[i]!) > key(values[order[k]]!)).length
    if (crossings <= Math.floor(idx.length / 366) + 1) {
      placement = 'sequence'
      let year = latestYear(values[order[0]]!)
      years[order[0]] = year
      for (let k = 1; k < order.length; k++) {
        if (key(values[order[k]]!) > key(values[order[k - 1]]!)) year--
        years[order[k]] = year
      }
    }
  }
  if (placement === 'each') for (const i of idx) years[i] = latestYear(values[i]!)
  const days: (IsoDay | null)[] = []
  const reasons: (string | null)[] = []
  values.forEach((md, i) => {
    const y = years[i]
    if (!md || y === null) {
      days.push(null)
      reasons.push(null)
    } else if (!isRealDay(y, md)) {
      days.push(null)
      reasons.push(
        `no such day: ${MONTHS_EN[md.month - 1]} ${md.day}, ${y} (a year without it was assumed; set "Period ends" if it is wrong)`
      )
    } else {
      days.push(iso(y, md))
      reasons.push(null)
    }
  })
  return { days, reasons, placement }
}
