/**
 * The legacy X/Twitter archive (2012-2018): tweets.csv in both column orders it was shipped with, and the Grailbird
 * month files data/js/tweets/YYYY_MM.js. Headers and shapes as public readers of real archives quote them
 * (docs/export-families.md, "X: archive"); rows synthetic.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failureOf, openTestWorkspace, type TestWorkspace } from '../../../../../test/support/workspace'
import { invoke } from '../../invoke'
import { databaseForTests } from '../../engine'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-xleg-')
})
afterEach(() => t.dispose())

const q = (v: string) => `"${v.replace(/"/g, '""')}"`
const csv = (rows: string[][]) => rows.map((r) => r.map(q).join(',')).join('\n') + '\n'
const posts = () =>
  databaseForTests(t.engine).all(
    `SELECT account_id, post_id, strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') AS at, post_type, text,
            url, likes, shares, interactions FROM posts ORDER BY post_id`
  )

describe('x-archive-tweets-csv (legacy tweets.csv)', () => {
  it('2014-2018 column order: tweets, replies and retweets, UTC times, no counts', async () => {
    const file = t.file(
      'tweets.csv',
      csv([
        [
          'tweet_id',
          'in_reply_to_status_id',
          'in_reply_to_user_id',
          'timestamp',
          'source',
          'text',
          'retweeted_status_id',
          'retweeted_status_user_id',
          'retweeted_status_timestamp',
          'expanded_urls'
        ],
        [
          '918239532981669888',
          '',
          '',
          '2017-10-11 22:18:59 +0000',
          '<a href="http://twitter.com/download/iphone" rel="nofollow">Twitter for iPhone</a>',
          'RT @synthetic_news: SYNTHETIC retweet',
          '918238577066217472',
          '2638950678',
          '2017-10-11 22:15:11 +0000',
          ''
        ],
        [
          '918239532981669889',
          '918239532981669000',
          '61233',
          '2017-10-12 08:00:00 +0000',
          'web',
          '@synthetic thanks',
          '',
          '',
          '',
          ''
        ],
        [
          '918239532981669890',
          '',
          '',
          '2017-10-13 09:30:00 +0000',
          'web',
          'SYNTHETIC "flu" clinic & <b>open</b>',
          '',
          '',
          '',
          ''
        ]
      ])
    )
    expect((await failureOf(invoke(t.engine, 'importFile', { path: file, jobId: 'n' }))).code).toBe('ACCOUNT_REQUIRED')
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: 'a', options: { account: '@SyntheticClinic' } })
    expect(r.recognition?.format).toBe('x-archive-tweets-csv')
    expect(r.recognition?.rowsRejected).toBe(0)
    const url = (id: string) => `https://x.com/i/web/status/${id}`
    const none = { likes: null, shares: null, interactions: null }
    expect(await posts()).toEqual([
      {
        account_id: 'x:syntheticclinic',
        post_id: '918239532981669888',
        at: '2017-10-11 22:18:59',
        post_type: 'retweet',
        text: 'RT @synthetic_news: SYNTHETIC retweet',
        url: url('918239532981669888'),
        ...none
      },
      {
        account_id: 'x:syntheticclinic',
        post_id: '918239532981669889',
        at: '2017-10-12 08:00:00',
        post_type: 'reply',
        text: '@synthetic thanks',
        url: url('918239532981669889'),
        ...none
      },
      {
        account_id: 'x:syntheticclinic',
        post_id: '918239532981669890',
        at: '2017-10-13 09:30:00',
        post_type: 'tweet',
        text: 'SYNTHETIC "flu" clinic & <b>open</b>',
        url: url('918239532981669890'),
        ...none
      }
    ])
  })

  it('2012-2013 column order, account from "<handle>_tweets.csv"', async () => {
    const file = t.file(
      'SyntheticHealth_tweets.csv',
      csv([
        [
          'tweet_id',
          'in_reply_to_status_id',
          'in_reply_to_user_id',
          'retweeted_status_id',
          'retweeted_status_user_id',
          'timestamp',
          'source',
          'text',
          'expanded_urls'
        ],
        [
          '281405942321532929',
          '281400879465238529',
          '61233',
          '',
          '',
          '2012-12-19 14:29:39 +0000',
          'web',
          '@synthetic ouch',
          ''
        ],
        ['311761607619391489', '', '', '', '', '2013-03-13 08:52:14 +0000', 'web', 'SYNTHETIC さよなら', '']
      ])
    )
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: 'b' })
    expect(r.recognition?.format).toBe('x-archive-tweets-csv')
    expect((await posts()).map((p) => [p.account_id, p.post_id, p.at, p.post_type, p.text])).toEqual([
      ['x:synthetichealth', '281405942321532929', '2012-12-19 14:29:39', 'reply', '@synthetic ouch'],
      ['x:synthetichealth', '311761607619391489', '2013-03-13 08:52:14', 'tweet', 'SYNTHETIC さよなら']
    ])
  })
})

describe('x-archive-tweets (Grailbird month files)', () => {
  const tweet = (id: string, at: string, text: string, extra = '') => `{
    "source" : "web",
    "entities" : { "user_mentions" : [ ], "media" : [ ], "hashtags" : [ ], "urls" : [ ] },
    "geo" : { },
    "id_str" : "${id}",
    "text" : ${JSON.stringify(text)},
    "id" : ${id},
    "created_at" : "${at}",${extra}
    "user" : { "name" : "SYNTHETIC Clinic & Co", "screen_name" : "SyntheticClinic", "protected" : false, "id_str" : "12345", "id" : 12345, "verified" : false }
  }`

  it('reads `Grailbird.data.tweets_YYYY_MM =`, the old time format, and takes the account from user.screen_name', async () => {
    const file = t.file(
      '2015_01.js',
      `Grailbird.data.tweets_2015_01 = \n [ ${tweet('558807048880521216', '2015-01-24 02:02:37 +0000', 'SYNTHETIC time is 6:01.90.')}, ${tweet(
        '558807048880521217',
        '2015-01-25 03:00:00 +0000',
        'RT @other: SYNTHETIC',
        `\n    "retweeted_status" : { "id_str" : "1", "text" : "SYNTHETIC", "user" : { "screen_name" : "other" } },`
      )} ]\n`
    )
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: 'g' })
    expect(r.recognition?.format).toBe('x-archive-tweets')
    expect(r.recognition?.accounts.map((a) => a.accountId)).toEqual(['x:syntheticclinic'])
    expect(r.recognition?.rowsRejected).toBe(0)
    expect((await posts()).map((p) => [p.account_id, p.post_id, p.at, p.post_type, p.likes])).toEqual([
      ['x:syntheticclinic', '558807048880521216', '2015-01-24 02:02:37', 'tweet', null],
      ['x:syntheticclinic', '558807048880521217', '2015-01-25 03:00:00', 'retweet', null]
    ])
  })
})
