/**
 * Events on the timeline: campaigns, awareness days, crises, platform changes, drawn on every time chart so a
 * spike can be read against what happened that day. Shapes and the pure helpers both sides need; the zod input
 * schemas are in contract.ts (they share its calendar-day check).
 */

/** Kinds of event, in the order menus show them. */
export const EVENT_KINDS = ['campaign', 'awareness_day', 'crisis', 'platform_change', 'other'] as const
export type EventKind = (typeof EVENT_KINDS)[number]

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  campaign: 'Campaign',
  awareness_day: 'Awareness day',
  crisis: 'Crisis',
  platform_change: 'Platform change',
  other: 'Other'
}

/**
 * A kind as a person writes it in a CSV or on the command line ("Awareness day", "awareness-day",
 * "platform change"), or null when it is none of them.
 */
export function parseEventKind(text: string): EventKind | null {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
  return (EVENT_KINDS as readonly string[]).includes(key) ? (key as EventKind) : null
}

export interface TimelineEvent {
  eventId: number
  /** First day, 'YYYY-MM-DD'. */
  start: string
  /** Last day (inclusive) of a range, or null for a single day. */
  end: string | null
  title: string
  kind: EventKind
  /** The institution the event belongs to, or null for one that concerns everyone (an awareness day). */
  institutionId: number | null
  institutionName: string | null
  /** Where the date comes from (an organisation's calendar, a press release URL). */
  source: string | null
  notes: string | null
  /** Key of the built-in observance it was made from ('world-health-day:2025'), or null for one added by hand. */
  observance: string | null
}

/** The columns of an events CSV, in the order the export writes them. */
export const EVENT_CSV_COLUMNS = ['start', 'end', 'title', 'kind', 'institution', 'source', 'notes'] as const

/** The last day an event covers. */
export const eventLastDay = (e: Pick<TimelineEvent, 'start' | 'end'>): string => e.end ?? e.start

/**
 * One event as the methodology lists it, in the app's panel and in every exported methodology (slide notes, the data
 * files' methodology, the report): "2025-10-01 to 2025-10-31: Pink October (campaign, Halvern) — source: URL".
 */
export function eventMethodologyText(
  e: Pick<TimelineEvent, 'start' | 'end' | 'title' | 'kind' | 'institutionName' | 'source'>
): string {
  const days = e.end ? `${e.start} to ${e.end}` : e.start
  const institution = e.institutionName ? `, ${e.institutionName}` : ''
  const source = e.source ? ` — source: ${e.source}` : ''
  return `${days}: ${e.title} (${EVENT_KIND_LABELS[e.kind].toLowerCase()}${institution})${source}`
}

/** Events that touch the days from..to (inclusive, 'YYYY-MM-DD'), in date order. */
export function eventsInRange<E extends Pick<TimelineEvent, 'start' | 'end'>>(
  events: readonly E[],
  from: string,
  to: string
): E[] {
  return events.filter((e) => e.start <= to && eventLastDay(e) >= from).sort((a, b) => a.start.localeCompare(b.start))
}
