import { useState, type ReactNode } from 'react'
import type { BenchmarkResult, InstitutionSummary } from '../../../../shared/benchmark'
import { ENGAGEMENT_DEFINITIONS, type EngagementConvention } from '../../../../shared/metrics'
import { fmtInt, fmtPct } from '../../../../shared/charts/plotOptions'
import { THIN_POSTS } from '../../../../shared/insight'
import { ThinBadge } from '../insight/ComparisonsPanel'
import { sortRows, type SortDir, type SortValue } from './summarySort'

interface Column {
  key: string
  label: string
  title?: string
  /** Folded away when the table is narrow (the figure follows from another column: posts). */
  foldable?: boolean
  value: (s: InstitutionSummary) => SortValue
  cell: (s: InstitutionSummary) => ReactNode
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 })

/** What the summary says when no institution has daily channel views: the column would be "—" all the way down. */
export const NO_CHANNEL_VIEWS =
  'No channel views in this range: a YouTube Studio Totals, TikTok overview or Meta views export adds the column.'

function columns(conv: EngagementConvention, summary: InstitutionSummary[]): Column[] {
  const all: Column[] = [
    {
      key: 'name',
      label: 'Institution',
      value: (s) => s.name,
      cell: (s) => (
        <span className="bm-inst" title={s.name}>
          <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
          <span className="bm-inst-name">{s.name}</span>
          {s.posts < THIN_POSTS && <ThinBadge posts={s.posts} />}
        </span>
      )
    },
    { key: 'posts', label: 'Posts', value: (s) => s.posts, cell: (s) => fmtInt(s.posts) },
    {
      key: 'posts_per_week',
      // A break opportunity after the slash: the header may wrap in a narrow panel.
      label: 'Posts/\u200bweek',
      foldable: true,
      value: (s) => s.posts_per_week,
      cell: (s) => (s.posts_per_week === null ? '—' : s.posts_per_week.toFixed(2))
    },
    {
      key: 'interactions_per_post',
      label: 'Int./\u200bpost',
      title: 'Interactions per post',
      value: (s) => s.interactions_per_post,
      cell: (s) => (s.interactions_per_post === null ? '—' : s.interactions_per_post.toFixed(1))
    },
    {
      key: 'engagement',
      label: 'Engagement',
      title: ENGAGEMENT_DEFINITIONS[conv].formula,
      value: (s) => s.engagement_rate[conv],
      cell: (s) => fmtPct(s.engagement_rate[conv], 3)
    },
    {
      key: 'growth',
      label: 'Growth',
      title: 'Follower growth over the period (net change in brackets)',
      value: (s) => s.follower_growth.pct,
      cell: (s) => (
        <>
          {fmtPct(s.follower_growth.pct, 1)}
          {s.follower_growth.abs !== null && (
            <span className="muted bm-small bm-growth-abs">
              {' '}
              ({s.follower_growth.abs >= 0 ? '+' : ''}
              {fmtInt(s.follower_growth.abs)})
            </span>
          )}
        </>
      )
    },
    {
      key: 'sov_posts',
      label: 'SoV posts',
      foldable: true,
      title: 'Share of voice by posts',
      value: (s) => s.share_of_voice.posts,
      cell: (s) => fmtPct(s.share_of_voice.posts, 1)
    },
    {
      key: 'channel_views',
      label: 'Channel views',
      title:
        'Sum of the daily channel views over the period (channel exports: YouTube Totals, TikTok overview, Meta views)',
      value: (s) => s.channel.views,
      // Compact ("1.18M"): a year of a channel's views is seven digits, and the column must fit a narrow panel.
      cell: (s) =>
        s.channel.views === null ? '—' : <span title={fmtInt(s.channel.views)}>{compact.format(s.channel.views)}</span>
    }
  ]
  const anyChannelViews = summary.some((s) => s.channel.views !== null)
  return anyChannelViews ? all : all.filter((c) => c.key !== 'channel_views')
}

/**
 * The per-institution numbers the charts are drawn from (the same ones `socialbench benchmark` prints), sortable by
 * any column (the header is a button: click or Enter) and, on request, with each institution's rank under that sort.
 */
export function SummaryTable({ result }: { result: BenchmarkResult }) {
  const cols = columns(result.scope.convention, result.summary)
  const folded = cols.filter((c) => c.foldable)
  const [sort, setSort] = useState<{ key: string; dir: SortDir }>({ key: 'name', dir: 'ascending' })
  const [showRank, setShowRank] = useState(false)
  const active = cols.find((c) => c.key === sort.key) ?? cols[0]
  const rows = sortRows(result.summary, active.value, sort.dir)
  // Figures first from the best; names from A.
  const sortBy = (c: Column) =>
    setSort(
      c.key === sort.key
        ? { key: c.key, dir: sort.dir === 'ascending' ? 'descending' : 'ascending' }
        : { key: c.key, dir: c.key === 'name' ? 'ascending' : 'descending' }
    )
  return (
    <div className="bm-summary">
      <div className="bm-summary-bar">
        <p className="bm-summary-notes muted bm-small">
          {!cols.some((c) => c.key === 'channel_views') && (
            <span data-testid="bm-summary-no-channel">{NO_CHANNEL_VIEWS}</span>
          )}
          {/* Shown only when the table is narrow (benchmark.css): then these columns are folded away. */}
          <span className="bm-summary-folded-note" data-testid="bm-summary-folded-note">
            {folded.map((c) => c.label.replace('\u200b', '')).join(' and ')} are folded away at this width.
          </span>
        </p>
        <label className="bm-check bm-small">
          <input
            type="checkbox"
            data-testid="bm-summary-rank-toggle"
            checked={showRank}
            onChange={(e) => setShowRank(e.target.checked)}
          />
          Rank by {active.key === 'name' ? 'name' : active.label}
        </label>
      </div>
      <div className="bm-table-wrap" tabIndex={0} role="region" aria-label="Summary per institution">
        <table className="bm-table" data-testid="bm-summary">
          <caption className="visually-hidden">
            Summary per institution, sorted by {active.label} ({sort.dir})
          </caption>
          <thead>
            <tr>
              {showRank && (
                <th scope="col" className="num" data-testid="bm-summary-rank-header" title={`Rank by ${active.label}`}>
                  #
                </th>
              )}
              {cols.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.key === 'name' ? undefined : 'num'}
                  data-foldable={c.foldable || undefined}
                  title={c.title}
                  aria-sort={c.key === sort.key ? sort.dir : undefined}
                  data-sort-key={c.key}
                >
                  <button type="button" className="bm-sort" onClick={() => sortBy(c)}>
                    {c.label}
                    <span className="bm-sort-mark" aria-hidden="true">
                      {c.key === sort.key ? (sort.dir === 'ascending' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ row: s, rank }) => (
              <tr key={s.institution_id} data-name={s.name}>
                {showRank && (
                  <td className="num" data-testid="bm-summary-rank">
                    {rank ?? '—'}
                  </td>
                )}
                {cols.map((c) =>
                  c.key === 'name' ? (
                    <th key={c.key} scope="row">
                      {c.cell(s)}
                    </th>
                  ) : (
                    <td key={c.key} className="num" data-foldable={c.foldable || undefined}>
                      {c.cell(s)}
                    </td>
                  )
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
