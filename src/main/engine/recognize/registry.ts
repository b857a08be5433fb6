/**
 * Every known export format, most specific first: the first recognizer whose detect() accepts the header wins.
 * Add a format: write formats/<id>.ts (a Recognizer), list it here, add a synthetic fixture test.
 */
import type { RecognizeInput, Recognizer } from './types'
import { xTweetActivity } from './formats/xTweetActivity'
import { xDailyTweetActivity } from './formats/xDailyTweetActivity'
import { xAccountOverview } from './formats/xAccountOverview'
import { xAccountContent } from './formats/xAccountContent'
import { xArchiveTweets } from './formats/xArchiveTweets'
import { xArchiveTweetsCsv } from './formats/xArchiveTweetsCsv'
import { youtubeChartData } from './formats/youtubeChartData'
import { youtubeTotals } from './formats/youtubeTotals'
import { youtubeTableData } from './formats/youtubeTableData'
import { linkedinFollowers } from './formats/linkedinFollowers'
import { linkedinContent } from './formats/linkedinContent'
import { linkedinPosts } from './formats/linkedinPosts'
import { linkedinVisitors } from './formats/linkedinVisitors'
import { tiktokVideo } from './formats/tiktokVideo'
import { tiktokOverview } from './formats/tiktokOverview'
import { tiktokAudience } from './formats/tiktokAudience'
import { tiktokViewers } from './formats/tiktokViewers'
import { mastodonOutbox } from './formats/mastodonOutbox'
import { instagramDataDownload } from './formats/instagramDataDownload'
import { facebookDataDownload } from './formats/facebookDataDownload'
import { crowdtangleSearch } from './formats/crowdtangleSearch'
import { crowdtangleHistory } from './formats/crowdtangleHistory'
import { hootsuiteAccountMetrics } from './formats/hootsuiteAccountMetrics'
import { metaBusinessSuiteDaily } from './formats/metaDaily'
import { metaFacebookPosts, metaFacebookVideos, metaInstagramPosts } from './formats/metaContent'
import { metaAudience, metaTopContentFormats } from './formats/metaAudience'
import { facebookPostInsights } from './formats/facebookPostInsights'
import { facebookInsightsPages, facebookInsightsPosts } from './formats/facebookInsightsLegacy'
import { sproutCompetitorPosts } from './formats/sproutCompetitorPosts'
import { sproutPostPerformance } from './formats/sproutPostPerformance'
import {
  sproutCompetitorPerformance,
  sproutInstagramCompetitors,
  sproutInstagramProfiles,
  sproutProfilePerformance,
  sproutTiktokProfiles
} from './formats/sproutProfiles'

export const RECOGNIZERS: Recognizer[] = [
  // Third-party tools first: their headers are specific supersets of native ones (Sprout's "TikTok Profiles" also has
  // Date, Video Views, Profile Views, Likes, Comments, Shares, like TikTok's own overview).
  crowdtangleHistory,
  crowdtangleSearch,
  sproutProfilePerformance,
  sproutInstagramProfiles,
  sproutTiktokProfiles,
  sproutCompetitorPerformance,
  sproutInstagramCompetitors,
  sproutCompetitorPosts,
  sproutPostPerformance,
  hootsuiteAccountMetrics,
  xTweetActivity,
  xDailyTweetActivity,
  xAccountContent,
  xAccountOverview,
  xArchiveTweets,
  xArchiveTweetsCsv,
  // Chart data and Totals are told apart by file name as well (their "Date,Views" header is too plain alone).
  youtubeChartData,
  youtubeTotals,
  youtubeTableData,
  linkedinFollowers,
  linkedinContent,
  linkedinVisitors,
  linkedinPosts,
  tiktokVideo,
  tiktokOverview,
  tiktokAudience,
  tiktokViewers,
  mastodonOutbox,
  instagramDataDownload,
  facebookDataDownload,
  metaBusinessSuiteDaily,
  metaFacebookPosts,
  metaInstagramPosts,
  metaFacebookVideos,
  facebookInsightsPosts,
  facebookInsightsPages,
  facebookPostInsights,
  metaAudience,
  metaTopContentFormats
]

/**
 * `saved` are recognizers built from the user's column mappings (recognize/mapped.ts); they are tried first, since
 * the user mapped that exact header on purpose. The caller loads them (this function has no database).
 */
export function recognize(input: RecognizeInput, saved: readonly Recognizer[] = []): Recognizer | null {
  for (const r of [...saved, ...RECOGNIZERS]) {
    try {
      if (r.detect(input)) return r
    } catch {
      // a detector that trips over an odd header simply does not match
    }
  }
  return null
}
