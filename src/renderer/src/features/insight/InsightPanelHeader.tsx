import { Fragment } from 'react'

/** The header every Insight panel shares: its title, a "Computing…" status, and its table downloads. */
export interface PanelDownload {
  label: string
  testId: string
  disabled: boolean
  onClick: () => void
}

export function InsightPanelHeader({
  title,
  loading,
  downloads
}: {
  title: string
  loading: boolean
  downloads: PanelDownload[]
}) {
  return (
    <header className="ins-header">
      <h3>{title}</h3>
      <span className="muted bm-small" role="status">
        {loading && <span className="spinner spinner-small" aria-hidden="true" />}
        {loading ? ' Computing…' : null}
      </span>
      <span className="ins-header-action">
        {downloads.map((d, i) => (
          <Fragment key={d.testId}>
            {i > 0 && ' '}
            <button
              type="button"
              className="btn btn-small"
              data-testid={d.testId}
              disabled={d.disabled}
              onClick={d.onClick}
            >
              {d.label}
            </button>
          </Fragment>
        ))}
      </span>
    </header>
  )
}
