import type { ReactNode } from 'react'
import type { Theme } from '../theme/useTheme'
import { withShortcut } from '../shortcuts/keyLabels'
import type { AppCommand } from '../../../../shared/shortcuts'

export type View = 'welcome' | 'datasets' | 'benchmarks' | 'institutions' | 'events' | 'queries'

interface SidebarProps {
  view: View
  datasetCount: number
  theme: Theme
  onShowDatasets: () => void
  onShowBenchmarks: () => void
  onShowInstitutions: () => void
  onShowEvents: () => void
  onShowQueries: () => void
  onImport: () => void
  onAbout: () => void
  onShortcuts: () => void
  onToggleTheme: () => void
  importBusy: boolean
  /** The workspace menu (New, Open, Open Recent…), under the brand. */
  workspaceMenu?: ReactNode
}

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
      {p.workspaceMenu}

      <button
        type="button"
        className="btn btn-primary sidebar-import"
        data-testid="import-button"
        onClick={p.onImport}
        {...withShortcut('import', 'Import files')}
      >
        <span aria-hidden="true" className="plus">
          +
        </span>{' '}
        Import…
        {p.importBusy && <span className="spinner spinner-small" aria-label="Import running" />}
      </button>

      <div className="nav-section">
        <h2 className="nav-heading">Workspace</h2>
        <ul className="nav-list">
          <NavItem
            id="datasets"
            command="showDatasets"
            current={p.view}
            icon="table"
            label="Datasets"
            title="Datasets"
            onClick={p.onShowDatasets}
          >
            <span className="nav-count">{p.datasetCount}</span>
          </NavItem>
          <NavItem
            id="institutions"
            command="showInstitutions"
            current={p.view}
            icon="inst"
            label="Institutions"
            title="Institutions and their accounts"
            onClick={p.onShowInstitutions}
          />
          <NavItem
            id="benchmarks"
            command="showBenchmarks"
            current={p.view}
            icon="bench"
            label="Benchmarks"
            title="Benchmarks"
            onClick={p.onShowBenchmarks}
          />
          <NavItem
            id="events"
            command="showEvents"
            current={p.view}
            icon="events"
            label="Events"
            title="Events drawn on the time charts"
            onClick={p.onShowEvents}
          />
          <NavItem
            id="queries"
            command="showQueries"
            current={p.view}
            icon="query"
            label="Queries"
            title="Queries: SQL editor and saved queries"
            onClick={p.onShowQueries}
          />
        </ul>
      </div>

      <div className="sidebar-footer">
        <button type="button" className="link-button" onClick={p.onAbout}>
          About
        </button>
        <button
          type="button"
          className="link-button"
          data-testid="shortcuts-button"
          onClick={p.onShortcuts}
          {...withShortcut('shortcuts', 'Keyboard shortcuts')}
        >
          Shortcuts
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

interface NavItemProps {
  id: Exclude<View, 'welcome'>
  command: AppCommand
  current: View
  icon: string
  label: string
  title: string
  onClick: () => void
  children?: ReactNode
}

/** One sidebar entry; `nav-<id>` is its test id and aria-current marks the view on screen. */
function NavItem({ id, command, current, icon, label, title, onClick, children }: NavItemProps) {
  return (
    <li>
      <button
        type="button"
        className="nav-item"
        data-testid={`nav-${id}`}
        aria-current={current === id ? 'page' : undefined}
        onClick={onClick}
        {...withShortcut(command, title)}
      >
        <span className={`nav-icon nav-icon-${icon}`} aria-hidden="true" />
        <span className="nav-label">{label}</span>
        {children}
      </button>
    </li>
  )
}
