import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import * as Plot from '@observablehq/plot'
import { tableFromIPC } from 'apache-arrow'
import { call, saveFile } from '../../api'
import { fileFilter } from '../export/exportOptions'
import { CHART_MARKS, type ChartMark, type ChartSpec, type QueryResultInfo } from '../../../../shared/queries'
import { useDocumentTheme } from '../charts/useDocumentTheme'
import {
  chartOptions,
  chartRows,
  colorScale,
  QUERY_CHART_ROWS as CHART_ROWS,
  type Row
} from '../../../../shared/charts/queryChart'
import { withoutMarkLabels } from '../../components/plotAccessibility'

interface ResultChartProps {
  info: QueryResultInfo
  spec: ChartSpec
  /** The query's name: the exported image's title. */
  title?: string
  onSpec: (spec: ChartSpec) => void
  onError: (err: unknown, context?: string) => void
}

/** Chart the first rows of a result with Observable Plot; the spec (mark, x, y, colour, facet) is saved with the query. */
export function ResultChart({ info, spec, title, onSpec, onError }: ResultChartProps) {
  const [rows, setRows] = useState<Row[] | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const host = useRef<HTMLDivElement>(null)
  const dark = useDocumentTheme() === 'dark'
  // A colour column of institution names takes their colours, as on the dashboard (colorScale).
  const [institutions, setInstitutions] = useState<{ name: string; color: string }[]>([])

  useEffect(() => {
    let live = true
    call('listInstitutions').then(
      (list) => live && setInstitutions(list),
      () => undefined // Without them the chart keeps Plot's own colours.
    )
    return () => {
      live = false
    }
  }, [])

  useEffect(() => {
    let live = true
    call('queryPage', { resultId: info.resultId, offset: 0, limit: CHART_ROWS }).then(
      (p) =>
        live &&
        setRows(
          chartRows(
            tableFromIPC(p.arrow)
              .toArray()
              .map((r) => ({ ...r.toJSON() })),
            info.columns
          )
        ),
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
          withoutMarkLabels(
            Plot.plot(
              chartOptions(
                spec,
                rows,
                Math.max(320, el.clientWidth - 8),
                dark,
                el.clientHeight - 8 - (spec.color ? 36 : 0),
                undefined,
                spec.color ? colorScale(rows, spec.color, institutions) : undefined
              )
            )
          )
        )
      } catch (err) {
        el.replaceChildren(
          Object.assign(document.createElement('p'), {
            className: 'q-muted',
            textContent: `Cannot draw this chart: ${(err as Error).message}`
          })
        )
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
  }, [rows, spec, dark, institutions])

  /** The engine draws the file as the dashboard's exports are drawn (export/queryChart.ts), then it is saved. */
  const exportAs = async (format: 'png' | 'svg') => {
    setSaved(null)
    try {
      const file = await call('exportQueryChart', {
        resultId: info.resultId,
        chart: spec,
        format,
        ...(title?.trim() ? { title: title.trim().slice(0, 200) } : {})
      })
      const out = await saveFile({ defaultName: file.fileName, bytes: file.bytes, filters: fileFilter(file.fileName) })
      setSaved(out.saved ? `Saved ${out.path?.split(/[\\/]/).pop() ?? file.fileName}` : 'Export cancelled')
    } catch (err) {
      onError(err, `Could not export the chart as ${format.toUpperCase()}`)
    }
  }

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
          <select
            className="input input-small"
            data-testid="chart-mark"
            value={spec.mark}
            onChange={(e) => onSpec({ ...spec, mark: e.target.value as ChartMark })}
          >
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
        {info.rowCount > CHART_ROWS && (
          <span className="q-muted">Charting the first {CHART_ROWS.toLocaleString('en-US')} rows.</span>
        )}
        <span className="q-chart-export" role="group" aria-label="Export the chart">
          <button
            type="button"
            className="btn btn-small"
            data-testid="chart-export-png"
            onClick={() => void exportAs('png')}
          >
            PNG
          </button>
          <button
            type="button"
            className="btn btn-small"
            data-testid="chart-export-svg"
            onClick={() => void exportAs('svg')}
          >
            SVG
          </button>
          <span className="q-muted" role="status" data-testid="chart-export-status">
            {saved}
          </span>
        </span>
      </div>
      <div ref={host} className="q-chart-host" data-testid="chart-figure" />
    </div>
  )
}
