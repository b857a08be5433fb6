/**
 * The explained period marked on the chart it was picked from, drawn with Plot in a headless document from the
 * export fixture: a band over exactly the period's days behind the lines, in the institution's colour, and a ring on
 * the institution's own point (the week's rate, the day's channel figure); a week on the daily channel chart has no
 * one point, so only the band; charts without a time of their own ignore it.
 */
import { describe, expect, it } from 'vitest'
import { buildChart, chartContext, DEFAULT_CHART_OPTIONS } from '../../../shared/charts/buildChart'
import { HIGHLIGHT_LABEL, type PeriodHighlight } from '../../../shared/charts/periodHighlight'
import { headlessDocument, renderPlot } from './composeSvg'
import { FIXTURE_INSTITUTIONS, fixtureResult, fixtureSeries } from './fixture.testdata'

const result = fixtureResult()
const series = fixtureSeries()
const beta = FIXTURE_INSTITUTIONS[1]

function draw(id: 'engagement' | 'channelDaily' | 'postsWeekly', explained?: PeriodHighlight) {
  const built = buildChart(id, result, series, chartContext(result, 800, 'light'), {
    ...DEFAULT_CHART_OPTIONS,
    channelMetric: 'views',
    explained
  })
  const svg = renderPlot({ ...built.options, style: undefined }, headlessDocument())
  const band = svg.querySelector(`g[aria-description="${HIGHLIGHT_LABEL}"] rect`)
  const ring = svg.querySelector(`g[aria-description="${HIGHLIGHT_LABEL}: point"] circle`)
  return { built, svg, band, ring }
}

const num = (el: Element | null, a: string) => Number(el?.getAttribute(a))
/** A constant paint is set on the mark's group, a channel's on each element. */
const paint = (el: Element | null, a: 'fill' | 'stroke') => el?.getAttribute(a) ?? el?.parentElement?.getAttribute(a)

describe('the explained period on its chart', () => {
  it('engagement: a band over the Monday-to-Sunday week in the institution’s colour, a ring on its weekly point', () => {
    const week = { institution: beta.name, start: '2024-02-05', end: '2024-02-11', unit: 'week' as const }
    const { band, ring, built, svg } = draw('engagement', week)
    expect(paint(band, 'fill')).toBe(beta.color)
    // The band sits behind every line and dot: first mark drawn.
    const marks = Array.from(svg.querySelectorAll('g[aria-label]')).map(
      (g) => g.getAttribute('aria-description') ?? g.getAttribute('aria-label')
    )
    expect(marks.indexOf(HIGHLIGHT_LABEL)).toBeGreaterThan(-1)
    expect(marks.indexOf(HIGHLIGHT_LABEL)).toBeLessThan(marks.indexOf('line'))
    // 7 days of a 91-day range (2024-01-01 to 2024-03-31) across the plot's inner width.
    // The plot's inner width, from a grid line drawn across it.
    const grid = svg.querySelector('g[aria-label="y-grid"] line')
    const inner = num(grid, 'x2') - num(grid, 'x1')
    expect(num(band, 'width')).toBeCloseTo((inner * 7) / 90, 1)
    expect(num(band, 'x')).toBeCloseTo(num(grid, 'x1') + (inner * 35) / 90, 1) // 2024-02-05 is day 35
    const o = built.options
    // The ring is on Beta's dot of that week: the same position as one of the dots drawn in its colour.
    expect(paint(ring, 'stroke')).toBe(beta.color)
    const dots = Array.from(svg.querySelectorAll('g[aria-label="dot"] circle'))
    const at = `${ring?.getAttribute('cx')},${ring?.getAttribute('cy')}`
    expect(dots.some((d) => `${d.getAttribute('cx')},${d.getAttribute('cy')}` === at)).toBe(true)
    expect(String(o.ariaDescription)).toContain(`Highlighted: ${beta.name}, week 2024-02-05 to 2024-02-11`)
  })

  it('channel chart: a day gets a band and a ring; a week only the band; no highlight, neither', () => {
    const day = draw('channelDaily', { institution: beta.name, start: '2024-03-04', end: '2024-03-04', unit: 'day' })
    expect([Boolean(day.band), Boolean(day.ring)]).toEqual([true, true])
    const week = draw('channelDaily', { institution: beta.name, start: '2024-03-04', end: '2024-03-10', unit: 'week' })
    expect([Boolean(week.band), Boolean(week.ring)]).toEqual([true, false])
    expect(num(week.band, 'width')).toBeCloseTo(7 * num(day.band, 'width'), 0)
    const none = draw('channelDaily')
    expect([none.band, none.ring]).toEqual([null, null])
  })

  it('a chart the period was not picked from draws no highlight', () => {
    const other = draw('postsWeekly', { institution: beta.name, start: '2024-02-05', end: '2024-02-11', unit: 'week' })
    expect(other.band).toBeNull()
  })
})
