import { useCallback } from 'react'
import { POST_KIND_LABELS } from '../../../../shared/contentMix'
import { kindEngagementChart, kindShareChart, medianHeatmapChart } from '../../../../shared/charts/contentMixCharts'
import { ENGAGEMENT_DEFINITIONS } from '../../../../shared/metrics'
import { PlotFigure } from '../../components/PlotFigure'
import { useExportContext } from '../export/useExport'
import { useInsightAnswer } from './useInsightAnswer'
import { InsightPanelHeader } from './InsightPanelHeader'

/**
 * Content mix and timing: each institution's posts by kind of post and what each kind earns (median interactions),
 * and when its posts do best: the median interactions per weekday × hour slot, in each account's own time zone.
 */
export function ContentMixPanel() {
  const exporter = useExportContext()
  const request = exporter?.request ?? null
  const { value, error, loading } = useInsightAnswer('contentMix', request)
  // New builders only for a new answer: PlotFigure redraws when its build function changes; colours of text and
  // axes follow the theme's CSS variables by themselves.
  const share = useCallback((w: number) => kindShareChart(value!, w), [value])
  const engagement = useCallback((w: number) => kindEngagementChart(value!, w), [value])
  const heat = useCallback((w: number) => medianHeatmapChart(value!, w), [value])
  const canExport = value !== null && !exporter?.busy
  const zones = [...new Set(value?.institutions.flatMap((i) => i.timeZones) ?? [])]

  return (
    <section className="ins-panel" data-testid="ins-mix" aria-label="Content mix and posting times" aria-busy={loading}>
      <InsightPanelHeader
        title="Content mix and posting times"
        loading={loading}
        downloads={[
          {
            label: 'Mix CSV',
            testId: 'ins-mix-csv',
            disabled: !canExport,
            onClick: () => void exporter?.exportTable('contentMix', 'csv')
          },
          {
            label: 'Times CSV',
            testId: 'ins-times-csv',
            disabled: !canExport,
            onClick: () => void exporter?.exportTable('postingTimes', 'csv')
          }
        ]}
      />
      {error && (
        <p className="bm-problem" role="alert">
          {error}
        </p>
      )}
      {value && value.institutions.every((i) => i.posts === 0) && (
        <p className="muted">No posts in this range on the chosen platforms.</p>
      )}
      {value && value.institutions.some((i) => i.posts > 0) && (
        <>
          <div className="ins-mix-grid">
            <figure className="ins-figure" data-testid="ins-mix-share">
              <figcaption>Share of posts by kind</figcaption>
              <PlotFigure build={share} />
            </figure>
            <figure className="ins-figure" data-testid="ins-mix-engagement">
              <figcaption>Median interactions per post, by kind</figcaption>
              <PlotFigure build={engagement} />
            </figure>
          </div>
          <figure className="ins-figure" data-testid="ins-mix-heatmap">
            <figcaption>
              When posts do best: median interactions per post by weekday and hour{' '}
              <span className="muted">(hours in {zones.join(', ') || 'UTC'}, each account’s own zone)</span>
            </figcaption>
            <PlotFigure build={heat} />
          </figure>
          <details className="ins-methods" data-testid="ins-mix-methods">
            <summary>Methodology: kinds of post, medians and time zones</summary>
            <ul>
              {value.methods.map((m) => (
                <li key={m}>{m}</li>
              ))}
              <li>Rate convention: {ENGAGEMENT_DEFINITIONS[value.convention].label}.</li>
              <li>
                Post types in these exports:{' '}
                {value.types
                  .map(
                    (t) =>
                      `${t.platform} “${t.postType ?? 'none'}” → ${POST_KIND_LABELS[t.kind].toLowerCase()} (${t.posts})`
                  )
                  .join('; ')}
                .
              </li>
            </ul>
          </details>
        </>
      )}
    </section>
  )
}
