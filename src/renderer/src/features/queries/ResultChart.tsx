import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import * as Plot from '@observablehq/plot'
import { tableFromIPC } from 'apache-arrow'
import { call } from '../../api'
import { CHART_MARKS, type ChartMark, type ChartSpec, type QueryResultInfo } from '../../../../shared/queries'
import { useDocumentTheme } from '../charts/useDocumentTheme'
import { chartOptions, chartRows, type Row } from './chartOptions'
import { withoutMarkLabels } from '../../components/plotAccessibility'

const CHART_ROWS = 2000

interface ResultChartProps {
  info: QueryResultInfo
  spec: ChartSpec
  onSpec: (spec: ChartSpec) => void
  onError: (err: unknown, context?: string) => void
}

/** Chart the first rows of a result with Observable Plot; the spec (mark, x, y, colour, facet) is saved with the query. */
export function ResultChart({ info, spec, onSpec, onError }: ResultChartProps) {
  const [rows, setRows] = useState<Row[] | null>(null)
  const host = useRef<HTMLDivElement>(null)
  const dark = useDocumentTheme() === 'dark'

  useEffect(() => {
    let live = true
    call('queryPage', { resultId: info.resultId, offset: 0, limit: CHART_ROWS }).then(
      (p) => live && setRows(chartRows(tableFromIPC(p.arrow).toArray().map((r) => ({ ...r.toJSON() })), info.columns)),
      (err) => live && onError(err, 'Could not read the result for the chart')
    )
    return () => {
      live = false
    }
  }, [info, onError])

  useLayoutEffect(() => {
    const el = host.current
    if (!el || !rows) return
    const draw = () => {
      try {
        el.replaceChildren(
          withoutMarkLabels(Plot.plot(chartOptions(spec, rows, Math.max(320, el.clientWidth - 8), dark, el.clientHeight - 8 - (spec.color ? 36 : 0))))
        )
      } catch (err) {
        el.replaceChildren(Object.assign(document.createElement('p'), { className: 'q-muted', textContent: `Cannot draw this chart: ${(err as Error).message}` }))
      }
    }
    draw()
    let [width, height] = [el.clientWidth, el.clientHeight]
    const ro = new ResizeObserver(() => {
      if (Math.abs(el.clientWidth - width) > 4 || Math.abs(el.clientHeight - height) > 4) {
        ;[width, height] = [el.clientWidth, el.clientHeight]
        draw()
      }
    })
    ro.observe(el)
    return () => ro.disconnect()
  }, [rows, spec, dark])

  const names = info.columns.map((c) => c.name)
  const pick = (key: 'x' | 'y' | 'color' | 'facet', optional: boolean) => (
    <label className="q-chart-field">
      <span>{key === 'color' ? 'Colour' : key === 'facet' ? 'Facet' : key.toUpperCase()}</span>
      <select
        className="input input-small"
        data-testid={`chart-${key}`}
        value={spec[key] ?? ''}
        onChange={(e) => onSpec({ ...spec, [key]: e.target.value || null })}
      >
        {optional && <option value="">none</option>}
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  )

  return (
    <div className="q-chart" data-testid="result-chart">
      <div className="q-chart-controls">
        <label className="q-chart-field">
          <span>Mark</span>
          <select className="input input-small" data-testid="chart-mark" value={spec.mark} onChange={(e) => onSpec({ ...spec, mark: e.target.value as ChartMark })}>
            {CHART_MARKS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        {pick('x', false)}
        {pick('y', false)}
        {pick('color', true)}
        {pick('facet', true)}
        {info.rowCount > CHART_ROWS && <span className="q-muted">Charting the first {CHART_ROWS.toLocaleString('en-US')} rows.</span>}
      </div>
      <div ref={host} className="q-chart-host" data-testid="chart-figure" />
    </div>
  )
}
