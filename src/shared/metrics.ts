/**
 * The benchmark metrics: ids, labels, units and the formulas shown in the app and in export footnotes.
 * Pure data, shared by engine, CLI and renderer, so the number and its explanation never drift apart.
 */

export const ENGAGEMENT_CONVENTIONS = ['followers_at_post', 'avg_followers', 'reach', 'impressions', 'views'] as const
export type EngagementConvention = (typeof ENGAGEMENT_CONVENTIONS)[number]

/** The daily channel-level figures of account_daily the dashboard draws (channel exports: YouTube Totals, TikTok overview, Meta reach/views/visits). */
export const CHANNEL_METRICS = ['views', 'reach', 'impressions', 'profile_visits', 'followers_gained'] as const
export type ChannelMetric = (typeof CHANNEL_METRICS)[number]
export const CHANNEL_METRIC_LABELS: Record<ChannelMetric, string> = {
  views: 'Views',
  reach: 'Reach',
  impressions: 'Impressions',
  profile_visits: 'Profile visits',
  followers_gained: 'Followers gained'
}

export interface MetricDefinition {
  id: string
  label: string
  unit: string
  formula: string
  denominator: string
  /** Who defines engagement this way (so analysts can reconcile tools). */
  convention?: string
  /** For a chart with a peer median and band: which institutions it is over, day by day. */
  peer?: string
}

export const ENGAGEMENT_DEFINITIONS: Record<EngagementConvention, MetricDefinition> = {
  followers_at_post: {
    id: 'engagement_followers_at_post',
    label: 'Engagement rate by followers at post time',
    unit: 'fraction',
    formula: 'mean over posts of interactions ÷ followers when posted',
    denominator:
      "followers when posted: the export's own figure (CrowdTangle 'Followers at Posting'), else the account's last known followers on or before the post's day (reported, or derived from a reported total plus the daily follows gained)",
    convention: 'Rival IQ, CrowdTangle'
  },
  avg_followers: {
    id: 'engagement_avg_followers',
    label: 'Interaction rate by average audience',
    unit: 'fraction',
    formula: 'total interactions ÷ posts ÷ average followers over the period',
    denominator: 'average of the daily follower totals in the period',
    convention: 'Quintly I-Rate'
  },
  reach: {
    id: 'engagement_reach',
    label: 'Engagement rate by reach',
    unit: 'fraction',
    formula: 'mean over posts with reach of interactions ÷ reach',
    denominator: 'reach of each post (posts without reach are left out)',
    convention: 'Brandwatch, Emplifi'
  },
  impressions: {
    id: 'engagement_impressions',
    label: 'Engagement rate by impressions',
    unit: 'fraction',
    formula: 'mean over posts with impressions of interactions ÷ impressions',
    denominator: 'impressions of each post (posts without impressions are left out)',
    convention: 'Brandwatch, Emplifi, X Analytics'
  },
  views: {
    id: 'engagement_views',
    label: 'Engagement rate by views',
    unit: 'fraction',
    formula: 'mean over posts with views of interactions ÷ views',
    denominator: 'views of each post (posts without views are left out)',
    convention: 'TikTok, YouTube'
  }
}

export const METRICS: Record<string, MetricDefinition> = {
  followers: {
    id: 'followers',
    label: 'Followers',
    unit: 'followers',
    formula:
      'last known follower count per day, summed over the institution’s accounts on the platform; where an account reports one total and daily follows gained, the count on the days of that unbroken series is the total plus or minus the gains between',
    denominator: '—'
  },
  follower_growth_abs: {
    id: 'follower_growth_abs',
    label: 'Net follower growth',
    unit: 'followers',
    formula: 'followers at the last day with data − followers at the first day with data in the period',
    denominator: '—'
  },
  follower_growth_pct: {
    id: 'follower_growth_pct',
    label: 'Follower growth',
    unit: 'fraction',
    formula: 'net follower growth ÷ followers at the first day with data',
    denominator: 'followers at the start of the period'
  },
  indexed_growth: {
    id: 'indexed_growth',
    label: 'Indexed follower growth (start = 100)',
    unit: 'index',
    formula: '100 × followers on the day ÷ followers at the first day with data',
    denominator: 'followers at the start of the period',
    peer: 'median and interquartile range of the institutions’ indices, drawn where 3 or more count; an institution counts on every day from its first to its last follower count in the range, with its last index carried across its own gaps (its line still breaks there), so the median does not jump when an account with weekly snapshots misses a day; the set changes only where an institution’s data starts or ends inside the range, and the chart’s notes say where'
  },
  posts_per_week: {
    id: 'posts_per_week',
    label: 'Posts per week',
    unit: 'posts/week',
    formula: 'posts ÷ (days in the period ÷ 7)',
    denominator: 'days in the period, both ends included'
  },
  interactions_per_post: {
    id: 'interactions_per_post',
    label: 'Interactions per post',
    unit: 'interactions',
    formula: 'total interactions ÷ posts with an interaction count',
    denominator: 'posts with an interaction count'
  },
  interactions_per_1k_followers: {
    id: 'interactions_per_1k_followers',
    label: 'Interactions per post per 1,000 followers',
    unit: 'interactions',
    formula: 'interactions per post ÷ average followers × 1,000',
    denominator: 'average of the daily follower totals in the period'
  },
  channel_daily: {
    id: 'channel_daily',
    label: 'Daily channel metrics',
    unit: 'per day',
    formula:
      "the export's daily channel figure (views, reach, impressions, profile visits or followers gained), summed over the institution's accounts on the selected platforms; a day one of those accounts has no figure for is a gap, not 0. Reach is summed across accounts, so someone reached by two accounts counts twice",
    denominator: '—',
    peer: 'median and interquartile range, per day, of the institutions with a figure that day (a day’s views are not carried to the next), drawn where 3 or more have one'
  },
  share_of_voice: {
    id: 'share_of_voice',
    label: 'Share of voice',
    unit: 'fraction',
    formula: 'institution’s posts (or interactions, or views) ÷ the same total over all compared institutions',
    denominator: 'total over the compared institutions'
  },
  breakout: {
    id: 'breakout',
    label: 'Breakout posts',
    unit: 'posts',
    formula: 'posts whose engagement rate exceeds the peer mean + k standard deviations',
    denominator: 'all posts of the compared institutions in the period'
  }
}

/** How `interactions` is defined per platform when the export does not give its own total. */
export const INTERACTIONS_BY_PLATFORM: Record<string, string> = {
  x: 'likes + replies + reposts (retweets)',
  facebook: 'reactions + comments + shares',
  instagram: 'likes + comments + shares + saves (where given)',
  youtube: 'likes + comments + shares (where given)',
  linkedin: 'reactions + comments + reposts',
  tiktok: 'likes + comments + shares',
  mastodon: 'favourites + replies + boosts',
  other: 'as mapped by the user'
}
