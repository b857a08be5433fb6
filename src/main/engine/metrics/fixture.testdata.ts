/**
 * A small hand-built benchmark workspace whose every metric was computed by hand (see metrics.test.ts).
 * Three institutions, four accounts, six posts, follower snapshots with a gap.
 */
import type { Database } from '../db/duckdb'
import { rebuildPostDays } from '../canonical/postDays'

export async function loadMetricsFixture(db: Database): Promise<void> {
  await db.write(async (c) => {
    await c.run(
      `INSERT INTO institutions (institution_id, name, color) VALUES (1, 'Alpha Hospital', '#0072B2'), (2, 'Beta Clinic', '#E69F00'), (3, 'Gamma Pharmacy', '#009E73')`
    )
    await c.run(`INSERT INTO accounts (account_id, institution_id, platform, handle, time_zone) VALUES
      ('x:alpha', 1, 'x', 'alpha', 'UTC'), ('facebook:alpha', 1, 'facebook', 'alpha', 'UTC'),
      ('x:beta', 2, 'x', 'beta', 'UTC'), ('x:gamma', 3, 'x', 'gamma', 'America/New_York')`)
    await c.run(`INSERT INTO account_daily (account_id, platform, day, followers, import_id) VALUES
      ('x:alpha', 'x', DATE '2024-01-01', 1000, 0), ('x:alpha', 'x', DATE '2024-01-14', 1100, 0),
      ('facebook:alpha', 'facebook', DATE '2024-01-01', 500, 0), ('facebook:alpha', 'facebook', DATE '2024-01-14', 600, 0)`)
    await c.run(`INSERT INTO account_daily (account_id, platform, day, followers, import_id)
      SELECT 'x:beta', 'x', DATE '2024-01-01' + (i - 1)::INTEGER, 200 + 10 * (i - 1), 0 FROM range(1, 15) t(i)`)
    await c.run(`INSERT INTO posts (account_id, platform, post_id, published_at, text, interactions, impressions, reach, views, followers_at_post, import_id) VALUES
      ('x:alpha', 'x', 'p1', TIMESTAMPTZ '2024-01-02 10:00:00+00', 'one', 30, 1000, NULL, NULL, NULL, 0),
      ('facebook:alpha', 'facebook', 'p2', TIMESTAMPTZ '2024-01-03 12:00:00+00', 'two', 50, NULL, 500, NULL, 480, 0),
      ('x:beta', 'x', 'p3', TIMESTAMPTZ '2024-01-05 09:00:00+00', 'three', 10, 500, NULL, NULL, NULL, 0),
      ('x:beta', 'x', 'p4', TIMESTAMPTZ '2024-01-06 09:00:00+00', 'four', NULL, 300, NULL, NULL, NULL, 0),
      ('x:gamma', 'x', 'p5', TIMESTAMPTZ '2024-01-15 03:00:00+00', 'five', 5, NULL, NULL, 100, NULL, 0),
      ('x:gamma', 'x', 'p6', TIMESTAMPTZ '2024-01-01 02:00:00+00', 'six', 7, NULL, NULL, NULL, NULL, 0)`)
    // Written by SQL, not by an import: the dashboard's day sums are built as an import would.
    await rebuildPostDays(c)
  })
}

export const FIXTURE_SCOPE = {
  institutionIds: [1, 2, 3],
  platforms: ['x', 'facebook'] as ('x' | 'facebook')[],
  from: '2024-01-01',
  to: '2024-01-14',
  maxGapDays: 7
}
