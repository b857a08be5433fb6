/**
 * Every data file the app's Export menu and the Insight panels save carries its setup, through the front door on the
 * sample: a chart's CSV and every Insight table's CSV come with a `.provenance.json` sidecar (the file itself stays
 * only the table), their XLSX and Parquet embed it; `reproduce` accepts each one and is identical; after a topic's
 * keywords change, reproducing the topics table names that table and nothing else moves.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import { INSIGHT_TABLE_IDS, type DataFormat, type ExportedFile } from '../../../shared/export'
import { invoke } from '../invoke'
import { readProvenance } from './readProvenance'

let t: TestWorkspace
let request: { institutionIds: number[]; convention: 'followers_at_post'; preset: 'last90' }
let topicId = 0

/** Saves a file as the shell does: the bytes under its name, the sidecar (if any) next to it. */
async function saved(f: ExportedFile): Promise<string> {
  const path = join(t.root, f.fileName)
  await writeFile(path, f.bytes)
  if (f.sidecar) await writeFile(`${path}${f.sidecar.suffix}`, f.sidecar.bytes)
  return path
}

beforeAll(async () => {
  t = await openTestWorkspace('sb-reproduce-data-')
  await invoke(t.engine, 'loadSample')
  const [a, b, c] = await invoke(t.engine, 'listInstitutions')
  request = {
    institutionIds: [a.institutionId, b.institutionId, c.institutionId],
    convention: 'followers_at_post',
    preset: 'last90'
  }
  topicId = (await invoke(t.engine, 'saveTopic', { name: 'Vaccination', keywords: ['vaccin', 'flu shot'] })).topicId
}, 180_000)
afterAll(() => t.dispose())

describe('a chart’s data saved from the Export menu', () => {
  it('CSV: only the table in the file, its setup in a .provenance.json sidecar that reproduce reads', async () => {
    const f = await invoke(t.engine, 'exportChartData', { request, chartId: 'engagement', format: 'csv' })
    expect(f.sidecar?.suffix).toBe('.provenance.json')
    const path = await saved(f)
    const csv = (await readFile(path, 'utf8')).split('\r\n')
    expect(csv[0]).toMatch(/^\uFEFFinstitution,week,/)
    expect(csv.at(-1)).toBe('')
    expect((await readProvenance(path)).artefact).toEqual({ kind: 'chartData', id: 'engagement', format: 'csv' })
    const r = await invoke(t.engine, 'reproduce', { path })
    expect([r.identical, r.differences]).toEqual([true, []])
  })

  it('XLSX and Parquet keep no sidecar: the setup is inside', async () => {
    for (const format of ['xlsx', 'parquet'] as const) {
      const f = await invoke(t.engine, 'exportChartData', { request, chartId: 'topPosts', format })
      expect(f.sidecar).toBeUndefined()
      expect((await readProvenance(await saved(f))).artefact).toEqual({ kind: 'chartData', id: 'topPosts', format })
    }
  })
})

describe('the Insight tables', () => {
  const paths: Record<string, string> = {}
  beforeAll(async () => {
    for (const tableId of INSIGHT_TABLE_IDS)
      for (const format of ['csv', 'xlsx', 'parquet'] as DataFormat[]) {
        const f = await invoke(t.engine, 'exportInsightData', { request, tableId, format })
        expect(Boolean(f.sidecar)).toBe(format === 'csv')
        paths[`${tableId}.${format}`] = await saved(f)
      }
  }, 180_000)

  it('each file names its table and records that table’s rows', async () => {
    for (const tableId of INSIGHT_TABLE_IDS)
      for (const format of ['csv', 'xlsx', 'parquet']) {
        const p = await readProvenance(paths[`${tableId}.${format}`])
        expect(p.artefact).toEqual({ kind: 'insightData', id: tableId, format })
        expect(p.numbers.tables?.[tableId]?.rows).toBeGreaterThan(0)
        expect(p.setup.institutions).toHaveLength(3)
      }
  })

  it('reproduce is identical for every table and format, the table’s own digest among the checks', async () => {
    for (const path of Object.values(paths)) {
      const r = await invoke(t.engine, 'reproduce', { path })
      expect([path, r.identical, r.differences]).toEqual([path, true, []])
    }
  }, 120_000)

  it('after a topic’s keywords change, the topics table is named as changed and the benchmark is not', async () => {
    await invoke(t.engine, 'saveTopic', { topicId, name: 'Vaccination', keywords: ['vaccin', 'flu shot', 'clinic'] })
    const topics = await invoke(t.engine, 'reproduce', { path: paths['topics.csv'] })
    expect(topics.identical).toBe(false)
    expect(topics.differences.map((d) => d.name)).toEqual(['table topics (data table)'])
    const mix = await invoke(t.engine, 'reproduce', { path: paths['contentMix.xlsx'] })
    expect(mix.identical).toBe(true)
  }, 120_000)
})
