import { useMemo, useState } from 'react'
import type { DatasetSummary } from '../../../../shared/types'
import { DEFAULT_ORDER, orderDatasets, type DatasetOrder } from './datasetOrder'
import { formatCount } from './format'
import { DatasetGrid } from './DatasetGrid'
import { DatasetList } from './DatasetList'

interface DatasetsViewProps {
  datasets: DatasetSummary[]
  selected: DatasetSummary | null
  renamingId: number | null
  onSelect: (id: number) => void
  onStartRename: (id: number) => void
  onEndRename: () => void
  onRename: (id: number, name: string) => Promise<unknown>
  onDelete: (dataset: DatasetSummary) => void
  onImport: () => void
  onOpenSample: () => void
  loadingSample: boolean
  onError: (err: unknown, context?: string) => void
  onOpenQuery: (sql: string, datasetName: string) => void
}

export function DatasetsView(p: DatasetsViewProps) {
  const totalRows = p.datasets.reduce((sum, d) => sum + d.rows, 0)
  const [search, setSearch] = useState('')
  const [order, setOrder] = useState<DatasetOrder>(DEFAULT_ORDER)
  const shown = useMemo(() => orderDatasets(p.datasets, search, order), [p.datasets, search, order])
  return (
    <section className="datasets-view" aria-labelledby="datasets-title">
      <header className="view-header">
        <div>
          <h1 id="datasets-title">Datasets</h1>
          <p className="view-sub">
            {formatCount(p.datasets.length)} {p.datasets.length === 1 ? 'dataset' : 'datasets'} ·{' '}
            {formatCount(totalRows)} rows in this workspace
            {search.trim() && ` · ${formatCount(shown.length)} shown`}
          </p>
        </div>
        {p.datasets.length > 0 && (
          <input
            type="search"
            className="input input-small dataset-search"
            data-testid="dataset-search"
            aria-label="Search datasets by name, file or format"
            placeholder="Search datasets"
            value={search}
            maxLength={200}
            onChange={(e) => setSearch(e.target.value)}
          />
        )}
      </header>

      {p.datasets.length === 0 ? (
        <div className="empty-state">
          <h2>No datasets yet</h2>
          <p>Import a CSV or JSON export, drop files on this window, or open the sample workspace.</p>
          <div className="empty-actions">
            <button type="button" className="btn btn-primary" onClick={p.onImport}>
              Import files…
            </button>
            <button type="button" className="btn" onClick={p.onOpenSample} disabled={p.loadingSample}>
              {p.loadingSample ? 'Opening the sample…' : 'Open the sample workspace'}
            </button>
          </div>
        </div>
      ) : (
        <>
          <DatasetList
            datasets={shown}
            order={order}
            onOrder={setOrder}
            emptyMessage={shown.length === 0 ? `No dataset matches “${search.trim()}”.` : undefined}
            selectedId={p.selected?.id ?? null}
            renamingId={p.renamingId}
            onSelect={p.onSelect}
            onStartRename={p.onStartRename}
            onEndRename={p.onEndRename}
            onRename={p.onRename}
            onDelete={p.onDelete}
          />
          {p.selected ? (
            <DatasetGrid key={p.selected.id} dataset={p.selected} onError={p.onError} onOpenQuery={p.onOpenQuery} />
          ) : (
            <div className="empty-state">Select a dataset to see its rows.</div>
          )}
        </>
      )}
    </section>
  )
}
