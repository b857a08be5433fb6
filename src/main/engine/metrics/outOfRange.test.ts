/**
 * An institution whose export is older than the others' drops out of "Last 12 months": the result names it with its
 * own range. And the dashboard's last request is kept in the workspace, across a reopen. Real DuckDB files, SYNTHETIC
 * YouTube Studio "Totals" exports imported through the front door.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import { openEngine } from '../engine'
import { invoke } from '../invoke'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-out-of-range-')
})
afterEach(() => t.dispose())

async function institution(name: string, account: string, days: string[]): Promise<number> {
  // YouTube Studio names the file Totals.csv whatever the channel.
  mkdirSync(join(t.root, account))
  await invoke(t.engine, 'importFile', {
    path: t.file(`${account}/Totals.csv`, ['Date,Views', ...days.map((d, i) => `${d},${100 + i}`)].join('\n')),
    jobId: `j-${account}`,
    options: { account }
  })
  const inst = await invoke(t.engine, 'createInstitution', { name })
  await invoke(t.engine, 'assignAccount', {
    accountId: `youtube:${account.toLowerCase()}`,
    institutionId: inst.institutionId
  })
  return inst.institutionId
}

describe('institutions the range leaves out', () => {
  it('names each institution with data but none in the range, with its own first and last day', async () => {
    const ids = [
      await institution('Aster', 'Aster', ['2025-05-01', '2025-06-30']),
      await institution('Birch', 'Birch', ['2024-09-01', '2025-06-01']),
      await institution('Dunmore', 'Dunmore', ['2023-01-05', '2023-04-28'])
    ]
    const last12 = await invoke(t.engine, 'benchmark', { institutionIds: ids, convention: 'views', preset: 'last12m' })
    expect([last12.scope.from, last12.scope.to]).toEqual(['2024-07-01', '2025-06-30'])
    expect(last12.outOfRange).toEqual([{ id: ids[2], name: 'Dunmore', from: '2023-01-05', to: '2023-04-28' }])
    const all = await invoke(t.engine, 'benchmark', { institutionIds: ids, convention: 'views', preset: 'all' })
    expect(all.outOfRange).toEqual([])
    // A range between Birch's two days still has none of Birch's data.
    const gap = await invoke(t.engine, 'benchmark', {
      institutionIds: ids,
      convention: 'views',
      preset: 'custom',
      from: '2025-05-01',
      to: '2025-05-31'
    })
    expect(gap.outOfRange.map((o) => o.name)).toEqual(['Birch', 'Dunmore'])
  })

  it("keeps the dashboard's last request in the workspace across a reopen", async () => {
    expect(await invoke(t.engine, 'getLastBenchmark')).toBeNull()
    const request = {
      institutionIds: [3, 1],
      convention: 'reach' as const,
      preset: 'custom' as const,
      from: '2024-01-01',
      to: '2024-06-30',
      platforms: ['facebook' as const]
    }
    await invoke(t.engine, 'saveLastBenchmark', request)
    t.engine.close()
    t.engine = await openEngine(t.workspace)
    expect(await invoke(t.engine, 'getLastBenchmark')).toEqual(request)
  })
})
