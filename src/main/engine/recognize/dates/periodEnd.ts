/**
 * The day a yearless export's period ends, in order of trust: the user's "Period ends" (ImportOptions.periodEnd,
 * CLI --period-end), a range in the file name, the file's modification day (a download keeps the day it was
 * saved), today. TikTok names its Overview download "Overview_<first day>_<unix time of the export>_<handle>.zip"
 * (e.g. Overview_2026-09-25_1790891174_handle: 25 Sep to 1 Oct 2026); users keep such names or write
 * "2025-01-01_2025-03-31" themselves.
 */
import type { YearAssumption } from '../../../../shared/types'
import type { IsoDay } from './yearless'

export interface PeriodEndHints {
  /** ImportOptions.periodEnd (YYYY-MM-DD), if the user gave one. */
  periodEnd: string | null
  fileName: string
  /** The imported file's modification time, when it could be read. */
  fileModified: Date | null
  /** IANA zone the days are counted in. */
  timeZone: string
  now?: Date
}

export interface PeriodEnd {
  day: IsoDay
  source: YearAssumption['source']
}

const DATE = String.raw`(\d{4})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])`
const RANGE = new RegExp(String.raw`${DATE}\D{1,5}${DATE}(?!\d)`)
const DATE_THEN_EPOCH = new RegExp(String.raw`${DATE}[_ -](\d{10})(?!\d)`)

/** The calendar day of `at` in `timeZone` (UTC when the zone is unknown). */
export function dayIn(at: Date, timeZone: string): IsoDay {
  const fmt = (tz: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at)
  try {
    return fmt(timeZone)
  } catch {
    return fmt('UTC')
  }
}

/** The last day of a range written in the file name, or null. */
export function periodEndInName(fileName: string, timeZone: string): IsoDay | null {
  const range = RANGE.exec(fileName)
  if (range) return `${range[4]}-${range[5]}-${range[6]}`
  const epoch = DATE_THEN_EPOCH.exec(fileName)
  if (epoch) {
    const end = dayIn(new Date(Number(epoch[4]) * 1000), timeZone)
    const start = `${epoch[1]}-${epoch[2]}-${epoch[3]}`
    // A unix time that is not after the first day is not this naming scheme.
    if (end >= start) return end
  }
  return null
}

export function resolvePeriodEnd(h: PeriodEndHints): PeriodEnd {
  if (h.periodEnd) return { day: h.periodEnd, source: 'option' }
  const named = periodEndInName(h.fileName, h.timeZone)
  if (named) return { day: named, source: 'file-name' }
  if (h.fileModified && !Number.isNaN(h.fileModified.getTime()))
    return { day: dayIn(h.fileModified, h.timeZone), source: 'file-modified' }
  return { day: dayIn(h.now ?? new Date(), h.timeZone), source: 'today' }
}
