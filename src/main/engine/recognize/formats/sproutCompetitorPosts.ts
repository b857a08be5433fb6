/**
 * Sprout Social "Competitor Posts" report: one row per public post of the user's and competitors' profiles.
 * Date "7/24/2025 11:44 am" has no zone: read in the import's zone. Captions span lines (bare LF inside CRLF records).
 * interactions = Public Engagements = Reactions + Comments + Shares (Sprout's public engagement; checked on real
 * exports). reactions = Reactions; likes = Reactions on Instagram and TikTok, where a like is the only reaction.
 * post_type = Content Type (Photo / Video / Carousel), else Post Type (Post / Reel / Story).
 */
import { hasColumns } from '../headers'
import { countSql, textSql, timestampSql } from '../parseSql'
import type { Recognizer } from '../types'
import { columnOrNull, sproutHandleSql, sproutNetworkSql } from './sprout'

export const sproutCompetitorPosts: Recognizer = {
  id: 'sprout-competitor-posts',
  label: 'Sprout Social competitor posts',
  platform: 'other',
  detect: ({ columns }) =>
    hasColumns(columns, ['Date', 'Post ID', 'Network', 'Profile', 'Link', 'Post', 'Public Engagements']),
  privacy: { text: ['Post', 'Linked Content'] },
  normalize: async (ctx) => {
    const c = columnOrNull(ctx.columns)
    const p = await ctx.materialize(
      'sprout_competitor_posts',
      `SELECT _row, ${sproutNetworkSql(c('Network'))} AS platform, ${sproutHandleSql(c('Profile'))} AS handle,
        ${textSql(c('Post ID'))} AS post_id, ${timestampSql(c('Date'), ctx.timeZoneSql)} AS published_at, ${c('Date')} AS date_text,
        coalesce(${textSql(c('Content Type'))}, ${textSql(c('Post Type'))}) AS post_type, ${c('Post')} AS text,
        ${textSql(c('Link'))} AS url, ${countSql(c('Reactions'))} AS reactions, ${countSql(c('Comments'))} AS comments,
        ${countSql(c('Shares'))} AS shares, ${countSql(c('Public Engagements'))} AS interactions
      FROM ${ctx.raw}`
    )
    const account = `CASE WHEN handle IS NOT NULL THEN platform || ':' || lower(handle) END`
    return {
      accounts: `SELECT DISTINCT ${account} AS account_id, platform, handle, NULL AS display_name FROM ${p} WHERE handle IS NOT NULL`,
      posts: `SELECT _row,
          CASE WHEN published_at IS NULL THEN 'unreadable Date "' || coalesce(date_text, '') || '"' END AS _reject,
          ${account} AS account_id, platform, post_id, published_at, post_type, text, url, reactions,
          CASE WHEN platform IN ('instagram', 'tiktok') THEN reactions END AS likes, comments, shares, interactions
        FROM ${p}`
    }
  }
}
