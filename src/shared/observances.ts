/**
 * The built-in calendar of international health observances (healthObservances.json): its shape, checked when
 * read, and the day(s) each falls on in a given year. Rules ("second Thursday of March", "last day of February")
 * are resolved per year so the calendar needs no per-year table.
 */
import { z } from 'zod'
import calendar from './healthObservances.json'

const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'is MM-DD')
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const

const when = z.union([
  z.object({ day: monthDay }).strict(),
  z.object({ from: monthDay, to: monthDay }).strict(),
  z
    .object({ month: z.number().int().min(1).max(12), weekday: z.enum(WEEKDAYS), nth: z.number().int().min(1).max(4) })
    .strict(),
  z.object({ month: z.number().int().min(1).max(12), lastDay: z.literal(true) }).strict()
])

const observance = z
  .object({
    key: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1).max(200),
    when,
    note: z.string().max(500).optional(),
    source: z.object({ organisation: z.string().min(1), url: z.string().url().startsWith('https://') }).strict()
  })
  .strict()

const calendarFile = z
  .object({
    about: z.string(),
    years: z.object({ first: z.number().int(), last: z.number().int() }).strict(),
    observances: z.array(observance).min(1)
  })
  .strict()

export type Observance = z.infer<typeof observance>
export type ObservanceCalendar = z.infer<typeof calendarFile>

/** The calendar as shipped; a malformed edit of the JSON fails here (and in its test), not in a user's workspace. */
export const HEALTH_OBSERVANCES: ObservanceCalendar = calendarFile.parse(calendar)

const pad = (n: number) => String(n).padStart(2, '0')
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()

/** The first and last day of an observance in `year` (end null for a single day). */
export function observanceDays(o: Observance, year: number): { start: string; end: string | null } {
  const w = o.when
  if ('day' in w) return { start: `${year}-${w.day}`, end: null }
  if ('from' in w) return { start: `${year}-${w.from}`, end: `${year}-${w.to}` }
  if ('lastDay' in w) return { start: iso(year, w.month, daysIn(year, w.month)), end: null }
  const first = new Date(Date.UTC(year, w.month - 1, 1)).getUTCDay()
  const offset = (WEEKDAYS.indexOf(w.weekday) - first + 7) % 7
  return { start: iso(year, w.month, 1 + offset + 7 * (w.nth - 1)), end: null }
}

/** How the source is written on the event: the organisation, then the URL of its published calendar. */
export const observanceSource = (o: Observance): string => `${o.source.organisation}: ${o.source.url}`
