import * as Plot from '@observablehq/plot'
import { useLayoutEffect, useRef } from 'react'
import { queueDraw } from './drawBatch'
import { withoutMarkLabels } from './plotAccessibility'

interface PlotFigureProps {
  /** Plot options for a given width; a new function (new data, theme or option) redraws the chart. */
  build: (width: number) => Plot.PlotOptions
  className?: string
}

/**
 * Draws one Observable Plot chart into a div and redraws it when its width changes (ResizeObserver), so charts are as
 * wide as their column at 1280 px and on a 4K screen. The first draw is queued from a layout effect and runs with the
 * other charts of the same commit: before the browser paints when on screen, right after when further down
 * (drawBatch); the dashboard's render timer waits for the ones on screen.
 */
export function PlotFigure({ build, className }: PlotFigureProps) {
  const host = useRef<HTMLDivElement>(null)
  const drawnWidth = useRef(0)

  useLayoutEffect(() => {
    const el = host.current
    if (!el) return
    const draw = (width: number) => {
      drawnWidth.current = width
      const chart = withoutMarkLabels(Plot.plot(build(width)))
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
      cancelAnimationFrame(frame)
    }
  }, [build])

  return <div ref={host} className={className ?? 'plot-host'} />
}
