/**
 * Every known export format, most specific first: the first recognizer whose detect() accepts the header wins.
 * Add a format: write formats/<id>.ts (a Recognizer), list it here, add a synthetic fixture test.
 */
import type { RecognizeInput, Recognizer } from './types'
import { xTweetActivity } from './formats/xTweetActivity'

export const RECOGNIZERS: Recognizer[] = [xTweetActivity]

export function recognize(input: RecognizeInput): Recognizer | null {
  for (const r of RECOGNIZERS) {
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
