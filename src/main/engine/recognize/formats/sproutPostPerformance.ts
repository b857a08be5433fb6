/**
 * Sprout Social "Post Performance" report: one row per post the user's own profiles published (Facebook, Instagram,
 * X, LinkedIn, TikTok...). Date "8/20/2019 12:45 pm" (no zone: read in the import's zone), Post ID, Network, Post
 * Type, Content Type, Profile, Sent by (a person: privacy), Link, Post, Impressions / Organic / Paid, Reach / Organic
 * / Paid, Engagement Rate (per Impression), Engagements, Reactions, Likes, Love / Haha / Wow / Sad / Angry Reactions,
 * Comments, Shares, Saves, Post Link Clicks, Other Post Clicks, Post Clicks (All), Negative Feedback, Video Views
 * and their organic / paid / partial / full splits. Numbers with ',' thousands ("1,204"), "" where a network has no
 * such metric (NULL, not 0).
 * interactions = Engagements (Sprout's own total: reactions, comments, shares, saves and clicks); reactions =
 * Reactions; likes = Likes; clicks = Post Link Clicks; views = Video Views.
 */
import { hasColumns } from '../headers'
import { countSql, textSql, timestampSql } from '../parseSql'
import type { Recognizer } from '../types'
import { columnOrNull, sproutHandleSql, sproutNetworkSql } from './sprout'

export const sproutPostPerformance: Recognizer = {
  id: 'sprout-post-performance',
  label: 'Sprout Social post performance',
  platform: 'other',
  detect: ({ columns }) =>
    hasColumns(columns, ['Date', 'Post ID', 'Network', 'Profile', 'Post', 'Impressions', 'Engagements']) &&
    !hasColumns(columns, ['Public Engagements']),
  privacy: { text: ['Post', 'Linked Content'], people: ['Sent by'] },
  normalize: async (ctx) => {
    const c = columnOrNull(ctx.columns)
    const n = (name: string) => countSql(c(name))
    const p = await ctx.materialize(
      'sprout_post_performance',
      `SELECT _row, ${sproutNetworkSql(c('Network'))} AS platform, ${sproutHandleSql(c('Profile'))} AS handle,
        ${textSql(c('Post ID'))} AS post_id, ${timestampSql(c('Date'), ctx.timeZoneSql)} AS published_at, ${c('Date')} AS date_text,
        lower(coalesce(${textSql(c('Content Type'))}, ${textSql(c('Post Type'))})) AS post_type, ${c('Post')} AS text,
        ${textSql(c('Link'))} AS url, ${n('Impressions')} AS impressions, ${n('Reach')} AS reach,
        ${n('Video Views')} AS views, ${n('Likes')} AS likes, ${n('Reactions')} AS reactions, ${n('Comments')} AS comments,
        ${n('Shares')} AS shares, ${n('Saves')} AS saves, ${n('Post Link Clicks')} AS clicks,
        ${n('Engagements')} AS interactions
      FROM ${ctx.raw}`
    )
    const account = `CASE WHEN handle IS NOT NULL THEN platform || ':' || lower(handle) END`
    return {
      accounts: `SELECT DISTINCT ${account} AS account_id, platform, handle, NULL AS display_name FROM ${p} WHERE handle IS NOT NULL`,
      posts: `SELECT _row,
          CASE WHEN published_at IS NULL THEN 'unreadable Date "' || coalesce(date_text, '') || '"'
               WHEN post_id IS NULL THEN 'missing Post ID' END AS _reject,
          ${account} AS account_id, platform, post_id, published_at, post_type, text, url, impressions, reach, views,
          likes, reactions, comments, shares, saves, clicks, interactions
        FROM ${p}`
    }
  }
}
