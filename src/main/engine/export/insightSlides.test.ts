/**
 * Content mix and topics as native table slides, through the front door on the sample: one slide of kinds per
 * institution (share of posts and median interactions, the channel's numbers), topics as columns with each
 * institution's share and its rate against the peer median; every table slide's speaker notes carry the methods
 * and the setup (the reproduce line and the SHA-256 of every source file).
 */
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import { fmtInt, fmtPct } from '../../../shared/charts/plotOptions'
import { POST_KIND_LABELS } from '../../../shared/contentMix'
import { formatPoints } from '../../../shared/insight'
import { invoke } from '../invoke'
import { strictXmlText } from './hostileText.testdata'

let t: TestWorkspace
let request: { institutionIds: number[]; convention: 'followers_at_post'; preset: 'last90' }
let zip: JSZip
let slides = 0
/** The slide's text runs, well-formed XML checked on the way (the whitespace between elements left out). */
const slideText = async (n: number) =>
  strictXmlText(await zip.file(`ppt/slides/slide${n}.xml`)!.async('string')).filter((x) => x.trim())
const notesText = async (n: number) =>
  strictXmlText(await zip.file(`ppt/notesSlides/notesSlide${n}.xml`)!.async('string')).join('\n')

beforeAll(async () => {
  t = await openTestWorkspace('sb-insight-slides-')
  await invoke(t.engine, 'loadSample')
  const [a, b, c] = await invoke(t.engine, 'listInstitutions')
  request = {
    institutionIds: [a.institutionId, b.institutionId, c.institutionId],
    convention: 'followers_at_post',
    preset: 'last90'
  }
  await invoke(t.engine, 'saveTopic', { name: 'Vaccination', keywords: ['vaccin', 'flu shot'] })
  await invoke(t.engine, 'saveTopic', { name: 'Research', keywords: ['research', 'study', 'trial'] })
  const deck = await invoke(t.engine, 'exportDeck', {
    request,
    aspect: '16:9',
    slides: [{ tableId: 'contentMix' }, { tableId: 'topics' }, { tableId: 'vendorConventions' }]
  })
  slides = deck.slides ?? 0
  zip = await JSZip.loadAsync(deck.bytes)
}, 180_000)
afterAll(() => t.dispose())

describe('content mix and topics on slides', () => {
  it('content mix: a native table, a row per institution, each kind’s share of posts and median interactions', async () => {
    const mix = await invoke(t.engine, 'contentMix', { request })
    const text = await slideText(2)
    expect(text[0]).toBe('Content mix: posts and engagement by kind of post')
    expect(await zip.file('ppt/slides/slide2.xml')!.async('string')).toContain('<a:tbl>')
    for (const i of mix.institutions) {
      expect(text).toContain(i.name)
      for (const k of i.kinds) {
        expect(text).toContain(POST_KIND_LABELS[k.kind])
        expect(text).toContain(`${fmtPct(k.postShare, 0)} · ${fmtInt(k.medianInteractions)}`)
      }
    }
  })

  it('topics: a column per topic, each institution’s share and its rate against the peer median', async () => {
    const r = await invoke(t.engine, 'topicReport', { request })
    const text = await slideText(3)
    expect(text[0]).toBe('Topics: share of posts, engagement vs the peer median, share of voice')
    expect(text).toEqual(expect.arrayContaining(['Research', 'Vaccination', 'Median across institutions']))
    for (const i of r.institutions)
      for (const row of i.topics) {
        const vs = row.vsPeer === null ? '—' : `${formatPoints(row.vsPeer)} pts`
        expect(text).toContain(`${fmtPct(row.share, 1)} · ${vs}`)
      }
  })

  it('the speaker notes of every table slide carry the methods and the setup', async () => {
    const setup = await import('../reproduce/readProvenance').then(async (m) => {
      const path = t.file('deck.pptx', Buffer.from(await zip.generateAsync({ type: 'uint8array' })))
      return m.readProvenance(path)
    })
    expect(slides).toBeGreaterThanOrEqual(5) // title, mix, topics, a vendor slide per platform
    for (let n = 2; n <= slides; n++) {
      const notes = await notesText(n)
      expect(notes).toContain('Reproduce: socialbench reproduce')
      for (const s of setup.sources) expect(notes).toContain(s.sha256)
    }
    expect(await notesText(2)).toContain('Median interactions: half of the posts')
    expect(await notesText(3)).toContain('Topic “Vaccination”: vaccin, flu shot')
  })
})
