/**
 * Sprout Social profile-day reports: one row per (date, profile) → account_daily. All are long-format, so a
 * competitor report files each competitor's profile as its own account.
 * - sprout-profile-performance ("Profile Performance"): followers = Audience, followers_gained = Audience Gained,
 *   impressions = Impressions, views = Video Views.
 * - sprout-instagram-profiles ("Instagram Business Profiles"): followers, followers_gained, followers_lost, reach;
 *   impressions = "Views": for the same profile and day this is exactly Profile Performance's "Impressions" (checked
 *   on real exports), so both reports agree instead of one overwriting the other's views.
 * - sprout-tiktok-profiles ("TikTok Profiles"): followers, views = Video Views, impressions, profile_visits = Profile Views.
 * - sprout-competitor-performance ("Competitor Performance", any network) and sprout-instagram-competitors
 *   ("Instagram Competitors"): followers = Audience / Followers (Sprout has only public numbers for competitors).
 * Engagement totals per day have no account_daily column; they stay in the raw table. No interactions here (daily).
 * Rows where every mapped metric is empty (days before Sprout tracked the profile) are not loaded; a warning counts them.
 */
import type { Platform } from '../../../../shared/types'
import { literal } from '../../db/sql'
import { hasColumns } from '../headers'
import { countSql, daySql } from '../parseSql'
import type { NormalizeContext, NormalizeOutput, Recognizer } from '../types'
import { SPROUT_DAY_FORMATS, columnOrNull, sproutHandleSql, sproutNetworkSql } from './sprout'

type DailyMetric =
  'followers' | 'followers_gained' | 'followers_lost' | 'impressions' | 'reach' | 'views' | 'profile_visits'

interface SproutDailySpec {
  id: string
  label: string
  platform: Platform
  /** Columns that together identify the report. */
  signature: string[]
  profile: string
  /** A fixed platform, or the "Network" column. */
  network: Platform | 'column'
  metrics: Partial<Record<DailyMetric, string>>
}

async function sproutDaily(spec: SproutDailySpec, ctx: NormalizeContext): Promise<NormalizeOutput> {
  const c = columnOrNull(ctx.columns)
  const platform = spec.network === 'column' ? sproutNetworkSql(c('Network')) : literal(spec.network)
  const metrics = Object.entries(spec.metrics).map(([k, name]) => `${countSql(c(name))} AS ${k}`)
  const names = Object.keys(spec.metrics)
  const p = await ctx.materialize(
    'sprout_daily',
    `SELECT _row, ${platform} AS platform, ${sproutHandleSql(c(spec.profile))} AS handle,
      ${daySql(c('Date'), ctx.timeZoneSql, SPROUT_DAY_FORMATS)} AS day, ${c('Date')} AS day_text, ${metrics.join(', ')}
    FROM ${ctx.raw}`
  )
  const empty = names.map((n) => `${n} IS NULL`).join(' AND ')
  const skipped = Number(
    (
      await ctx.conn.runAndReadAll(`SELECT count(*) AS n FROM ${p} WHERE ${empty} AND day IS NOT NULL`)
    ).getRowObjectsJson()[0].n
  )
  if (skipped > 0) {
    ctx.warn(
      `${spec.label}: ${skipped} rows have no value in any of ${names.join(', ')} (days before Sprout had data for the profile); they were not loaded.`
    )
  }
  const account = `CASE WHEN handle IS NOT NULL THEN platform || ':' || lower(handle) END`
  return {
    accounts: `SELECT DISTINCT ${account} AS account_id, platform, handle, NULL AS display_name FROM ${p} WHERE handle IS NOT NULL`,
    daily: `SELECT _row,
        CASE WHEN day IS NULL THEN 'unreadable Date "' || coalesce(day_text, '') || '" (expected MM-DD-YYYY)' END AS _reject,
        ${account} AS account_id, platform, day, ${names.join(', ')}
      FROM ${p} WHERE day IS NULL OR NOT (${empty})`
  }
}

function sproutDailyRecognizer(spec: SproutDailySpec): Recognizer {
  return {
    id: spec.id,
    label: spec.label,
    platform: spec.platform,
    detect: ({ columns }) => hasColumns(columns, ['Date', spec.profile, ...spec.signature]),
    normalize: (ctx) => sproutDaily(spec, ctx)
  }
}

export const sproutProfilePerformance = sproutDailyRecognizer({
  id: 'sprout-profile-performance',
  label: 'Sprout Social profile performance',
  platform: 'other',
  signature: ['Network', 'Audience', 'Audience Gained', 'Impressions', 'Sent Messages (Total)'],
  profile: 'Profile',
  network: 'column',
  metrics: {
    followers: 'Audience',
    followers_gained: 'Audience Gained',
    impressions: 'Impressions',
    views: 'Video Views'
  }
})

export const sproutInstagramProfiles = sproutDailyRecognizer({
  id: 'sprout-instagram-profiles',
  label: 'Sprout Social Instagram business profiles',
  platform: 'instagram',
  signature: ['Followers', 'Followers Gained', 'Followers Lost', 'Views', 'Reach', 'Organic Engagements'],
  profile: 'Instagram Profile',
  network: 'instagram',
  metrics: {
    followers: 'Followers',
    followers_gained: 'Followers Gained',
    followers_lost: 'Followers Lost',
    impressions: 'Views',
    reach: 'Reach'
  }
})

export const sproutTiktokProfiles = sproutDailyRecognizer({
  id: 'sprout-tiktok-profiles',
  label: 'Sprout Social TikTok profiles',
  platform: 'tiktok',
  signature: ['Followers', 'Net Follower Growth', 'Video Views', 'Impressions', 'Profile Views'],
  profile: 'TikTok Profiles',
  network: 'tiktok',
  metrics: { followers: 'Followers', views: 'Video Views', impressions: 'Impressions', profile_visits: 'Profile Views' }
})

export const sproutCompetitorPerformance = sproutDailyRecognizer({
  id: 'sprout-competitor-performance',
  label: 'Sprout Social competitor performance',
  platform: 'other',
  signature: ['Network', 'Audience', 'Net Audience Growth', 'Public Engagements per Post'],
  profile: 'Profile',
  network: 'column',
  metrics: { followers: 'Audience' }
})

export const sproutInstagramCompetitors = sproutDailyRecognizer({
  id: 'sprout-instagram-competitors',
  label: 'Sprout Social Instagram competitors',
  platform: 'instagram',
  signature: ['Followers', 'Net Follower Growth', 'Public Engagements per Post', '% Follower Growth'],
  profile: 'Instagram Profile',
  network: 'instagram',
  metrics: { followers: 'Followers' }
})
