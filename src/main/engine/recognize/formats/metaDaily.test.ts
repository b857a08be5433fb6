/**
 * Meta Business Suite daily metric files, written here as SYNTHETIC fixtures with each real quirk: UTF-16LE + BOM,
 * `sep=,`, title line, stacked Facebook-then-Instagram series, DST-shifted midnights, tab/semicolon re-saves.
 */
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dsTables, failureOf, openTestWorkspace, type TestWorkspace } from '../../../../../test/support/workspace'
import { invoke } from '../../invoke'
import { databaseForTests } from '../../engine'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-meta-daily-')
})
afterEach(() => t.dispose())

const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
const q = (...cells: string[]) => cells.map((c) => `"${c}"`).join(',')
const importFile = (path: string, options = {}) =>
  invoke(t.engine, 'importFile', { path, jobId: randomUUID(), options, allowDuplicate: true })
const all = (sql: string) => databaseForTests(t.engine).all(sql)

/** Meta's own layout: a Facebook series, then the Instagram one with its own title and header. */
const STACKED = [
  'sep=,',
  q('Follows'),
  q('Date', 'Primary'),
  q('2025-03-07T01:00:00', '3'),
  q('2025-03-08T01:00:00', '0'),
  // US DST starts on 9 March: Meta's midnights move from 01:00 to 00:00 in the stamp.
  q('2025-03-10T00:00:00', '5'),
  q('2025-03-11T00:00:00', 'lots'),
  '',
  q('Instagram follows'),
  q('Date', 'Primary'),
  q('2025-03-07T01:00:00', '2'),
  q('2025-03-08T01:00:00', ''),
  q('2025-03-10T00:00:00', '1'),
  '',
  ''
].join('\n')

describe('meta-business-suite-daily', () => {
  it('splits stacked Facebook and Instagram series, maps Follows to followers_gained, rejects an unreadable value', async () => {
    const r = await importFile(t.file('Follows.csv', utf16(STACKED)), { account: 'MH4Test' })
    const rec = r.recognition!
    expect(rec.format).toBe('meta-business-suite-daily')
    expect(rec.accounts.map((a) => a.accountId)).toEqual(['facebook:mh4test', 'instagram:mh4test'])
    expect(rec.daily).toEqual({ new: 6, updated: 0, unchanged: 0 })
    // Raw rows: 1-4 Facebook, 5 the Instagram title, 6 its header, 7-9 Instagram.
    expect(rec.rejects).toEqual([{ row: 4, reason: 'unreadable value "lots"' }])
    expect(rec.period).toEqual({ from: '2025-03-07', to: '2025-03-10' })
    expect(r.warnings.some((w) => w.includes('2 stacked series'))).toBe(true)
    expect(
      await all(
        `SELECT account_id, platform, day::VARCHAR AS day, followers_gained::INT AS g, reach FROM account_daily ORDER BY platform, day`
      )
    ).toEqual([
      { account_id: 'facebook:mh4test', platform: 'facebook', day: '2025-03-07', g: 3, reach: null },
      { account_id: 'facebook:mh4test', platform: 'facebook', day: '2025-03-08', g: 0, reach: null },
      { account_id: 'facebook:mh4test', platform: 'facebook', day: '2025-03-10', g: 5, reach: null },
      { account_id: 'instagram:mh4test', platform: 'instagram', day: '2025-03-07', g: 2, reach: null },
      // An empty cell is NULL (not reported), never 0.
      { account_id: 'instagram:mh4test', platform: 'instagram', day: '2025-03-08', g: null, reach: null },
      { account_id: 'instagram:mh4test', platform: 'instagram', day: '2025-03-10', g: 1, reach: null }
    ])
  })

  it('reads tab and semicolon spreadsheet re-saves, and merges metrics of one account into one row per day', async () => {
    const reach = [
      'sep=\t',
      'Facebook reach\t',
      'Date\tPrimary',
      '2025-03-07T01:00:00\t1200',
      '2025-03-08T01:00:00\t#NAME?'
    ].join('\r\n')
    const follows = ['Facebook follows;', 'Date;Primary', '2025-03-07T01:00:00;4', '2025-03-09T00:00:00;6', ''].join(
      '\n'
    )
    const a = await importFile(t.file('Reach.csv', utf16(reach)), { account: 'facebook:Vintage' })
    expect(a.recognition!.daily).toEqual({ new: 2, updated: 0, unchanged: 0 })
    expect(a.warnings).toContain(
      'Column "Primary": 1 cell(s) were spreadsheet errors such as "#NAME?" and were read as empty (NULL).'
    )
    const b = await importFile(t.file('Follows.csv', follows), { account: 'facebook:Vintage' })
    expect(b.recognition!.format).toBe('meta-business-suite-daily')
    expect(b.recognition!.daily).toEqual({ new: 1, updated: 1, unchanged: 0 })
    expect(
      await all(
        `SELECT day::VARCHAR AS day, reach::INT AS r, followers_gained::INT AS g FROM account_daily ORDER BY day`
      )
    ).toEqual([
      { day: '2025-03-07', r: 1200, g: 4 },
      { day: '2025-03-08', r: null, g: null },
      { day: '2025-03-09', r: null, g: 6 }
    ])
  })

  it('re-importing an overlapping export counts new, updated and unchanged days without double counting', async () => {
    const file = (name: string, rows: [string, string][]) =>
      t.file(
        name,
        utf16(
          ['sep=,', q('Facebook visits'), q('Date', 'Primary'), ...rows.map(([d, v]) => q(d, v)), '', ''].join('\n')
        )
      )
    await importFile(
      file('Visits.csv', [
        ['2025-01-01T01:00:00', '10'],
        ['2025-01-02T01:00:00', '20']
      ]),
      { account: 'p' }
    )
    const r = await importFile(
      file('Visits (2).csv', [
        ['2025-01-02T01:00:00', '20'],
        ['2025-01-01T01:00:00', '11'],
        ['2025-01-03T01:00:00', '30']
      ]),
      { account: 'p' }
    )
    expect(r.recognition!.daily).toEqual({ new: 1, updated: 1, unchanged: 1 })
    expect(await all(`SELECT count(*)::INT AS n, sum(profile_visits)::INT AS s FROM account_daily`)).toEqual([
      { n: 3, s: 61 }
    ])
  })

  it('takes the platform from the file name or the account when the title names none, and files the sample under its handle', async () => {
    const views = ['sep=,', q('Views'), q('Date', 'Primary'), q('2025-11-01T00:00:00', '300'), ''].join('\n')
    // "IG VIEWS.csv" settles the platform but names no account: refused until one is chosen.
    const refused = await failureOf(importFile(t.file('IG VIEWS.csv', utf16(views))))
    expect(refused).toMatchObject({
      code: 'ACCOUNT_REQUIRED',
      message: expect.stringMatching(/^IG VIEWS\.csv does not name its Instagram account/)
    })
    const ig = await importFile(t.file('IG VIEWS.csv', utf16(views)), { account: 'vintagetest' })
    expect(ig.recognition!.accounts.map((a) => a.accountId)).toEqual(['instagram:vintagetest'])
    expect(ig.warnings).toContain(
      'The metric title "Views" does not name the platform; filed as instagram because the file name or account names instagram.'
    )
    const sample = await importFile(
      t.file('SYNTHETIC_meta_QuillTest_Follows_2025.csv', utf16(STACKED.replace('"lots"', '"7"')))
    )
    expect(sample.recognition!.accounts.map((a) => a.accountId)).toEqual(['facebook:quilltest', 'instagram:quilltest'])
    const plain = await importFile(t.file('Views.csv', utf16(views)), { account: 'instagram:someone' })
    expect(plain.recognition!.accounts.map((a) => a.accountId)).toEqual(['instagram:someone'])
    expect(await all(`SELECT sum(views)::INT AS v FROM account_daily WHERE platform = 'instagram'`)).toEqual([
      { v: 600 }
    ])
  })

  it('a title naming no platform ("Reach", "Alcance") is never guessed: the workspace, the chosen platform, else PLATFORM_REQUIRED', async () => {
    const series = (title: string, value: string) =>
      utf16(
        [
          'sep=,',
          q(title),
          q('Date', 'Primary'),
          q('2025-11-01T00:00:00', value),
          q('2025-11-02T00:00:00', value),
          ''
        ].join('\n')
      )
    const before = await dsTables(t.engine)
    const refused = await failureOf(importFile(t.file('Reach.csv', series('Reach', '10')), { account: 'vintagetest' }))
    expect(refused.code).toBe('PLATFORM_REQUIRED')
    expect(refused.message).toMatch(
      /^Reach\.csv: the metric title "Reach" does not say Facebook or Instagram.*--platform instagram/
    )
    expect(await dsTables(t.engine)).toEqual(before)
    expect(await all(`SELECT count(*)::INT AS n FROM accounts`)).toEqual([{ n: 0 }])
    // The Spanish UI's "Alcance" is no different; the platform chosen for the import settles it.
    const chosen = await importFile(t.file('Alcance.csv', series('Alcance', '7')), {
      account: 'vintagetest',
      platform: 'instagram'
    })
    expect(chosen.recognition!.accounts.map((a) => a.accountId)).toEqual(['instagram:vintagetest'])
    expect(chosen.recognition!.platform).toBe('instagram')
    // Now the handle exists on Instagram only, so the same file with just the account goes there too.
    const known = await importFile(t.file('Reach.csv', series('Reach', '10')), { account: 'VintageTest' })
    expect(known.recognition!.accounts.map((a) => a.accountId)).toEqual(['instagram:vintagetest'])
    expect(known.warnings.some((w) => w.includes('the account exists in this workspace on instagram only'))).toBe(true)
    expect(await all(`SELECT platform, sum(reach)::INT AS r FROM account_daily GROUP BY platform`)).toEqual([
      { platform: 'instagram', r: 20 }
    ]) // the same two days, updated
  })

  it('the preview says what is open: the platform of "Reach", the account of a metric-named file', async () => {
    const reach = t.file(
      'Reach.csv',
      utf16(['sep=,', q('Reach'), q('Date', 'Primary'), q('2025-11-01T00:00:00', '5'), ''].join('\n'))
    )
    const p = await invoke(t.engine, 'previewImport', { path: reach })
    expect(p.identity).toEqual({
      account: null,
      accountRequired: true,
      platform: null,
      platforms: ['facebook', 'instagram'],
      platformRequired: true,
      platformReason: 'the title "Reach" names no platform'
    })
    const withChoice = await invoke(t.engine, 'previewImport', { path: reach, options: { platform: 'instagram' } })
    expect(withChoice.identity).toMatchObject({
      platform: 'instagram',
      platforms: ['instagram'],
      platformReason: 'chosen for this import'
    })
    const sample = t.file('SYNTHETIC_meta_QuillTest_Follows_2025.csv', utf16(STACKED))
    expect((await invoke(t.engine, 'previewImport', { path: sample })).identity).toEqual({
      account: 'QuillTest',
      accountRequired: false,
      platform: null,
      platforms: ['facebook', 'instagram'],
      platformRequired: false,
      platformReason: 'Meta stacks the Facebook series above the Instagram one'
    })
  })

  it('keeps metrics without an account_daily column in the raw table only, and says so', async () => {
    const text = ['sep=,', q('Content interactions'), q('Date', 'Primary'), q('2025-11-01T00:00:00', '110'), ''].join(
      '\n'
    )
    const r = await importFile(t.file('IG_INTERACTIONS.csv', utf16(text)))
    expect(r.recognition!.format).toBe('meta-business-suite-daily')
    expect(r.recognition!.daily).toBeNull()
    // Nothing landed, so no account was needed, and none was created.
    expect(r.recognition!.accounts).toEqual([])
    expect(await all(`SELECT count(*)::INT AS n FROM accounts`)).toEqual([{ n: 0 }])
    expect(r.warnings).toContain(
      '"Content interactions" (instagram) has no column in account_daily; it is kept in the raw table only.'
    )
    expect(await all(`SELECT count(*)::INT AS n FROM account_daily`)).toEqual([{ n: 0 }])
    expect(await all(`SELECT "Primary" AS p FROM ${r.dataset.tableName}`)).toEqual([{ p: '110' }])
  })

  it('a Follows + Unfollows pair for one account fills both columns of each day, neither block blanks the other', async () => {
    const text = [
      'sep=,',
      q('Facebook follows'),
      q('Date', 'Primary'),
      q('2025-03-07T01:00:00', '4'),
      q('2025-03-08T01:00:00', '6'),
      '',
      q('Facebook unfollows'),
      q('Date', 'Primary'),
      q('2025-03-07T01:00:00', '1'),
      q('2025-03-08T01:00:00', '2'),
      ''
    ].join('\n')
    const r = await importFile(t.file('Follows.csv', utf16(text)), { account: 'facebook:Vintage' })
    expect(r.recognition!.daily).toEqual({ new: 2, updated: 0, unchanged: 0 })
    expect(
      await all(
        `SELECT day::VARCHAR AS day, followers_gained::INT AS g, followers_lost::INT AS l FROM account_daily ORDER BY day`
      )
    ).toEqual([
      { day: '2025-03-07', g: 4, l: 1 },
      { day: '2025-03-08', g: 6, l: 2 }
    ])
  })

  it('a Facebook account chosen for a stacked file is never reused as the Instagram account: asked for, or named too', async () => {
    const file = () => t.file('Follows.csv', utf16(STACKED.replace('"lots"', '"7"')))
    const before = await dsTables(t.engine)
    const refused = await failureOf(importFile(file(), { account: 'facebook:1032418178499222' }))
    expect(refused.code).toBe('ACCOUNT_REQUIRED')
    expect(refused.message).toMatch(/Instagram account/)
    expect(refused.message).toMatch(/facebook:1032418178499222/)
    expect(await dsTables(t.engine)).toEqual(before)
    expect(await all(`SELECT count(*)::INT AS n FROM accounts`)).toEqual([{ n: 0 }])
    // Both named (the dialog's "A new account…" field or --account takes a list): each block goes to its own.
    const both = await importFile(file(), { account: 'facebook:1032418178499222, instagram:mh4u.test' })
    expect(both.recognition!.accounts.map((a) => a.accountId)).toEqual([
      'facebook:1032418178499222',
      'instagram:mh4u.test'
    ])
    expect(await all(`SELECT DISTINCT account_id FROM account_daily ORDER BY 1`)).toEqual([
      { account_id: 'facebook:1032418178499222' },
      { account_id: 'instagram:mh4u.test' }
    ])
  })
})
