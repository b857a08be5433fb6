/**
 * X/Twitter Analytics "Tweet activity" export, one row per tweet (tweet_activity_metrics_<handle>_<from>_<to>_en.csv).
 * Counts are written as floats ("18.0"); "time" is "2016-12-23 18:50 +0000"; ids are 18-19 digit strings.
 * interactions = retweets + replies + likes (X's public engagement).
 */
import { hasColumns } from '../headers'
import { col, countSql, textSql, timestampSql } from '../parseSql'
import type { Recognizer } from '../types'

const HANDLE = `lower(regexp_extract(${col('Tweet permalink')}, '(?:twitter|x)\\.com/([^/]+)/status', 1))`

export const xTweetActivity: Recognizer = {
  id: 'x-tweet-activity',
  label: 'X (Twitter) tweet activity',
  platform: 'x',
  detect: ({ columns }) => hasColumns(columns, ['Tweet id', 'Tweet permalink', 'Tweet text', 'time', 'impressions', 'engagements']),
  privacy: { text: ['Tweet text'] },
  normalize: ({ raw, timeZoneSql }) => ({
    accounts: `SELECT DISTINCT 'x:' || ${HANDLE} AS account_id, 'x' AS platform,
                 regexp_extract(${col('Tweet permalink')}, '(?:twitter|x)\\.com/([^/]+)/status', 1) AS handle, NULL AS display_name
               FROM ${raw} WHERE ${HANDLE} <> ''`,
    posts: `SELECT _row,
        CASE WHEN ${timestampSql(col('time'), timeZoneSql)} IS NULL THEN 'unreadable time "' || coalesce(${col('time')}, '') || '"' END AS _reject,
        CASE WHEN ${HANDLE} <> '' THEN 'x:' || ${HANDLE} END AS account_id,
        'x' AS platform,
        ${textSql(col('Tweet id'))} AS post_id,
        ${timestampSql(col('time'), timeZoneSql)} AS published_at,
        CASE WHEN ${col('Tweet text')} LIKE 'RT @%' THEN 'retweet' WHEN ${col('Tweet text')} LIKE '@%' THEN 'reply' ELSE 'tweet' END AS post_type,
        ${col('Tweet text')} AS text,
        ${textSql(col('Tweet permalink'))} AS url,
        ${countSql(col('impressions'))} AS impressions,
        ${countSql(col('likes'))} AS likes,
        ${countSql(col('replies'))} AS comments,
        ${countSql(col('retweets'))} AS shares,
        ${countSql(col('url clicks'))} AS clicks,
        ${countSql(col('retweets'))} + ${countSql(col('replies'))} + ${countSql(col('likes'))} AS interactions
      FROM ${raw}`
  })
}
