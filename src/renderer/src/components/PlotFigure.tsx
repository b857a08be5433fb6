import * as Plot from '@observablehq/plot'
import { useLayoutEffect, useRef } from 'react'
import { queueDraw } from './drawBatch'
import { withoutMarkLabels } from './plotAccessibility'

interface PlotFigureProps {
  /** Plot options for a given width; a new function (new data, theme or option) redraws the chart. */
  build: (width: number) => Plot.PlotOptions
  className?: string
  /**
   * A click on the plot area, as data: the x and y the pointer was at (the chart's own scales inverted). Charts that
   * explain a period take it; the same choice is offered to the keyboard by a picker next to the chart.
   */
  onPick?: (x: unknown, y: unknown) => void
}

type ScaledChart = (SVGSVGElement | HTMLElement) & Plot.Plot

/** The data under a pointer event on a Plot chart, or null off the plot area. */
function pickAt(chart: ScaledChart, e: MouseEvent): [unknown, unknown] | null {
  const svg = chart instanceof SVGSVGElement ? chart : [...chart.querySelectorAll(':scope > svg')].at(-1)
  if (!(svg instanceof SVGSVGElement)) return null
  const box = svg.getBoundingClientRect()
  const width = Number(svg.getAttribute('width')) || box.width
  const height = Number(svg.getAttribute('height')) || box.height
  const px = ((e.clientX - box.left) * width) / box.width
  const py = ((e.clientY - box.top) * height) / box.height
  const x = chart.scale('x')
  const y = chart.scale('y')
  if (!x?.invert || !y?.invert || !x.range || !y.range) return null
  const [x0, x1] = [Math.min(...(x.range as number[])), Math.max(...(x.range as number[]))]
  const [y0, y1] = [Math.min(...(y.range as number[])), Math.max(...(y.range as number[]))]
  if (px < x0 || px > x1 || py < y0 || py > y1) return null
  return [x.invert(px), y.invert(py)]
}

/**
 * Draws one Observable Plot chart into a div and redraws it when its width changes (ResizeObserver), so charts are as
 * wide as their column at 1280 px and on a 4K screen. The first draw is queued from a layout effect and runs with the
 * other charts of the same commit: before the browser paints when on screen, right after when further down
 * (drawBatch); the dashboard's render timer waits for the ones on screen.
 */
export function PlotFigure({ build, className, onPick }: PlotFigureProps) {
  const host = useRef<HTMLDivElement>(null)
  const drawnWidth = useRef(0)
  // The latest handler, read at click time: a new handler must not redraw the chart.
  const pick = useRef(onPick)
  useLayoutEffect(() => {
    pick.current = onPick
  }, [onPick])

  useLayoutEffect(() => {
    const el = host.current
    if (!el) return
    let labels: MutationObserver | null = null
    const draw = (width: number) => {
      drawnWidth.current = width
      const chart = withoutMarkLabels(Plot.plot(build(width)))
      // Plot draws a tip's group (aria-label "tip", no role) when the pointer rests on a point: strip it as it comes.
      labels?.disconnect()
      labels = new MutationObserver(() => withoutMarkLabels(chart))
      labels.observe(chart, { childList: true, subtree: true })
      chart.addEventListener('click', (e) => {
        const at = pick.current ? pickAt(chart as ScaledChart, e as MouseEvent) : null
        if (at) pick.current?.(at[0], at[1])
      })
      el.replaceChildren(chart)
    }
    let live = true
    const first = Math.floor(el.clientWidth) || 640
    // The width it is about to be drawn at: the observer's first report must not queue a second draw of a chart
    // whose first one is deferred.
    drawnWidth.current = first
    queueDraw(el, () => {
      if (live) draw(first)
    })
    let frame = 0
    const observer = new ResizeObserver((entries) => {
      const width = Math.floor(entries[0]?.contentRect.width ?? 0)
      // Redraw only for real width changes (a few px of scrollbar jitter would otherwise loop).
      if (width > 0 && Math.abs(width - drawnWidth.current) > 4) {
        cancelAnimationFrame(frame)
        frame = requestAnimationFrame(() => draw(width))
      }
    })
    observer.observe(el)
    return () => {
      live = false
      observer.disconnect()
      labels?.disconnect()
      cancelAnimationFrame(frame)
    }
  }, [build])

  return <div ref={host} className={`${className ?? 'plot-host'}${onPick ? ' plot-pickable' : ''}`} />
}
