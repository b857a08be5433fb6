/**
 * The content-mix charts as Plot options (pure, so they are tested as data): the share of posts by kind, the median
 * interactions per post by kind, and per institution a weekday × hour grid coloured by the median interactions of
 * the slot's posts (local time of each account).
 */
import * as Plot from '@observablehq/plot'
import { POST_KIND_LABELS, POST_KINDS, type ContentMix, type PostKind } from '../contentMix'
import { heatmapLayout, heatmapScaffold, SLOT_TIP_FORMAT } from './heatmap'
import { plotStyle, WEEKDAYS } from './plotOptions'

const KIND_COLORS: Record<PostKind, string> = {
  video: '#4269d0',
  reel: '#97bbf5',
  photo: '#efb118',
  carousel: '#ff725c',
  link: '#6cc5b0',
  text: '#3ca951',
  story: '#ff8ab7',
  reply: '#a463f2',
  repost: '#9c6b4e',
  other: '#9498a0',
  unknown: '#c9ccd1'
}

/** The kinds present in the mix, in POST_KINDS order, with their labels and colours (one legend for both charts). */
export function kindScale(mix: ContentMix): Plot.ScaleOptions {
  const present = new Set(mix.institutions.flatMap((i) => i.kinds.map((k) => k.kind)))
  const kinds = POST_KINDS.filter((k) => present.has(k))
  return {
    type: 'ordinal',
    domain: kinds.map((k) => POST_KIND_LABELS[k]),
    range: kinds.map((k) => KIND_COLORS[k]),
    legend: true
  }
}

const names = (mix: ContentMix) => mix.institutions.map((i) => i.name)
const pct = (v: number) => `${(v * 100).toFixed(1)}%`

export function kindRows(mix: ContentMix) {
  return mix.institutions.flatMap((i) =>
    i.kinds.map((k) => ({
      institution: i.name,
      kind: POST_KIND_LABELS[k.kind],
      order: POST_KINDS.indexOf(k.kind),
      posts: k.posts,
      share: k.postShare,
      median: k.medianInteractions
    }))
  )
}

/** Stacked bars: each institution's posts split by kind, as shares of its posts. */
export function kindShareChart(mix: ContentMix, width: number): Plot.PlotOptions {
  const rows = kindRows(mix)
  return {
    width: Math.max(320, Math.round(width)),
    height: 50 + 30 * mix.institutions.length,
    marginLeft: 180,
    style: plotStyle(width),
    ariaLabel: 'Share of posts by kind of post',
    ariaDescription: `Each institution's posts by kind, ${mix.from} to ${mix.to}: ${mix.institutions
      .map(
        (i) =>
          `${i.name}: ${i.kinds.map((k) => `${POST_KIND_LABELS[k.kind]} ${pct(k.postShare)}`).join(', ') || 'no posts'}`
      )
      .join('; ')}.`,
    x: { label: 'Share of posts', tickFormat: (v: number) => `${Math.round(v * 100)}%`, domain: [0, 1] },
    y: { label: null, domain: names(mix), tickFormat: (s: string) => (s.length > 26 ? `${s.slice(0, 25)}…` : s) },
    color: kindScale(mix),
    marks: [
      Plot.barX(
        rows,
        Plot.stackX({
          x: 'share',
          y: 'institution',
          fill: 'kind',
          order: 'order',
          inset: 0.5,
          channels: { Posts: 'posts' },
          tip: { format: { x: pct, y: true, fill: true } }
        } as Plot.BarXOptions)
      ),
      Plot.ruleX([0])
    ]
  }
}

/** Dots: the median interactions per post of each kind, per institution (kinds without counts are left out). */
export function kindEngagementChart(mix: ContentMix, width: number): Plot.PlotOptions {
  const rows = kindRows(mix).filter((r) => r.median !== null)
  return {
    width: Math.max(320, Math.round(width)),
    height: 60 + 30 * mix.institutions.length,
    marginLeft: 180,
    style: plotStyle(width),
    ariaLabel: 'Median interactions per post by kind of post',
    ariaDescription: `Median interactions per post, by kind, ${mix.from} to ${mix.to}: ${mix.institutions
      .map(
        (i) =>
          `${i.name}: ${
            i.kinds
              .filter((k) => k.medianInteractions !== null)
              .map((k) => `${POST_KIND_LABELS[k.kind]} ${k.medianInteractions}`)
              .join(', ') || 'no counts'
          }`
      )
      .join('; ')}.`,
    x: { label: 'Median interactions per post', grid: true, type: 'sqrt', nice: true, ticks: 5 },
    y: { label: null, domain: names(mix), tickFormat: (s: string) => (s.length > 26 ? `${s.slice(0, 25)}…` : s) },
    color: { ...kindScale(mix), legend: false },
    marks: [
      Plot.dot(rows, {
        x: 'median',
        y: 'institution',
        fill: 'kind',
        stroke: 'currentColor',
        strokeWidth: 0.5,
        r: 6,
        channels: { Posts: 'posts' },
        tip: true
      })
    ]
  }
}

/** Small multiples, one per institution: cells coloured by the slot's median interactions, on one shared scale. */
export function medianHeatmapChart(mix: ContentMix, width: number): Plot.PlotOptions {
  const layout = heatmapLayout(
    mix.institutions.map((i) => i.name),
    width
  )
  const { scales, frame, names } = heatmapScaffold(layout, mix.institutions)
  // Each slot against the institution's own typical post: a hospital with 50x the audience reads on the same scale.
  const cells = mix.institutions.flatMap((i) =>
    i.heatmap.map((h) => ({
      institution: i.name,
      ...h,
      ratio:
        h.medianInteractions !== null && i.medianInteractions
          ? Math.min(8, Math.max(1 / 8, h.medianInteractions / i.medianInteractions))
          : null,
      typical: i.medianInteractions,
      ...layout.place.get(i.name)!
    }))
  )
  const counted = cells.filter((c) => c.ratio !== null)
  const best = mix.institutions.map((i) => {
    const top = [...i.heatmap]
      .filter((h) => h.medianInteractions !== null)
      .sort((a, b) => (b.medianInteractions ?? 0) - (a.medianInteractions ?? 0))[0]
    return top
      ? `${i.name} ${WEEKDAYS[top.weekday]} ${top.hour}:00 (median ${top.medianInteractions}, ${top.posts} posts)`
      : `${i.name}: no counts`
  })
  return {
    width: Math.max(320, Math.round(width)),
    height: 70 + layout.rows * 150,
    style: plotStyle(width),
    ariaLabel: 'Median interactions by weekday and hour',
    ariaDescription: `Median interactions per post in each weekday and hour slot, in each account's own time zone, against the institution's median post, ${mix.from} to ${mix.to}. Best slot: ${best.join('; ')}.`,
    ...scales,
    color: {
      type: 'diverging-log',
      pivot: 1,
      domain: [1 / 4, 4],
      clamp: true,
      scheme: 'PuOr',
      legend: true,
      label: 'Slot median ÷ the institution’s median post',
      ticks: [0.25, 0.5, 1, 2, 4],
      tickFormat: (v: number) => `${v}×`
    },
    marks: [
      frame,
      Plot.cell(counted, {
        x: 'hour',
        y: 'weekday',
        fx: 'col',
        fy: 'row',
        fill: 'ratio',
        inset: 0.5,
        channels: {
          Institution: 'institution',
          'Median interactions': 'medianInteractions',
          'Its median post': 'typical',
          Posts: 'posts'
        },
        tip: { format: { ...SLOT_TIP_FORMAT, fill: (v: number) => `${v.toFixed(2)}×` } }
      }),
      // Slots with posts but no interaction counts: outlined, not coloured as 0.
      Plot.cell(
        cells.filter((c) => c.ratio === null),
        { x: 'hour', y: 'weekday', fx: 'col', fy: 'row', stroke: 'currentColor', strokeOpacity: 0.5, inset: 1.5 }
      ),
      names
    ]
  }
}
