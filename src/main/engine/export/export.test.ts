import * as Plot from '@observablehq/plot'
import { DuckDBInstance } from '@duckdb/node-api'
import ExcelJS from 'exceljs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildChart, chartContext } from '../../../shared/charts/buildChart'
import { EXPORT_CHART_IDS, DATA_CHART_IDS, defaultFileName } from '../../../shared/export'
import { chartData, type DataTable } from './chartData'
import { headlessDocument } from './composeSvg'
import { parseCsv } from '../../../shared/csv.testdata'
import { toCsv, toParquet, toXlsx } from './dataFiles'
import { fixtureResult, fixtureSeries } from './fixture.testdata'
import { readPngInfo } from './png'
import { chartPng, chartSvg } from './renderChart'

const result = fixtureResult()
const series = fixtureSeries()

/** The marks of a Plot SVG: each labelled group (axes and grids aside, their tick counts follow the size) and its element count. */
function markStructure(svgRoot: Element): string[] {
  const out: string[] = []
  for (const g of Array.from(svgRoot.querySelectorAll('[aria-label]'))) {
    const label = g.getAttribute('aria-label') ?? ''
    if (/tick|axis|grid|label|^tip$/.test(label)) continue // tips are hover-only: exports drop them
    out.push(
      `${label}:${g.children.length}:${Array.from(g.children)
        .map((c) => c.tagName.toLowerCase())
        .join(',')
        .slice(0, 80)}`
    )
  }
  return out
}

describe('headless SVG', () => {
  it.each(EXPORT_CHART_IDS)('%s has the same marks as the in-app chart (same option builder, same data)', (id) => {
    // The app's options as built for the screen; only the CSS string goes (linkedom cannot take style as a property).
    const appOptions = buildChart(id, result, series, chartContext(result, 896, 'light')).options
    // The heatmap's ramp legend needs a canvas Node lacks; legends sit outside the chart's <svg> anyway.
    const opacity = appOptions.opacity ? { ...appOptions.opacity, legend: false } : undefined
    const app = Plot.plot({
      ...appOptions,
      opacity,
      style: undefined,
      document: headlessDocument()
    }) as unknown as Element
    // With a legend Plot returns a <figure>: swatches (small svgs inside a div), then the chart's own <svg>.
    const appSvg =
      app.tagName.toLowerCase() === 'svg'
        ? app
        : (Array.from(app.children).find((c) => c.tagName.toLowerCase() === 'svg') as Element)
    const exported = chartSvg({ result, series, chartId: id, size: 'chart', chartWidth: 976 })
    const doc = headlessDocument()
    const holder = doc.createElement('div')
    holder.innerHTML = exported.plotSvg
    expect(markStructure(holder.firstElementChild as Element)).toEqual(markStructure(appSvg))
    expect(markStructure(appSvg).length).toBeGreaterThan(0)
  })

  it.each(EXPORT_CHART_IDS)(
    '%s matches its snapshot (standalone: xmlns, fonts named, no style sheets or external references)',
    async (id) => {
      const { svg } = chartSvg({ result, series, chartId: id, size: 'slide1280' })
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
      expect(svg).toContain("font-family=\"'Liberation Sans', Arial")
      expect(svg).not.toMatch(/<style|class=|href=|url\(|var\(--/)
      expect(svg).toContain('Alpha Hospital')
      await expect(svg).toMatchFileSnapshot(`__snapshots__/${id}.svg`)
    }
  )
})

describe('PNG', () => {
  it('has the asked dimensions and DPI at 1x, 2x, 3x and slide sizes', () => {
    const one = chartPng({ result, series, chartId: 'indexed', size: 'chart', chartWidth: 800, scale: 1 })
    expect(readPngInfo(one.png)).toEqual({ width: 800, height: one.height, dpi: 96 })
    const two = chartPng({ result, series, chartId: 'indexed', size: 'chart', chartWidth: 800, scale: 2 })
    expect(readPngInfo(two.png)).toEqual({ width: 1600, height: one.height * 2, dpi: 192 })
    const three = chartPng({ result, series, chartId: 'indexed', size: 'chart', chartWidth: 800, scale: 3 })
    expect(readPngInfo(three.png)).toEqual({ width: 2400, height: one.height * 3, dpi: 288 })
    expect(readPngInfo(chartPng({ result, series, chartId: 'heatmap', size: 'slide1920' }).png)).toEqual({
      width: 1920,
      height: 1080,
      dpi: 144
    })
    expect(readPngInfo(chartPng({ result, series, chartId: 'shareOfVoice', size: 'slide1280' }).png)).toEqual({
      width: 1280,
      height: 720,
      dpi: 96
    })
  })
})

const expected = (t: DataTable) => t.rows.map((r) => r.map((v) => v))

describe('data behind a chart round-trips exactly', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sb-export-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it.each(DATA_CHART_IDS)('%s as CSV', (id) => {
    const t = chartData(id, result, series)
    expect(t.rows.length).toBeGreaterThan(id === 'breakouts' ? -1 : 0)
    const [header, ...rows] = parseCsv(toCsv(t))
    expect(header).toEqual(t.columns.map((c) => c.name))
    const back = rows.map((r) => r.map((v, i) => (v === '' ? null : t.columns[i].type === 'number' ? Number(v) : v)))
    expect(back).toEqual(expected(t))
  })

  it.each(['indexed', 'engagement', 'topPosts'] as const)('%s as XLSX', async (id) => {
    const t = chartData(id, result, series)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await toXlsx(t, id, ['Formula: x'])) as never)
    const ws = wb.worksheets[0]
    expect(wb.worksheets[1].name).toBe('Methodology')
    const back: unknown[][] = []
    ws.eachRow((row, n) => {
      if (n === 1) return
      back.push(
        t.columns.map((c, i) => {
          const v = row.getCell(i + 1).value
          return v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : v
        })
      )
    })
    expect(back).toEqual(expected(t))
  })

  it.each(['followers', 'engagement', 'heatmap', 'topPosts'] as const)('%s as Parquet', async (id) => {
    const t = chartData(id, result, series)
    const file = join(dir, `${id}.parquet`)
    await writeFile(file, await toParquet(t))
    const instance = await DuckDBInstance.create(':memory:')
    const conn = await instance.connect()
    const cols = t.columns
      .map((c) => (c.type === 'date' ? `strftime("${c.name}", '%Y-%m-%d') AS "${c.name}"` : `"${c.name}"`))
      .join(', ')
    const reader = await conn.runAndReadAll(`SELECT ${cols} FROM read_parquet('${file}')`)
    const back = reader.getRows().map((r) => r.map((v) => (v === null ? null : typeof v === 'number' ? v : String(v))))
    conn.closeSync()
    instance.closeSync()
    expect(back).toEqual(expected(t))
  })
})

describe('file names', () => {
  it('say institutions, metric and range', () => {
    expect(defaultFileName('engagement', result.scope, 'png')).toBe(
      'engagement_4-institutions_2024-01-01_2024-03-31.png'
    )
    expect(
      defaultFileName('Share of voice', { ...result.scope, institutions: result.scope.institutions.slice(0, 2) }, 'csv')
    ).toBe('Share-of-voice_Alpha-Beta_2024-01-01_2024-03-31.csv')
  })
})
