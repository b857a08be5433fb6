import type { Notice } from './useNotices'

/** Errors stay on screen until the user dismisses them; they are announced to screen readers. */
export function ErrorBanner({ errors, onDismiss }: { errors: Notice[]; onDismiss: (id: number) => void }) {
  if (errors.length === 0) return null
  return (
    <div className="error-stack">
      {errors.map((e) => (
        <div key={e.id} className="error-banner" role="alert" data-testid="error-banner" data-code={e.code}>
          <span className="error-icon" aria-hidden="true">
            !
          </span>
          <span className="error-text">{e.message}</span>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => onDismiss(e.id)}
            aria-label="Dismiss error"
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  )
}
