/**
 * One standalone SVG for an exported chart: title, subtitle, legend, the Plot chart itself and the methodology
 * footnote, on the slide theme. Standalone means xmlns declared, fonts named, no <style> sheets or classes needed
 * to look right (colour and type are attributes) and no external references, so PowerPoint, Keynote, Inkscape and
 * browsers draw it the same.
 */
import * as Plot from '@observablehq/plot'
import { parseHTML } from 'linkedom'
import type { OpacityLegend } from '../../../shared/charts/plotOptions'
import { EXPORT_FONT_FAMILY } from './fonts'
import { SLIDE, textWidth, typeScale, wrapText } from './slideTheme'
import { escapeXmlAttr, escapeXmlText, serializeXml } from './xml'

export interface ExportFrameInput {
  /** Logical width of the whole image (px). */
  width: number
  /** Logical height; absent: the chart's own height plus the header and footer. */
  height?: number
  title: string
  subtitle?: string
  /** The methodology footnote line, then any notes (what the chart cannot show). */
  footnote: string
  notes?: string[]
  legend: { name: string; color: string }[]
  /** An opacity legend (the heatmap): the chart builder's own stops, so the swatches are the cells' opacities. */
  ramp?: OpacityLegend
  /** Plot options for a chart `width` px wide; height is overridden when the frame fixes it. */
  plot: (width: number) => Plot.PlotOptions
}

export interface ComposedSvg {
  svg: string
  width: number
  height: number
  /** The Plot <svg> alone, as rendered (structure tests compare it with the app's). */
  plotSvg: string
}

/** Plot renders into this DOM in Node; it accepts a `document` option precisely for this. */
export function headlessDocument(): Document {
  return parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document
}

/** The Plot options as the app builds them, rendered to an <svg> element in `document` (legends off: drawn by us). */
export function renderPlot(options: Plot.PlotOptions, document: Document): SVGSVGElement {
  const noLegend = (s: unknown) => (s && typeof s === 'object' ? { ...(s as object), legend: false } : s)
  const el = Plot.plot({
    ...options,
    document,
    color: noLegend(options.color) as Plot.ScaleOptions | undefined,
    opacity: noLegend(options.opacity) as Plot.ScaleOptions | undefined
  } as Plot.PlotOptions) as unknown as Element
  const svg = el.tagName.toLowerCase() === 'svg' ? el : el.querySelector('svg')
  if (!svg) throw new Error('Plot rendered no <svg>')
  return svg as SVGSVGElement
}

export function composeSvg(input: ExportFrameInput): ComposedSvg {
  const ts = typeScale(input.width)
  const W = Math.round(input.width)
  const inner = W - 2 * ts.pad
  const parts: string[] = []
  let y = ts.pad

  // Header: title, subtitle, legend swatches (wrapped).
  for (const line of wrapText(input.title, ts.title, inner)) {
    y += ts.title
    parts.push(text(ts.pad, y, line, ts.title, SLIDE.text, 'bold'))
    y += ts.title * 0.25
  }
  if (input.subtitle) {
    for (const line of wrapText(input.subtitle, ts.subtitle, inner)) {
      y += ts.subtitle * 1.1
      parts.push(text(ts.pad, y, line, ts.subtitle, SLIDE.muted))
    }
  }
  y += ts.legend * 0.8
  const sw = Math.round(ts.legend * 0.9)
  let x = ts.pad
  const legendItems = [...input.legend.map((l) => ({ ...l, kind: 'swatch' as const }))]
  if (legendItems.length) y += ts.legend
  for (const l of legendItems) {
    const w = sw + 8 + textWidth(l.name, ts.legend) + ts.legend
    if (x > ts.pad && x + w > W - ts.pad) {
      x = ts.pad
      y += ts.legend * 1.5
    }
    parts.push(
      `<rect x="${x}" y="${y - sw + 2}" width="${sw}" height="${sw}" rx="2" fill="${escapeXmlAttr(l.color)}"/>`
    )
    parts.push(text(x + sw + 8, y, l.name, ts.legend, SLIDE.text))
    x += w
  }
  if (input.ramp) {
    // One swatch per stop, each followed by its value; no swatch for 0, as empty slots are not drawn.
    y += ts.legend * 1.6
    parts.push(text(ts.pad, y, `${input.ramp.label}:`, ts.legend, SLIDE.text))
    let rx = ts.pad + textWidth(`${input.ramp.label}: `, ts.legend)
    const swatches: string[] = []
    for (const s of input.ramp.stops) {
      swatches.push(
        `<rect x="${Math.round(rx)}" y="${y - sw + 2}" width="${sw * 2}" height="${sw}" fill="${escapeXmlAttr(input.ramp.color)}" fill-opacity="${s.opacity.toFixed(3)}"><title>${s.value}</title></rect>`
      )
      rx += sw * 2 + 4
      swatches.push(text(rx, y, String(s.value), ts.legend, SLIDE.muted))
      rx += textWidth(String(s.value), ts.legend) + ts.legend * 0.8
    }
    parts.push(`<g aria-label="${escapeXmlAttr(input.ramp.label)}">${swatches.join('')}</g>`)
  }
  const headerEnd = Math.round(y + ts.legend)

  // Footer: footnote and notes, wrapped, in the muted colour.
  const footLines = [
    ...wrapText(input.footnote, ts.footnote, inner),
    ...(input.notes ?? []).flatMap((n) => wrapText(n, ts.footnote, inner))
  ]
  const footHeight = Math.round(footLines.length * ts.footnote * 1.35 + ts.pad * 0.6)

  // The chart: the app's own options with slide type, colour and size.
  const document = headlessDocument()
  const options = input.plot(inner)
  const plotHeight = input.height
    ? Math.max(120, Math.round(input.height - headerEnd - footHeight - ts.pad * 0.4))
    : Number(options.height ?? 400)
  // Larger type needs larger default margins for axis labels (two-line date ticks, the y label above the axis).
  // Margins the app set for its 12 px type grow with the slide type.
  const grow = (v: number | undefined) => (v === undefined ? undefined : Math.round((v * ts.axis) / 12))
  const margins = {
    marginTop: grow(options.marginTop) ?? Math.round(ts.axis * 1.9),
    marginBottom: grow(options.marginBottom) ?? Math.round(ts.axis * 2.9),
    marginLeft: grow(options.marginLeft),
    marginRight: grow(options.marginRight)
  }
  const plotEl = renderPlot({ ...options, ...margins, width: inner, height: plotHeight, style: undefined }, document)
  standaloneAttributes(plotEl, ts.axis)
  plotEl.setAttribute('x', String(ts.pad))
  plotEl.setAttribute('y', String(headerEnd))
  const plotSvg = resolveCssVariables(serializeXml(plotEl))

  const H = input.height ? Math.round(input.height) : headerEnd + plotHeight + Math.round(ts.pad * 0.4) + footHeight
  let fy = H - footHeight + ts.pad * 0.3
  parts.push(
    `<line x1="${ts.pad}" x2="${W - ts.pad}" y1="${fy - ts.footnote * 0.2}" y2="${fy - ts.footnote * 0.2}" stroke="${SLIDE.rule}"/>`
  )
  for (const line of footLines) {
    fy += ts.footnote * 1.35
    parts.push(text(ts.pad, fy, line, ts.footnote, SLIDE.muted))
  }

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ` +
    `font-family="${escapeXmlAttr(EXPORT_FONT_FAMILY)}" color="${SLIDE.text}" role="img" aria-label="${escapeXmlAttr(input.title)}">` +
    `<title>${escapeXmlText(input.title)}</title>` +
    `<rect width="${W}" height="${H}" fill="${SLIDE.background}"/>` +
    parts.join('') +
    plotSvg +
    `</svg>`
  return { svg, width: W, height: H, plotSvg }
}

/** The app's theme variables, as the slide theme defines them (the builders colour some marks with CSS variables). */
const SLIDE_VARIABLES: Record<string, string> = {
  '--bg': SLIDE.background,
  '--bg-raised': SLIDE.background,
  '--plot-background': SLIDE.background,
  '--text': SLIDE.text,
  '--text-muted': SLIDE.muted,
  '--border': SLIDE.rule
}

export function resolveCssVariables(svg: string): string {
  return svg.replace(
    /var\((--[\w-]+)\s*(?:,\s*([^)]*))?\)/g,
    (_, name: string, fallback?: string) => SLIDE_VARIABLES[name] ?? fallback?.trim() ?? SLIDE.text
  )
}

function text(x: number, y: number, s: string, size: number, fill: string, weight?: string): string {
  return `<text x="${Math.round(x)}" y="${Math.round(y)}" font-size="${size}" fill="${fill}"${weight ? ` font-weight="${weight}"` : ''}>${escapeXmlText(s)}</text>`
}

/**
 * Plot's <style> sheet only sizes the SVG inside an HTML page (display, max-width) and keeps spaces; without it the
 * drawing is the same. Colour and type move to attributes so no CSS is needed; `--plot-background` (tips) is moot
 * in a static image.
 */
function standaloneAttributes(svg: Element, fontSize: number): void {
  for (const s of Array.from(svg.querySelectorAll('style'))) s.remove()
  // Tips appear on pointer hover only: in a static image they are empty groups filled with a CSS variable.
  for (const g of Array.from(svg.querySelectorAll('[aria-label="tip"]'))) g.remove()
  svg.removeAttribute('style')
  svg.removeAttribute('class')
  svg.setAttribute('font-family', EXPORT_FONT_FAMILY)
  svg.setAttribute('font-size', String(fontSize))
  svg.setAttribute('color', SLIDE.text)
}
