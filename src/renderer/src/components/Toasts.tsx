import type { Notice } from './useNotices'

/**
 * Success messages, in the status bar (App.tsx): the newest one, on one line, its full text on hover. A floating
 * stack above the status bar covered the import dialog's buttons and the grid's last rows.
 */
export function Toasts({ toasts, onDismiss }: { toasts: Notice[]; onDismiss: (id: number) => void }) {
  const latest = toasts[toasts.length - 1]
  return (
    <div className="toasts" role="status" aria-live="polite">
      {latest && (
        <div key={latest.id} className="toast" data-testid="toast">
          <span className="toast-check" aria-hidden="true">
            ✓
          </span>
          <span className="toast-text" title={latest.message}>
            {latest.message}
          </span>
          {latest.action && (
            <button
              type="button"
              className="toast-action"
              data-testid="toast-undo"
              onClick={() => {
                onDismiss(latest.id)
                latest.action!.run()
              }}
            >
              {latest.action.label}
            </button>
          )}
          <button type="button" className="toast-close" onClick={() => onDismiss(latest.id)} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
    </div>
  )
}
