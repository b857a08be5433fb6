import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VENDOR_COLUMNS, vendorCsv, type VendorComparison, type VendorRates } from '../../../shared/vendorConventions'
import type { Engine } from '../engine'
import { invoke } from '../invoke'
import { VENDOR_FIXTURE_SQL, workspaceFromSql } from './statsFixture.testdata'

/*
 * Hand-computed, 2024-03-01 … 2024-03-04 (4 days, UTC):
 * Alpha facebook (1,000 fans every day): P1 day 1, reactions 10 + comments 5 + shares 5 = 20, reach 400, impressions 800;
 *   P2 day 3, 30 + 0 + 10 = 40, reach 500.  Rival IQ (20/1000 + 40/1000)/2 = .03; Socialinsider the same .03;
 *   Fanpage Karma (.02 + 0 + .04 + 0)/4 = .015; by reach (.05 + .08)/2 = .065; by impressions 20/800 = .025; views none.
 * Alpha instagram (2,000 followers, carried forward): P3 day 2, likes 50, comments 10, saves 40, interactions 100.
 *   Rival IQ 100/2000 = .05; Socialinsider (50 + 10)/2000 = .03 (no saves); Fanpage Karma (.05)/4 = .0125.
 * Beta instagram (500): P4 day 1, likes 5, comments 5, interactions 10, views 200: .02, .02, .005, views .05.
 * Gamma instagram (1,000): P5 day 4, likes 30, comments unknown, interactions 30: .03, .03, .0075.
 * Instagram medians: Rival IQ .03, Socialinsider .03, Fanpage Karma .0075, views .05.
 */
let engine: Engine
let dir: string
beforeAll(async () => {
  ;({ engine, dir } = await workspaceFromSql(VENDOR_FIXTURE_SQL))
})
afterAll(() => {
  engine.close()
  rmSync(dir, { recursive: true, force: true })
})

const request = {
  institutionIds: [1, 2, 3],
  convention: 'followers_at_post' as const,
  preset: 'custom' as const,
  from: '2024-03-01',
  to: '2024-03-04'
}
const round = (v: number | null) => (v === null ? null : Number(v.toFixed(12)))
const rates = (r: VendorRates) => VENDOR_COLUMNS.map((k) => round(r[k]))

describe('vendorConventions through the front door', () => {
  let out: VendorComparison
  beforeAll(async () => {
    out = await invoke(engine, 'vendorConventions', { request })
  })

  it('one table per platform, each institution with an account on it', () => {
    expect(out.tables.map((t) => [t.platform, t.rows.map((r) => r.name)])).toEqual([
      ['facebook', ['Alpha']],
      ['instagram', ['Alpha', 'Beta', 'Gamma']]
    ])
  })

  it('computes every convention as its vendor publishes it', () => {
    const fb = out.tables.find((t) => t.platform === 'facebook')!
    expect(rates(fb.rows[0])).toEqual([0.03, 0.03, 0.015, 0.065, 0.025, null])
    const ig = out.tables.find((t) => t.platform === 'instagram')!
    expect(ig.rows.map((r) => [r.name, r.posts, ...rates(r)])).toEqual([
      ['Alpha', 1, 0.05, 0.03, 0.0125, null, null, null],
      ['Beta', 1, 0.02, 0.02, 0.005, null, null, 0.05],
      ['Gamma', 1, 0.03, 0.03, 0.0075, null, null, null]
    ])
    expect(rates(ig.median)).toEqual([0.03, 0.03, 0.0075, null, null, 0.05])
  })

  it('cites each vendor’s published definition, and the CSV carries the numbers and the sources', () => {
    expect(out.conventions.map((c) => c.source.url)).toEqual(
      expect.arrayContaining([
        'https://help.rivaliq.com/en/articles/2043672-understanding-engagement-metrics',
        'https://howto.socialinsider.io/en/articles/9329376-the-socialinsider-guide-to-engagement-engagement-rates',
        'https://academy.fanpagekarma.com/en/facebook-metrics/'
      ])
    )
    const csv = vendorCsv(out).split('\r\n')
    expect(csv[0]).toBe(
      'platform,institution,posts,rivaliq_rate,socialinsider_rate,fanpagekarma_rate,reach_rate,impressions_rate,views_rate'
    )
    expect(csv).toContain('instagram,median across institutions,,0.03,0.03,0.0075,,,0.05')
    expect(
      csv.some(
        (l) =>
          l.startsWith('socialinsider_rate,Socialinsider,') &&
          l.endsWith(
            ',https://howto.socialinsider.io/en/articles/9329376-the-socialinsider-guide-to-engagement-engagement-rates'
          )
      )
    ).toBe(true)
  })
})
