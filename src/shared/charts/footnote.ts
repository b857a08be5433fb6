/** The footnote line under each chart; the export issue reuses it, so it stays a pure function of the result. */
import type { BenchmarkResult } from '../benchmark'
import { CHARTS, conventionLabel, type ChartId } from './chartDefs'

const MAX_SOURCES = 2

/**
 * The line under every chart (and, later, in exports): metric, convention where it matters, date range, posts counted
 * and sources. Pure, so the export issue can reuse it verbatim.
 */
export function footnote(result: BenchmarkResult, chartId: ChartId): string {
  const def = CHARTS[chartId]
  const { scope, methodology } = result
  const parts = [def.metric(scope.convention).label]
  if (def.usesConvention) parts.push(`engagement ${conventionLabel(scope.convention)}`)
  if (chartId === 'breakouts') parts.push(`k = ${scope.k}`)
  parts.push(`${scope.from} to ${scope.to}`)
  // The daily channel chart counts days of channel exports, not posts (a channel-only workspace has 0 posts).
  parts.push(
    chartId === 'channelDaily'
      ? `${(methodology.channelDays ?? 0).toLocaleString('en-US')} account-days, ${methodology.accounts} accounts`
      : `${methodology.posts.toLocaleString('en-US')} posts, ${methodology.accounts} accounts`
  )
  const src = methodology.sources
  const shown = src.slice(0, MAX_SOURCES).join(', ')
  parts.push(
    src.length === 0
      ? 'no source files'
      : `sources: ${shown}${src.length > MAX_SOURCES ? ` and ${src.length - MAX_SOURCES} more` : ''}`
  )
  return parts.join(' · ')
}
