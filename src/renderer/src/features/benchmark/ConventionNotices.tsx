import type { InstitutionSummary } from '../../../../shared/benchmark'
import type { EngagementConvention } from '../../../../shared/metrics'
import { conventionNotices, shortConventionLabel } from './conventionNotices'

interface ConventionNoticesProps {
  summary: InstitutionSummary[]
  convention: EngagementConvention
  onConvention: (c: EngagementConvention) => void
}

/** Per institution the chosen convention cannot rate: what is missing, and a button per convention that would work. */
export function ConventionNotices({ summary, convention, onConvention }: ConventionNoticesProps) {
  const notices = conventionNotices(summary, convention)
  if (notices.length === 0) return null
  return (
    <section className="bm-notices" data-testid="bm-convention-notices" aria-labelledby="bm-convention-notices-h">
      <h2 id="bm-convention-notices-h">
        No engagement rate for {notices.length} institution{notices.length === 1 ? '' : 's'} under “
        {shortConventionLabel(convention)}”
      </h2>
      <ul>
        {notices.map((n) => (
          <li key={n.institutionId} data-testid="bm-convention-notice" data-name={n.name}>
            <strong>{n.name}</strong>: {n.missing}
            {n.alternatives.length > 0 ? (
              <>
                {' '}
                — try{' '}
                {n.alternatives.map((c, i) => (
                  <span key={c}>
                    {i > 0 && (i === n.alternatives.length - 1 ? ' or ' : ', ')}
                    <button
                      type="button"
                      className="link-button"
                      data-testid="bm-convention-switch"
                      data-convention={c}
                      onClick={() => onConvention(c)}
                    >
                      ‘{shortConventionLabel(c)}’
                    </button>
                  </span>
                ))}
              </>
            ) : (
              ', and no other convention has a denominator for its posts (import a follower export to rate them).'
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
