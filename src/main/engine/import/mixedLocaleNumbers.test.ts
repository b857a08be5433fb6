/**
 * A comma-delimited file whose numbers follow a decimal-comma locale (CrowdTangle: "Overperforming Score" "1,4",
 * "Total Interactions" "407.137" = 407,137): the preview shows the numbers as the import stores them, and says
 * which thousands separator it took. Synthetic rows in the real export's shape, through the front door.
 */
import { tableFromIPC } from 'apache-arrow'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { jobId, openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import { invoke } from '../invoke'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-mixed-locale-')
})
afterEach(() => t.dispose())

const rows = [
  'Page,Total Interactions,Likes,Score',
  'Northfield,407.137,400000,"1,4"',
  'Quillmere,106.230,100000,"105,68"',
  'Halvern,81.050,80000,"2,11"'
]

async function sql<T>(text: string): Promise<T[]> {
  const r = await invoke(t.engine, 'runQuery', { runId: `q${Math.random()}`, sql: text })
  const page = await invoke(t.engine, 'queryPage', { resultId: r.resultId, offset: 0, limit: 100 })
  return tableFromIPC(page.arrow)
    .toArray()
    .map((row) => row.toJSON() as T)
}

describe('numbers written in a decimal-comma locale in a comma-delimited file', () => {
  it('preview: dot groups read as thousands, shown grouped, and the separators say so', async () => {
    const path = t.file('pages.csv', rows.join('\n') + '\n')
    const p = await invoke(t.engine, 'previewImport', { path })
    expect(p.settings).toMatchObject({ delimiter: ',', decimalSeparator: ',', thousandsSeparator: '.' })
    const col = (name: string) => p.columns.findIndex((c) => c.name === name)
    expect(p.columns[col('Total Interactions')].type).toBe('BIGINT')
    expect(p.rows.map((r) => r[col('Total Interactions')])).toEqual(['407,137', '106,230', '81,050'])
    expect(p.rows.map((r) => r[col('Score')])).toEqual(['1.4', '105.68', '2.11'])
    // Plain numbers are shown as written.
    expect(p.rows.map((r) => r[col('Likes')])).toEqual(['400000', '100000', '80000'])

    const r = await invoke(t.engine, 'importFile', { path, jobId: jobId() })
    expect(r.settings).toMatchObject({ decimalSeparator: ',', thousandsSeparator: '.' })
    const stored = await sql<Record<string, unknown>>(
      `SELECT "Total Interactions" AS ti, Score FROM ${r.dataset.tableName} ORDER BY 1 DESC`
    )
    expect(stored.map((s) => Number(s.ti))).toEqual([407137, 106230, 81050])
  })

  it('a file with dot decimals only keeps "1.500" as one and a half', async () => {
    const path = t.file('rates.csv', ['Page,Rate', 'Northfield,1.500', 'Quillmere,2.250'].join('\n') + '\n')
    const p = await invoke(t.engine, 'previewImport', { path })
    expect(p.settings).toMatchObject({ decimalSeparator: '.', thousandsSeparator: '' })
    expect(p.rows.map((r) => r[1])).toEqual(['1.5', '2.25'])
  })
})
