/**
 * LinkedIn Page analytics "Followers" (the "New followers" sheet of <page>_followers_<ms>.xls, or a CSV of it): one
 * row per day with Sponsored / Organic / Auto-invited followers and "Total followers", which is the day's NEW
 * followers (their sum), not the cumulative count: it maps to followers_gained, and followers stays NULL. Translated
 * in pt and es UIs (LINKEDIN_FOLLOWERS_FIELDS). LinkedIn nets unfollows into the day's organic figure ("-1" organic,
 * "-1" total: three days of the real English sample, one of a Portuguese test): the figure is still loaded as
 * LinkedIn writes it (no other LinkedIn download has gains alone, and the days without losses are exact), and a
 * file with a negative day says so in a warning naming the rows, so the net days are known.
 * Columns a converter appended (e.g. "Cumulative Followers", "Followers 7d Avg") are ignored: they are derived,
 * not LinkedIn's numbers. Rows do not name the page: the import's account, else "<page>_followers..." in the name.
 * interactions: not applicable (daily rows).
 */
import { literal } from '../../db/sql'
import { hasFields, resolveFields } from '../fields'
import { countSql, daySql } from '../parseSql'
import type { Recognizer } from '../types'
import { fixedAccountSql } from './fileAccount'
import {
  LINKEDIN_DAY_FORMATS,
  LINKEDIN_FOLLOWERS_FIELDS,
  linkedinAccount,
  linkedinAccountInName
} from './linkedinCommon'

export const linkedinFollowers: Recognizer = {
  id: 'linkedin-followers',
  label: 'LinkedIn Page followers (daily)',
  platform: 'linkedin',
  needsAccount: true,
  accountInName: linkedinAccountInName,
  fields: LINKEDIN_FOLLOWERS_FIELDS,
  detect: ({ columns }) => hasFields(LINKEDIN_FOLLOWERS_FIELDS, columns, ['date', 'sponsored', 'organic', 'total']),
  async normalize(ctx) {
    const account = linkedinAccount(ctx)
    const f = resolveFields(LINKEDIN_FOLLOWERS_FIELDS, ctx.columns)
    const date = f.sql('date')
    const day = daySql(date, ctx.timeZoneSql, LINKEDIN_DAY_FORMATS)
    const total = countSql(f.sql('total'))
    const r = await ctx.conn.runAndReadAll(
      `SELECT string_agg(_row::VARCHAR, ', ' ORDER BY _row) AS rows FROM ${ctx.raw} WHERE ${total} < 0`
    )
    const { rows } = r.getRowObjectsJson()[0] as { rows: string | null }
    if (rows !== null)
      ctx.warn(
        `"${f.column.total}" is negative on row ${rows}: LinkedIn nets unfollows into the day's new followers, so followers gained is net on the days that lost followers.`
      )
    return {
      accounts: fixedAccountSql(account, 'linkedin'),
      daily: `SELECT _row,
          CASE WHEN ${day} IS NULL THEN 'unreadable date "' || coalesce(${date}, '') || '"' END AS _reject,
          ${literal(account.id)} AS account_id, 'linkedin' AS platform, ${day} AS day,
          ${total} AS followers_gained
        FROM ${ctx.raw}`
    }
  }
}
