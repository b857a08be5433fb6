/**
 * LinkedIn Page analytics "Visitors" (the "Visitor metrics" sheet of <page>_visitors_<ms>.xls, or a CSV of it): one
 * row per day with page views and unique visitors for each part of the page (Overview, Life, Jobs...), each split
 * (desktop) / (mobile) / (total), and the page's totals "Total page views (total)", "Total unique visitors
 * (total)". Before 2023 the names were capitalised and said "(Mobile Devices)" (matched the same, case aside).
 * Days: profile_visits = "Total page views (total)" (LinkedIn's visits of the page, as Meta's "Visits"). Unique
 * visitors are not reach (they saw the page, not the posts) and stay raw, with every per-part and per-device column.
 * interactions: not applicable (daily rows).
 */
import { literal } from '../../db/sql'
import { hasFields, resolveFields } from '../fields'
import { countSql, daySql } from '../parseSql'
import type { Recognizer } from '../types'
import { fixedAccountSql } from './fileAccount'
import {
  LINKEDIN_DAY_FORMATS,
  LINKEDIN_VISITORS_FIELDS,
  linkedinAccount,
  linkedinAccountInName
} from './linkedinCommon'

export const linkedinVisitors: Recognizer = {
  id: 'linkedin-visitors',
  label: 'LinkedIn Page visitors (daily)',
  platform: 'linkedin',
  needsAccount: true,
  accountInName: linkedinAccountInName,
  fields: LINKEDIN_VISITORS_FIELDS,
  detect: ({ columns }) => hasFields(LINKEDIN_VISITORS_FIELDS, columns, ['date', 'pageViews', 'uniqueVisitors']),
  normalize(ctx) {
    const account = linkedinAccount(ctx)
    const f = resolveFields(LINKEDIN_VISITORS_FIELDS, ctx.columns)
    const date = f.sql('date')
    const day = daySql(date, ctx.timeZoneSql, LINKEDIN_DAY_FORMATS)
    return {
      accounts: fixedAccountSql(account, 'linkedin'),
      daily: `SELECT _row,
          CASE WHEN ${day} IS NULL THEN 'unreadable date "' || coalesce(${date}, '') || '"' END AS _reject,
          ${literal(account.id)} AS account_id, 'linkedin' AS platform, ${day} AS day,
          ${countSql(f.sql('pageViews'))} AS profile_visits
        FROM ${ctx.raw}`
    }
  }
}
