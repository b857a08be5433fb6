/**
 * X analytics (2024+) downloads in other UI languages, as SYNTHETIC fixtures. The Japanese content header is the one
 * a public reader of real Japanese downloads names (docs/export-families.md, "X: header variants by language"); the
 * other languages are the class: each language's names from X_SYNONYMS, one test over all of them, with the date
 * written the way that language writes it.
 */
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failureOf, openTestWorkspace, type TestWorkspace } from '../../../../../test/support/workspace'
import { invoke } from '../../invoke'
import { databaseForTests } from '../../engine'
import { X_SYNONYMS, type Language } from '../synonyms'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-x-locales-')
})
afterEach(() => t.dispose())

const importFile = (path: string, options = {}) =>
  invoke(t.engine, 'importFile', { path, jobId: randomUUID(), options, allowDuplicate: true })
const all = (sql: string) => databaseForTests(t.engine).all(sql)
const quote = (h: string) => (/[\s,"']/.test(h) ? `"${h.replace(/"/g, '""')}"` : h)
const name = (concept: keyof typeof X_SYNONYMS, lang: Language) =>
  (X_SYNONYMS[concept] as Partial<Record<Language, readonly string[]>>)[lang]?.[0] ?? X_SYNONYMS[concept].en[0]

/** 21 and 20 March 2025 as each UI language writes a day with its weekday. */
const DAYS: [Language, string, string][] = [
  ['en', 'Fri, Mar 21, 2025', 'Thu, Mar 20, 2025'],
  ['ja', '2025年3月21日', '2025年3月20日'],
  ['es', 'vie, 21 mar 2025', 'jue, 20 mar 2025'],
  ['pt', 'sex, 21 de mar. de 2025', 'qui, 20 de mar. de 2025'],
  ['fr', 'ven. 21 mars 2025', 'jeu. 20 mars 2025'],
  ['de', 'Fr., 21. März 2025', 'Do., 20. März 2025'],
  ['it', 'ven 21 mar 2025', 'gio 20 mar 2025']
]

describe('X account overview in other UI languages', () => {
  it.each(DAYS)('maps the %s overview: names, dates "%s"', async (lang, day1, day2) => {
    const header = [
      name('date', lang),
      name('impressions', lang),
      name('likes', lang),
      name('engagements', lang),
      name('new_follows', lang),
      name('unfollows', lang),
      name('replies', lang),
      name('reposts', lang),
      name('profile_visits', lang),
      name('video_views', lang)
    ]
      .map(quote)
      .join(',')
    const rows = [`"${day1}","1.070",11,32,3,1,2,1,6,15`, `"${day2}",1303,40,85,0,2,8,4,8,0`]
    const r = await importFile(t.file(`overview_${lang}.csv`, [header, ...rows].join('\n')), { account: 'QuillX' })
    expect(r.recognition?.format).toBe('x-account-overview')
    expect(r.recognition!.rejects).toEqual([])
    expect(
      await all(`SELECT day::VARCHAR AS d, impressions::INT AS i, followers_gained::INT AS g, followers_lost::INT AS l,
        profile_visits::INT AS pv, views::INT AS v FROM account_daily ORDER BY day`)
    ).toEqual([
      { d: '2025-03-20', i: 1303, g: 0, l: 2, pv: 8, v: 0 },
      { d: '2025-03-21', i: 1070, g: 3, l: 1, pv: 6, v: 15 }
    ])
  })

  it('a date in no known shape rejects its row naming the value; the others land', async () => {
    const header = 'Date,Impressions,Engagements,New follows,Unfollows,Profile visits'
    const r = await importFile(
      t.file('overview.csv', [header, '"Fri, Mar 21, 2025",1,1,1,1,1', '"21/03/2025",2,2,2,2,2'].join('\n')),
      { account: 'QuillX' }
    )
    expect(r.recognition!.rejects).toEqual([{ row: 2, reason: 'unreadable date "21/03/2025"' }])
    expect(await all(`SELECT day::VARCHAR AS d FROM account_daily`)).toEqual([{ d: '2025-03-21' }])
  })
})

/** As a Japanese download names them (the reader's columns); the link column's name was not seen. */
const JA_CONTENT_HEADER =
  'ポストID,日付,ポスト本文,インプレッション数,いいね,エンゲージメント,ブックマーク,返信,リポスト,プロフィールへのアクセス数,詳細のクリック数'

describe('X account content in other UI languages', () => {
  it('reads the Japanese content download: without a link column the posts go to the chosen account, or it asks', async () => {
    const rows = [
      '1902622306553184746,2025年3月20日,今日のお知らせ,33,1,2,0,1,0,0,0',
      '1902620805600833905,"Wed, Mar 19, 2025","SYNTHETIC, テスト",1085,20,30,4,3,5,1,0'
    ]
    const text = [JA_CONTENT_HEADER, ...rows].join('\n')
    const refused = await failureOf(importFile(t.file('account_analytics_content_ja.csv', text)))
    expect(refused.code).toBe('ACCOUNT_REQUIRED')
    const r = await importFile(t.file('account_analytics_content_ja.csv', text), {
      account: '@QuillX',
      timeZone: 'Asia/Tokyo'
    })
    expect(r.recognition?.format).toBe('x-account-content')
    expect(r.warnings.some((w) => w.startsWith('No post link column'))).toBe(true)
    expect(
      await all(`SELECT post_id, account_id, strftime(published_at AT TIME ZONE 'Asia/Tokyo', '%Y-%m-%d') AS d,
        impressions::INT AS i, likes::INT AS l, comments::INT AS c, shares::INT AS s, saves::INT AS sv, interactions::INT AS n
        FROM posts ORDER BY post_id`)
    ).toEqual([
      {
        post_id: '1902620805600833905',
        account_id: 'x:quillx',
        d: '2025-03-19',
        i: 1085,
        l: 20,
        c: 3,
        s: 5,
        sv: 4,
        n: 28
      },
      { post_id: '1902622306553184746', account_id: 'x:quillx', d: '2025-03-20', i: 33, l: 1, c: 1, s: 0, sv: 0, n: 2 }
    ])
  })

  it.each(DAYS)('maps the %s content download with a link column (account from the link)', async (lang, day1) => {
    const header = [
      name('post_id', lang),
      name('date', lang),
      name('post_text', lang),
      name('link', lang),
      name('impressions', lang),
      name('likes', lang),
      name('replies', lang),
      name('reposts', lang),
      name('bookmarks', lang),
      name('url_clicks', lang)
    ]
      .map(quote)
      .join(',')
    const row = `1902622306553184746,"${day1}","texte, 1",https://x.com/QuillX/status/1902622306553184746,100,4,2,1,3,7`
    const r = await importFile(t.file(`content_${lang}.csv`, [header, row].join('\n')), { timeZone: 'UTC' })
    expect(r.recognition?.format).toBe('x-account-content')
    expect(
      await all(`SELECT account_id, strftime(published_at, '%Y-%m-%d') AS d, impressions::INT AS i, saves::INT AS sv,
        clicks::INT AS c, interactions::INT AS n FROM posts`)
    ).toEqual([{ account_id: 'x:quillx', d: '2025-03-21', i: 100, sv: 3, c: 7, n: 7 }])
  })
})

/** The Japanese classic downloads as a public reader lists their columns (promoted columns cut short). */
const JA_TWEET_ACTIVITY_HEADER = [
  'ツイートID',
  'ツイートの固定リンク',
  'ツイート本文',
  '時間',
  'インプレッション',
  'エンゲージメント',
  'エンゲージメント率',
  'リツイート',
  '返信',
  'いいね',
  'ユーザープロフィールクリック',
  'URLクリック数',
  'ハッシュタグクリック',
  '詳細クリック',
  '固定リンクのクリック数',
  'メディアの再生数',
  'プロモのインプレッション'
]
  .map((h) => `"${h}"`)
  .join(',')
const JA_DAILY_HEADER = [
  '日付',
  'Tweets published',
  'インプレッション',
  'エンゲージメント',
  'エンゲージメント率',
  'リツイート',
  '返信',
  'いいね',
  'ユーザープロフィールクリック',
  'URLクリック数',
  'フォローしている'
]
  .map((h) => `"${h}"`)
  .join(',')

describe('X classic tweet activity downloads in Japanese', () => {
  it('maps the _ja tweet activity file: account from the permalink, counts as floats', async () => {
    const row = [
      '1366000000000000001',
      'https://twitter.com/QuillJP/status/1366000000000000001',
      'テスト、ブログ更新 #ブログ',
      '2021-03-01 10:00 +0000',
      '1200.0',
      '30.0',
      '0.025',
      '2.0',
      '1.0',
      '12.0',
      '4.0',
      '6.0',
      '0',
      '3',
      '1',
      '0',
      '-'
    ]
      .map((c) => `"${c}"`)
      .join(',')
    const r = await importFile(
      t.file('tweet_activity_metrics_QuillJP_20210301_20210401_ja.csv', [JA_TWEET_ACTIVITY_HEADER, row].join('\n'))
    )
    expect(r.recognition?.format).toBe('x-tweet-activity')
    expect(
      await all(`SELECT account_id, strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS at, impressions::INT AS i,
        likes::INT AS l, comments::INT AS c, shares::INT AS s, clicks::INT AS k, interactions::INT AS n FROM posts`)
    ).toEqual([{ account_id: 'x:quilljp', at: '2021-03-01 10:00', i: 1200, l: 12, c: 1, s: 2, k: 6, n: 15 }])
  })

  it('maps the _ja daily file ("Tweets published" stays English there)', async () => {
    const rows = [
      '"2021-03-01","3","1200","30","0.025","2","1","12","4","6","0"',
      '"2021-03-02","0","80","1","0.0125","0","0","1","0","0","0"'
    ]
    const r = await importFile(
      t.file('daily_tweet_activity_metrics_QuillJP_20210301_20210401_ja.csv', [JA_DAILY_HEADER, ...rows].join('\n'))
    )
    expect(r.recognition?.format).toBe('x-daily-tweet-activity')
    expect(
      await all(
        `SELECT account_id, day::VARCHAR AS d, impressions::INT AS i, profile_visits::INT AS pv FROM account_daily ORDER BY day`
      )
    ).toEqual([
      { account_id: 'x:quilljp', d: '2021-03-01', i: 1200, pv: 4 },
      { account_id: 'x:quilljp', d: '2021-03-02', i: 80, pv: 0 }
    ])
  })
})
