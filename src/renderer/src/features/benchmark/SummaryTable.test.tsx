// @vitest-environment happy-dom
/**
 * The summary table's columns follow the data: "Channel views" is shown when any institution has daily channel
 * views, and otherwise left out with a sentence saying why (a column of "—" for everyone tells an analyst nothing).
 */
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { BenchmarkResult, InstitutionSummary } from '../../../../shared/benchmark'
import { NO_CHANNEL_VIEWS, SummaryTable } from './SummaryTable'

afterEach(cleanup)

const row = (id: number, name: string, views: number | null): InstitutionSummary => ({
  institution_id: id,
  name,
  color: '#1f77b4',
  posts: 40,
  interactions: 400,
  posts_per_week: 0.77,
  interactions_per_post: 10,
  interactions_per_1k_followers: 1,
  avg_followers: 1000,
  engagement_rate: { followers_at_post: 0.01, avg_followers: 0.01, reach: null, impressions: null, views: null },
  follower_growth: { abs: 10, pct: 0.01, indexed_end: 101 },
  share_of_voice: { posts: 0.5, interactions: 0.5, views: null },
  channel: { views, reach: null, impressions: null, profile_visits: null, followers_gained: null }
})

/** The parts of a result the table reads: the convention and the summary rows. */
const result = (summary: InstitutionSummary[]) =>
  ({ scope: { convention: 'followers_at_post' }, summary }) as unknown as BenchmarkResult

const headers = () =>
  within(screen.getByTestId('bm-summary'))
    .getAllByRole('columnheader')
    .map((th) => th.getAttribute('data-sort-key'))

describe('SummaryTable columns', () => {
  it('leaves "Channel views" out when no institution has any, and says so', () => {
    render(<SummaryTable result={result([row(1, 'Alder Hospital', null), row(2, 'Birch Clinic', null)])} />)
    expect(headers()).not.toContain('channel_views')
    expect(screen.getByTestId('bm-summary-no-channel').textContent).toBe(NO_CHANNEL_VIEWS)
  })

  it('shows it, with "—" for those without, when one institution has channel views', () => {
    render(<SummaryTable result={result([row(1, 'Alder Hospital', 12_345), row(2, 'Birch Clinic', null)])} />)
    expect(headers()).toContain('channel_views')
    expect(screen.queryByTestId('bm-summary-no-channel')).toBeNull()
    const cells = screen.getAllByRole('row').slice(1)
    expect(cells.map((r) => r.lastElementChild?.textContent)).toEqual(['12.3K', '—'])
    expect(cells[0].lastElementChild?.querySelector('span')?.getAttribute('title')).toBe('12,345')
  })

  it('marks the columns that fold away in a narrow panel, and names them in the note', () => {
    render(<SummaryTable result={result([row(1, 'Alder Hospital', null)])} />)
    const foldable = within(screen.getByTestId('bm-summary'))
      .getAllByRole('columnheader')
      .filter((th) => th.hasAttribute('data-foldable'))
      .map((th) => th.getAttribute('data-sort-key'))
    expect(foldable).toEqual(['posts_per_week', 'sov_posts'])
    expect(screen.getByTestId('bm-summary-folded-note').textContent).toContain(
      'Posts/week and SoV posts are folded away'
    )
  })
})
