/**
 * The deck opens in LibreOffice Impress: converted to PDF headless, it has one page per slide and every page has
 * content (chart pages show institution colours). CI installs libreoffice-impress and poppler-utils (.ci/run);
 * without soffice locally the test says why it skipped.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { EXPORT_CHART_IDS } from '../../../shared/export'
import { buildDeck } from './deck'
import { fixtureResult, fixtureSeries, fixtureWithTexts } from './fixture.testdata'
import { ADVERSARIAL } from './hostileText.testdata'

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0
const tools = has('soffice') && has('pdftoppm') && has('pdfinfo')
if (!tools)
  console.log(
    'deck.test: skipped the LibreOffice check: soffice/pdftoppm/pdfinfo not installed (apt-get install libreoffice-impress poppler-utils)'
  )

/** Share of pixels that are not near-white, and of clearly coloured ones (saturation), in a binary PPM (P6). */
function inkAndColour(ppm: Buffer): { ink: number; colour: number } {
  const header = ppm.subarray(0, 64).toString('latin1').split(/\s+/)
  const [w, h] = [Number(header[1]), Number(header[2])]
  const start = ppm.length - w * h * 3
  let ink = 0
  let colour = 0
  for (let i = start; i < ppm.length; i += 3) {
    const [r, g, b] = [ppm[i], ppm[i + 1], ppm[i + 2]]
    if (r < 235 || g < 235 || b < 235) ink++
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60) colour++
  }
  return { ink: ink / (w * h), colour: colour / (w * h) }
}

describe('PowerPoint deck', () => {
  let dir = ''
  afterAll(() => (dir && !process.env.KEEP_DECK ? rm(dir, { recursive: true, force: true }) : undefined))

  /** Converts the deck to PDF and checks one non-blank page per slide, chart pages in colour. */
  async function convertsWithAllPages(pptx: Uint8Array, slides: number, name: string): Promise<void> {
    dir ||= await mkdtemp(join(tmpdir(), 'sb-deck-'))
    const file = join(dir, `${name}.pptx`)
    await writeFile(file, pptx)
    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        file
      ],
      { timeout: 180_000, stdio: 'pipe' }
    )
    const info = execFileSync('pdfinfo', [join(dir, `${name}.pdf`)]).toString()
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(slides)
    execFileSync('pdftoppm', ['-r', '36', join(dir, `${name}.pdf`), join(dir, `${name}-page`)])
    const pages = (await readdir(dir)).filter((f) => f.startsWith(`${name}-page`) && f.endsWith('.ppm')).sort()
    expect(pages).toHaveLength(slides)
    for (const [i, page] of pages.entries()) {
      const { ink, colour } = inkAndColour(await readFile(join(dir, page)))
      expect(ink, `${page} is blank`).toBeGreaterThan(0.01)
      if (i > 0) expect(colour, `${page} shows no chart colours`).toBeGreaterThan(0.001)
    }
  }

  it.skipIf(!tools)(
    'converts with LibreOffice to one PDF page per slide, each with its chart',
    async () => {
      const result = fixtureResult()
      const { pptx, slides } = await buildDeck({
        result,
        series: fixtureSeries(),
        slides: EXPORT_CHART_IDS.map((chartId) => ({ chartId })),
        date: '2024-04-02'
      })
      // Title + one image slide per chart + an editable native chart for each chart but the heatmap.
      expect(slides).toBe(1 + EXPORT_CHART_IDS.length + EXPORT_CHART_IDS.length - 1)
      await convertsWithAllPages(pptx, slides, 'deck')
    },
    240_000
  )

  it.skipIf(!tools)(
    'converts just as well with names and titles full of & < " control characters, emoji and RTL text',
    async () => {
      const { result, series } = fixtureWithTexts(ADVERSARIAL)
      const chartIds = ['followers', 'shareOfVoice', 'heatmap'] as const
      const titled = chartIds.map((chartId) => ({
        chartId,
        title: ADVERSARIAL.posts[0],
        subtitle: ADVERSARIAL.posts[1]
      }))
      const { pptx, slides } = await buildDeck({
        result,
        series,
        slides: titled,
        title: ADVERSARIAL.source,
        date: '2024-04-02'
      })
      expect(slides).toBe(1 + 3 + 2)
      await convertsWithAllPages(pptx, slides, 'hostile')
    },
    240_000
  )
})
