import { useState } from 'react'
import type { BenchmarkResult } from '../../../../shared/benchmark'
import { DEFAULT_CHART_OPTIONS, type ChartOptions } from '../../../../shared/charts/buildChart'
import { CHART_IDS, CHARTS, type ChartId } from '../../../../shared/charts/chartDefs'
import { SOV_MEASURES } from '../../../../shared/charts/plotOptions'
import type { ChartSeries } from '../../../../shared/charts/series'
import { toggle } from './controls'
import { ChartFigure } from './ChartFigure'

interface SingleChartProps {
  result: BenchmarkResult
  series: ChartSeries
  theme: 'light' | 'dark'
  loading: boolean
  chartId: ChartId
  onChartId: (id: ChartId) => void
}

/** One chart, larger, with every option it has and its methodology always open. */
export function SingleChart({ result, series, theme, loading, chartId, onChartId }: SingleChartProps) {
  const [options, setOptions] = useState<ChartOptions>(DEFAULT_CHART_OPTIONS)
  return (
    <div className={`bm-single${loading ? ' is-loading' : ''}`} data-testid="bm-single" aria-busy={loading}>
      <div className="bm-single-options">
        <label className="bm-field bm-field-inline">
          <span>Chart</span>
          <select
            className="input"
            data-testid="bm-single-chart"
            value={chartId}
            onChange={(e) => onChartId(e.target.value as ChartId)}
          >
            {CHART_IDS.map((id) => (
              <option key={id} value={id}>
                {CHARTS[id].title}
              </option>
            ))}
          </select>
        </label>
        {chartId === 'followers' && (
          <label className="bm-field bm-field-inline">
            <span>Platforms</span>
            <select
              className="input"
              value={options.followersLayout}
              onChange={(e) =>
                setOptions({ ...options, followersLayout: e.target.value as ChartOptions['followersLayout'] })
              }
            >
              <option value="facet">One panel per platform</option>
              <option value="overlay">All in one panel</option>
            </select>
          </label>
        )}
        {(chartId === 'indexed' || chartId === 'engagement' || chartId === 'channelDaily') && (
          <label className="bm-check">
            <input
              type="checkbox"
              checked={options.showPeer}
              onChange={(e) => setOptions({ ...options, showPeer: e.target.checked })}
            />
            Peer median and interquartile band
          </label>
        )}
        {chartId === 'shareOfVoice' &&
          SOV_MEASURES.map((m) => (
            <label key={m} className="bm-check">
              <input
                type="checkbox"
                checked={options.sovMeasures.includes(m)}
                disabled={options.sovMeasures.length === 1 && options.sovMeasures.includes(m)}
                onChange={() =>
                  setOptions({
                    ...options,
                    sovMeasures: SOV_MEASURES.filter((x) => toggle(options.sovMeasures, m).includes(x))
                  })
                }
              />
              By {m}
            </label>
          ))}
      </div>
      <ChartFigure
        result={result}
        series={series}
        chartId={chartId}
        theme={theme}
        large
        options={options}
        methodologyOpen
      />
    </div>
  )
}
