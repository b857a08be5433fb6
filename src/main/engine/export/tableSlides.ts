/**
 * Insight tables as native PowerPoint table slides (text the presenter can edit): every vendor's convention (one
 * slide per platform, each column's published definition cited on the slide), the content mix (a row per
 * institution, a column per kind of post) and topics (a column per topic). Each slide's speaker notes hold the
 * table's methods and the setup the deck carries, so a slide copied into another deck still says where it came from.
 */
import type PptxGenJS from 'pptxgenjs'
import { fmtInt, fmtPct } from '../../../shared/charts/plotOptions'
import { POST_KINDS, POST_KIND_LABELS, type ContentMix } from '../../../shared/contentMix'
import { INSIGHT_TABLE_TITLES, type TableSlide } from '../../../shared/export'
import { formatPoints } from '../../../shared/insight'
import type { TopicReport } from '../../../shared/topics'
import { VENDOR_COLUMNS, VENDOR_CONVENTIONS, type VendorComparison } from '../../../shared/vendorConventions'
import { contentMixMethodology, topicsMethodology, vendorMethodology } from './insightTables'
import { SLIDE } from './slideTheme'

export interface DeckTables {
  vendorConventions?: VendorComparison
  contentMix?: ContentMix
  topics?: TopicReport
}

interface SlideBox {
  w: number
  h: number
  font: string
  /** Sets a title box that fits its text (deck.ts). */
  addTitle: (slide: PptxGenJS.Slide, text: string) => void
  /** The deck's setup as notes lines (provenanceNotes), appended to every table slide's notes. */
  setupNotes: string[]
}

const hex = (c: string) => c.replace('#', '')

/** Topics per slide: more columns would not fit a readable font on a 16:9 slide. */
const TOPICS_PER_SLIDE = 6

interface Grid {
  title: string
  subtitle: string
  header: string[]
  rows: string[][]
  /** Bold last row (a median across institutions). */
  footer?: string[]
  /** First column's share of the width. */
  firstCol: number
  caption: string
  notes: string[]
}

function addGridSlide(pptx: PptxGenJS, g: Grid, box: SlideBox): void {
  const slide = pptx.addSlide()
  slide.background = { color: hex(SLIDE.background) }
  box.addTitle(slide, g.title)
  const text = (t: string, y: number, h: number, fontSize: number) =>
    slide.addText(t, {
      x: 0.5,
      y,
      w: box.w - 1,
      h,
      fontFace: box.font,
      fontSize,
      color: hex(SLIDE.muted),
      valign: 'top'
    })
  text(g.subtitle, 0.95, 0.4, 14)
  const all = g.rows.length + (g.footer ? 1 : 0)
  const fontSize = all > 12 ? 10 : 12
  const cell = (t: string, o: PptxGenJS.TableCellProps = {}): PptxGenJS.TableCell => ({
    text: t,
    options: { fontFace: box.font, fontSize, color: hex(SLIDE.text), valign: 'middle', ...o }
  })
  const align = (i: number) => (i === 0 ? 'left' : 'right') as 'left' | 'right'
  const rows: PptxGenJS.TableRow[] = [
    g.header.map((h, i) => cell(h, { bold: true, align: align(i), fill: { color: 'EEF1F5' } })),
    ...g.rows.map((r) => r.map((v, i) => cell(v, { align: align(i) }))),
    ...(g.footer ? [g.footer.map((v, i) => cell(v, { bold: true, align: align(i) }))] : [])
  ]
  const w = box.w - 1
  const rest = (w * (1 - g.firstCol)) / Math.max(1, g.header.length - 1)
  slide.addTable(rows, {
    x: 0.5,
    y: 1.45,
    w,
    colW: [w * g.firstCol, ...g.header.slice(1).map(() => rest)],
    border: { type: 'solid', pt: 0.5, color: hex(SLIDE.rule) },
    autoPage: false
  })
  text(g.caption, box.h - 0.85, 0.7, 9)
  slide.addNotes([...g.notes, ...box.setupNotes].join('\n'))
}

function vendorGrids(c: VendorComparison, title: string): Grid[] {
  const notes = vendorMethodology(c)
  return c.tables.map((t) => ({
    title: `${title} · ${t.platform}`,
    subtitle: `${c.from} to ${c.to} · engagement rate, in percent of the denominator each vendor uses`,
    header: ['Institution', 'Posts', ...VENDOR_COLUMNS.map((k) => VENDOR_CONVENTIONS[k].label)],
    rows: t.rows.map((r) => [r.name, fmtInt(r.posts), ...VENDOR_COLUMNS.map((k) => fmtPct(r[k], 3))]),
    footer: ['Median across institutions', '—', ...VENDOR_COLUMNS.map((k) => fmtPct(t.median[k], 3))],
    firstCol: 0.28,
    caption: `Definitions: ${VENDOR_COLUMNS.map((k) => `${VENDOR_CONVENTIONS[k].label}: ${VENDOR_CONVENTIONS[k].source.url}`).join(' · ')}. Formulas in the notes.`,
    notes
  }))
}

/** A row per institution, a column per kind any of them posted: share of its posts · median interactions. */
function contentMixGrids(c: ContentMix, title: string): Grid[] {
  const kinds = POST_KINDS.filter((k) => c.institutions.some((i) => i.kinds.some((r) => r.kind === k && r.posts > 0)))
  return [
    {
      title,
      subtitle: `${c.from} to ${c.to} · each cell: share of the institution’s posts · median interactions per post of that kind`,
      header: ['Institution', 'Posts', ...kinds.map((k) => POST_KIND_LABELS[k])],
      rows: c.institutions.map((i) => [
        i.name,
        fmtInt(i.posts),
        ...kinds.map((k) => {
          const r = i.kinds.find((x) => x.kind === k)
          return r && r.posts > 0 ? `${fmtPct(r.postShare, 0)} · ${fmtInt(r.medianInteractions)}` : '—'
        })
      ]),
      firstCol: kinds.length > 6 ? 0.22 : 0.28,
      caption:
        'Kinds from the post types the exports give (the notes list every mapping). Median: half of the posts had more interactions, half fewer.',
      notes: contentMixMethodology(c, 'contentMix')
    }
  ]
}

/** A column per topic (TOPICS_PER_SLIDE a slide): share of the institution's posts · rate vs the peer median. */
function topicGrids(r: TopicReport, title: string): Grid[] {
  const notes = topicsMethodology(r)
  if (r.topics.length === 0)
    return [
      {
        title,
        subtitle: `${r.from} to ${r.to}`,
        header: ['Institution', 'Posts'],
        rows: r.institutions.map((i) => [i.name, fmtInt(i.posts)]),
        firstCol: 0.5,
        caption: 'No topics are defined in this workspace: add keyword rules in the Topics panel.',
        notes
      }
    ]
  const grids: Grid[] = []
  for (let at = 0; at < r.topics.length; at += TOPICS_PER_SLIDE) {
    const topics = r.topics.slice(at, at + TOPICS_PER_SLIDE)
    const part = r.topics.length > TOPICS_PER_SLIDE ? ` (${at / TOPICS_PER_SLIDE + 1})` : ''
    const vs = (v: number | null) => (v === null ? '—' : `${formatPoints(v)} pts`)
    grids.push({
      title: `${title}${part}`,
      subtitle: `${r.from} to ${r.to} · each cell: share of the institution’s posts on the topic · its engagement rate vs the peer median`,
      header: ['Institution', ...topics.map((t) => t.name)],
      rows: r.institutions.map((i) => [
        i.name,
        ...topics.map((t) => {
          const row = i.topics.find((x) => x.topicId === t.topicId)
          return row ? `${fmtPct(row.share, 1)} · ${vs(row.vsPeer)}` : '—'
        })
      ]),
      footer: [
        'Median across institutions',
        ...topics.map((t) => {
          const p = r.peer.find((x) => x.topicId === t.topicId)
          return p?.medianRate === null || p === undefined ? '—' : `rate ${fmtPct(p.medianRate, 2)}`
        })
      ],
      firstCol: 0.28,
      caption: `Rate: the mean per-post engagement rate under ${r.convention}; pts: percentage points. Keywords and top hashtags in the notes.`,
      notes
    })
  }
  return grids
}

/** Adds the table's slides; returns how many. A missing table (not computed) is an engine bug, not a user error. */
export function addTableSlides(pptx: PptxGenJS, s: TableSlide, tables: DeckTables, box: SlideBox): number {
  const title = s.title?.trim() || INSIGHT_TABLE_TITLES[s.tableId]
  const missing = () => new Error(`deck: the ${s.tableId} table was not computed`)
  let grids: Grid[]
  switch (s.tableId) {
    case 'vendorConventions':
      if (!tables.vendorConventions) throw missing()
      grids = vendorGrids(tables.vendorConventions, title)
      break
    case 'contentMix':
      if (!tables.contentMix) throw missing()
      grids = contentMixGrids(tables.contentMix, title)
      break
    case 'topics':
      if (!tables.topics) throw missing()
      grids = topicGrids(tables.topics, title)
      break
    default: {
      const never: never = s.tableId
      throw new Error(`deck: unknown table ${String(never)}`)
    }
  }
  for (const g of grids) addGridSlide(pptx, g, box)
  return grids.length
}
