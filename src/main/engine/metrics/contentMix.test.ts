import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContentMix } from '../../../shared/contentMix'
import type { Engine } from '../engine'
import { invoke } from '../invoke'
import { CONTENT_MIX_FIXTURE_SQL as SQL } from './contentMix.testdata'
import { workspaceFromSql } from './statsFixture.testdata'

// The workspace and its hand-computed figures: contentMix.testdata.ts.
let engine: Engine
let dir: string
let out: ContentMix
const request = {
  institutionIds: [1, 2],
  convention: 'followers_at_post' as const,
  preset: 'custom' as const,
  from: '2024-03-01',
  to: '2024-03-31'
}
beforeAll(async () => {
  ;({ engine, dir } = await workspaceFromSql(SQL))
  out = await invoke(engine, 'contentMix', { request })
})
afterAll(() => {
  engine.close()
  rmSync(dir, { recursive: true, force: true })
})
const r12 = (v: number | null) => (v === null ? null : Number(v.toFixed(12)))
const inst = (name: string) => out.institutions.find((i) => i.name === name)!

describe('contentMix through the front door', () => {
  it('posts and engagement by kind of post, in kind order', () => {
    expect(out).toMatchObject({ from: '2024-03-01', to: '2024-03-31', convention: 'followers_at_post' })
    const alpha = inst('Alpha')
    expect(alpha.posts).toBe(6)
    expect(alpha.medianInteractions).toBe(30) // of 10, 20, 30, 50, 100 (a6 has no count)
    expect(alpha.timeZones).toEqual(['Europe/Madrid', 'UTC'])
    expect(
      alpha.kinds.map((k) => [
        k.kind,
        k.posts,
        r12(k.postShare),
        k.interactions,
        r12(k.interactionShare),
        k.medianInteractions,
        r12(k.rate)
      ])
    ).toEqual([
      ['video', 1, r12(1 / 6), 100, r12(100 / 210), 100, 0.1],
      ['photo', 3, 0.5, 90, r12(90 / 210), 30, 0.03],
      ['link', 1, r12(1 / 6), null, null, null, null],
      ['unknown', 1, r12(1 / 6), 20, r12(20 / 210), 20, 0.04]
    ])
    const beta = inst('Beta')
    expect(beta.posts).toBe(3)
    expect(beta.medianInteractions).toBe(8)
    expect(beta.kinds.map((k) => [k.kind, k.posts, k.interactions, r12(k.interactionShare), r12(k.rate)])).toEqual([
      ['reel', 1, 8, r12(8 / 24), 0.04],
      ['carousel', 1, 12, 0.5, 0.06],
      ['text', 1, 4, r12(4 / 24), 0.02]
    ])
  })

  it('weekday × hour: median interactions in each account’s own time zone', () => {
    const cells = (name: string) =>
      inst(name).heatmap.map((c) => [c.weekday, c.hour, c.posts, c.medianInteractions, r12(c.medianRate)])
    expect(cells('Alpha')).toEqual([
      [0, 10, 4, 25, 0.035],
      [2, 0, 1, 100, 0.1],
      [2, 13, 1, null, null]
    ])
    expect(cells('Beta')).toEqual([
      [1, 11, 1, 12, 0.06],
      [2, 11, 1, 4, 0.02],
      [4, 22, 1, 8, 0.04]
    ])
  })

  it('lists every post type and the kind it was counted as', () => {
    expect(out.types).toEqual([
      { platform: 'facebook', postType: 'Photo', kind: 'photo', posts: 2 },
      { platform: 'facebook', postType: 'Album', kind: 'carousel', posts: 1 },
      { platform: 'facebook', postType: 'Link', kind: 'link', posts: 1 },
      { platform: 'facebook', postType: 'Native Video', kind: 'video', posts: 1 },
      { platform: 'facebook', postType: 'Photos', kind: 'photo', posts: 1 },
      { platform: 'facebook', postType: 'Reel', kind: 'reel', posts: 1 },
      { platform: 'facebook', postType: 'Status', kind: 'text', posts: 1 },
      { platform: 'x', postType: 'tweet', kind: 'unknown', posts: 1 }
    ])
  })

  it('the average-audience convention has no per-post rate: left empty, the medians unchanged', async () => {
    const avg = await invoke(engine, 'contentMix', { request: { ...request, convention: 'avg_followers' } })
    const alpha = avg.institutions.find((i) => i.name === 'Alpha')!
    expect(alpha.kinds.every((k) => k.rate === null)).toBe(true)
    expect(alpha.heatmap[0]).toEqual({ weekday: 0, hour: 10, posts: 4, medianInteractions: 25, medianRate: null })
  })

  it('exports both tables through the export channel, with the methods and the type mapping', async () => {
    const times = await invoke(engine, 'exportInsightData', { request, tableId: 'postingTimes', format: 'csv' })
    expect(times.fileName).toBe('posting-times_Alpha-Beta_2024-03-01_2024-03-31.csv')
    const text = new TextDecoder().decode(times.bytes)
    expect(text.split('\r\n').slice(0, 3)).toEqual([
      'institution,weekday,hour,posts,median_interactions,median_rate',
      'Alpha,Monday,10,4,25,0.035',
      'Alpha,Wednesday,0,1,100,0.1'
    ])
    const mix = await invoke(engine, 'exportInsightData', { request, tableId: 'contentMix', format: 'xlsx' })
    const { default: ExcelJS } = await import('exceljs')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(mix.bytes as never)
    expect(wb.worksheets[0].getRow(2).values).toEqual([undefined, 'Alpha', 'video', 1, 1 / 6, 100, 100 / 210, 100, 0.1])
    const notes = wb.worksheets[1].getColumn(1).values.join('\n')
    expect(notes).toContain('Post type "Album" on facebook counted as carousel (1 posts)')
    expect(notes).toContain('Median interactions: half of the posts')
  })
})
