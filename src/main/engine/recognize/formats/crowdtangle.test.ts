import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { databaseForTests, openEngine, type Engine } from '../../engine'
import { invoke } from '../../invoke'

const FIXTURES = resolve(__dirname, '../../../../../test/fixtures/exports')
const SEARCH_1 = join(FIXTURES, 'crowdtangle-search/SYNTHETIC-2023-03-13-10-00-00-EDT-search-csv-export.csv')
const SEARCH_2 = join(FIXTURES, 'crowdtangle-search/SYNTHETIC-2023-03-21-10-00-00-EDT-search-csv-export.csv')
const HISTORY = join(FIXTURES, 'crowdtangle-post-history/history_post_9000000000000001.csv')

let dir: string
let engine: Engine
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sb-ct-'))
  engine = await openEngine(dir)
})
afterEach(() => {
  engine.close()
  rmSync(dir, { recursive: true, force: true })
})

const importFile = (path: string, options = {}) =>
  invoke(engine, 'importFile', { path, jobId: randomUUID(), options, allowDuplicate: true })
const one = async (sql: string) => (await databaseForTests(engine).all(sql))[0]

describe('crowdtangle-search', () => {
  it('loads posts with dot-thousands totals, zone abbreviations and follower snapshots', async () => {
    const r = await importFile(SEARCH_1)
    const rec = r.recognition!
    expect(rec.format).toBe('crowdtangle-search')
    expect(rec.platform).toBe('facebook')
    expect(rec.posts).toEqual({ new: 4, updated: 0, unchanged: 0 })
    expect(rec.daily).toEqual({ new: 2, updated: 0, unchanged: 0 })
    expect(rec.rowsRejected).toBe(1)
    expect(rec.rejects).toEqual([{ row: 5, reason: 'unreadable Post Created "05/01/2023 noon"' }])
    expect(rec.accounts.map((a) => a.accountId)).toEqual(['facebook:brackenfordtesthosp', 'facebook:quilltestclinic'])
    // "1.992" is 1992: the sum of the seven reaction columns, comments and shares.
    expect(
      await one(
        `SELECT sum(interactions)::BIGINT AS i, sum(likes)::BIGINT AS l, sum(reactions)::BIGINT AS re, count(*)::INT AS n FROM posts`
      )
    ).toEqual({ i: '2280', l: '1696', re: '1927', n: 4 })
    expect(
      await one(`SELECT interactions::BIGINT AS i, reactions::BIGINT AS r, likes::BIGINT AS l, comments::BIGINT AS c, shares::BIGINT AS s,
        views, followers_at_post::BIGINT AS f, strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS t, account_id, post_type
      FROM posts WHERE post_id = '9000000000000001'`)
    ).toEqual({
      i: '1992',
      r: '1665',
      l: '1439',
      c: '114',
      s: '213',
      views: null,
      f: '45310',
      t: '2023-03-12 13:15',
      account_id: 'facebook:brackenfordtesthosp',
      post_type: 'Photo'
    })
    // EDT is UTC-4, EST UTC-5; video views load, other types have none.
    expect(
      await one(
        `SELECT strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS t, views::BIGINT AS v FROM posts WHERE post_id = '9000000000000002'`
      )
    ).toEqual({ t: '2023-03-12 22:40', v: '12345' })
    expect(
      await one(
        `SELECT strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS t, followers_at_post FROM posts WHERE post_id = '9000000000000004'`
      )
    ).toEqual({ t: '2023-01-06 04:30', followers_at_post: null })
    // Two posts on 2023-03-12: the later one's follower count is that day's.
    expect(
      await databaseForTests(engine).all(
        `SELECT account_id, day::VARCHAR AS day, followers::BIGINT AS f, reach FROM account_daily ORDER BY day`
      )
    ).toEqual([
      { account_id: 'facebook:brackenfordtesthosp', day: '2023-01-05', f: '45500', reach: null },
      { account_id: 'facebook:brackenfordtesthosp', day: '2023-03-12', f: '45400', reach: null }
    ])
  })

  it('reads follower days in the chosen zone', async () => {
    await importFile(SEARCH_1, { timeZone: 'Asia/Tokyo' })
    // 2023-03-12 22:40 UTC is the 13th in Tokyo; 13:15 UTC is still the 12th.
    expect(
      await databaseForTests(engine).all(
        `SELECT day::VARCHAR AS day, followers::BIGINT AS f FROM account_daily ORDER BY day`
      )
    ).toEqual([
      { day: '2023-01-05', f: '45500' },
      { day: '2023-03-12', f: '45310' },
      { day: '2023-03-13', f: '45400' }
    ])
  })

  it('re-importing an overlapping export updates, adds and leaves alone without double counting', async () => {
    await importFile(SEARCH_1)
    const r = await importFile(SEARCH_2)
    expect(r.recognition!.posts).toEqual({ new: 1, updated: 1, unchanged: 1 })
    expect(r.recognition!.daily).toEqual({ new: 1, updated: 0, unchanged: 2 })
    expect(await one(`SELECT count(*)::INT AS n, sum(likes)::BIGINT AS l FROM posts`)).toEqual({ n: 5, l: '1806' })
    expect(
      await one(
        `SELECT likes::BIGINT AS l, views::BIGINT AS v, interactions::BIGINT AS i FROM posts WHERE post_id = '9000000000000002'`
      )
    ).toEqual({ l: '300', v: '20000', i: '320' })
  })
})

describe('crowdtangle-post-history', () => {
  it('updates the post from its latest snapshot only', async () => {
    const r = await importFile(HISTORY)
    const rec = r.recognition!
    expect(rec.format).toBe('crowdtangle-post-history')
    expect(rec.posts).toEqual({ new: 1, updated: 0, unchanged: 0 })
    expect(rec.daily).toBeNull()
    expect(rec.rejects).toEqual([{ row: 3, reason: 'unreadable Score Date "not a date"' }])
    expect(r.warnings.some((w) => w.includes('4 snapshots of one post'))).toBe(true)
    expect(
      await databaseForTests(engine)
        .all(`SELECT account_id, post_id, likes::BIGINT AS l, comments::BIGINT AS c, shares::BIGINT AS s,
        reactions::BIGINT AS r, interactions::BIGINT AS i, views, strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS t FROM posts`)
    ).toEqual([
      {
        account_id: 'facebook:brackenfordtesthosp',
        post_id: '9000000000000001',
        l: '1439',
        c: '114',
        s: '213',
        r: '1665',
        i: '1992',
        views: null,
        t: '2023-03-12 13:15'
      }
    ])
  })

  it('lands on the same post and account as the search export', async () => {
    await importFile(SEARCH_1)
    const r = await importFile(HISTORY)
    // Same counts; only the URL differs (the history names the page by its handle).
    expect(r.recognition!.posts).toEqual({ new: 0, updated: 1, unchanged: 0 })
    expect(await one(`SELECT count(*)::INT AS n, sum(interactions)::BIGINT AS i FROM posts`)).toEqual({
      n: 4,
      i: '2280'
    })
    expect(await one(`SELECT count(*)::INT AS n FROM accounts`)).toEqual({ n: 2 })
  })
})
