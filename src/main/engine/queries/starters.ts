/**
 * Starter queries seeded once into every workspace: common benchmark questions over the canonical model
 * (institutions, accounts, posts, account_daily, imports). Each must run, with its defaults, on a workspace whose
 * tables are empty (tested). Empty date = no bound; empty institution list = all institutions.
 */
import type { ParamDef, QueryDraft } from '../../../shared/queries'

const FROM: ParamDef = { name: 'from', type: 'date', label: 'From', default: null }
const TO: ParamDef = { name: 'to', type: 'date', label: 'To', default: null }
const INSTITUTIONS: ParamDef = { name: 'institutions', type: 'institutions', label: 'Institutions', default: [] }

/** Posts of the chosen institutions in the chosen period, with one interaction figure per post. */
const POSTS = `posts AS (
  SELECT i.name AS institution, p.*,
         coalesce(p.interactions, coalesce(p.likes, 0) + coalesce(p.comments, 0) + coalesce(p.shares, 0) + coalesce(p.saves, 0)) AS engagement
  FROM posts p
  JOIN accounts a ON a.account_id = p.account_id
  JOIN institutions i ON i.institution_id = a.institution_id
  WHERE ($from IS NULL OR p.published_at::DATE >= $from)
    AND ($to IS NULL OR p.published_at::DATE <= $to)
    AND (len($institutions) = 0 OR list_contains($institutions, i.name))
)`

export const STARTER_QUERIES: QueryDraft[] = [
  {
    name: 'Follower growth by institution',
    description: 'Followers at the end of each week, summed over each institution’s accounts.',
    tags: ['starter', 'followers', 'growth'],
    params: [FROM, TO, INSTITUTIONS],
    chart: { mark: 'line', x: 'week', y: 'followers', color: 'institution', facet: null },
    sql: `-- Last known follower count of each account in each week, summed per institution
WITH per_account AS (
  SELECT date_trunc('week', d.day)::DATE AS week, d.account_id, arg_max(d.followers, d.day) AS followers
  FROM account_daily d
  WHERE d.followers IS NOT NULL
    AND ($from IS NULL OR d.day >= $from)
    AND ($to IS NULL OR d.day <= $to)
  GROUP BY ALL
)
SELECT w.week, i.name AS institution, sum(w.followers)::DOUBLE AS followers
FROM per_account w
JOIN accounts a ON a.account_id = w.account_id
JOIN institutions i ON i.institution_id = a.institution_id
WHERE len($institutions) = 0 OR list_contains($institutions, i.name)
GROUP BY ALL
ORDER BY w.week, institution`
  },
  {
    name: 'Engagement rate by institution and platform',
    description: 'Interactions per impression over the period, per institution and platform.',
    tags: ['starter', 'engagement'],
    params: [FROM, TO, INSTITUTIONS],
    chart: { mark: 'bar', x: 'institution', y: 'engagement_rate', color: 'platform', facet: null },
    sql: `WITH ${POSTS}
SELECT institution, platform, count(*) AS posts,
       sum(engagement)::DOUBLE AS interactions,
       sum(impressions)::DOUBLE AS impressions,
       round(sum(engagement) / nullif(sum(impressions), 0), 4) AS engagement_rate
FROM posts
GROUP BY ALL
ORDER BY engagement_rate DESC NULLS LAST`
  },
  {
    name: 'Posting cadence per week',
    description: 'How many posts each institution published per week.',
    tags: ['starter', 'cadence'],
    params: [FROM, TO, INSTITUTIONS],
    chart: { mark: 'line', x: 'week', y: 'posts', color: 'institution', facet: null },
    sql: `WITH ${POSTS}
SELECT date_trunc('week', published_at)::DATE AS week, institution, count(*) AS posts
FROM posts
WHERE published_at IS NOT NULL
GROUP BY ALL
ORDER BY week, institution`
  },
  {
    name: 'Top posts by interactions',
    description: 'The posts with the most interactions in the period.',
    tags: ['starter', 'posts'],
    params: [FROM, TO, INSTITUTIONS, { name: 'top', type: 'number', label: 'How many', default: 20 }],
    chart: null,
    sql: `WITH ${POSTS}
SELECT institution, platform, published_at, engagement AS interactions, impressions, left(text, 120) AS text, url
FROM posts
ORDER BY engagement DESC NULLS LAST
LIMIT $top`
  },
  {
    name: 'Share of voice by month',
    description: 'Each institution’s share of all interactions, month by month.',
    tags: ['starter', 'share of voice'],
    params: [FROM, TO, INSTITUTIONS],
    chart: { mark: 'area', x: 'month', y: 'share', color: 'institution', facet: null },
    sql: `WITH ${POSTS},
monthly AS (
  SELECT date_trunc('month', published_at)::DATE AS month, institution, sum(engagement) AS interactions
  FROM posts WHERE published_at IS NOT NULL GROUP BY ALL
)
SELECT month, institution, interactions::DOUBLE AS interactions,
       round(interactions / nullif(sum(interactions) OVER (PARTITION BY month), 0), 4) AS share
FROM monthly
ORDER BY month, institution`
  },
  {
    name: 'Imports in this workspace',
    description: 'Every imported file: format, platform, rows read, loaded and rejected.',
    tags: ['starter', 'imports'],
    params: [],
    chart: null,
    sql: `SELECT import_id, file_name, format, platform, rows_read, rows_loaded, rows_rejected, imported_at
FROM imports
ORDER BY imported_at DESC`
  }
]
