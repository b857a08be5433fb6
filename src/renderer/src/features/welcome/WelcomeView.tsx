interface WelcomeProps {
  loadingSample: boolean
  onOpenSample: () => void
  onImport: () => void
}

/** First run: an empty workspace gets two clear ways in. */
export function WelcomeView({ loadingSample, onOpenSample, onImport }: WelcomeProps) {
  return (
    <section className="welcome" data-testid="welcome" aria-labelledby="welcome-title">
      <div className="welcome-card">
        <div className="welcome-mark" aria-hidden="true">
          <span />
          <span />
          <span />
        </div>
        <h1 id="welcome-title">Welcome to Socialbench</h1>
        <p className="welcome-lead">
          Import CSV or JSON exports from social platforms into a local workspace, then explore and compare them.
        </p>
        <div className="welcome-actions">
          <button
            type="button"
            className="btn btn-primary btn-large"
            data-testid="open-sample"
            onClick={onOpenSample}
            disabled={loadingSample}
            aria-busy={loadingSample}
          >
            {loadingSample ? (
              <>
                <span className="spinner spinner-small spinner-on-primary" aria-hidden="true" /> Opening the sample…
              </>
            ) : (
              'Open the sample workspace'
            )}
          </button>
          <button
            type="button"
            className="btn btn-large"
            data-testid="welcome-import"
            onClick={onImport}
            disabled={loadingSample}
          >
            Import files…
          </button>
        </div>
        <p className="welcome-hint">You can also drop files anywhere on this window.</p>
        <p className="welcome-offline">
          <span className="offline-dot" aria-hidden="true" /> Works entirely offline. Your data never leaves this
          computer.
        </p>
      </div>
    </section>
  )
}
