import { useLayoutEffect, useRef, useState, type RefObject } from 'react'
import type { BenchmarkResult } from '../../../../shared/benchmark'
import { CHART_IDS, type ChartId } from '../../../../shared/charts/chartDefs'
import type { ChartSeries } from '../../../../shared/charts/series'
import { afterAllDraws, afterDraws } from '../../components/drawBatch'
import { ChartFigure } from './ChartFigure'
import { SummaryTable } from './SummaryTable'
import { ComparisonsPanel } from '../insight/ComparisonsPanel'
import { VendorConventionsPanel } from '../insight/VendorConventionsPanel'
import { ContentMixPanel } from '../insight/ContentMixPanel'
import { TopicsPanel } from '../insight/TopicsPanel'

interface DashboardProps {
  result: BenchmarkResult
  series: ChartSeries
  theme: 'light' | 'dark'
  loading: boolean
  arrivedAt: RefObject<number>
  onOpenSingle: (id: ChartId) => void
}

const WIDE: ChartId[] = ['followers', 'heatmap', 'topPosts', 'breakouts']

/**
 * The standard charts. `data-render-ms` on the root is the time from the result's arrival to every chart on screen
 * drawn, `data-render-all-ms` to every chart drawn (children queue their draws in layout effects, which run before
 * this one; see drawBatch): the benchmark script reads both.
 */
export function Dashboard({ result, series, theme, loading, arrivedAt, onOpenSingle }: DashboardProps) {
  const root = useRef<HTMLDivElement>(null)
  const [methodologyFor, setMethodologyFor] = useState<ChartId | null>(null)

  useLayoutEffect(() => {
    const arrived = arrivedAt.current
    afterDraws(() => {
      if (root.current && arrived) root.current.dataset.renderMs = (performance.now() - arrived).toFixed(1)
    })
    afterAllDraws(() => {
      if (root.current && arrived) root.current.dataset.renderAllMs = (performance.now() - arrived).toFixed(1)
    })
  }, [result, arrivedAt])

  return (
    <div
      ref={root}
      className={`bm-dashboard${loading ? ' is-loading' : ''}`}
      data-testid="bm-dashboard"
      aria-busy={loading}
    >
      <SummaryTable result={result} />
      <ComparisonsPanel result={result} />
      <div className="bm-grid">
        {CHART_IDS.map((id) => (
          <div key={id} className={WIDE.includes(id) ? 'bm-cell bm-cell-wide' : 'bm-cell'}>
            <ChartFigure
              result={result}
              series={series}
              chartId={id}
              theme={theme}
              methodologyOpen={methodologyFor === id}
              onToggleMethodology={() => setMethodologyFor(methodologyFor === id ? null : id)}
              onOpenSingle={() => onOpenSingle(id)}
            />
          </div>
        ))}
      </div>
      <ContentMixPanel />
      <TopicsPanel />
      <VendorConventionsPanel />
    </div>
  )
}
