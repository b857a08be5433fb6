/**
 * LinkedIn Page analytics "Content" metrics (the daily "Metrics" sheet of <page>_content_<ms>.xls, or a CSV of it):
 * one row per day with Impressions / Clicks / Reactions / Comments / Reposts (before 2023: Shares) / Engagement rate,
 * each split (organic) / (sponsored) / (total), and "Unique impressions (organic)"; translated in pt and es UIs
 * (LINKEDIN_CONTENT_FIELDS), with a title line above the header in native downloads ("Relatório agregado").
 * Days: impressions = "Impressions (total)"; reach = "Unique impressions (organic)" only on days without sponsored
 * impressions (LinkedIn gives no unique count for sponsored ones, so otherwise reach would be understated: NULL).
 * Daily clicks, reactions, comments and reposts have no place in account_daily and stay in the raw table.
 * Columns a converter appended ("Total Engagement") are ignored.
 * interactions: not applicable (daily rows); per post it would be reactions + comments + reposts.
 */
import { literal } from '../../db/sql'
import { hasFields, resolveFields } from '../fields'
import { countSql, daySql } from '../parseSql'
import type { Recognizer } from '../types'
import { fixedAccountSql } from './fileAccount'
import { LINKEDIN_CONTENT_FIELDS, LINKEDIN_DAY_FORMATS, linkedinAccount, linkedinAccountInName } from './linkedinCommon'

export const linkedinContent: Recognizer = {
  id: 'linkedin-content',
  label: 'LinkedIn Page content metrics (daily)',
  platform: 'linkedin',
  needsAccount: true,
  accountInName: linkedinAccountInName,
  fields: LINKEDIN_CONTENT_FIELDS,
  detect: ({ columns }) =>
    hasFields(LINKEDIN_CONTENT_FIELDS, columns, ['date', 'impressionsTotal', 'reactionsTotal', 'commentsTotal']),
  normalize(ctx) {
    const account = linkedinAccount(ctx)
    const f = resolveFields(LINKEDIN_CONTENT_FIELDS, ctx.columns)
    const date = f.sql('date')
    const day = daySql(date, ctx.timeZoneSql, LINKEDIN_DAY_FORMATS)
    const count = (field: 'uniqueOrganic' | 'impressionsSponsored') => (f.has(field) ? countSql(f.sql(field)) : 'NULL')
    return {
      accounts: fixedAccountSql(account, 'linkedin'),
      daily: `SELECT _row,
          CASE WHEN ${day} IS NULL THEN 'unreadable date "' || coalesce(${date}, '') || '"' END AS _reject,
          ${literal(account.id)} AS account_id, 'linkedin' AS platform, ${day} AS day,
          ${countSql(f.sql('impressionsTotal'))} AS impressions,
          CASE WHEN ${count('impressionsSponsored')} = 0 THEN ${count('uniqueOrganic')} END AS reach
        FROM ${ctx.raw}`
    }
  }
}
