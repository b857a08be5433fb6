/**
 * Daily channel metrics (views, reach, impressions, profile visits, followers gained) from account_daily, the
 * figures channel-level exports carry (YouTube Totals and Date tables, TikTok overview, Meta reach/views/visits)
 * and post exports do not. One row per institution, metric and day of the range, so a day without a figure reaches
 * the chart as a gap rather than being skipped over by the line.
 */
import { CHANNEL_METRICS } from '../../../shared/metrics'
import { literal } from '../db/sql'
import { withScope, type Scope } from './scope'

/**
 * cm: every non-NULL daily figure of the scope's accounts in the range, one row per account, metric and day.
 * An institution's value on a day is the sum over its accounts that have that metric at all in the range, and NULL
 * when any of them has no figure that day: a partial sum would look like a drop.
 */
/** Metrics in CHANNEL_METRICS order, not alphabetical: the chart offers them in that order. */
export const channelMetricRank = (column: string) =>
  `CASE ${column} ${CHANNEL_METRICS.map((m, i) => `WHEN ${literal(m)} THEN ${i}`).join(' ')} END`

export function channelDailySql(s: Scope): string {
  const from = `DATE ${literal(s.from)}`
  const to = `DATE ${literal(s.to)}`
  const metrics = CHANNEL_METRICS.join(', ')
  const metricRank = channelMetricRank('am.metric')
  return `${withScope(
    s,
    `  cm AS (
    UNPIVOT (SELECT acc.institution_id, acc.institution, d.account_id, d.day, ${CHANNEL_METRICS.map((m) => `d.${m}::DOUBLE AS ${m}`).join(', ')}
             FROM account_daily d JOIN acc USING (account_id) WHERE d.day BETWEEN ${from} AND ${to})
    ON ${metrics} INTO NAME metric VALUE value),
  am AS (SELECT DISTINCT institution_id, institution, account_id, metric FROM cm)`
  )}
  SELECT am.institution, am.metric, days.day, CASE WHEN count(cm.value) = count(*) THEN sum(cm.value) END AS value
  FROM am CROSS JOIN days LEFT JOIN cm ON cm.account_id = am.account_id AND cm.metric = am.metric AND cm.day = days.day
  GROUP BY am.institution, am.metric, days.day
  ORDER BY am.institution, ${metricRank}, days.day`
}

/** Median and interquartile band of the peer set per metric and day (drawn where 3 or more institutions have a value). */
export function channelPeerSql(seriesSql: string): string {
  return `SELECT metric, day AS x, median(value) AS median, quantile_cont(value, 0.25) AS q1, quantile_cont(value, 0.75) AS q3,
                 count(value) AS n
          FROM (${seriesSql}) GROUP BY metric, day ORDER BY metric, day`
}

/** Account-days with any daily channel figure in the range (the methodology's count for these charts). */
export function channelDaysSql(s: Scope): string {
  return `${withScope(s)}
  SELECT count(*) AS n FROM account_daily d JOIN acc USING (account_id)
  WHERE d.day BETWEEN DATE ${literal(s.from)} AND DATE ${literal(s.to)}
    AND (${CHANNEL_METRICS.map((m) => `d.${m} IS NOT NULL`).join(' OR ')})`
}
