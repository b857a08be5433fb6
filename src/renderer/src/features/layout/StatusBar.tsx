import { formatCount } from '../datasets/format'

export interface Activity {
  text: string
  /** 0..1, or null for an indeterminate activity. */
  fraction: number | null
}

interface StatusBarProps {
  workspacePath: string | null
  datasetCount: number
  activity: Activity | null
}

export function StatusBar({ workspacePath, datasetCount, activity }: StatusBarProps) {
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className="status-item status-path" title={workspacePath ?? undefined}>
        {workspacePath ?? 'Opening workspace…'}
      </span>
      <span className="status-item" data-testid="status-dataset-count">
        {formatCount(datasetCount)} {datasetCount === 1 ? 'dataset' : 'datasets'}
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
      <span className="offline-badge" title="Socialbench never uses the network: your data stays on this computer.">
        <span className="offline-dot" aria-hidden="true" />
        Offline
      </span>
    </footer>
  )
}
