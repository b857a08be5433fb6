/**
 * A PowerPoint deck of benchmark charts: a title slide, then per chart a slide with the exported image (slide theme,
 * footnote drawn in) and, where the chart is a line or bar chart, a native PowerPoint chart the presenter can restyle.
 * The methodology of each chart goes into the speaker notes.
 */
import { EVENT_CHARTS } from '../../../shared/charts/buildChart'
import type { PlotChartId } from '../../../shared/charts/buildChart'
import { EVENT_KIND_LABELS, eventsInRange, type TimelineEvent } from '../../../shared/timeline'
import type { Provenance } from '../../../shared/provenance'
import { ooxmlWithProvenance, provenanceNotes } from './provenance'
import PptxGenJS from 'pptxgenjs'
import type { BenchmarkResult } from '../../../shared/benchmark'
import { CHARTS } from '../../../shared/charts/chartDefs'
import { footnote } from '../../../shared/charts/footnote'
import type { ChartSeries } from '../../../shared/charts/series'
import { isTableSlide, type DeckAspect, type DeckSlide } from '../../../shared/export'
import { methodologyLines } from './methodology'
import { nativeChart } from './nativeCharts'
import { chartPng, defaultSubtitle } from './renderChart'
import { SLIDE } from './slideTheme'
import { addTableSlides, type DeckTables } from './tableSlides'
import { withXmlChars } from './xml'

export interface DeckInput {
  result: BenchmarkResult
  series: ChartSeries
  slides: DeckSlide[]
  aspect?: DeckAspect
  title?: string
  /** Native editable charts after each image slide where the chart kind allows (default true). */
  native?: boolean
  /** ISO date written on the title slide (tests pin it). */
  date?: string
  /** The insight tables the slides ask for, computed by the caller from the same request. */
  tables?: DeckTables
  /** The setup to record: a document property, and in the title slide's notes (shared/provenance.ts). */
  provenance?: Provenance
}

const FONT = 'Arial'

const eventDays = (e: TimelineEvent) => (e.end ? `${e.start} to ${e.end}` : e.start)

/** The events under an editable chart: the first few by date, and how many more the notes list. */
export function nativeEventsLine(events: readonly TimelineEvent[], max = 6): string {
  const shown = events.slice(0, max).map((e) => `${eventDays(e)} ${e.title}`)
  const more = events.length > max ? ` · and ${events.length - max} more in the notes` : ''
  return `Events (drawn on the image slide before): ${shown.join(' · ')}${more}`
}

/**
 * A title's font size so it fits its box in at most two lines (Arial's average glyph is about half its size wide):
 * a long custom title ran off the slide's right edge or over the subtitle. The box also wraps and shrinks on
 * overflow (normAutofit) for what the estimate misses.
 */
export function titleFontSize(text: string, boxInches: number, largest: number, smallest: number): number {
  for (let size = largest; size > smallest; size -= 2) {
    const perLine = (boxInches * 72) / (size * 0.52)
    if (text.length <= perLine * 2 && (size < largest || text.length <= perLine)) return size
  }
  return smallest
}
const TITLE_BOX = { wrap: true, fit: 'shrink', valign: 'middle', margin: 0 } as const

/** Slide size in inches and the image frame that fills it (logical px, 2x pixels for projectors and 4K screens). */
function layout(aspect: DeckAspect) {
  return aspect === '4:3'
    ? { name: 'LAYOUT_4x3', w: 10, h: 7.5, frame: { width: 1024, height: 768, pixelRatio: 2, dpi: 205 } }
    : { name: 'LAYOUT_WIDE', w: 13.333, h: 7.5, frame: { width: 1280, height: 720, pixelRatio: 1.5, dpi: 144 } }
}

export async function buildDeck(raw: DeckInput): Promise<{ pptx: Uint8Array; slides: number }> {
  // Every string reaches the deck's XML parts (names in the notes, chart series, alt text): pptxgenjs escapes
  // `&` and `<` but not the control characters XML forbids, which make PowerPoint and LibreOffice refuse the file.
  const input = withXmlChars(raw)
  const { result, series } = input
  const L = layout(input.aspect ?? '16:9')
  const pptx = new PptxGenJS()
  pptx.layout = L.name
  pptx.author = 'Socialbench'
  pptx.title = input.title ?? 'Benchmark'
  const names = result.scope.institutions.map((i) => i.name)

  const title = pptx.addSlide()
  title.background = { color: SLIDE.background.slice(1) }
  const deckTitle = input.title ?? 'Social media benchmark'
  title.addText(deckTitle, {
    ...TITLE_BOX,
    x: 0.6,
    y: L.h * 0.28 - 0.5,
    w: L.w - 1.2,
    h: 1.6,
    fontFace: FONT,
    fontSize: titleFontSize(deckTitle, L.w - 1.2, 40, 24),
    bold: true,
    color: SLIDE.text.slice(1)
  })
  title.addText(`${result.scope.from} to ${result.scope.to} · ${names.length} institutions`, {
    x: 0.6,
    y: L.h * 0.28 + 1.2,
    w: L.w - 1.2,
    h: 0.6,
    fontFace: FONT,
    fontSize: 22,
    color: SLIDE.muted.slice(1)
  })
  title.addText(names.join(' · '), {
    x: 0.6,
    y: L.h * 0.28 + 1.9,
    w: L.w - 1.2,
    h: 1.2,
    fontFace: FONT,
    fontSize: 14,
    color: SLIDE.muted.slice(1),
    valign: 'top'
  })
  title.addText(
    `Made with Socialbench on ${input.date ?? new Date().toISOString().slice(0, 10)} from ${result.methodology.posts.toLocaleString('en-US')} posts of ${result.methodology.accounts} accounts.`,
    {
      x: 0.6,
      y: L.h - 0.9,
      w: L.w - 1.2,
      h: 0.4,
      fontFace: FONT,
      fontSize: 12,
      color: SLIDE.muted.slice(1)
    }
  )
  const setupNotes = raw.provenance ? withXmlChars(provenanceNotes(raw.provenance)) : []
  title.addNotes([...methodologyLines(result), ...setupNotes].join('\n'))
  let count = 1

  for (const s of input.slides) {
    if (isTableSlide(s)) {
      count += addTableSlides(pptx, s, input.tables ?? {}, {
        w: L.w,
        h: L.h,
        font: FONT,
        setupNotes,
        addTitle: (slide, text) =>
          slide.addText(text, {
            ...TITLE_BOX,
            x: 0.5,
            y: 0.2,
            w: L.w - 1,
            h: 0.8,
            fontFace: FONT,
            fontSize: titleFontSize(text, L.w - 1, 26, 14),
            bold: true,
            color: SLIDE.text.slice(1)
          })
      })
      continue
    }
    const chartTitle = s.title?.trim() || CHARTS[s.chartId].title
    const img = chartPng({
      result,
      series,
      chartId: s.chartId,
      size: 'slide1920',
      frame: L.frame,
      look: s.look,
      title: chartTitle,
      subtitle: s.subtitle
    })
    const slide = pptx.addSlide()
    slide.background = { color: SLIDE.background.slice(1) }
    slide.addImage({
      data: `image/png;base64,${Buffer.from(img.png).toString('base64')}`,
      x: 0,
      y: 0,
      w: L.w,
      h: L.h,
      altText: `${chartTitle}. ${footnote(result, s.chartId)}`
    })
    slide.addNotes(methodologyLines(result, s.chartId).join('\n'))
    count++

    const native = input.native === false ? null : nativeChart(pptx, s.chartId, result, series, s.look)
    if (native) {
      const ns = pptx.addSlide()
      const nativeTitle = `${chartTitle} (editable chart)`
      ns.addText(nativeTitle, {
        ...TITLE_BOX,
        x: 0.5,
        y: 0.2,
        w: L.w - 1,
        h: 0.8,
        fontFace: FONT,
        fontSize: titleFontSize(nativeTitle, L.w - 1, 26, 14),
        bold: true,
        color: SLIDE.text.slice(1)
      })
      ns.addText(s.subtitle ?? defaultSubtitle(result, s.chartId), {
        x: 0.5,
        y: 0.95,
        w: L.w - 1,
        h: 0.4,
        fontFace: FONT,
        fontSize: 14,
        color: SLIDE.muted.slice(1)
      })
      // An editable chart cannot carry rules at given dates (pptxgenjs draws no markers on a chart's axis, and shapes
      // laid over it would drift as soon as someone edits the chart), so its events are written out under it and in
      // the notes; the image slide before it draws them in place.
      const events = EVENT_CHARTS.includes(s.chartId as PlotChartId)
        ? eventsInRange(result.events ?? [], result.scope.from, result.scope.to)
        : []
      const eventsLine = events.length ? nativeEventsLine(events) : null
      ns.addChart(native.type, native.data, {
        x: 0.5,
        y: 1.4,
        w: L.w - 1,
        h: L.h - 2.2 - (eventsLine ? 0.4 : 0),
        fontFace: FONT,
        ...native.options
      })
      if (eventsLine)
        ns.addText(eventsLine, {
          x: 0.5,
          y: L.h - 1.15,
          w: L.w - 1,
          h: 0.4,
          fontFace: FONT,
          fontSize: 10,
          color: SLIDE.text.slice(1),
          valign: 'top',
          fit: 'shrink'
        })
      ns.addText(`${footnote(result, s.chartId)}${native.note ? ` · ${native.note}` : ''}`, {
        x: 0.5,
        y: L.h - 0.75,
        w: L.w - 1,
        h: 0.6,
        fontFace: FONT,
        fontSize: 10,
        color: SLIDE.muted.slice(1),
        valign: 'top'
      })
      ns.addNotes(
        [
          ...methodologyLines(result, s.chartId, { events: false }),
          ...(events.length
            ? [
                '',
                'Events in the range (this editable chart cannot draw them; the image slide before it does):',
                ...events.map(
                  (e) =>
                    `  ${eventDays(e)} ${e.title} (${EVENT_KIND_LABELS[e.kind].toLowerCase()})${e.source ? ` · ${e.source}` : ''}`
                )
              ]
            : [])
        ].join('\n')
      )
      count++
    }
  }
  const out = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array
  return { pptx: raw.provenance ? await ooxmlWithProvenance(out, raw.provenance) : out, slides: count }
}
