/** A workspace for the content mix, with every figure computed by hand (contentMix.test.ts checks them). */
/*
 * Hand-computed, 2024-03-01 … 2024-03-31. Alpha: facebook in Europe/Madrid (UTC+1 all March), x in UTC.
 * Beta: facebook in America/New_York (UTC-5 until 10 March, then UTC-4).
 *   a1 fb Photo   Mon 4 Mar 09:30Z → Mon 10:30 Madrid, 10 interactions, 1,000 followers → rate .01
 *   a2 fb Photo   Mon 11 Mar 09:10Z → Mon 10:10, 30 → .03
 *   a3 fb Photos  Mon 18 Mar 09:50Z → Mon 10:50, 50 → .05
 *   a4 x  tweet   Mon 4 Mar 10:00Z → Mon 10:00 UTC, 20, 500 followers → .04
 *   a5 fb Native Video Tue 5 Mar 23:30Z → Wed 00:30 Madrid (Tuesday 23:00 in UTC), 100 → .10
 *   a6 fb Link    Wed 6 Mar 12:00Z → Wed 13:00, interactions not exported
 *   b1 fb Reel    Sat 2 Mar 03:00Z → Fri 1 Mar 22:00 New York, 8, 200 followers → .04
 *   b2 fb Album   Tue 12 Mar 15:00Z → Tue 11:00 (EDT), 12 → .06
 *   b3 fb Status  Wed 13 Mar 15:00Z → Wed 11:00, 4 → .02
 *   b4 fb Photo   Mon 1 Apr: outside the range.
 * Alpha (6 posts, 210 interactions): photo 3 posts (.5), 90 (90/210), median 30, mean rate .03; video 1, 100, .1;
 *   link 1, no count; type not exported (tweet) 1, 20, .04. Median over its posts with a count: 30.
 *   Monday 10:00 holds a1-a4: 4 posts, median of 10, 20, 30, 50 = 25; median rate of .01 .03 .04 .05 = .035.
 *   Wednesday 0:00: a5 (100). Wednesday 13:00: a6, 1 post, no median.
 * Beta (3 posts, 24, median 8): reel 8 (1/3 of posts, 8/24), carousel 12, text 4. Friday 22:00, Tuesday 11:00, Wednesday 11:00.
 */
export const CONTENT_MIX_FIXTURE_SQL = [
  `INSERT INTO institutions (institution_id, name, color) VALUES (1, 'Alpha', '#0072B2'), (2, 'Beta', '#E69F00')`,
  `INSERT INTO accounts (account_id, institution_id, platform, handle, time_zone) VALUES
    ('facebook:alpha', 1, 'facebook', 'alpha', 'Europe/Madrid'), ('x:alpha', 1, 'x', 'alpha', 'UTC'),
    ('facebook:beta', 2, 'facebook', 'beta', 'America/New_York')`,
  `INSERT INTO posts (account_id, platform, post_id, published_at, post_type, interactions, followers_at_post, import_id) VALUES
    ('facebook:alpha', 'facebook', 'a1', TIMESTAMPTZ '2024-03-04 09:30:00+00', 'Photo', 10, 1000, 0),
    ('facebook:alpha', 'facebook', 'a2', TIMESTAMPTZ '2024-03-11 09:10:00+00', 'Photo', 30, 1000, 0),
    ('facebook:alpha', 'facebook', 'a3', TIMESTAMPTZ '2024-03-18 09:50:00+00', 'Photos', 50, 1000, 0),
    ('x:alpha', 'x', 'a4', TIMESTAMPTZ '2024-03-04 10:00:00+00', 'tweet', 20, 500, 0),
    ('facebook:alpha', 'facebook', 'a5', TIMESTAMPTZ '2024-03-05 23:30:00+00', 'Native Video', 100, 1000, 0),
    ('facebook:alpha', 'facebook', 'a6', TIMESTAMPTZ '2024-03-06 12:00:00+00', 'Link', NULL, 1000, 0),
    ('facebook:beta', 'facebook', 'b1', TIMESTAMPTZ '2024-03-02 03:00:00+00', 'Reel', 8, 200, 0),
    ('facebook:beta', 'facebook', 'b2', TIMESTAMPTZ '2024-03-12 15:00:00+00', 'Album', 12, 200, 0),
    ('facebook:beta', 'facebook', 'b3', TIMESTAMPTZ '2024-03-13 15:00:00+00', 'Status', 4, 200, 0),
    ('facebook:beta', 'facebook', 'b4', TIMESTAMPTZ '2024-04-01 15:00:00+00', 'Photo', 99, 200, 0)`
]
