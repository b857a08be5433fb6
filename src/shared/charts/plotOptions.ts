/**
 * Pure builders of Observable Plot options for the benchmark charts: data in, options out, no DOM. The component
 * only calls Plot.plot(options), so what a chart shows (marks, scales, colours, labels, aria text) is tested as data.
 *
 * Honesty rules applied here: the x domain is the whole requested range (empty stretches stay visible), NULL values
 * stay NULL so Plot breaks the line (a gap is never interpolated), peer bands are drawn only where 3 or more
 * institutions contribute, and every institution without data in a chart is named in `notes`.
 */
import * as Plot from '@observablehq/plot'
import type { InstitutionSummary } from '../benchmark'
import type { EngagementConvention } from '../metrics'
import { THIN_POSTS } from '../insight'
import { conventionLabel } from './chartDefs'
import {
  isoDay,
  utcDay,
  weeksBetween,
  type EngagementRow,
  type FollowersRow,
  type IndexedRow,
  type PeerRow,
  type PostsWeeklyRow
} from './series'

export interface ChartContext {
  width: number
  /** Taller charts for the single-chart view. */
  large?: boolean
  /** The compared institutions in legend order, each with its own colour. */
  institutions: { name: string; color: string }[]
  from: string
  to: string
  convention: EngagementConvention
  theme: 'light' | 'dark'
  summary?: InstitutionSummary[]
}

export interface BuiltChart {
  options: Plot.PlotOptions
  /** Said next to the chart: institutions without data here, peer band not drawn, measures without data. */
  notes: string[]
  /** Set when there is nothing to draw: shown instead of the chart (an empty frame says less than a sentence). */
  empty?: string
  /** An opacity scale's legend as swatches, for legends drawn outside Plot (exports); the scale's own rule. */
  opacityLegend?: OpacityLegend
}

export interface OpacityLegend {
  label: string
  color: string
  stops: { value: number; opacity: number }[]
}

export const PEER_MIN = 3
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const dec1 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
export const fmtInt = (v: number | null | undefined): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : int.format(v)
export const fmtPct = (v: number | null | undefined, digits = 2): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(digits)}%`
const fmtDay = (d: Date): string => isoDay(d)

/** Plot's look from the app's CSS variables, so a theme switch restyles text, axes and tips without a rebuild. */
export function plotStyle(width: number): string {
  const size = width >= 1600 ? 14 : 12
  return `color: var(--text); background: transparent; font-size: ${size}px; --plot-background: var(--bg-raised); overflow: visible`
}

export function colorScale(ctx: ChartContext): Plot.ScaleOptions {
  return {
    type: 'ordinal',
    domain: ctx.institutions.map((i) => i.name),
    range: ctx.institutions.map((i) => i.color),
    legend: true
  }
}

export function base(ctx: ChartContext, height: number): Plot.PlotOptions {
  return {
    width: Math.max(320, Math.round(ctx.width)),
    height: ctx.large ? Math.round(height * 1.6) : height,
    style: plotStyle(ctx.width),
    marginLeft: 64
  }
}

export const xDomain = (ctx: ChartContext): [Date, Date] => [utcDay(ctx.from), utcDay(ctx.to)]

/** Names of compared institutions with no usable value in `rows` (said under the chart, never silently left out). */
export function missingInstitutions<T extends { institution: string }>(
  rows: T[],
  ctx: ChartContext,
  has: (r: T) => boolean
): string[] {
  const present = new Set(rows.filter(has).map((r) => r.institution))
  return ctx.institutions.map((i) => i.name).filter((n) => !present.has(n))
}

export function missingNote(names: string[], what: string): string[] {
  return names.length ? [`No ${what} for ${names.join(', ')} in this range and these platforms.`] : []
}

/** Institutions with fewer than THIN_POSTS posts in the range, said under every rate chart (their rates rest on few posts). */
export function thinNote(ctx: ChartContext): string[] {
  const thin = (ctx.summary ?? []).filter((s) => s.posts < THIN_POSTS)
  return thin.length
    ? [
        `Thin (fewer than ${THIN_POSTS} posts in the range): ${thin.map((s) => `${s.name} (${s.posts} post${s.posts === 1 ? '' : 's'})`).join(', ')}.`
      ]
    : []
}

/** Peer rows with fewer than PEER_MIN contributors lose their values, so the band breaks there instead of lying. */
export function honestPeer(rows: PeerRow[], scale = 1): PeerRow[] {
  const v = (x: number | null) => (x === null ? null : x * scale)
  return rows.map((r) =>
    r.n >= PEER_MIN
      ? { ...r, median: v(r.median), q1: v(r.q1), q3: v(r.q3) }
      : { ...r, median: null, q1: null, q3: null }
  )
}

export function peerNotes(ctx: ChartContext, peer: PeerRow[]): string[] {
  if (ctx.institutions.length < PEER_MIN)
    return [
      `Peer median and band not drawn: the peer set has ${ctx.institutions.length} institutions (needs ${PEER_MIN}).`
    ]
  if (!peer.some((r) => r.n >= PEER_MIN))
    return [`Peer median and band not drawn: fewer than ${PEER_MIN} institutions have data on any one date.`]
  return []
}

export function peerMarks(peer: PeerRow[], label: string): Plot.Markish[] {
  return [
    Plot.areaY(peer, { x: 'x', y1: 'q1', y2: 'q3', fill: 'currentColor', fillOpacity: 0.12 }),
    Plot.lineY(peer, {
      x: 'x',
      y: 'median',
      stroke: 'currentColor',
      strokeOpacity: 0.7,
      strokeDasharray: '5 3',
      strokeWidth: 1.5,
      tip: { format: { x: fmtDay, y: (v: number) => `${label} ${dec1.format(v)}` } },
      channels: { 'Peer n': 'n' }
    })
  ]
}

export type FollowersLayout = 'facet' | 'overlay'

/** Days with a count between two days without one: a line cannot show a lone point, so these get a dot. */
export function isolatedDays<T extends { institution: string; day: Date }>(
  rows: T[],
  value: (r: T) => number | null,
  key: (r: T) => string = (r) => r.institution
): T[] {
  return rows.filter((r, i) => {
    if (value(r) === null) return false
    const prev = rows[i - 1]
    const next = rows[i + 1]
    const alone = (n: T | undefined) => !n || key(n) !== key(r) || value(n) === null
    return alone(prev) && alone(next)
  })
}

export function followersChart(rows: FollowersRow[], ctx: ChartContext, layout: FollowersLayout = 'facet'): BuiltChart {
  const platforms = [...new Set(rows.map((r) => r.platform))].sort()
  const facet = layout === 'facet' && platforms.length > 0
  const perFacet = ctx.large ? 200 : 130
  const height = facet ? Math.max(220, 40 + platforms.length * perFacet) : 280
  // The latest row per series, formatted once at the end: formatting a date per row cost half a second on 180k rows.
  const latest = new Map<string, FollowersRow>()
  for (const r of rows) if (r.followers !== null) latest.set(`${r.institution}\u0000${r.platform}`, r)
  const desc = [...latest.values()]
    .map((r) => `${r.institution} on ${r.platform}: ${fmtInt(Number(r.followers))} followers on ${fmtDay(r.day)}`)
    .join('; ')
  const gapDays = rows.filter((r) => r.followers === null).length
  return {
    options: {
      ...base(ctx, height),
      ariaLabel: 'Followers over time',
      ariaDescription: `Followers per day from ${ctx.from} to ${ctx.to}${facet ? ', one panel per platform' : ''}. Latest known values: ${desc || 'none'}.${gapDays ? ` ${gapDays} institution-platform days have no follower count and are drawn as gaps.` : ''}`,
      x: { type: 'utc', domain: xDomain(ctx), label: null },
      y: { label: 'Followers', grid: true, tickFormat: '~s', nice: true },
      fy: facet ? { label: null, domain: platforms } : undefined,
      marginRight: facet ? 80 : 20,
      color: colorScale(ctx),
      marks: [
        Plot.lineY(rows, {
          x: 'day',
          y: 'followers',
          stroke: 'institution',
          z: (d: FollowersRow) => `${d.institution} ${d.platform}`,
          fy: facet ? 'platform' : undefined,
          strokeWidth: 1.6,
          tip: { format: { x: fmtDay, y: (v: number) => fmtInt(v), fy: true } },
          channels: { Platform: 'platform' }
        }),
        Plot.dot(
          isolatedDays(
            rows,
            (r) => r.followers,
            (r) => `${r.institution}\u0000${r.platform}`
          ),
          {
            x: 'day',
            y: 'followers',
            fill: 'institution',
            r: 1.8,
            fy: facet ? 'platform' : undefined
          }
        )
      ]
    },
    notes: [
      ...missingNote(
        missingInstitutions(rows, ctx, (r) => r.followers !== null),
        'follower counts'
      ),
      ...(gapDays
        ? [
            'Breaks in a line are days without a follower count (longer than the allowed carry-forward); they are not interpolated.'
          ]
        : [])
    ]
  }
}

export function indexedChart(rows: IndexedRow[], peerRows: PeerRow[], ctx: ChartContext, showPeer = true): BuiltChart {
  const peer = honestPeer(peerRows)
  const end = new Map<string, number>()
  for (const r of rows) if (r.indexed !== null) end.set(r.institution, r.indexed)
  const lastPeer = [...peer].reverse().find((r) => r.median !== null)
  return {
    options: {
      ...base(ctx, 300),
      ariaLabel: 'Indexed follower growth',
      ariaDescription: `Followers indexed to 100 on each institution's first day with data, ${ctx.from} to ${ctx.to}. At the end: ${[...end].map(([i, v]) => `${i} ${dec1.format(v)}`).join('; ') || 'no data'}.${lastPeer ? ` Peer median ${dec1.format(lastPeer.median as number)}.` : ''}`,
      x: { type: 'utc', domain: xDomain(ctx), label: null },
      y: { label: 'Index (start = 100)', grid: true, nice: true },
      color: colorScale(ctx),
      marks: [
        ...(showPeer ? peerMarks(peer, 'Peer median') : []),
        Plot.ruleY([100], { stroke: 'currentColor', strokeOpacity: 0.35 }),
        Plot.lineY(rows, {
          x: 'day',
          y: 'indexed',
          stroke: 'institution',
          strokeWidth: 1.8,
          tip: { format: { x: fmtDay, y: (v: number) => dec1.format(v) } },
          channels: { Followers: 'followers' }
        }),
        Plot.dot(
          isolatedDays(rows, (r) => r.indexed),
          { x: 'day', y: 'indexed', fill: 'institution', r: 1.8 }
        )
      ]
    },
    notes: [
      ...missingNote(
        missingInstitutions(rows, ctx, (r) => r.indexed !== null),
        'follower counts'
      ),
      ...(showPeer ? peerNotes(ctx, peerRows) : []),
      ...(showPeer && peer.some((r) => r.median !== null) ? peerSetNote(rows, ctx) : [])
    ]
  }
}

/**
 * Where the indexed chart's peer set changes: an institution counts in the median from its first to its last index
 * in the range (metrics/series.ts, peerIndexedSql), so the median can step only on those days. Each is named, so a
 * step in the dashed line has its reason next to the chart.
 */
export function peerSetNote(rows: IndexedRow[], ctx: ChartContext): string[] {
  const span = new Map<string, { first: Date; last: Date }>()
  for (const r of rows) {
    if (r.indexed === null) continue
    const s = span.get(r.institution)
    if (!s) span.set(r.institution, { first: r.day, last: r.day })
    else s.last = r.day
  }
  const from = isoDay(utcDay(ctx.from))
  const to = isoDay(utcDay(ctx.to))
  const changes: string[] = []
  for (const [name, s] of span) {
    const first = isoDay(s.first)
    const last = isoDay(s.last)
    if (first > from && last < to) changes.push(`${name} from ${first} to ${last}`)
    else if (first > from) changes.push(`${name} from ${first}`)
    else if (last < to) changes.push(`${name} until ${last}`)
  }
  if (changes.length === 0) return []
  return [
    `Peer median: each institution counts from its first to its last follower count in the range, so the set changes only there — ${changes.join('; ')}.`
  ]
}

/** Weekly rates as percent, with every week of the range present (null where an institution did not post). */
export function weeklyRatePct(
  rows: EngagementRow[],
  ctx: ChartContext
): { institution: string; week: Date; rate: number | null; posts: number }[] {
  const byKey = new Map(rows.map((r) => [`${r.institution}\u0000${r.week.getTime()}`, r]))
  const weeks = weeksBetween(utcDay(ctx.from), utcDay(ctx.to))
  return ctx.institutions.flatMap(({ name }) =>
    weeks.map((week) => {
      const r = byKey.get(`${name}\u0000${week.getTime()}`)
      return { institution: name, week, rate: r && r.rate !== null ? r.rate * 100 : null, posts: r?.posts ?? 0 }
    })
  )
}

export function engagementChart(
  rows: EngagementRow[],
  peerRows: PeerRow[],
  ctx: ChartContext,
  showPeer = true
): BuiltChart {
  const data = weeklyRatePct(rows, ctx)
  const peer = honestPeer(peerRows, 100)
  const conv = conventionLabel(ctx.convention)
  const periodRates = (ctx.summary ?? [])
    .map((s) => `${s.name} ${fmtPct(s.engagement_rate[ctx.convention])}`)
    .join('; ')
  return {
    options: {
      ...base(ctx, 300),
      ariaLabel: `Engagement rate by week, ${conv}`,
      ariaDescription: `Weekly engagement rate ${conv}, ${ctx.from} to ${ctx.to}, in percent. Rates over the whole period: ${periodRates || 'not available'}.`,
      x: { type: 'utc', domain: xDomain(ctx), label: null },
      y: { label: 'Engagement rate (%)', grid: true, nice: true, zero: true },
      color: colorScale(ctx),
      marks: [
        ...(showPeer ? peerMarks(peer, 'Peer median %') : []),
        Plot.lineY(data, { x: 'week', y: 'rate', stroke: 'institution', strokeWidth: 1.4, strokeOpacity: 0.85 }),
        Plot.dot(data, {
          x: 'week',
          y: 'rate',
          fill: 'institution',
          r: 2,
          tip: { format: { x: (d: Date) => `week of ${fmtDay(d)}`, y: (v: number) => `${v.toFixed(3)}%` } },
          channels: { Posts: 'posts' }
        })
      ]
    },
    notes: [
      ...missingNote(
        missingInstitutions(rows, ctx, (r) => r.rate !== null),
        `engagement rate (${conv})`
      ),
      ...thinNote(ctx),
      ...(showPeer ? peerNotes(ctx, peerRows) : [])
    ]
  }
}

/** Posts per week with zero-post weeks filled in: a week without posts is 0 posts, not a line across it. */
export function postsPerWeek(rows: PostsWeeklyRow[], ctx: ChartContext): PostsWeeklyRow[] {
  const byKey = new Map(rows.map((r) => [`${r.institution}\u0000${r.week.getTime()}`, r.posts]))
  const weeks = weeksBetween(utcDay(ctx.from), utcDay(ctx.to))
  return ctx.institutions.flatMap(({ name }) =>
    weeks.map((week) => ({ institution: name, week, posts: byKey.get(`${name}\u0000${week.getTime()}`) ?? 0 }))
  )
}

/** One row per institution (small multiples): overlaid step lines of many institutions are unreadable. */
export function postsWeeklyChart(rows: PostsWeeklyRow[], ctx: ChartContext): BuiltChart {
  const data = postsPerWeek(rows, ctx)
  const names = ctx.institutions.map((i) => i.name)
  const ppw = (ctx.summary ?? [])
    .map((s) => `${s.name} ${s.posts_per_week === null ? '—' : s.posts_per_week.toFixed(2)}`)
    .join('; ')
  const rowHeight = ctx.large ? 64 : 42
  return {
    options: {
      ...base(ctx, 0),
      height: 50 + names.length * rowHeight,
      marginTop: 24,
      ariaLabel: 'Posts per week',
      ariaDescription: `Posts per week per institution, ${ctx.from} to ${ctx.to}, one row per institution. Average posts per week: ${ppw || 'not available'}.`,
      x: { type: 'utc', domain: xDomain(ctx), label: null },
      y: { label: 'Posts/week', grid: true, nice: true, ticks: 2 },
      fy: { domain: names, axis: null, padding: 0.18 },
      color: colorScale(ctx),
      marks: [
        Plot.areaY(data, {
          x: 'week',
          y: 'posts',
          fy: 'institution',
          fill: 'institution',
          fillOpacity: 0.25,
          curve: 'step-after'
        }),
        Plot.lineY(data, {
          x: 'week',
          y: 'posts',
          fy: 'institution',
          stroke: 'institution',
          strokeWidth: 1.2,
          curve: 'step-after',
          tip: { format: { x: (d: Date) => `week of ${fmtDay(d)}`, y: true, fy: false } },
          channels: { Institution: 'institution' }
        }),
        // The name in the text colour after a swatch of the institution's (cyan or pink names were 2.3-2.9:1).
        Plot.dot(ctx.institutions, {
          fy: 'name',
          fill: 'name',
          frameAnchor: 'top-left',
          dx: 9,
          dy: 8,
          r: 4.5,
          symbol: 'square'
        }),
        Plot.text(ctx.institutions, {
          fy: 'name',
          text: 'name',
          fill: 'currentColor',
          frameAnchor: 'top-left',
          dx: 18,
          dy: 2,
          fontWeight: 600,
          stroke: ctx.theme === 'dark' ? '#1d2128' : '#ffffff',
          strokeWidth: 3
        })
      ]
    },
    notes: missingNote(
      missingInstitutions(rows, ctx, (r) => r.posts > 0),
      'posts'
    )
  }
}

export type SovMeasure = 'posts' | 'interactions' | 'views'
export const SOV_MEASURES: SovMeasure[] = ['posts', 'interactions', 'views']

export function shareRows(
  summary: InstitutionSummary[],
  measures: SovMeasure[] = SOV_MEASURES
): { measure: string; institution: string; share: number }[] {
  return measures.flatMap((m) =>
    summary
      .filter((s) => s.share_of_voice[m] !== null)
      .map((s) => ({ measure: `By ${m}`, institution: s.name, share: (s.share_of_voice[m] as number) * 100 }))
  )
}

export function shareOfVoiceChart(
  summary: InstitutionSummary[],
  ctx: ChartContext,
  measures: SovMeasure[] = SOV_MEASURES
): BuiltChart {
  const data = shareRows(summary, measures)
  const order = ctx.institutions.map((i) => i.name)
  const stack = { x: 'share', y: 'measure', z: 'institution', order } as const
  const notes = measures.flatMap((m) => {
    const none = summary.filter((s) => s.share_of_voice[m] === null).map((s) => s.name)
    return none.length === summary.length
      ? [`No ${m} data for any institution: share by ${m} not drawn.`]
      : missingNote(none, m)
  })
  return {
    options: {
      ...base(ctx, 60 + measures.length * 56),
      marginLeft: 100,
      ariaLabel: 'Share of voice',
      ariaDescription: `Share of voice among the compared institutions, ${ctx.from} to ${ctx.to}. ${measures
        .map((m) => `By ${m}: ${summary.map((s) => `${s.name} ${fmtPct(s.share_of_voice[m], 1)}`).join(', ')}`)
        .join('. ')}.`,
      x: { label: 'Share (%)', domain: [0, 100], grid: true },
      y: { label: null, domain: measures.map((m) => `By ${m}`) },
      color: colorScale(ctx),
      marks: [
        Plot.barX(
          data,
          Plot.stackX({
            ...stack,
            fill: 'institution',
            inset: 0.5,
            tip: { format: { x: (v: number) => `${v.toFixed(2)}%` } }
          })
        ),
        Plot.textX(
          data,
          Plot.stackX({
            ...stack,
            text: (d: { share: number }) => (d.share >= 7 ? `${d.share.toFixed(0)}%` : ''),
            fill: 'white',
            stroke: 'black',
            strokeOpacity: 0.35,
            strokeWidth: 2
          })
        )
      ]
    },
    notes
  }
}
