/**
 * Names as a real export brings them, end to end through the front door: a CrowdTangle file whose Page names carry
 * "&", "<b>", quotes, emoji, Arabic with a right-to-left override and 200 characters is imported, its accounts are
 * assigned to institutions named the same way, and the benchmark, a chart's SVG, its CSV and XLSX data and a deck
 * are made from that workspace. hostileText.test.ts holds the export functions to any text on a fixed result; this
 * holds the path from the import to them (display names, labels, file names).
 */
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseCsv } from '../../../shared/csv.testdata'
import { openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import { invoke } from '../invoke'
import { strictXmlText } from './hostileText.testdata'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-names-')
})
afterEach(() => t.dispose())

const LONG = `Hôpital Universitaire Saint-${'Jean & Marie '.repeat(13)}`.slice(0, 200).trim()
const NAMES = ["St. Mary's Hospital & Medical Center", 'A <b>bold</b> "clinic"', 'مستشفى الأمل 😀 \u202eRTL', LONG]

const q = (v: string) => `"${v.replace(/"/g, '""')}"`
const HEADER = [
  'Page Name',
  'User Name',
  'Facebook Id',
  'Likes at Posting',
  'Followers at Posting',
  'Post Created',
  'Type',
  'Total Interactions',
  'Likes',
  'Comments',
  'Shares',
  'URL',
  'Message',
  'Overperforming Score'
]
function crowdtangleCsv(): string {
  const rows = NAMES.flatMap((name, k) =>
    [1, 8, 15, 22].map((day, i) => {
      const likes = 10 * (k + 1) + i
      return [
        name,
        `syntheticpage${k}`,
        `900000000000000${k}`,
        '1000',
        String(1000 + 100 * k + i),
        `2024-01-${String(day).padStart(2, '0')} 10:00:00 UTC`,
        'Photo',
        String(likes + 3),
        String(likes),
        '2',
        '1',
        `https://www.facebook.com/syntheticpage${k}/posts/9${k}0000000000${i}`,
        `${name} post ${i} =1+1 <i>&amp;</i>`,
        '1,0'
      ]
    })
  )
  return [HEADER, ...rows].map((r) => r.map(q).join(',')).join('\n') + '\n'
}

describe('hostile names from an import to every export', () => {
  it('keep every character from the file to the dashboard labels, SVG, CSV, XLSX and deck', async () => {
    const file = t.file('2024-02-01-10-00-00-UTC-search-csv-export.csv', crowdtangleCsv())
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: 'names' })
    expect(r.recognition?.format).toBe('crowdtangle-search')
    const accounts = await invoke(t.engine, 'listAccounts', undefined)
    expect(accounts.map((a) => a.displayName).sort()).toEqual([...NAMES].sort())

    const ids: number[] = []
    for (const [k, name] of NAMES.entries()) {
      const inst = await invoke(t.engine, 'createInstitution', { name })
      expect(inst.name).toBe(name)
      await invoke(t.engine, 'assignAccount', {
        accountId: `facebook:syntheticpage${k}`,
        institutionId: inst.institutionId
      })
      ids.push(inst.institutionId)
    }
    const request = {
      institutionIds: ids,
      preset: 'custom' as const,
      from: '2024-01-01',
      to: '2024-01-31',
      convention: 'followers_at_post' as const
    }
    const result = await invoke(t.engine, 'benchmark', request)
    const byName = <T extends { name: string }>(xs: T[]) => [...xs].sort((a, b) => a.name.localeCompare(b.name))
    expect(byName(result.scope.institutions).map((i) => i.name)).toEqual(
      byName(NAMES.map((name) => ({ name }))).map((i) => i.name)
    )
    expect(byName(result.summary).map((i) => [i.name, i.posts])).toEqual(
      byName(NAMES.map((name) => ({ name }))).map((i) => [i.name, 4])
    )

    const svg = new TextDecoder().decode(
      (await invoke(t.engine, 'exportChart', { request, chartId: 'engagement', format: 'svg', size: 'slide1280' }))
        .bytes
    )
    const svgText = strictXmlText(svg).join('\n')
    for (const name of NAMES.slice(0, 3)) expect(svgText).toContain(name)

    const csv = await invoke(t.engine, 'exportChartData', { request, chartId: 'shareOfVoice', format: 'csv' })
    const cells = parseCsv(new TextDecoder().decode(csv.bytes)).flat()
    for (const name of NAMES) expect(cells).toContain(name)
    const top = await invoke(t.engine, 'exportChartData', { request, chartId: 'topPosts', format: 'csv' })
    // The post texts keep "=1+1 <i>&amp;</i>" as written (they start with the name, not a formula starter).
    expect(
      parseCsv(new TextDecoder().decode(top.bytes))
        .flat()
        .some((c) => c.endsWith('=1+1 <i>&amp;</i>'))
    ).toBe(true)

    const xlsx = await JSZip.loadAsync(
      (await invoke(t.engine, 'exportChartData', { request, chartId: 'shareOfVoice', format: 'xlsx' })).bytes
    )
    const strings: string[] = []
    for (const part of Object.keys(xlsx.files).filter((p) => /\.(xml|rels)$/.test(p))) {
      strings.push(...strictXmlText(await xlsx.file(part)!.async('string')))
    }
    for (const name of NAMES) expect(strings).toContain(name)

    const deck = await invoke(t.engine, 'exportDeck', {
      request,
      aspect: '16:9',
      slides: [{ chartId: 'engagement' }, { chartId: 'shareOfVoice' }]
    })
    const pptx = await JSZip.loadAsync(deck.bytes)
    const deckText: string[] = []
    for (const part of Object.keys(pptx.files).filter((p) => /\.(xml|rels)$/.test(p))) {
      const xml = await pptx.file(part)!.async('string')
      expect(() => strictXmlText(xml), part).not.toThrow()
      deckText.push(...strictXmlText(xml))
    }
    expect(deckText.join('\n')).toContain(NAMES[0])
  }, 120_000)
})
