import type { BenchmarkResult } from '../../../../shared/benchmark'
import { ENGAGEMENT_DEFINITIONS } from '../../../../shared/metrics'
import { fmtInt, fmtPct } from '../../../../shared/charts/plotOptions'
import { THIN_POSTS } from '../../../../shared/insight'
import { ThinBadge } from '../insight/ComparisonsPanel'

/** The per-institution numbers the charts are drawn from (the same ones `socialbench benchmark` prints). */
export function SummaryTable({ result }: { result: BenchmarkResult }) {
  const conv = result.scope.convention
  return (
    <div className="bm-table-wrap bm-summary" tabIndex={0} role="region" aria-label="Summary per institution">
      <table className="bm-table" data-testid="bm-summary">
        <caption className="visually-hidden">Summary per institution</caption>
        <thead>
          <tr>
            <th scope="col">Institution</th>
            <th scope="col" className="num">
              Posts
            </th>
            <th scope="col" className="num">
              Posts/week
            </th>
            <th scope="col" className="num" title="Interactions per post">
              Int./post
            </th>
            <th scope="col" className="num" title={ENGAGEMENT_DEFINITIONS[conv].formula}>
              Engagement
            </th>
            <th scope="col" className="num" title="Follower growth over the period (net change in brackets)">
              Growth
            </th>
            <th scope="col" className="num" title="Share of voice by posts">
              SoV posts
            </th>
            <th
              scope="col"
              className="num"
              title="Sum of the daily channel views over the period (channel exports: YouTube Totals, TikTok overview, Meta views)"
            >
              Channel views
            </th>
          </tr>
        </thead>
        <tbody>
          {result.summary.map((s) => (
            <tr key={s.institution_id}>
              <th scope="row">
                <span className="bm-inst" title={s.name}>
                  <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
                  <span className="bm-inst-name">{s.name}</span>
                  {s.posts < THIN_POSTS && <ThinBadge posts={s.posts} />}
                </span>
              </th>
              <td className="num">{fmtInt(s.posts)}</td>
              <td className="num">{s.posts_per_week === null ? '—' : s.posts_per_week.toFixed(2)}</td>
              <td className="num">{s.interactions_per_post === null ? '—' : s.interactions_per_post.toFixed(1)}</td>
              <td className="num">{fmtPct(s.engagement_rate[conv], 3)}</td>
              <td className="num">
                {fmtPct(s.follower_growth.pct, 1)}
                {s.follower_growth.abs !== null && (
                  <span className="muted bm-small">
                    {' '}
                    ({s.follower_growth.abs >= 0 ? '+' : ''}
                    {fmtInt(s.follower_growth.abs)})
                  </span>
                )}
              </td>
              <td className="num">{fmtPct(s.share_of_voice.posts, 1)}</td>
              <td className="num">{fmtInt(s.channel.views)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
