/**
 * The exported heatmap's legend is drawn outside Plot (Node has no canvas for Plot's ramp), so it must follow the
 * cells' own colour rule: each swatch has the opacity of a slot with that many posts, read from the same SVG.
 */
import { describe, expect, it } from 'vitest'
import { headlessDocument } from './composeSvg'
import { fixtureResult, fixtureSeries } from './fixture.testdata'
import { chartSvg } from './renderChart'

const result = fixtureResult()
const series = fixtureSeries()

function parse(svg: string): Element {
  const holder = headlessDocument().createElement('div')
  holder.innerHTML = svg
  return holder.firstElementChild as Element
}

describe('exported heatmap legend', () => {
  it.each(['slide1280', 'chart'] as const)(
    'swatches have the opacity of cells with the same post count (%s)',
    (size) => {
      const svg = parse(chartSvg({ result, series, chartId: 'heatmap', size, chartWidth: 976 }).svg)
      const legend = svg.querySelector('g[aria-label="Posts per slot"]')
      expect(legend).not.toBeNull()
      const swatches = Array.from(legend!.querySelectorAll('rect')).map((r) => ({
        posts: Number(r.querySelector('title')?.textContent),
        opacity: Number(r.getAttribute('fill-opacity'))
      }))

      // The cells as drawn: one cell mark per institution, in legend order, its rects in the order of its rows.
      const cellMarks = Array.from(svg.querySelectorAll('g[aria-label="cell"]'))
      expect(cellMarks).toHaveLength(result.scope.institutions.length)
      const cells = result.scope.institutions.flatMap((inst, k) => {
        const rows = series.heatmap.filter((r) => r.institution === inst.name)
        const rects = Array.from(cellMarks[k].querySelectorAll('rect'))
        expect(rects).toHaveLength(rows.length)
        return rows.map((r, i) => ({ posts: r.posts, opacity: Number(rects[i].getAttribute('fill-opacity') ?? 1) }))
      })
      const max = Math.max(...cells.map((c) => c.posts))

      // The legend runs from 1 post (empty slots are not drawn) to the busiest slot.
      expect(swatches[0].posts).toBe(1)
      expect(swatches.at(-1)?.posts).toBe(max)
      let compared = 0
      for (const s of swatches) {
        const same = cells.filter((c) => c.posts === s.posts)
        for (const c of same) expect(s.opacity, `${s.posts} posts`).toBeCloseTo(c.opacity, 3)
        compared += same.length
      }
      // The fixture has slots with 1 to 6 posts: every swatch is checked against real cells.
      expect(new Set(swatches.map((s) => s.posts)).size).toBe(swatches.length)
      expect(compared).toBeGreaterThan(swatches.length)
      expect(swatches.every((s) => cells.some((c) => c.posts === s.posts))).toBe(true)
    }
  )
})
