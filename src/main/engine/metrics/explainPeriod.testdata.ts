/**
 * The hand-computed workspace of explainPeriod.test.ts (the values are worked out in that file's header), shared
 * with the CLI's test of `socialbench explain`. Range 2024-01-01 … 2024-02-04, all UTC; Alpha's week of Jan 22 is
 * the spike (weekly rate .12 against a median of .02, MAD .01, robust z 6.745).
 */
const POSTS: [string, string, number, string, string, number | null][] = [
  // id, timestamp, interactions, type, account, views
  ['p1', '2024-01-02 10:00', 20, 'photo', 'x:alpha', null],
  ['p2', '2024-01-09 10:00', 20, 'photo', 'x:alpha', null],
  ['p3', '2024-01-10 10:00', 40, 'video', 'x:alpha', null],
  ['p4', '2024-01-17 10:00', 10, 'link', 'x:alpha', null],
  ['p5', '2024-01-22 10:00', 300, 'video', 'x:alpha', 500],
  ['p6', '2024-01-23 10:00', 30, 'photo', 'x:alpha', 50],
  ['p7', '2024-01-24 10:00', 30, 'photo', 'x:alpha', null],
  ['p8', '2024-01-30 10:00', 24, 'text', 'x:alpha', null],
  ['b1', '2024-01-03 10:00', 10, 'photo', 'x:beta', null],
  ['b2', '2024-01-10 10:00', 10, 'photo', 'x:beta', null],
  ['b3', '2024-01-17 10:00', 10, 'photo', 'x:beta', null],
  ['b4', '2024-01-24 10:00', 25, 'photo', 'x:beta', null]
]

export const EXPLAIN_FIXTURE_SQL = [
  `INSERT INTO institutions (institution_id, name, color) VALUES (1, 'Alpha', '#0072B2'), (2, 'Beta', '#E69F00')`,
  `INSERT INTO accounts (account_id, institution_id, platform, handle, time_zone) VALUES
     ('x:alpha', 1, 'x', 'alpha', 'UTC'), ('x:beta', 2, 'x', 'beta', 'UTC')`,
  `INSERT INTO account_daily (account_id, platform, day, followers, views, import_id)
     SELECT 'x:alpha', 'x', d, CASE WHEN d <= DATE '2024-01-24' THEN 1000 ELSE 1200 END,
            CASE WHEN d = DATE '2024-01-23' THEN 800 WHEN d BETWEEN DATE '2024-01-08' AND DATE '2024-01-14' THEN 120
                 WHEN d BETWEEN DATE '2024-01-15' AND DATE '2024-01-21' THEN 90 ELSE 100 END, 0
     FROM (SELECT CAST(unnest(generate_series(DATE '2024-01-01', DATE '2024-02-04', INTERVAL 1 DAY)) AS DATE) AS d)`,
  `INSERT INTO account_daily (account_id, platform, day, followers, import_id) VALUES ('x:beta', 'x', DATE '2024-01-01', 500, 0)`,
  `INSERT INTO posts (account_id, platform, post_id, published_at, text, post_type, interactions, views, import_id) VALUES
     ${POSTS.map(([id, ts, n, type, acc, views]) => `('${acc}', 'x', '${id}', TIMESTAMPTZ '${ts}:00+00', 'post ${id}', '${type}', ${n}, ${views ?? 'NULL'}, 0)`).join(',\n')}`
]
