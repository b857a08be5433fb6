/**
 * Reproducible outputs through the front door on a real workspace (the sample, two institutions renamed with & < "
 * and control characters): an exported PNG and SVG carry their setup, well-formed (every PNG CRC checked with zlib's
 * own crc32, the SVG through a strict XML parser); reproducing them is identical; after a source file is deleted
 * the reproduction names the figures that moved and the missing file.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { crc32 as zlibCrc32 } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import { PROVENANCE_KEY, decodeProvenance, type Provenance } from '../../../shared/provenance'
import { strictXmlText } from '../export/hostileText.testdata'
import { invoke } from '../invoke'
import { writeReport } from '../export/report'
import { pngText, readProvenance, svgText } from './readProvenance'
import JSZip from 'jszip'

const NAMES = ['St. Mary’s Hospital & Medical Center', 'Children\'s <Care> & "Research"\u0007\u0001 東京 🏥']

let t: TestWorkspace
let request: { institutionIds: number[]; convention: 'followers_at_post'; preset: 'last90' }
let thirdName = ''
let firstId = 0
const files: Record<string, string> = {}

/** Every chunk of a PNG: its type, and whether its CRC is what zlib computes. */
function pngChunks(png: Buffer): { type: string; crcOk: boolean; data: Buffer }[] {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  const out: { type: string; crcOk: boolean; data: Buffer }[] = []
  for (let at = 8; at < png.length;) {
    const len = png.readUInt32BE(at)
    const typeAndData = png.subarray(at + 4, at + 8 + len)
    out.push({
      type: typeAndData.toString('latin1', 0, 4),
      crcOk: zlibCrc32(typeAndData) === png.readUInt32BE(at + 8 + len),
      data: typeAndData.subarray(4)
    })
    at += 12 + len
  }
  return out
}

beforeAll(async () => {
  t = await openTestWorkspace('sb-reproduce-')
  await invoke(t.engine, 'loadSample')
  const [a, b, c] = await invoke(t.engine, 'listInstitutions')
  thirdName = c.name
  firstId = a.institutionId
  await invoke(t.engine, 'updateInstitution', { institutionId: a.institutionId, name: NAMES[0] })
  await invoke(t.engine, 'updateInstitution', { institutionId: b.institutionId, name: NAMES[1] })
  request = {
    institutionIds: [a.institutionId, b.institutionId, c.institutionId],
    convention: 'followers_at_post',
    preset: 'last90'
  }
  for (const format of ['png', 'svg'] as const) {
    const out = await invoke(t.engine, 'exportChart', { request, chartId: 'engagement', format, size: 'slide1280' })
    files[format] = t.file(out.fileName, Buffer.from(out.bytes))
  }
  for (const format of ['xlsx', 'parquet'] as const) {
    const out = await invoke(t.engine, 'exportChartData', { request, chartId: 'followers', format })
    files[format] = t.file(out.fileName, Buffer.from(out.bytes))
  }
  const deck = await invoke(t.engine, 'exportDeck', { request, slides: [{ chartId: 'engagement' }], aspect: '16:9' })
  files.pptx = t.file(deck.fileName, Buffer.from(deck.bytes))
  const report = await writeReport(t.engine, { outDir: join(t.root, 'report'), formats: ['csv'], request })
  files.csv = report.files.find((f) => f.endsWith('04-engagement.csv'))!
}, 180_000)
afterAll(() => t.dispose())

describe('exports carry their setup', () => {
  let setup: Provenance
  beforeAll(async () => {
    setup = await readProvenance(files.png)
  })

  it('records institutions, the resolved range, platforms, convention, version and every source’s SHA-256', async () => {
    // Exactly, control characters, CJK and emoji included.
    expect(setup.setup.institutions.map((i) => i.name).sort()).toEqual([...NAMES, thirdName].sort())
    expect(setup.request).toMatchObject({ preset: 'custom', from: setup.setup.from, to: setup.setup.to })
    expect(setup.setup.convention).toBe('followers_at_post')
    expect(setup.app.version).toMatch(/^\d+\.\d+\.\d+/)
    expect(setup.artefact).toEqual({ kind: 'chart', id: 'engagement', format: 'png' })
    const datasets = await invoke(t.engine, 'listDatasets')
    expect(setup.sources.length).toBeGreaterThan(0)
    for (const s of setup.sources) {
      const d = datasets.find((x) => x.id === s.importId)
      expect(d && [d.fileName, d.sha256]).toEqual([s.fileName, s.sha256])
    }
    expect(Object.keys(setup.numbers.summary)).toContain(`${NAMES[1]} / engagement_rate.followers_at_post`)
    expect(Object.keys(setup.numbers.charts)).toContain('engagement')
  })

  it('a well-formed PNG: every CRC right, one ASCII tEXt chunk before IEND', async () => {
    const chunks = pngChunks(Buffer.from(await import('node:fs/promises').then((f) => f.readFile(files.png))))
    expect(chunks.every((c) => c.crcOk)).toBe(true)
    expect(chunks.at(-1)?.type).toBe('IEND')
    const text = chunks.filter((c) => c.type === 'tEXt')
    expect(text).toHaveLength(1)
    const [keyword, value] = text[0].data.toString('latin1').split('\0')
    expect(keyword).toBe(PROVENANCE_KEY)
    expect(/^[\x20-\x7e]*$/.test(value)).toBe(true)
    expect(decodeProvenance(value).setup.institutions.map((i) => i.name)).toContain(NAMES[1])
  })

  it('a well-formed SVG whose <metadata> gives the names back exactly', async () => {
    const svg = (await import('node:fs/promises').then((f) => f.readFile(files.svg))).toString('utf8')
    expect(() => strictXmlText(svg)).not.toThrow()
    const back = decodeProvenance(svgText(svg)!)
    expect(back.setup.institutions.map((i) => i.name)).toContain(NAMES[1])
    expect(back.numbers).toEqual(setup.numbers)
    expect(pngText(new Uint8Array([1, 2, 3]))).toBeNull()
  })
})

describe('decks and data files carry it too', () => {
  it('a deck: a custom document property in well-formed XML, and the setup in the title slide’s notes', async () => {
    const zip = await JSZip.loadAsync(await import('node:fs/promises').then((f) => f.readFile(files.pptx)))
    const custom = await zip.file('docProps/custom.xml')!.async('string')
    expect(() => strictXmlText(custom)).not.toThrow()
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('PartName="/docProps/custom.xml"')
    expect(await zip.file('_rels/.rels')!.async('string')).toContain('Target="docProps/custom.xml"')
    const notes = await zip.file('ppt/notesSlides/notesSlide1.xml')!.async('string')
    expect(() => strictXmlText(notes)).not.toThrow()
    expect(strictXmlText(notes).join(' ')).toMatch(/Reproduce: socialbench reproduce .*Source files \(SHA-256\)/s)
    const back = await readProvenance(files.pptx)
    expect([back.artefact, back.setup.institutions.map((i) => i.name)]).toEqual([
      { kind: 'deck', id: null, format: 'pptx' },
      expect.arrayContaining(NAMES)
    ])
  })

  it('a workbook and a Parquet file as metadata; a CSV through its sidecar', async () => {
    expect((await readProvenance(files.xlsx)).artefact).toEqual({ kind: 'chartData', id: 'followers', format: 'xlsx' })
    expect((await readProvenance(files.parquet)).artefact).toEqual({
      kind: 'chartData',
      id: 'followers',
      format: 'parquet'
    })
    expect((await readProvenance(files.csv)).artefact).toEqual({ kind: 'chartData', id: 'engagement', format: 'csv' })
    // The CSV itself is only the table: header first, nothing after the rows.
    const csv = (await import('node:fs/promises').then((f) => f.readFile(files.csv, 'utf8'))).split('\r\n')
    expect(csv[0]).toMatch(/^\uFEFFinstitution,week,/)
    expect(csv.at(-1)).toBe('')
  })
})

describe('reproduce', () => {
  it('is identical on the same workspace, for every kind of file', async () => {
    for (const f of [files.png, files.svg, files.pptx, files.xlsx, files.parquet, files.csv]) {
      const r = await invoke(t.engine, 'reproduce', { path: f })
      expect([r.identical, r.differences]).toEqual([true, []])
      expect(r.checked).toBeGreaterThan(20)
      expect(r.sources.every((s) => s.status === 'same')).toBe(true)
    }
  })

  it('refuses a file without a setup, naming it', async () => {
    const plain = t.file('plain.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>')
    const r = await t.engine.call('reproduce', { path: plain })
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/^plain\.svg: carries no Socialbench setup/)
    })
    const damaged = join(t.root, 'damaged.svg')
    writeFileSync(damaged, `<svg><metadata id="${PROVENANCE_KEY}">{"format":1}</metadata></svg>`)
    const d = await t.engine.call('reproduce', { path: damaged })
    expect(d.ok ? null : d.error.message).toMatch(/^damaged\.svg: its Socialbench setup is damaged/)
  })

  it('a deleted source file is named missing; its rows stay, so the numbers do too', async () => {
    const setup = await readProvenance(files.png)
    const datasets = await invoke(t.engine, 'listDatasets')
    const victim = datasets.find((d) => d.id === setup.sources[0].importId)!
    await invoke(t.engine, 'deleteDataset', { datasetId: victim.id })
    const r = await invoke(t.engine, 'reproduce', { path: files.svg })
    expect(r.identical).toBe(true)
    expect(r.sources.filter((s) => s.status !== 'same')).toEqual([
      { fileName: victim.fileName, sha256: victim.sha256, status: 'missing' }
    ])
  })

  it('after the data changes: not identical, and the figures and charts that moved are named', async () => {
    // One of the first institution's accounts taken out of it: its posts and followers leave the benchmark.
    const account = (await invoke(t.engine, 'listAccounts')).find((a) => a.institutionId === firstId)!
    await invoke(t.engine, 'assignAccount', { accountId: account.accountId, institutionId: null })
    const r = await invoke(t.engine, 'reproduce', { path: files.png })
    expect(r.identical).toBe(false)
    expect(r.differences.map((d) => d.name)).toContain(`${NAMES[0]} / posts`)
    expect(r.differences.map((d) => d.name)).toContain('chart engagement (data table)')
    const posts = r.differences.find((d) => d.name === `${NAMES[0]} / posts`)!
    expect(Number(posts.now)).toBeLessThan(Number(posts.recorded))
  })
})
