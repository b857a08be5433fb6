/**
 * Facebook post-level "Lifetime Post ..." metrics in the UCI layout: ';' delimited with LF, or ',' with CR-only
 * line ends and no trailing newline. SYNTHETIC rows.
 */
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../../test/support/workspace'
import { invoke } from '../../invoke'
import { databaseForTests } from '../../engine'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-fb-insights-')
})
afterEach(() => t.dispose())

const importFile = (path: string, options = {}) =>
  invoke(t.engine, 'importFile', { path, jobId: randomUUID(), options, allowDuplicate: true })
const all = (sql: string) => databaseForTests(t.engine).all(sql)

const HEADER = [
  'Page total likes',
  'Type',
  'Category',
  'Post Month',
  'Post Weekday',
  'Post Hour',
  'Paid',
  'Lifetime Post Total Reach',
  'Lifetime Post Total Impressions',
  'Lifetime Engaged Users',
  'Lifetime Post Consumers',
  'Lifetime Post Consumptions',
  'Lifetime Post Impressions by people who have liked your Page',
  'Lifetime Post reach by people who like your Page',
  'Lifetime People who have liked your Page and engaged with your post',
  'comment',
  'like',
  'share',
  'Total Interactions'
]
const ROWS = [
  [
    '139441',
    'Photo',
    '2',
    '12',
    '4',
    '3',
    '0',
    '2752',
    '5091',
    '178',
    '109',
    '159',
    '3078',
    '1640',
    '119',
    '4',
    '79',
    '17',
    '100'
  ],
  [
    '139441',
    'Status',
    '2',
    '12',
    '3',
    '10',
    '0',
    '10460',
    '19057',
    '1457',
    '1361',
    '1674',
    '11710',
    '6112',
    '1108',
    '5',
    '130',
    '29',
    '164'
  ],
  // Missing like and share (empty cells): NULL, not 0.
  [
    '139441',
    'Photo',
    '3',
    '12',
    '3',
    '3',
    '',
    '2413',
    '4373',
    '177',
    '113',
    '154',
    '2812',
    '1503',
    '132',
    '0',
    '',
    '',
    '0'
  ],
  // The same post twice (identical rows happen in this dataset): two posts, two ids.
  ['139441', 'Link', '1', '11', '2', '9', '1', '500', '800', '20', '10', '12', '600', '300', '9', '1', '5', '1', '7'],
  ['139441', 'Link', '1', '11', '2', '9', '1', '500', '800', '20', '10', '12', '600', '300', '9', '1', '5', '1', '7']
]

describe('facebook-post-insights', () => {
  it('loads posts with synthesized stable ids and NULL publish times; the CR-only comma variant lands on the same posts', async () => {
    const semicolon = [HEADER, ...ROWS].map((r) => r.join(';')).join('\n') + '\n'
    const r = await importFile(t.file('dataset_Facebook.csv', semicolon), { account: 'CosmeticsTest' })
    const rec = r.recognition!
    expect(rec.format).toBe('facebook-post-insights')
    expect(rec.accounts.map((a) => a.accountId)).toEqual(['facebook:cosmeticstest'])
    expect(rec.posts).toEqual({ new: 5, updated: 0, unchanged: 0 })
    expect(r.warnings.some((w) => w.includes('no post ids and no dates'))).toBe(true)
    expect(
      await all(`SELECT count(*)::INT AS n, count(published_at)::INT AS dated, sum(likes)::INT AS l, count(likes)::INT AS nl,
        sum(interactions)::INT AS i, sum(reach)::INT AS r, sum(impressions)::INT AS im, max(followers_at_post)::INT AS f,
        count(DISTINCT post_id)::INT AS ids, min(post_type) AS pt FROM posts`)
    ).toEqual([{ n: 5, dated: 0, l: 219, nl: 4, i: 278, r: 16625, im: 30121, f: 139441, ids: 5, pt: 'link' }])
    // The comma variant with CR-only line ends and no final newline: same rows, so the same ids, nothing doubled.
    const cr = [HEADER, ...ROWS.slice(0, 3)].map((x) => x.join(',')).join('\r')
    const again = await importFile(t.file('dataset_Facebook_cr.csv', cr), { account: 'CosmeticsTest' })
    expect(again.recognition!.posts).toEqual({ new: 0, updated: 0, unchanged: 3 })
    expect(await all(`SELECT count(*)::INT AS n FROM posts`)).toEqual([{ n: 5 }])
  })
})
