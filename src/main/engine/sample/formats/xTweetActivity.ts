/**
 * X (Twitter) Analytics "Tweet activity" export, one row per tweet, as analytics.twitter.com wrote it:
 * UTF-8 without BOM, LF, every field quoted, organic counts as Python floats ("18.0"), app/media counts
 * as integers, the 18 promoted columns "-", rows newest first, time "2021-12-28 16:45 +0000".
 */
import { Rng } from '../prng'
import { csvLine, pyFloat, quoteAlways, utf8 } from '../csvText'
import type { SampleFile } from '../sampleFile'
import { hm, yearOf, ymd, ymdCompact, YEARS } from '../time'
import type { Account, Post } from '../world'

const HEADER = [
  'Tweet id',
  'Tweet permalink',
  'Tweet text',
  'time',
  'impressions',
  'engagements',
  'engagement rate',
  'retweets',
  'replies',
  'likes',
  'user profile clicks',
  'url clicks',
  'hashtag clicks',
  'detail expands',
  'permalink clicks',
  'app opens',
  'app installs',
  'follows',
  'email tweet',
  'dial phone',
  'media views',
  'media engagements',
  'promoted impressions',
  'promoted engagements',
  'promoted engagement rate',
  'promoted retweets',
  'promoted replies',
  'promoted likes',
  'promoted user profile clicks',
  'promoted url clicks',
  'promoted hashtag clicks',
  'promoted detail expands',
  'promoted permalink clicks',
  'promoted app opens',
  'promoted app installs',
  'promoted follows',
  'promoted email tweet',
  'promoted dial phone',
  'promoted media views',
  'promoted media engagements'
]
const PROMOTED = HEADER.filter((h) => h.startsWith('promoted')).map(() => '-')
const TWITTER_EPOCH = 1288834974657n

/** A snowflake id whose timestamp bits match the tweet time, like real ids. */
function tweetId(rng: Rng, utcMs: number): string {
  return (((BigInt(utcMs) - TWITTER_EPOCH) << 22n) | BigInt(rng.int(0, 4_194_303))).toString()
}

/** X escapes HTML in the text column ("&" → "&amp;"). */
const htmlEscape = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')

function row(rng: Rng, handle: string, p: Post): string {
  const e = Math.max(1, p.interactions)
  const impressions = Math.round(p.followers * 0.22 * Math.pow(p.lift, 0.85) * rng.logNormal(0.3)) + 40
  const hasLink = p.text.text.includes('https://')
  const hasMedia = p.kind === 'photo' || p.kind === 'video'
  const parts = {
    retweets: rng.share(e, 0.1),
    replies: rng.share(e, 0.03),
    likes: rng.share(e, 0.4),
    profile: rng.share(e, 0.06),
    url: hasLink ? rng.share(e, 0.16) : 0,
    hashtag: p.text.text.includes('#') ? rng.share(e, 0.02) : 0,
    detail: rng.share(e, 0.14),
    permalink: rng.share(e, 0.01)
  }
  const follows = rng.poisson(p.viral ? 12 : 0.15)
  const mediaViews = hasMedia ? rng.share(impressions, p.kind === 'video' ? 0.2 : 0.06) : 0
  const mediaEngagements = hasMedia ? Math.min(mediaViews, rng.share(e, 0.08)) : 0
  const engagements = Object.values(parts).reduce((s, v) => s + v, 0) + follows + mediaEngagements
  const imps = Math.max(impressions, engagements * 3)
  const id = tweetId(rng, p.utcMs)
  const cells = [
    id,
    `https://twitter.com/${handle}/status/${id}`,
    htmlEscape(p.text.text),
    `${ymd(p.utcMs)} ${hm(p.utcMs)} +0000`,
    pyFloat(imps),
    pyFloat(engagements),
    pyFloat(engagements / imps),
    ...[
      parts.retweets,
      parts.replies,
      parts.likes,
      parts.profile,
      parts.url,
      parts.hashtag,
      parts.detail,
      parts.permalink
    ].map(pyFloat),
    ...[0, 0, follows, 0, 0, mediaViews, mediaEngagements].map(String),
    ...PROMOTED
  ]
  return csvLine(cells, quoteAlways)
}

/** One file per calendar year, named like the real download ("..._20230101_20240101_en.csv"). */
export function xTweetActivityFiles(account: Account): SampleFile[] {
  const handle = account.profile.handle
  const rng = new Rng(`${account.inst.id}/x/metrics`)
  const rows = account.posts.map((p) => ({ year: yearOf(p.utcMs), line: row(rng, handle, p) }))
  return YEARS.map((year) => {
    const lines = rows
      .filter((r) => r.year === year)
      .map((r) => r.line)
      .reverse()
    const from = Date.UTC(year, 0, 1)
    const to = Date.UTC(year + 1, 0, 1)
    return {
      fileName: `SYNTHETIC_tweet_activity_metrics_${handle}_${ymdCompact(from)}_${ymdCompact(to)}_en.csv`,
      format: 'x-tweet-activity',
      platform: 'x',
      institutions: [account.inst.id],
      encoding: 'utf-8',
      preambleLines: 0,
      rows: lines.length,
      from: ymd(from),
      to: `${year}-12-31`,
      bytes: utf8([csvLine(HEADER, quoteAlways), ...lines].join('\n') + '\n')
    }
  })
}
