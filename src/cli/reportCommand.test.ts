/**
 * `socialbench report` (the real compiled command) on a workspace whose institutions carry names such as
 * "St. Mary's Hospital & Medical Center": every file is written and every SVG and deck part is well-formed XML.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openEngine } from '../main/engine/engine'
import { strictXmlText } from '../main/engine/export/hostileText.testdata'
import { invoke } from '../main/engine/invoke'

const BIN = resolve(__dirname, '../../bin/socialbench.cjs')
const REPORT_CHARTS = [
  '01-followers',
  '02-indexed',
  '03-channelDaily',
  '04-engagement',
  '05-postsWeekly',
  '06-heatmap',
  '07-shareOfVoice'
]
const NAMES = ["St. Mary's Hospital & Medical Center", 'Children\'s <Care> & "Research"\u0007']

let root = ''
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sb-report-'))
  const engine = await openEngine(join(root, 'ws'))
  try {
    await invoke(engine, 'loadSample')
    const [a, b] = await invoke(engine, 'listInstitutions')
    await invoke(engine, 'updateInstitution', { institutionId: a.institutionId, name: NAMES[0] })
    await invoke(engine, 'updateInstitution', { institutionId: b.institutionId, name: NAMES[1] })
  } finally {
    engine.close()
  }
}, 120_000)
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('socialbench report', () => {
  it('writes well-formed SVGs, PNGs and a deck when institution names hold & < " and control characters', async () => {
    const out = join(root, 'out')
    const run = await new Promise<{ code: number; stderr: string }>((done) =>
      execFile(
        process.execPath,
        [BIN, 'report', '--workspace', join(root, 'ws'), '--out', out, '--formats', 'svg,png,pptx'],
        { timeout: 180_000 },
        (err, _stdout, stderr) => done({ code: err ? Number(err.code ?? -1) : 0, stderr })
      )
    )
    expect(run).toEqual({ code: 0, stderr: '' })
    const files = readdirSync(out)
    const svgs = files.filter((f) => f.endsWith('.svg')).sort()
    // Every dashboard chart, by name: a chart dropped from (or added to) the report is a visible choice here.
    expect(svgs).toEqual(REPORT_CHARTS.map((c) => `${c}.svg`))
    expect(files.filter((f) => f.endsWith('.png')).sort()).toEqual(REPORT_CHARTS.map((c) => `${c}.png`))
    for (const f of svgs) {
      const texts = strictXmlText(readFileSync(join(out, f), 'utf8'))
      expect(texts, f).toContain(NAMES[0])
      expect(texts, f).toContain('Children\'s <Care> & "Research"')
    }
    const zip = await JSZip.loadAsync(readFileSync(join(out, 'benchmark.pptx')))
    for (const part of Object.keys(zip.files).filter((p) => /\.(xml|rels)$/.test(p))) {
      const xml = await zip.file(part)!.async('string')
      expect(() => strictXmlText(xml), part).not.toThrow()
    }
  }, 240_000)
})
