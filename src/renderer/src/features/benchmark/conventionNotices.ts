/**
 * Which institutions the chosen engagement convention cannot rate, and which conventions could: Meta post exports
 * carry no followers at post time, CrowdTangle's carry no reach, and a dashboard of "—" without a reason is a dead
 * end. Read from the summary, which has every convention's rate per institution (null where its denominator is missing).
 */
import type { InstitutionSummary } from '../../../../shared/benchmark'
import { ENGAGEMENT_CONVENTIONS, ENGAGEMENT_DEFINITIONS, type EngagementConvention } from '../../../../shared/metrics'

export interface ConventionNotice {
  institutionId: number
  name: string
  /** What the institution's data lacks for the chosen convention. */
  missing: string
  /** Conventions that do give this institution a rate, in the selector's order. */
  alternatives: EngagementConvention[]
}

const MISSING: Record<EngagementConvention, string> = {
  followers_at_post: 'no follower count in range',
  avg_followers: 'no follower count in range',
  reach: 'no reach on its posts',
  impressions: 'no impressions on its posts',
  views: 'no views on its posts'
}

/** "by reach", "by average audience": the convention's label without the metric's name, as the selector words it. */
export function shortConventionLabel(c: EngagementConvention): string {
  return ENGAGEMENT_DEFINITIONS[c].label.replace(/^(Engagement|Interaction) rate /, '')
}

/** One notice per institution with posts and interaction counts whose rate under `convention` is missing. */
export function conventionNotices(summary: InstitutionSummary[], convention: EngagementConvention): ConventionNotice[] {
  return summary
    .filter((s) => s.posts > 0 && s.interactions !== null && s.engagement_rate[convention] === null)
    .map((s) => ({
      institutionId: s.institution_id,
      name: s.name,
      missing: MISSING[convention],
      alternatives: ENGAGEMENT_CONVENTIONS.filter((c) => c !== convention && s.engagement_rate[c] !== null)
    }))
}

/**
 * The conventions that would rate every institution in `notices` (at most two, in the selector's order): offered on
 * the folded notice line. Switching to one of them can still leave other institutions without a rate; the notice
 * then says so for those.
 */
export function commonAlternatives(notices: ConventionNotice[]): EngagementConvention[] {
  if (notices.length === 0) return []
  return ENGAGEMENT_CONVENTIONS.filter((c) => notices.every((n) => n.alternatives.includes(c))).slice(0, 2)
}
