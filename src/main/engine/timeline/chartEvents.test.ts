/**
 * Events on the charts, end to end in the engine: the benchmark carries the events in its range (for everyone
 * or a compared institution, none when turned off), and the exported SVG draws them as labelled rules and bands.
 */
import ExcelJS from 'exceljs'
import { writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import { invoke } from '../invoke'

let t: TestWorkspace
let request: { institutionIds: number[]; convention: 'followers_at_post'; from: string; to: string }
beforeAll(async () => {
  t = await openTestWorkspace('sb-chart-events-')
  await invoke(t.engine, 'loadSample')
  const institutions = await invoke(t.engine, 'listInstitutions')
  const [a, b] = institutions
  const other = institutions.at(-1)!
  const { dataRange } = await invoke(t.engine, 'benchmark', {
    institutionIds: [a.institutionId, b.institutionId],
    convention: 'followers_at_post',
    preset: 'last90'
  })
  const to = dataRange.to!
  const day = (offset: number) =>
    new Date(Date.parse(`${to}T00:00:00Z`) - offset * 86_400_000).toISOString().slice(0, 10)
  request = { institutionIds: [a.institutionId, b.institutionId], convention: 'followers_at_post', from: day(89), to }
  await invoke(t.engine, 'addEvent', { start: day(60), title: 'Feed algorithm change', kind: 'platform_change' })
  await invoke(t.engine, 'addEvent', {
    start: day(40),
    end: day(26),
    title: 'Summer vaccination campaign',
    kind: 'campaign',
    institutionId: a.institutionId
  })
  await invoke(t.engine, 'addEvent', {
    start: day(30),
    title: 'Not ours',
    kind: 'crisis',
    institutionId: other.institutionId
  })
  await invoke(t.engine, 'addEvent', { start: day(200), title: 'Long before', kind: 'other' })
}, 240_000)
afterAll(() => t.dispose())

describe('events on the charts', () => {
  it('the benchmark carries the events in range for everyone or a compared institution, none when turned off', async () => {
    const r = await invoke(t.engine, 'benchmark', request)
    expect(r.scope.showEvents).toBe(true)
    expect(r.events.map((e) => e.title)).toEqual(['Feed algorithm change', 'Summer vaccination campaign'])
    const off = await invoke(t.engine, 'benchmark', { ...request, events: false })
    expect(off.scope.showEvents).toBe(false)
    expect(off.events).toEqual([])
  })

  it('exported charts draw a rule per day, a band per range, with their titles; none when turned off', async () => {
    const svg = async (chartId: 'followers' | 'engagement' | 'postsWeekly' | 'heatmap', events?: boolean) => {
      const f = await invoke(t.engine, 'exportChart', {
        request: { ...request, events },
        chartId,
        format: 'svg',
        size: 'slide1920'
      })
      return new TextDecoder().decode(f.bytes)
    }
    for (const chartId of ['followers', 'engagement', 'postsWeekly'] as const) {
      const s = await svg(chartId)
      expect(s, chartId).toMatch(/class="sb-event-rule"/)
      expect(s, chartId).toMatch(/class="sb-event-band"/)
      expect(s, chartId).toContain('>Feed algorithm change<')
      expect(s, chartId).toContain('>Summer vaccination campaign<')
      expect(s, chartId).not.toContain('Not ours')
      expect(await svg(chartId, false), chartId).not.toMatch(/sb-event|Feed algorithm change/)
    }
    // Not a time chart.
    expect(await svg('heatmap')).not.toMatch(/sb-event/)
    if (process.env.EVENTS_PNG) {
      for (const chartId of ['followers', 'indexed', 'engagement', 'postsWeekly'] as const) {
        const f = await invoke(t.engine, 'exportChart', { request, chartId, format: 'png', size: 'slide1920' })
        writeFileSync(`${process.env.EVENTS_PNG}/${chartId}.png`, f.bytes)
      }
    }
  }, 120_000)

  it('the exported data file lists the events in its methodology, as the panel does', async () => {
    // The XLSX's Methodology sheet, one line a row.
    const methodology = async (chartId: 'engagement' | 'heatmap', events?: boolean) => {
      const f = await invoke(t.engine, 'exportChartData', { request: { ...request, events }, chartId, format: 'xlsx' })
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(Buffer.from(f.bytes) as never)
      const lines: string[] = []
      wb.getWorksheet('Methodology')!.eachRow((row) => lines.push(String(row.getCell(1).value)))
      return lines.join('\n')
    }
    const on = await methodology('engagement')
    expect(on).toMatch(/platform change\)/)
    expect(on).toContain('Feed algorithm change')
    expect(on).toMatch(/Summer vaccination campaign \(campaign, [^)]+\)/)
    expect(on).not.toContain('Not ours')
    const off = await methodology('engagement', false)
    expect(off).toContain('Events: not drawn (turned off in the controls)')
    expect(off).not.toContain('Feed algorithm change')
    // Not a time chart: no events line.
    expect(await methodology('heatmap')).not.toMatch(/Events|Feed algorithm change/)
  }, 120_000)
})
