/**
 * X/Twitter Analytics "Tweet activity" export, one row per tweet (tweet_activity_metrics_<handle>_<from>_<to>_en.csv).
 * Counts are written as floats ("18.0"); "time" is "2016-12-23 18:50 +0000"; ids are 18-19 digit strings.
 * Generations (docs/export-families.md): until 2015 likes were "favorites"; since the 2023 rename newer files may say
 * "Post id"/"Post permalink"/"Post text" and "reposts" for retweets. All are in the field table below, with the
 * Japanese download's names (ツイートID, ツイート本文, 時間, ...; X_CLASSIC_SYNONYMS in recognize/synonyms.ts).
 * interactions = retweets + replies + likes (X's public engagement).
 */
import { hasFields, resolveFields } from '../fields'
import { countSql, textSql, timestampSql } from '../parseSql'
import { xClassicNames } from '../synonyms'
import type { Recognizer } from '../types'

export const X_TWEET_ACTIVITY_FIELDS = {
  post_id: { names: xClassicNames('post_id'), required: true },
  url: { names: xClassicNames('url'), required: true },
  text: { names: xClassicNames('text'), required: true },
  published_at: { names: xClassicNames('time'), required: true },
  impressions: { names: xClassicNames('impressions'), required: true },
  engagements: { names: xClassicNames('engagements') },
  likes: { names: xClassicNames('likes'), required: true },
  comments: { names: xClassicNames('replies'), required: true },
  shares: { names: xClassicNames('retweets'), required: true },
  clicks: { names: xClassicNames('url_clicks') }
}

export const xTweetActivity: Recognizer = {
  id: 'x-tweet-activity',
  label: 'X (Twitter) tweet activity',
  platform: 'x',
  fields: X_TWEET_ACTIVITY_FIELDS,
  detect: ({ columns }) =>
    hasFields(X_TWEET_ACTIVITY_FIELDS, columns, [
      'post_id',
      'url',
      'text',
      'published_at',
      'impressions',
      'engagements'
    ]),
  privacy: { text: X_TWEET_ACTIVITY_FIELDS.text.names },
  normalize: ({ raw, timeZoneSql, columns }) => {
    const f = resolveFields(X_TWEET_ACTIVITY_FIELDS, columns)
    const url = f.sql('url')
    const text = f.sql('text')
    const time = f.sql('published_at')
    const handle = `lower(regexp_extract(${url}, '(?:twitter|x)\\.com/([^/]+)/status', 1))`
    const n = (field: 'impressions' | 'likes' | 'comments' | 'shares' | 'clicks') => countSql(f.sql(field))
    return {
      accounts: `SELECT DISTINCT 'x:' || ${handle} AS account_id, 'x' AS platform,
                   regexp_extract(${url}, '(?:twitter|x)\\.com/([^/]+)/status', 1) AS handle, NULL AS display_name
                 FROM ${raw} WHERE ${handle} <> ''`,
      posts: `SELECT _row,
          CASE WHEN ${timestampSql(time, timeZoneSql)} IS NULL THEN 'unreadable time "' || coalesce(${time}, '') || '"' END AS _reject,
          CASE WHEN ${handle} <> '' THEN 'x:' || ${handle} END AS account_id,
          'x' AS platform,
          ${textSql(f.sql('post_id'))} AS post_id,
          ${timestampSql(time, timeZoneSql)} AS published_at,
          CASE WHEN ${text} LIKE 'RT @%' THEN 'retweet' WHEN ${text} LIKE '@%' THEN 'reply' ELSE 'tweet' END AS post_type,
          ${text} AS text,
          ${textSql(url)} AS url,
          ${n('impressions')} AS impressions,
          ${n('likes')} AS likes,
          ${n('comments')} AS comments,
          ${n('shares')} AS shares,
          ${n('clicks')} AS clicks,
          ${n('shares')} + ${n('comments')} + ${n('likes')} AS interactions
        FROM ${raw}`
    }
  }
}
