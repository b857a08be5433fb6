import type { InstitutionSummary } from '../../../../shared/benchmark'
import type { EngagementConvention } from '../../../../shared/metrics'
import { commonAlternatives, conventionNotices, shortConventionLabel } from './conventionNotices'
import { NoticeBar } from './NoticeBar'

interface ConventionNoticesProps {
  summary: InstitutionSummary[]
  convention: EngagementConvention
  onConvention: (c: EngagementConvention) => void
}

/**
 * Institutions the chosen convention cannot rate. Folded: who, and the conventions that would rate all of them;
 * opened: per institution, what is missing and a button per convention that would work for it.
 */
export function ConventionNotices({ summary, convention, onConvention }: ConventionNoticesProps) {
  const notices = conventionNotices(summary, convention)
  if (notices.length === 0) return null
  const common = commonAlternatives(notices)
  return (
    <NoticeBar
      testId="bm-convention-notices"
      heading={`No engagement rate for ${notices.length} institution${notices.length === 1 ? '' : 's'} under “${shortConventionLabel(convention)}”`}
      gist={notices.map((n) => n.name).join(', ')}
      actions={common.map((c) => (
        <button
          key={c}
          type="button"
          className="btn btn-small"
          data-testid="bm-convention-try"
          data-convention={c}
          onClick={() => onConvention(c)}
        >
          Try ‘{shortConventionLabel(c)}’
        </button>
      ))}
    >
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
    </NoticeBar>
  )
}
