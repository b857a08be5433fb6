import { useEffect, useMemo, useRef, useState } from 'react'
import type { ChartId } from '../../../../shared/charts/chartDefs'
import { decodeSeries } from '../../../../shared/charts/series'
import { useDocumentTheme } from '../charts/useDocumentTheme'
import { useMediaQuery } from '../../components/useMediaQuery'
import { DeckBuilder, EMPTY_DECK, type DeckDraft } from '../export/DeckBuilder'
import { ExportContext, useExporter } from '../export/useExport'
import { BenchmarkControls } from './BenchmarkControls'
import { ConventionNotices } from './ConventionNotices'
import { Dashboard } from './Dashboard'
import { Notices } from './Notices'
import { RangeNotices } from './RangeNotices'
import { SetupsPanel } from './SetupsPanel'
import { SingleChart } from './SingleChart'
import { useBenchmark } from './useBenchmark'
import '../../styles/benchmark.css'
import '../../styles/export.css'

interface BenchmarkViewProps {
  onError: (err: unknown, context?: string) => void
}

type Mode = 'dashboard' | 'single'

/** Below this window width the filter panel starts folded away, so the charts and tables keep their width. */
const NARROW_WINDOW = '(max-width: 1199px)'

/** The Benchmarks view: institutions side by side, controls on the left, charts updating in place on the right. */
export function BenchmarkView({ onError }: BenchmarkViewProps) {
  const bm = useBenchmark(onError)
  const theme = useDocumentTheme()
  const [mode, setMode] = useState<Mode>('dashboard')
  const [singleId, setSingleId] = useState<ChartId>('engagement')
  const [setupNote, setSetupNote] = useState<string | null>(null)
  const narrow = useMediaQuery(NARROW_WINDOW)
  // The user's own open/close wins over the window width until the view is left.
  const [filtersChoice, setFiltersChoice] = useState<boolean | null>(null)
  const filtersOpen = filtersChoice ?? !narrow
  const exporter = useExporter(bm.resultRequest, onError)
  const [deckOpen, setDeckOpen] = useState(false)
  const [deck, setDeck] = useState<DeckDraft>(EMPTY_DECK)
  const series = useMemo(() => (bm.result ? decodeSeries(bm.result.charts) : null), [bm.result])
  const { result } = bm
  const mainRef = useRef<HTMLDivElement>(null)
  // Switching layout starts at the top of the new layout, not at the old scroll position.
  useEffect(() => {
    // Braces matter: newer Chromium returns a promise from scrollTo, and an effect must not return one.
    mainRef.current?.scrollTo({ top: 0 })
  }, [mode, singleId])

  return (
    <ExportContext.Provider value={exporter}>
      <section className="benchmarks" data-testid="benchmarks-view" aria-label="Benchmarks">
        <header className="view-header bm-header">
          <button
            type="button"
            className="btn btn-small bm-filters-toggle"
            data-testid="bm-filters-toggle"
            aria-expanded={filtersOpen}
            aria-controls="bm-side"
            onClick={() => setFiltersChoice(!filtersOpen)}
          >
            <span aria-hidden="true">☰</span> Filters
          </button>
          <h1>Benchmarks</h1>
          <div className="bm-tabs" role="group" aria-label="Layout">
            <button
              type="button"
              className="bm-tab"
              aria-pressed={mode === 'dashboard'}
              data-testid="bm-mode-dashboard"
              onClick={() => setMode('dashboard')}
            >
              Dashboard
            </button>
            <button
              type="button"
              className="bm-tab"
              aria-pressed={mode === 'single'}
              data-testid="bm-mode-single"
              onClick={() => setMode('single')}
            >
              Single chart
            </button>
          </div>
          <span className="bm-status muted" role="status" data-testid="bm-status">
            {bm.loading && <span className="spinner spinner-small" aria-hidden="true" />}
            {bm.loading
              ? ' Updating…'
              : result
                ? `${result.scope.from} to ${result.scope.to} · ${result.methodology.posts.toLocaleString('en-US')} posts · ${result.queryMs} ms`
                : ''}
          </span>
          <span
            className="export-status muted"
            role="status"
            data-testid="export-status"
            aria-busy={exporter.busy !== null}
            title={exporter.done ?? exporter.busy ?? undefined}
          >
            {exporter.busy !== null ? (
              <>
                <span className="spinner spinner-small" aria-hidden="true" /> Exporting {exporter.busy}…
              </>
            ) : (
              exporter.done
            )}
          </span>
          <button
            type="button"
            className="btn btn-small"
            data-testid="deck-builder-open"
            disabled={!result}
            onClick={() => setDeckOpen(true)}
          >
            Build deck…
          </button>
        </header>
        <div className={filtersOpen ? 'bm-body' : 'bm-body bm-side-folded'}>
          <aside
            className="bm-side"
            id="bm-side"
            aria-label="Benchmark controls"
            hidden={!filtersOpen}
            data-testid="bm-side"
          >
            {bm.institutions === null ? (
              <div className="loading-block">
                <span className="spinner" aria-hidden="true" /> Loading institutions…
              </div>
            ) : (
              <BenchmarkControls
                institutions={bm.institutions}
                controls={bm.controls}
                result={result}
                onChange={bm.update}
              />
            )}
            <SetupsPanel
              setups={bm.setups}
              canSave={!bm.problem}
              onSave={bm.saveSetup}
              onOpen={(s) => setSetupNote(bm.openSetup(s))}
              onDelete={(name) => void bm.deleteSetup(name)}
            />
          </aside>
          <div className="bm-main" ref={mainRef} data-testid="bm-main">
            {/* Between the view's h1 and the charts' h3 titles: axe's heading-order wants no level skipped. */}
            <h2 className="visually-hidden">{mode === 'dashboard' ? 'Dashboard' : 'Single chart'}</h2>
            {bm.institutions?.length === 0 && (
              <p className="bm-empty-state" data-testid="bm-empty">
                No institutions yet. Open the sample workspace or create institutions and assign their accounts to
                compare them.
              </p>
            )}
            {(bm.problem || bm.error || setupNote) && (
              <div className="bm-problem" role="alert" data-testid="bm-error">
                {bm.problem ?? bm.error ?? setupNote}
              </div>
            )}
            {result && <RangeNotices result={result} onChange={bm.update} />}
            {result && (
              <ConventionNotices
                summary={result.summary}
                convention={result.scope.convention}
                onConvention={(convention) => bm.update({ convention })}
              />
            )}
            {result && <Notices gaps={result.methodology.gaps} />}
            {result && series && mode === 'dashboard' && (
              <Dashboard
                result={result}
                series={series}
                theme={theme}
                loading={bm.loading}
                arrivedAt={bm.arrivedAt}
                onOpenSingle={(id) => {
                  setSingleId(id)
                  setMode('single')
                }}
              />
            )}
            {result && series && mode === 'single' && (
              <SingleChart
                result={result}
                series={series}
                theme={theme}
                loading={bm.loading}
                chartId={singleId}
                onChartId={setSingleId}
              />
            )}
            {!result && !bm.problem && !bm.error && bm.institutions?.length !== 0 && (
              <div className="loading-block">
                <span className="spinner" aria-hidden="true" /> Computing the benchmark…
              </div>
            )}
          </div>
        </div>
        {deckOpen && <DeckBuilder draft={deck} onDraft={setDeck} onClose={() => setDeckOpen(false)} />}
      </section>
    </ExportContext.Provider>
  )
}
