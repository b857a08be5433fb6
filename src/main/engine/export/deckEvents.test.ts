/**
 * Events on the deck's editable charts. pptxgenjs cannot put rules at dates on a native chart, and shapes laid over
 * one drift once someone edits it, so the editable slide lists the events in range under the chart and in its notes
 * (the image slide before it draws them in place). Read back from the deck's XML.
 */
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import type { TimelineEvent } from '../../../shared/timeline'
import { buildDeck, nativeEventsLine } from './deck'
import { strictXmlText } from './hostileText.testdata'
import { fixtureResult, fixtureSeries } from './fixture.testdata'

const event = (eventId: number, start: string, end: string | null, title: string): TimelineEvent => ({
  eventId,
  start,
  end,
  title,
  kind: 'campaign',
  institutionId: null,
  institutionName: null,
  source: 'https://example.org/calendar',
  notes: null,
  observance: null
})

async function slidesAndNotes(pptx: Uint8Array) {
  const zip = await JSZip.loadAsync(pptx)
  const read = async (re: RegExp) =>
    Promise.all(
      Object.keys(zip.files)
        .filter((n) => re.test(n))
        .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]))
        .map(async (n) => strictXmlText(await zip.files[n].async('string')).join(' '))
    )
  return {
    slides: await read(/^ppt\/slides\/slide\d+\.xml$/),
    notes: await read(/^ppt\/notesSlides\/notesSlide\d+\.xml$/)
  }
}

describe('events on the editable charts', () => {
  it('are listed under the chart and in the notes, those out of range left out', async () => {
    const result = fixtureResult()
    const { from, to } = result.scope
    result.events = [
      event(1, from, null, 'Flu <jab> & "drive"'),
      event(2, to, null, 'Ward opening'),
      event(3, '1999-01-01', '1999-01-31', 'Long ago')
    ]
    const { pptx } = await buildDeck({ result, series: fixtureSeries(), slides: [{ chartId: 'engagement' }] })
    const { slides, notes } = await slidesAndNotes(pptx)
    const editable = slides.findIndex((s) => s.includes('(editable chart)'))
    expect(editable).toBeGreaterThan(0)
    expect(slides[editable]).toContain(
      `Events (drawn on the image slide before): ${from} Flu <jab> & "drive" · ${to} Ward opening`
    )
    expect(slides[editable]).not.toContain('Long ago')
    expect(notes[editable]).toContain('this editable chart cannot draw them')
    expect(notes[editable]).toContain(`${from} Flu <jab> & "drive" (campaign) · https://example.org/calendar`)
    expect(notes[editable]).not.toContain('Long ago')
    // Listed once there, not again by the methodology lines above them.
    expect(notes[editable].split('Ward opening')).toHaveLength(2)
    // The image slide before it draws them; its notes (the chart's methodology) list them as the app's panel does.
    const picture = notes[editable - 1].replace(/\s+/g, ' ')
    expect(picture).toContain(`Events: ${from}: Flu <jab> & "drive" (campaign) — source: https://example.org/calendar`)
    expect(picture).toContain(`${to}: Ward opening (campaign)`)
    expect(picture).not.toContain('Long ago')
  })

  it('say nothing when there are none, or when events are off', async () => {
    const result = fixtureResult()
    result.events = []
    const { slides, notes } = await slidesAndNotes(
      (await buildDeck({ result, series: fixtureSeries(), slides: [{ chartId: 'engagement' }] })).pptx
    )
    expect(slides.join(' ')).not.toContain('Events (drawn')
    expect(notes.join(' ')).not.toContain('cannot draw them')
    expect(notes.join(' ')).toContain('Events: none in this range')
    const off = fixtureResult()
    off.scope.showEvents = false
    const offNotes = (
      await slidesAndNotes(
        (await buildDeck({ result: off, series: fixtureSeries(), slides: [{ chartId: 'engagement' }] })).pptx
      )
    ).notes
    expect(offNotes.join(' ')).toContain('Events: not drawn (turned off in the controls)')
  })

  it('keep the slide line short: six, then how many more the notes list', () => {
    const many = Array.from({ length: 9 }, (_, i) => event(i + 1, `2024-03-0${i + 1}`, null, `E${i + 1}`))
    expect(nativeEventsLine(many)).toBe(
      'Events (drawn on the image slide before): 2024-03-01 E1 · 2024-03-02 E2 · 2024-03-03 E3 · 2024-03-04 E4 · 2024-03-05 E5 · 2024-03-06 E6 · and 3 more in the notes'
    )
  })
})
