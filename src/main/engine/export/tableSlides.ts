/**
 * Insight tables as native PowerPoint table slides (text the presenter can edit), one slide per platform, with each
 * column's published definition cited on the slide and in full in the speaker notes.
 */
import type PptxGenJS from 'pptxgenjs'
import { fmtInt, fmtPct } from '../../../shared/charts/plotOptions'
import { INSIGHT_TABLE_TITLES, type TableSlide } from '../../../shared/export'
import { VENDOR_COLUMNS, VENDOR_CONVENTIONS, type VendorComparison } from '../../../shared/vendorConventions'
import { vendorMethodology } from './insightTables'
import { SLIDE } from './slideTheme'

export interface DeckTables {
  vendorConventions?: VendorComparison
}

interface SlideBox {
  w: number
  h: number
  font: string
  /** Sets a title box that fits its text (deck.ts). */
  addTitle: (slide: PptxGenJS.Slide, text: string) => void
}

const hex = (c: string) => c.replace('#', '')

/** Adds the table's slides; returns how many. A missing table (not computed) is an engine bug, not a user error. */
export function addTableSlides(pptx: PptxGenJS, s: TableSlide, tables: DeckTables, box: SlideBox): number {
  const c = tables[s.tableId]
  if (!c) throw new Error(`deck: the ${s.tableId} table was not computed`)
  const title = s.title?.trim() || INSIGHT_TABLE_TITLES[s.tableId]
  const notes = vendorMethodology(c)
  const header = ['Institution', 'Posts', ...VENDOR_COLUMNS.map((k) => VENDOR_CONVENTIONS[k].label)]
  const cell = (text: string, o: PptxGenJS.TableCellProps = {}): PptxGenJS.TableCell => ({
    text,
    options: { fontFace: box.font, fontSize: 12, color: hex(SLIDE.text), valign: 'middle', ...o }
  })
  for (const t of c.tables) {
    const slide = pptx.addSlide()
    slide.background = { color: hex(SLIDE.background) }
    box.addTitle(slide, `${title} · ${t.platform}`)
    slide.addText(`${c.from} to ${c.to} · engagement rate, in percent of the denominator each vendor uses`, {
      x: 0.5,
      y: 0.95,
      w: box.w - 1,
      h: 0.4,
      fontFace: box.font,
      fontSize: 14,
      color: hex(SLIDE.muted)
    })
    const fontSize = t.rows.length > 12 ? 10 : 12
    const rows: PptxGenJS.TableRow[] = [
      header.map((h, i) =>
        cell(h, { bold: true, fontSize, align: i === 0 ? 'left' : 'right', fill: { color: 'EEF1F5' } })
      ),
      ...t.rows.map((r) => [
        cell(r.name, { fontSize }),
        cell(fmtInt(r.posts), { fontSize, align: 'right' }),
        ...VENDOR_COLUMNS.map((k) => cell(fmtPct(r[k], 3), { fontSize, align: 'right' }))
      ]),
      [
        cell('Median across institutions', { fontSize, bold: true }),
        cell('—', { fontSize, align: 'right' }),
        ...VENDOR_COLUMNS.map((k) => cell(fmtPct(t.median[k], 3), { fontSize, bold: true, align: 'right' }))
      ]
    ]
    const w = box.w - 1
    slide.addTable(rows, {
      x: 0.5,
      y: 1.45,
      w,
      colW: [w * 0.28, w * 0.08, ...VENDOR_COLUMNS.map(() => (w * 0.64) / VENDOR_COLUMNS.length)],
      border: { type: 'solid', pt: 0.5, color: hex(SLIDE.rule) },
      autoPage: false
    })
    slide.addText(
      `Definitions: ${VENDOR_COLUMNS.map((k) => `${VENDOR_CONVENTIONS[k].label}: ${VENDOR_CONVENTIONS[k].source.url}`).join(' · ')}. Formulas in the notes.`,
      {
        x: 0.5,
        y: box.h - 0.85,
        w,
        h: 0.7,
        fontFace: box.font,
        fontSize: 9,
        color: hex(SLIDE.muted),
        valign: 'top'
      }
    )
    slide.addNotes(notes.join('\n'))
  }
  return c.tables.length
}
