import type { ReactNode } from 'react'
import { countOf } from '../../../../shared/countWords'

export interface Activity {
  text: string
  /** 0..1, or null for an indeterminate activity. */
  fraction: number | null
}

interface StatusBarProps {
  workspacePath: string | null
  /** The open workspace's folder name, as the title bar and the workspace menu show it. */
  workspaceName: string | null
  datasetCount: number
  activity: Activity | null
  /** The toasts: in the status bar's own line, so they never cover a dialog's buttons or the grid's cells. */
  children?: ReactNode
}

export function StatusBar({ workspacePath, workspaceName, datasetCount, activity, children }: StatusBarProps) {
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className="status-item status-path" title={workspacePath ?? undefined} data-testid="status-workspace">
        {workspaceName && (
          <strong className="status-workspace-name" data-testid="status-workspace-name">
            {workspaceName}
          </strong>
        )}{' '}
        {workspacePath ?? 'Opening workspace…'}
      </span>
      <span className="status-item" data-testid="status-dataset-count">
        {countOf(datasetCount, 'dataset')}
      </span>
      <span className="status-activity" aria-live="polite" data-testid="status-activity">
        {activity && (
          <>
            <span className="spinner spinner-small" aria-hidden="true" />
            <span className="status-activity-text">{activity.text}</span>
            {activity.fraction !== null && (
              <span className="mini-progress" aria-hidden="true">
                <span style={{ width: `${Math.round(activity.fraction * 100)}%` }} />
              </span>
            )}
          </>
        )}
      </span>
      {children}
      <span className="offline-badge" title="Socialbench never uses the network: your data stays on this computer.">
        <span className="offline-dot" aria-hidden="true" />
        Offline
      </span>
    </footer>
  )
}
