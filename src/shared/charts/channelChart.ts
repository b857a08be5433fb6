/**
 * The daily channel chart: one channel metric at a time (views, reach, impressions, profile visits or followers
 * gained), a line per institution and the peer median and band. One metric per chart because their scales differ by
 * orders of magnitude (a million views beside forty profile visits would flatten the visits to the axis).
 */
import * as Plot from '@observablehq/plot'
import { CHANNEL_METRICS, CHANNEL_METRIC_LABELS, type ChannelMetric } from '../metrics'
import {
  base,
  colorScale,
  fmtInt,
  honestPeer,
  isolatedDays,
  missingInstitutions,
  missingNote,
  peerMarks,
  peerNotes,
  xDomain,
  type BuiltChart,
  type ChartContext
} from './plotOptions'
import { isoDay, type ChannelPeerRow, type ChannelRow } from './series'

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 })

/** The metrics with at least one value in the range, in CHANNEL_METRICS order (what the chart offers). */
export function channelMetricsWithData(rows: ChannelRow[]): ChannelMetric[] {
  const present = new Set(rows.filter((r) => r.value !== null).map((r) => r.metric))
  return CHANNEL_METRICS.filter((m) => present.has(m))
}

/** The metric drawn: the one asked for when it has data, else the first that has. */
export function chosenChannelMetric(rows: ChannelRow[], asked: ChannelMetric | undefined): ChannelMetric | null {
  const available = channelMetricsWithData(rows)
  return asked && available.includes(asked) ? asked : (available[0] ?? null)
}

export function channelChart(
  rows: ChannelRow[],
  peerRows: ChannelPeerRow[],
  ctx: ChartContext,
  asked?: ChannelMetric,
  showPeer = true
): BuiltChart {
  const metric = chosenChannelMetric(rows, asked)
  if (metric === null) {
    return {
      options: {},
      notes: [],
      empty:
        'No daily channel figures (views, reach, impressions, profile visits, followers gained) in this range and these platforms. Channel exports such as YouTube Totals, TikTok Overview or Meta Reach and Visits carry them.'
    }
  }
  const label = CHANNEL_METRIC_LABELS[metric]
  const data = rows.filter((r) => r.metric === metric)
  const peerOfMetric = peerRows.filter((r) => r.metric === metric)
  const peer = honestPeer(peerOfMetric)
  const totals = new Map<string, number>()
  for (const r of data) if (r.value !== null) totals.set(r.institution, (totals.get(r.institution) ?? 0) + r.value)
  const gapDays = data.filter((r) => r.value === null).length
  const missing = missingInstitutions(data, ctx, (r) => r.value !== null)
  return {
    options: {
      ...base(ctx, 300),
      ariaLabel: `${label} per day`,
      ariaDescription: `${label} per day from the channel exports, ${ctx.from} to ${ctx.to}. Totals over the period: ${[...totals].map(([i, v]) => `${i} ${fmtInt(v)}`).join('; ')}.`,
      x: { type: 'utc', domain: xDomain(ctx), label: null },
      // Compact per tick ("200", "1.8K"), not d3's shared SI prefix ("0.2k" for 200).
      y: {
        label: `${label} per day`,
        grid: true,
        nice: true,
        zero: true,
        tickFormat: (v: number) => compact.format(v)
      },
      color: colorScale(ctx),
      marks: [
        ...(showPeer ? peerMarks(peer, 'Peer median') : []),
        Plot.lineY(data, {
          x: 'day',
          y: 'value',
          stroke: 'institution',
          strokeWidth: 1.4,
          tip: { format: { x: (d: Date) => isoDay(d), y: (v: number) => fmtInt(v) } }
        }),
        Plot.dot(
          isolatedDays(data, (r) => r.value),
          { x: 'day', y: 'value', fill: 'institution', r: 1.8 }
        )
      ]
    },
    notes: [
      ...(asked && asked !== metric
        ? [`No ${CHANNEL_METRIC_LABELS[asked].toLowerCase()} in this range: showing ${label.toLowerCase()}.`]
        : []),
      ...missingNote(missing, label.toLowerCase()),
      ...(gapDays ? ['Breaks in a line are days an account has no figure for; they are not drawn as 0.'] : []),
      ...(showPeer ? peerNotes(ctx, peerOfMetric) : [])
    ]
  }
}
