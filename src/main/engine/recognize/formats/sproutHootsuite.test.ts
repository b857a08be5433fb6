import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportOptions } from '../../../../shared/types'
import { databaseForTests, openEngine, type Engine } from '../../engine'
import { invoke } from '../../invoke'

const FIXTURES = resolve(__dirname, '../../../../../test/fixtures/exports')
const sprout = (name: string) => join(FIXTURES, 'sprout-social', name)
const IG_PROFILES = sprout('Instagram Business Profiles (SYNTHETIC) March 1, 2025 - March 3, 2025.csv')
const PROFILE_PERF = sprout('Profile Performance (SYNTHETIC) March 1, 2025 - March 3, 2025.csv')
const COMPETITORS = sprout('Competitor Performance (SYNTHETIC) March 1, 2025 - March 2, 2025.csv')
const COMPETITOR_POSTS = sprout('Competitor Posts (SYNTHETIC) March 1, 2025 - December 31, 2025.csv')
const HOOT_FANS = join(
  FIXTURES,
  'hootsuite/facebook_pagefans_synthetic_2018-07-01_to_2018-07-03_created_on_20180704T0100Z_account_metrics.csv'
)
const HOOT_REACTIONS = join(
  FIXTURES,
  'hootsuite/facebook_postreactions_synthetic_2018-07-01_to_2018-07-02_created_on_20180704T0100Z_account_metrics.csv'
)

let dir: string
let engine: Engine
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sb-sprout-'))
  engine = await openEngine(dir)
})
afterEach(() => {
  engine.close()
  rmSync(dir, { recursive: true, force: true })
})

const importFile = (path: string, options: ImportOptions = {}) =>
  invoke(engine, 'importFile', { path, jobId: randomUUID(), options, allowDuplicate: true })
const one = async (sql: string) => (await databaseForTests(engine).all(sql))[0]

describe('sprout profile reports', () => {
  it('Instagram Business Profiles: MM-DD-YYYY days, quoted thousands, empty days skipped', async () => {
    const r = await importFile(IG_PROFILES)
    expect(r.recognition!.format).toBe('sprout-instagram-profiles')
    expect(r.recognition!.daily).toEqual({ new: 2, updated: 0, unchanged: 0 })
    expect(r.recognition!.posts).toBeNull()
    expect(r.warnings.some((w) => w.includes('1 rows have no value'))).toBe(true)
    expect(
      await one(`SELECT min(day)::VARCHAR AS f, max(day)::VARCHAR AS t, sum(followers)::BIGINT AS fo, sum(impressions)::BIGINT AS i,
        sum(reach)::BIGINT AS re, sum(followers_gained)::BIGINT AS g, sum(followers_lost)::BIGINT AS l, count(views)::INT AS v,
        any_value(account_id) AS a FROM account_daily`)
    ).toEqual({
      f: '2025-03-02',
      t: '2025-03-03',
      fo: '24091',
      i: '276833',
      re: '134917',
      g: '24',
      l: '4',
      v: 0,
      a: 'instagram:brackenfordtest'
    })
  })

  it('Profile Performance on the same profile-days agrees on impressions and adds video views', async () => {
    await importFile(IG_PROFILES)
    const r = await importFile(PROFILE_PERF)
    expect(r.recognition!.format).toBe('sprout-profile-performance')
    expect(r.recognition!.daily).toEqual({ new: 0, updated: 2, unchanged: 0 })
    expect(
      await one(
        `SELECT count(*)::INT AS n, sum(impressions)::BIGINT AS i, sum(views)::BIGINT AS v, sum(followers)::BIGINT AS f FROM account_daily`
      )
    ).toEqual({ n: 2, i: '276833', v: '1250', f: '24091' })
  })

  it('Competitor Performance: each competitor is an account; a DD-MM date is rejected with its row', async () => {
    const r = await importFile(COMPETITORS)
    expect(r.recognition!.format).toBe('sprout-competitor-performance')
    expect(r.recognition!.accounts.map((a) => a.accountId)).toEqual([
      'instagram:brackenfordtest',
      'instagram:quilltestclinic'
    ])
    expect(r.recognition!.daily).toEqual({ new: 3, updated: 0, unchanged: 0 })
    expect(r.recognition!.rejects).toEqual([{ row: 5, reason: 'unreadable Date "13-02-2025" (expected MM-DD-YYYY)' }])
    expect(
      await databaseForTests(engine).all(
        `SELECT account_id, day::VARCHAR AS day, followers::BIGINT AS f, impressions FROM account_daily ORDER BY account_id, day`
      )
    ).toEqual([
      { account_id: 'instagram:brackenfordtest', day: '2025-03-02', f: '12040', impressions: null },
      { account_id: 'instagram:quilltestclinic', day: '2025-03-01', f: '8100', impressions: null },
      { account_id: 'instagram:quilltestclinic', day: '2025-03-02', f: '8112', impressions: null }
    ])
  })
})

describe('sprout competitor posts', () => {
  it('loads posts with multi-line captions, 12-hour local times and public engagements', async () => {
    const r = await importFile(COMPETITOR_POSTS)
    const rec = r.recognition!
    expect(rec.format).toBe('sprout-competitor-posts')
    expect(rec.posts).toEqual({ new: 3, updated: 0, unchanged: 0 })
    expect(rec.rejects).toEqual([{ row: 4, reason: 'unreadable Date "yesterday"' }])
    expect(
      await databaseForTests(engine)
        .all(`SELECT post_id, platform, account_id, strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS t,
        post_type, likes, reactions::BIGINT AS r, comments::BIGINT AS c, shares, interactions::BIGINT AS i, text FROM posts ORDER BY post_id`)
    ).toEqual([
      {
        post_id: '18000000000000001',
        platform: 'instagram',
        account_id: 'instagram:quilltestclinic',
        t: '2025-03-02 09:05',
        post_type: 'Video',
        likes: '1200',
        r: '1200',
        c: '50',
        shares: null,
        i: '1250',
        text: 'Line one\nline two of a SYNTHETIC caption'
      },
      {
        post_id: '18000000000000002',
        platform: 'instagram',
        account_id: 'instagram:brackenfordtest',
        t: '2025-03-02 23:44',
        post_type: 'Carousel',
        likes: '20',
        r: '20',
        c: '5',
        shares: '8',
        i: '33',
        text: 'Spring hours'
      },
      {
        post_id: '18000000000000003',
        platform: 'facebook',
        account_id: 'facebook:brackenford test hospital',
        t: '2025-12-13 10:00',
        post_type: 'Photo',
        likes: null,
        r: '5',
        c: '1',
        shares: '1',
        i: '7',
        text: 'Open day'
      }
    ])
  })

  it('reads zone-less times in the chosen zone and does not double count on re-import', async () => {
    await importFile(COMPETITOR_POSTS, { timeZone: 'America/New_York' })
    expect(
      await one(
        `SELECT strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS t FROM posts WHERE post_id = '18000000000000001'`
      )
    ).toEqual({ t: '2025-03-02 14:05' })
    const again = await importFile(COMPETITOR_POSTS, { timeZone: 'America/New_York' })
    expect(again.recognition!.posts).toEqual({ new: 0, updated: 0, unchanged: 3 })
    expect(await one(`SELECT count(*)::INT AS n, sum(interactions)::BIGINT AS i FROM posts`)).toEqual({
      n: 3,
      i: '1290'
    })
  })
})

describe('hootsuite account metrics', () => {
  it('loads only daily values, as one aggregate account derived from the file name', async () => {
    const r = await importFile(HOOT_FANS)
    const rec = r.recognition!
    expect(rec.format).toBe('hootsuite-account-metrics')
    expect(rec.needsAccount).toBe(true)
    expect(rec.accounts).toEqual([
      {
        accountId: 'facebook:hootsuite-facebook-pagefans-synthetic',
        handle: 'hootsuite-facebook-pagefans-synthetic',
        displayName: 'Hootsuite aggregate of 2 Facebook pages'
      }
    ])
    expect(rec.daily).toEqual({ new: 3, updated: 0, unchanged: 0 })
    expect(r.warnings.some((w) => w.includes('1 "Overall aggregated value" columns'))).toBe(true)
    expect(r.warnings.some((w) => w.includes('filed under "facebook:hootsuite-facebook-pagefans-synthetic"'))).toBe(
      true
    )
    expect(
      await one(`SELECT sum(followers)::BIGINT AS f, sum(followers_gained)::BIGINT AS g, sum(impressions)::BIGINT AS i,
        count(impressions)::INT AS ni, count(reach)::INT AS nr FROM account_daily`)
    ).toEqual({ f: '15391', g: '23', i: '13148', ni: 2, nr: 0 })
  })

  it('uses the account named at import', async () => {
    const r = await importFile(HOOT_FANS, { account: 'facebook:BrackenfordTestHosp' })
    expect(r.recognition!.accounts.map((a) => a.accountId)).toEqual(['facebook:brackenfordtesthosp'])
    expect(r.warnings.some((w) => w.includes('filed under'))).toBe(false)
    expect(
      await one(`SELECT count(*)::INT AS n FROM account_daily WHERE account_id = 'facebook:brackenfordtesthosp'`)
    ).toEqual({ n: 3 })
  })

  it('a report with no account_daily metric writes no rows and says why', async () => {
    const r = await importFile(HOOT_REACTIONS)
    expect(r.recognition!.format).toBe('hootsuite-account-metrics')
    expect(r.recognition!.daily).toBeNull()
    expect(r.warnings.some((w) => w.includes('no daily rows were written'))).toBe(true)
    expect(await one(`SELECT count(*)::INT AS n FROM account_daily`)).toEqual({ n: 0 })
    expect(r.dataset.rows).toBe(2)
  })
})
