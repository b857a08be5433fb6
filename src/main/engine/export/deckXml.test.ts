/**
 * The deck read back as XML (the parts PowerPoint and LibreOffice read): long titles wrap and shrink inside their
 * box, the editable share-of-voice chart keeps the dashboard's order with its first measure on top and percentage
 * labels, and the editable line charts' date labels start inside the range and are thinned to about eight.
 */
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { buildDeck, titleFontSize } from './deck'
import { fixtureResult, fixtureSeries } from './fixture.testdata'
import { MAX_DATE_LABELS } from './nativeCharts'

async function parts(pptx: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(pptx)
  const out = new Map<string, string>()
  for (const name of Object.keys(zip.files))
    if (name.endsWith('.xml')) out.set(name, await zip.files[name].async('string'))
  return out
}
const charts = (p: Map<string, string>) => [...p].filter(([n]) => n.startsWith('ppt/charts/chart')).map(([, x]) => x)
const catLabels = (xml: string) => {
  const cat = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(xml)?.[1] ?? ''
  return [...cat.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1])
}

describe('the deck as XML', () => {
  it('a long title wraps and shrinks inside the slide', async () => {
    const long =
      'Engagement of the eight teaching hospitals of the northern region, quarter one, all platforms combined'
    const { pptx } = await buildDeck({
      result: fixtureResult(),
      series: fixtureSeries(),
      slides: [{ chartId: 'engagement', title: long }],
      title: long,
      date: '2024-04-02'
    })
    const p = await parts(pptx)
    const slides = [...p].filter(([n]) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).map(([, x]) => x)
    for (const xml of [slides[0], slides[2]]) {
      const shape = xml.split('<p:sp>').find((sp) => sp.includes(long.slice(0, 40))) ?? ''
      expect(shape).toMatch(/<a:bodyPr[^>]*wrap="square"/)
      expect(shape).toContain('<a:normAutofit')
      // Two lines at most at the chosen size: smaller than the short-title size.
      const size = Number(/sz="(\d+)"/.exec(shape)?.[1]) / 100
      expect(size).toBeLessThan(xml === slides[0] ? 40 : 26)
    }
    expect(titleFontSize('Engagement rate (editable chart)', 12.333, 26, 14)).toBe(26)
  })

  it('share of voice: the institutions in order, first measure on top, percentages', async () => {
    const result = fixtureResult()
    const { pptx } = await buildDeck({
      result,
      series: fixtureSeries(),
      slides: [{ chartId: 'shareOfVoice' }],
      date: '2024-04-02'
    })
    const [xml] = charts(await parts(pptx))
    const series = [...xml.matchAll(/<c:ser>[\s\S]*?<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1])
    expect(series).toEqual(result.scope.institutions.map((i) => i.name))
    expect(xml).toMatch(/<c:catAx>[\s\S]*<c:orientation val="maxMin"\/>/)
    expect(xml).toMatch(/<c:dLbls>[\s\S]*<c:numFmt formatCode="0%"/)
    expect(xml).toContain('<c:showVal val="1"/>')
    // Values are shares (0..1), so the labels read 25%, not 2500%.
    const values = [...xml.matchAll(/<c:val>[\s\S]*?<\/c:val>/g)].flatMap((m) =>
      [...m[0].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => Number(v[1]))
    )
    expect(Math.max(...values)).toBeLessThanOrEqual(1)
  })

  it('date labels start inside the range and show about eight of them', async () => {
    const result = fixtureResult()
    // A range starting on a Wednesday: its first week starts the Monday before.
    result.scope.from = '2024-01-03'
    const { pptx } = await buildDeck({
      result,
      series: fixtureSeries(),
      slides: [{ chartId: 'engagement' }, { chartId: 'postsWeekly' }],
      date: '2024-04-02'
    })
    for (const xml of charts(await parts(pptx))) {
      const labels = catLabels(xml)
      expect(labels.length).toBeGreaterThan(MAX_DATE_LABELS)
      expect(labels[0]).toBe('2024-01-03')
      expect(labels.every((l) => l >= '2024-01-03')).toBe(true)
      const skip = Number(/<c:tickLblSkip val="(\d+)"/.exec(xml)?.[1])
      expect(skip).toBe(Math.ceil(labels.length / MAX_DATE_LABELS))
    }
  })
})
