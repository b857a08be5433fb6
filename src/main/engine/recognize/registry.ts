/**
 * Every known export format, most specific first: the first recognizer whose detect() accepts the header wins.
 * Add a format: write formats/<id>.ts (a Recognizer), list it here, add a synthetic fixture test.
 */
import type { RecognizeInput, Recognizer } from './types'
import { xTweetActivity } from './formats/xTweetActivity'
import { crowdtangleSearch } from './formats/crowdtangleSearch'
import { crowdtangleHistory } from './formats/crowdtangleHistory'
import { hootsuiteAccountMetrics } from './formats/hootsuiteAccountMetrics'
import { sproutCompetitorPosts } from './formats/sproutCompetitorPosts'
import {
  sproutCompetitorPerformance, sproutInstagramCompetitors, sproutInstagramProfiles, sproutProfilePerformance, sproutTiktokProfiles
} from './formats/sproutProfiles'

export const RECOGNIZERS: Recognizer[] = [xTweetActivity,
  crowdtangleHistory, crowdtangleSearch,
  sproutProfilePerformance, sproutInstagramProfiles, sproutTiktokProfiles, sproutCompetitorPerformance, sproutInstagramCompetitors,
  sproutCompetitorPosts, hootsuiteAccountMetrics]

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

export function recognizerById(id: string): Recognizer | null {
  return RECOGNIZERS.find((r) => r.id === id) ?? null
}
