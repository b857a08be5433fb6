/**
 * The topic charts as Plot options: each institution's share of posts per topic (a grid of labelled cells), its
 * engagement on each topic against the peer median (bars either side of 0), and share of voice per topic.
 */
import * as Plot from '@observablehq/plot'
import type { TopicReport } from '../topics'
import { plotStyle } from './plotOptions'

const pct = (v: number | null, d = 1) => (v === null ? '—' : `${(v * 100).toFixed(d)}%`)
const short = (s: string) => (s.length > 26 ? `${s.slice(0, 25)}…` : s)

function cells(r: TopicReport) {
  return r.institutions.flatMap((i) =>
    i.topics.map((t) => ({ institution: i.name, color: i.color, ...t, label: pct(t.share) }))
  )
}

export function topicShareChart(r: TopicReport, width: number, dark: boolean): Plot.PlotOptions {
  const data = cells(r)
  return {
    width: Math.max(320, Math.round(width)),
    height: 60 + 28 * r.institutions.length,
    marginLeft: 180,
    marginTop: 30,
    style: plotStyle(width),
    ariaLabel: 'Share of posts per topic',
    ariaDescription: `Share of each institution's posts on each topic, ${r.from} to ${r.to}: ${r.institutions
      .map((i) => `${i.name}: ${i.topics.map((t) => `${t.topic} ${pct(t.share)}`).join(', ')}`)
      .join('; ')}.`,
    x: { axis: 'top', label: null, domain: r.topics.map((t) => t.name), tickSize: 0 },
    y: { label: null, domain: r.institutions.map((i) => i.name), tickFormat: short, tickSize: 0 },
    color: {
      type: 'linear',
      domain: [0, Math.max(0.01, ...data.map((d) => d.share))],
      range: dark ? ['#1f2a3a', '#6ea8fe'] : ['#f2f5fa', '#2f5fb3'],
      legend: false
    },
    marks: [
      Plot.cell(data, {
        x: 'topic',
        y: 'institution',
        fill: 'share',
        inset: 1,
        tip: { format: { fill: (v: number) => pct(v) } },
        channels: { Posts: 'posts' }
      }),
      Plot.text(data, {
        x: 'topic',
        y: 'institution',
        text: 'label',
        fill: (d: { share: number }) =>
          d.share > 0.5 * Math.max(0.01, ...data.map((x) => x.share)) ? (dark ? '#0b1220' : '#ffffff') : 'currentColor'
      })
    ]
  }
}

/** The institution's rate on a topic minus the peer median of the rates on it, in percentage points. */
export function topicVsPeerChart(r: TopicReport, width: number): Plot.PlotOptions {
  const data = cells(r)
    .filter((d) => d.vsPeer !== null)
    .map((d) => ({ ...d, pts: (d.vsPeer as number) * 100 }))
  return {
    width: Math.max(320, Math.round(width)),
    height: 50 + Math.max(1, r.topics.length) * (24 + 16 * r.institutions.length),
    marginLeft: 180,
    // Room for the topic names beside each facet.
    marginRight: 110,
    style: plotStyle(width),
    ariaLabel: 'Engagement per topic against the peer median',
    ariaDescription: `Each institution's mean engagement rate on each topic minus the peer median on that topic, in percentage points: ${data
      .map((d) => `${d.institution} on ${d.topic} ${d.pts >= 0 ? '+' : ''}${d.pts.toFixed(2)} pts`)
      .join('; ')}.`,
    x: { label: 'Rate minus the peer median (percentage points)', grid: true },
    y: { label: null, domain: r.institutions.map((i) => i.name), tickFormat: short },
    fy: { label: null, domain: r.topics.map((t) => t.name) },
    color: { type: 'ordinal', domain: r.institutions.map((i) => i.name), range: r.institutions.map((i) => i.color) },
    marks: [
      Plot.barX(data, {
        x: 'pts',
        y: 'institution',
        fy: 'topic',
        fill: 'institution',
        tip: true,
        channels: { Posts: 'posts' }
      }),
      Plot.ruleX([0])
    ]
  }
}

/** Per topic, each institution's part of all the compared institutions' posts on it. */
export function topicVoiceChart(r: TopicReport, width: number): Plot.PlotOptions {
  const data = cells(r).filter((d) => d.posts > 0)
  return {
    width: Math.max(320, Math.round(width)),
    height: 60 + 30 * Math.max(1, r.topics.length),
    marginLeft: 180,
    style: plotStyle(width),
    ariaLabel: 'Share of voice per topic',
    ariaDescription: `Of all the compared institutions' posts on each topic, each one's share: ${r.topics
      .map(
        (t) =>
          `${t.name}: ${
            data
              .filter((d) => d.topicId === t.topicId)
              .map((d) => `${d.institution} ${pct(d.shareOfVoice)}`)
              .join(', ') || 'no posts'
          }`
      )
      .join('; ')}.`,
    x: {
      label: 'Share of voice (posts on the topic)',
      tickFormat: (v: number) => `${Math.round(v * 100)}%`,
      domain: [0, 1]
    },
    y: { label: null, domain: r.topics.map((t) => t.name), tickFormat: short },
    color: {
      type: 'ordinal',
      domain: r.institutions.map((i) => i.name),
      range: r.institutions.map((i) => i.color),
      legend: true
    },
    marks: [
      Plot.barX(
        data,
        Plot.stackX({
          x: 'shareOfVoice',
          y: 'topic',
          fill: 'institution',
          inset: 0.5,
          tip: { format: { x: (v: number) => pct(v) } },
          channels: { Posts: 'posts' }
        } as Plot.BarXOptions)
      ),
      Plot.ruleX([0])
    ]
  }
}
