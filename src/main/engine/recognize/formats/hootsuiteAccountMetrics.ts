/**
 * Hootsuite Analytics report export "<report>_<from>_to_<to>_created_on_<stamp>_account_metrics.csv": "Date (GMT)"
 * plus one column per metric whose name embeds the list of aggregated Pages, e.g. "Page Reactions by Type - Wow (Daily
 * aggregated values for Facebook pages: Eyewatch - Hume ..., ...)". Numbers are floats ("82.0").
 * Two column families: "(Daily aggregated values ...)" are per-day sums and may go to account_daily; "(Overall
 * aggregated value ...)" are one total for the whole range, filled only on the last row, and are never loaded.
 * The aggregated Pages are ONE synthetic account (needsAccount): the account named at import, else
 * 'facebook:hootsuite-<report name from the file name>'.
 * Daily metrics mapped (Facebook Insights names as Hootsuite writes them): Page Fans → followers, Page Fan Adds →
 * followers_gained, Page Fan Removes → followers_lost, Page Impressions → impressions, Page Reach / Total Reach →
 * reach, Page Views → profile_visits, Page Video Views → views. Reactions by type, engaged users, rates and breakdowns
 * (by age, by country) have no account_daily column and stay in the raw table; when a report has none of the mapped
 * metrics no daily rows are written and a warning says so. No posts here, so no interactions.
 */
import type { Platform } from '../../../../shared/types'
import { literal } from '../../db/sql'
import { findColumn, normalizeHeader } from '../headers'
import { col, countSql, daySql } from '../parseSql'
import { accountRequired, isGenericName } from '../accountIdentity'
import type { NormalizeContext, Recognizer } from '../types'
import { chosenAccount } from './fileAccount'

const FAMILY_RE =
  /^(.*?)\s*\((Daily aggregated values|Overall aggregated value) for (Facebook|Instagram|Twitter|X|LinkedIn|YouTube) pages?:\s*(.*)\)\s*$/i

export interface HootsuiteColumn {
  column: string
  metric: string
  daily: boolean
  network: string
  pages: string[]
}

export function parseHootsuiteColumn(column: string): HootsuiteColumn | null {
  const m = FAMILY_RE.exec(column.trim())
  if (!m) return null
  return {
    column,
    metric: m[1].trim(),
    daily: /^daily/i.test(m[2]),
    network: m[3],
    pages: m[4]
      .split(/,\s*/)
      .map((s) => s.trim())
      .filter(Boolean)
  }
}

const DAILY_MAP: Record<string, string> = {
  'page fans': 'followers',
  'page fan adds': 'followers_gained',
  'page fan removes': 'followers_lost',
  'page impressions': 'impressions',
  'page reach': 'reach',
  'total reach': 'reach',
  'page views': 'profile_visits',
  'page video views': 'views'
}

const PLATFORMS: Record<string, Platform> = {
  facebook: 'facebook',
  instagram: 'instagram',
  twitter: 'x',
  x: 'x',
  linkedin: 'linkedin',
  youtube: 'youtube'
}

/**
 * The account id for the aggregate: the user's choice, else one made from the report name the user gave in
 * Hootsuite (the file name before its date range); a report name of generic words only names nothing.
 */
function accountOf(ctx: NormalizeContext, platform: Platform): { id: string; handle: string } {
  const chosen = chosenAccount(ctx.accountHint, platform)
  if (chosen) return chosen
  const name = ctx.fileName.replace(/\.[^.]+$/, '').replace(/_\d{4}-\d{2}-\d{2}_to_\d{4}-\d{2}-\d{2}.*$/, '')
  const report = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  if (!report || isGenericName(name)) throw accountRequired(ctx.fileName, platform)
  const handle = `hootsuite-${report}`
  ctx.warn(
    `Hootsuite reports aggregate several pages and do not name an account; the rows were filed under "${platform}:${handle}" (from the file name). Choose the account at import (--account) to file them elsewhere.`
  )
  return { id: `${platform}:${handle}`, handle }
}

export const hootsuiteAccountMetrics: Recognizer = {
  id: 'hootsuite-account-metrics',
  label: 'Hootsuite account metrics',
  platform: 'facebook',
  needsAccount: true,
  detect: ({ columns }) =>
    normalizeHeader(columns[0] ?? '') === 'date (gmt)' &&
    columns.slice(1).some((c) => parseHootsuiteColumn(c) !== null),
  normalize(ctx) {
    const parsed = ctx.columns.map(parseHootsuiteColumn).filter((c): c is HootsuiteColumn => c !== null)
    const platform = PLATFORMS[(parsed[0]?.network ?? 'facebook').toLowerCase()] ?? 'other'
    const account = accountOf(ctx, platform)
    const pages = [...new Set(parsed.flatMap((c) => c.pages))]
    const accounts = `SELECT ${literal(account.id)} AS account_id, ${literal(platform)} AS platform, ${literal(account.handle)} AS handle,
      ${literal(`Hootsuite aggregate of ${pages.length} ${parsed[0]?.network ?? 'Facebook'} page${pages.length === 1 ? '' : 's'}`)} AS display_name`
    const mapped = new Map<string, string>()
    for (const c of parsed) {
      const target = c.daily ? DAILY_MAP[c.metric.toLowerCase()] : undefined
      if (target && !mapped.has(target)) mapped.set(target, c.column)
    }
    const overall = parsed.filter((c) => !c.daily).length
    if (overall > 0)
      ctx.warn(
        `Hootsuite: ${overall} "Overall aggregated value" columns are totals for the whole range, not days; they stay in the raw table only.`
      )
    if (mapped.size === 0) {
      ctx.warn(
        `Hootsuite: none of the daily metrics (${[...new Set(parsed.filter((c) => c.daily).map((c) => c.metric))].slice(0, 6).join('; ')}…) has an account_daily column; no daily rows were written and the values stay in the raw table.`
      )
      return { accounts }
    }
    const date = findColumn(ctx.columns, 'Date (GMT)') as string
    const day = daySql(col(date), literal('UTC'), ['%Y-%m-%d', '%m/%d/%Y'])
    const metrics = [...mapped].map(([k, c]) => `${countSql(col(c))} AS ${k}`)
    return {
      accounts,
      daily: `SELECT _row, CASE WHEN ${day} IS NULL THEN 'unreadable Date (GMT) "' || coalesce(${col(date)}, '') || '"' END AS _reject,
          ${literal(account.id)} AS account_id, ${literal(platform)} AS platform, ${day} AS day, ${metrics.join(', ')}
        FROM ${ctx.raw}`
    }
  }
}
