import type { Theme } from '../theme/useTheme'

export type View = 'welcome' | 'datasets' | 'benchmarks' | 'institutions' | 'queries'

interface SidebarProps {
  view: View
  datasetCount: number
  theme: Theme
  onShowDatasets: () => void
  onShowBenchmarks: () => void
  onShowInstitutions: () => void
  onShowQueries: () => void
  onImport: () => void
  onAbout: () => void
  onToggleTheme: () => void
  importBusy: boolean
}

const mod = navigator.platform.toLowerCase().includes('mac') ? '⌘' : 'Ctrl+'

export function Sidebar(p: SidebarProps) {
  return (
    <nav className="sidebar" data-testid="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          <span />
          <span />
          <span />
        </span>
        <span className="brand-name">Socialbench</span>
      </div>

      <button
        type="button"
        className="btn btn-primary sidebar-import"
        data-testid="import-button"
        onClick={p.onImport}
        title={`Import files (${mod}O)`}
      >
        <span aria-hidden="true" className="plus">+</span> Import…
        {p.importBusy && <span className="spinner spinner-small" aria-label="Import running" />}
      </button>

      <div className="nav-section">
        <h2 className="nav-heading">Workspace</h2>
        <ul className="nav-list">
          <li>
            <button
              type="button"
              className="nav-item"
              data-testid="nav-datasets"
              aria-current={p.view === 'datasets' ? 'page' : undefined}
              onClick={p.onShowDatasets}
              title={`Datasets (${mod}1)`}
            >
              <span className="nav-icon nav-icon-table" aria-hidden="true" />
              <span className="nav-label">Datasets</span>
              <span className="nav-count">{p.datasetCount}</span>
            </button>
          </li>
          <li>
            <button
              type="button"
              className="nav-item"
              data-testid="nav-institutions"
              aria-current={p.view === 'institutions' ? 'page' : undefined}
              onClick={p.onShowInstitutions}
              title="Institutions and their accounts"
            >
              <span className="nav-icon nav-icon-inst" aria-hidden="true" />
              <span className="nav-label">Institutions</span>
            </button>
          </li>
          <li>
            <button
              type="button"
              className="nav-item"
              data-testid="nav-benchmarks"
              aria-current={p.view === 'benchmarks' ? 'page' : undefined}
              onClick={p.onShowBenchmarks}
              title="Benchmarks"
            >
              <span className="nav-icon nav-icon-bench" aria-hidden="true" />
              <span className="nav-label">Benchmarks</span>
            </button>
          </li>
          <li>
            <button
              type="button"
              className="nav-item"
              data-testid="nav-queries"
              aria-current={p.view === 'queries' ? 'page' : undefined}
              onClick={p.onShowQueries}
              title="Queries: SQL editor and saved queries"
            >
              <span className="nav-icon nav-icon-query" aria-hidden="true" />
              <span className="nav-label">Queries</span>
            </button>
          </li>
        </ul>
      </div>

      <div className="sidebar-footer">
        <button type="button" className="link-button" onClick={p.onAbout}>
          About
        </button>
        <button
          type="button"
          className="icon-button"
          data-testid="theme-toggle"
          onClick={p.onToggleTheme}
          aria-label={p.theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
          title={p.theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
        >
          {p.theme === 'dark' ? '☀' : '☾'}
        </button>
      </div>
    </nav>
  )
}
