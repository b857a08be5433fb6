/**
 * Calendar helpers for the sample period. All arithmetic is done on UTC milliseconds so the output never
 * depends on the machine's time zone; "local" time means US Eastern, where the fictional institutions sit.
 */

export const DAY_MS = 86_400_000
export const PERIOD_START = Date.UTC(2023, 0, 1)
export const PERIOD_END = Date.UTC(2025, 11, 31)
/** Number of calendar days in the period (2023-01-01 .. 2025-12-31 inclusive). */
export const DAY_COUNT = Math.round((PERIOD_END - PERIOD_START) / DAY_MS) + 1
export const YEARS = [2023, 2024, 2025] as const

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export const pad2 = (n: number): string => String(n).padStart(2, '0')

/** Midnight (as a UTC timestamp standing for the local calendar day) of day index `i` in the period. */
export const dayMs = (i: number): number => PERIOD_START + i * DAY_MS

export const dayIndexOf = (ms: number): number => Math.floor((ms - PERIOD_START) / DAY_MS)

/** 0 = Monday .. 6 = Sunday, matching how posting patterns are described. */
export const weekdayOf = (ms: number): number => (new Date(ms).getUTCDay() + 6) % 7

/** US daylight saving time: second Sunday of March to first Sunday of November (local calendar day). */
export function isUsDst(ms: number): boolean {
  const d = new Date(ms)
  const y = d.getUTCFullYear()
  const nthSunday = (month: number, n: number): number => {
    const first = new Date(Date.UTC(y, month, 1)).getUTCDay()
    return Date.UTC(y, month, 1 + ((7 - first) % 7) + (n - 1) * 7)
  }
  const day = Date.UTC(y, d.getUTCMonth(), d.getUTCDate())
  return day >= nthSunday(2, 2) && day < nthSunday(10, 1)
}

/** Eastern local wall-clock time on the local day `localDay` → the real UTC instant. */
export function easternToUtc(localDay: number, hour: number, minute: number, second = 0): number {
  const offsetHours = isUsDst(localDay) ? 4 : 5
  return localDay + ((hour + offsetHours) * 60 + minute) * 60_000 + second * 1000
}

export const easternZone = (localDay: number): string => (isUsDst(localDay) ? 'EDT' : 'EST')

/** "2023-01-05" of a UTC timestamp. */
export function ymd(ms: number): string {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`
}

/** "20230105" as used in X export file names. */
export const ymdCompact = (ms: number): string => ymd(ms).replaceAll('-', '')

/** "14:05" of a UTC timestamp. */
export function hm(ms: number): string {
  const d = new Date(ms)
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`
}

/** "May 27, 2025", YouTube Studio's publish-time format. */
export function monthDayYear(ms: number): string {
  const d = new Date(ms)
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`
}

export const yearOf = (ms: number): number => new Date(ms).getUTCFullYear()
export const monthOf = (ms: number): number => new Date(ms).getUTCMonth()
