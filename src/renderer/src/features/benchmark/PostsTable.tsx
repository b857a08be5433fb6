import type { BenchmarkPost } from '../../../../shared/benchmark'
import { fmtInt, fmtPct } from '../../../../shared/charts/plotOptions'

interface PostsTableProps {
  posts: BenchmarkPost[]
  colors: Map<string, string>
  testId?: string
  caption: string
  empty: string
}

/** Top posts and breakout posts: text, date, link, interactions and the rate under the chosen convention. */
export function PostsTable({ posts, colors, testId, caption, empty }: PostsTableProps) {
  if (posts.length === 0)
    return (
      <p className="muted bm-empty" data-testid={testId}>
        {empty}
      </p>
    )
  return (
    // Focusable so a keyboard user can scroll a table wider than its column.
    <div className="bm-table-wrap bm-posts" tabIndex={0} role="region" aria-label={caption}>
      <table className="bm-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num" title="Rank by rate (interactions break ties)">
              #
            </th>
            <th scope="col">Institution</th>
            <th scope="col">Date</th>
            <th scope="col">Post</th>
            <th scope="col" className="num">
              Interactions
            </th>
            <th scope="col" className="num">
              Rate
            </th>
          </tr>
        </thead>
        <tbody>
          {posts.map((p, i) => (
            <tr key={`${p.platform}:${p.post_id}`}>
              <td className="num" data-testid="bm-post-rank">
                {i + 1}
              </td>
              <td className="nowrap">
                <span
                  className="swatch"
                  style={{ background: colors.get(p.institution) ?? 'currentColor' }}
                  aria-hidden="true"
                />
                {p.institution}
                <span className="muted bm-platform-tag">{p.platform}</span>
              </td>
              <td className="nowrap mono">{p.published_at.slice(0, 10)}</td>
              <td className="bm-post-text">
                <span title={p.text}>{p.text || <em className="muted">(no text)</em>}</span>
                {p.url && (
                  <span className="bm-post-url mono" title={p.url}>
                    {p.url}
                  </span>
                )}
              </td>
              <td className="num">{fmtInt(p.interactions)}</td>
              <td className="num">{fmtPct(p.rate, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
