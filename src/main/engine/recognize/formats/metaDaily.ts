/**
 * Meta Business Suite per-metric daily series ("Follows.csv", "Reach.csv", "IG_VISITS.csv"): UTF-16LE with BOM, a
 * `sep=,` line, the metric title ("Facebook reach", "Instagram profile visits", "Views"), then "Date","Primary".
 * Spreadsheet re-saves keep the shape with tabs or semicolons ("Facebook follows;" / "Date;Primary").
 *
 * Stacked series: Meta puts the Facebook series first and then the Instagram one in the same file, each with its own
 * title line and "Date","Primary" header. The first title is above the table (ctx.preamble); later ones are rows
 * of the raw table whose Date is not a date and whose Primary is empty. Rows are split into blocks at those titles.
 *
 * Platform of a block: named in its title; else Facebook when an Instagram block follows it (Meta's order) or
 * Instagram when a Facebook block precedes it; else the platform chosen for the import (ImportOptions.platform,
 * which the dialog and the CLI also fill from the other files of the same batch: src/shared/importIdentity.ts);
 * else the account chosen ("instagram:x"), the file name ("IG_REACH.csv"), or the chosen handle existing in the
 * workspace on one of the two platforms only. Titles such as "Reach", "Views", "Content interactions" come from
 * either (an Instagram account's "Reach.csv" says just "Reach"), so when nothing settles it the import is refused
 * with PLATFORM_REQUIRED instead of guessing Facebook. A block with no account_daily column needs no platform.
 *
 * Metric of a block, from its title, into account_daily:
 *   Follows / Facebook follows / Instagram follows → followers_gained (new follows that day)
 *   Unfollows → followers_lost · Followers → followers · Reach → reach · Visits / profile visits → profile_visits
 *   Views (Meta's replacement for impressions: times content was shown or played) → views · Impressions → impressions
 *   Content interactions, link clicks and anything else have no account_daily column: they stay in the raw table
 *   only, and the import says so. No interactions total is defined for this format (daily metrics, no posts).
 *
 * Days: stamps are local midnights without zone that shift by an hour with DST ("2025-01-01T01:00:00",
 * "2025-04-14T00:00:00"); the day is the nearest midnight, so 01:00 and 23:00 both land on the intended date.
 * Zero is a real zero; a day Meta did not report is simply absent (no row, no NULL invented).
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import { AppFailure } from '../../../../shared/result'
import type { Platform } from '../../../../shared/types'
import { literal } from '../../db/sql'
import { findColumn, normalizeHeader } from '../headers'
import { col, countSql, isBlankSql } from '../parseSql'
import { metaNames } from '../synonyms'
import type { NormalizeContext, NormalizeOutput, PlatformEvidence, Recognizer } from '../types'
import { NO_ACCOUNTS } from './fileAccount'
import {
  cleanTitle,
  metaAccount,
  metaAccountInName,
  platformInName,
  platformInTitle,
  preambleTitle,
  warnSpreadsheetErrors
} from './metaCommon'

type DailyColumn =
  'followers' | 'followers_gained' | 'followers_lost' | 'reach' | 'profile_visits' | 'views' | 'impressions'

/**
 * The account_daily column a Meta metric title fills, or null when it has none. Titles in the other UI languages
 * name the same metrics: reach = alcance (es, pt), couverture (fr), Reichweite (de), copertura (it), bereik (nl);
 * views = visualizaciones, visualizações, vues, Aufrufe, visualizzazioni, weergaven; visits = visitas, visites,
 * Besuche, visite, bezoeken. "Interacciones con el contenido" etc. stay raw like "Content interactions".
 */
export function metricColumn(title: string | null): DailyColumn | null {
  const t = (title ?? '').toLowerCase()
  if (/unfollow|deixaram de seguir|dejaron de seguir|désabonnements|nicht mehr gefolgt/.test(t)) return 'followers_lost'
  if (/(followers|seguidores|abonnés|follower|volgers)$/.test(t) && !/new followers|novos|nuevos|nouveaux|neue/.test(t))
    return 'followers'
  if (
    /follows|new followers|page likes|seguimentos|novos seguidores|nuevos seguidores|nouveaux abonnés|neue follower/.test(
      t
    )
  )
    return 'followers_gained'
  if (/interac/.test(t)) return null
  if (/visits|visitas|visites|besuche|visite|bezoeken/.test(t)) return 'profile_visits'
  if (/reach|alcance|couverture|reichweite|copertura|bereik/.test(t)) return 'reach'
  if (/impressions|impresiones|impressões|impressioni|impressies/.test(t)) return 'impressions'
  if (/views|plays|visualiza|vues|aufrufe|weergaven/.test(t)) return 'views'
  return null
}

/** "Date" in the file's UI language ("Data" in a pt-BR export; Meta leaves "Primary" in English). */
const DATE_NAMES = metaNames('date')
const PRIMARY_NAMES = metaNames('primary')
const dateColumn = (columns: string[]) => findColumn(columns, ...DATE_NAMES) ?? 'Date'
const valueColumn = (columns: string[]) => findColumn(columns, ...PRIMARY_NAMES) ?? 'Primary'

const DATE_LIKE = `'^\\s*\\d{4}-\\d{2}-\\d{2}'`

interface Block {
  /** First raw row of the block (its title row; 0 for the block under the preamble title). */
  from: number
  title: string | null
  platform: Platform
  metric: DailyColumn | null
}

interface BlockSource {
  conn: DuckDBConnection
  /** FROM-able, with `_row` and the raw columns. */
  source: string
  columns: string[]
  fileName: string
  preamble?: string[]
  accountHint: string | null
  platformHint?: Platform | null
}

const META_PLATFORMS: Platform[] = ['facebook', 'instagram']

/** The chosen handle's platform when the workspace has it on exactly one of Facebook and Instagram. */
async function platformInWorkspace(conn: DuckDBConnection, accountHint: string | null): Promise<Platform | null> {
  const handle = accountHint?.trim().replace(/^@/, '').toLowerCase()
  if (!handle || /^(facebook|instagram|fb|ig):/.test(handle)) return null
  const rows = (
    await conn.runAndReadAll(
      `SELECT DISTINCT platform FROM accounts WHERE platform IN ('facebook', 'instagram') AND lower(handle) = $1`,
      [handle]
    )
  ).getRowObjectsJson() as { platform: Platform }[]
  return rows.length === 1 ? rows[0].platform : null
}

/**
 * The blocks of a (possibly stacked) file, from the title rows found in the raw table, each with its platform, or
 * null and `open` set when nothing settles it; `reason` says what decided the first loaded block.
 */
async function blocksOf(
  x: BlockSource
): Promise<{ blocks: (Omit<Block, 'platform'> & { platform: Platform | null })[]; reason: string | null }> {
  const dateCol = col(dateColumn(x.columns))
  const valueCol = col(valueColumn(x.columns))
  const titleRows = (
    await x.conn.runAndReadAll(
      `SELECT _row, ${dateCol} AS t FROM ${x.source}
       WHERE NOT regexp_matches(coalesce(${dateCol}, ''), ${DATE_LIKE}) AND ${isBlankSql(valueCol)}
         AND trim(coalesce(${dateCol}, '')) <> '' ORDER BY _row`
    )
  ).getRowObjectsJson() as { _row: number | string; t: string }[]
  const raw = [
    { from: 0, title: preambleTitle(x.preamble) },
    ...titleRows.map((r) => ({ from: Number(r._row), title: cleanTitle(r.t) }))
  ]
  const named = raw.map((b) => platformInTitle(b.title))
  const chosen = x.platformHint && META_PLATFORMS.includes(x.platformHint) ? x.platformHint : null
  const inName = platformInName(x.fileName, x.accountHint)
  const needsMore = raw.some((b, i) => !named[i] && metricColumn(b.title) !== null)
  const inWorkspace = needsMore && !chosen && !inName ? await platformInWorkspace(x.conn, x.accountHint) : null
  const reasons: string[] = []
  const blocks = raw.map((b, i) => {
    let platform = named[i]
    let reason = platform ? `the title "${b.title}" says ${platform}` : null
    if (!platform && named.slice(i + 1).includes('instagram'))
      [platform, reason] = ['facebook', 'Meta stacks the Facebook series above the Instagram one']
    if (!platform && named.slice(0, i).includes('facebook'))
      [platform, reason] = ['instagram', 'Meta stacks the Instagram series below the Facebook one']
    if (!platform && chosen) [platform, reason] = [chosen, 'chosen for this import']
    if (!platform && inName) [platform, reason] = [inName, `the file name or account names ${inName}`]
    if (!platform && inWorkspace)
      [platform, reason] = [inWorkspace, `the account exists in this workspace on ${inWorkspace} only`]
    if (reason && metricColumn(b.title) !== null) reasons.push(reason)
    return { ...b, platform, metric: metricColumn(b.title) }
  })
  return { blocks, reason: reasons[0] ?? null }
}

/** A loaded block whose platform nothing settles, or null. */
const openBlock = <B extends { platform: Platform | null; metric: DailyColumn | null }>(blocks: B[]) =>
  blocks.find((b) => b.metric !== null && b.platform === null) ?? null

function platformRequired(fileName: string, title: string | null): AppFailure {
  return new AppFailure(
    'PLATFORM_REQUIRED',
    `${fileName}: the metric title${title ? ` "${title}"` : ''} does not say Facebook or Instagram, and neither do the file name, ` +
      `the other files imported with it or the accounts in this workspace. Choose the platform (CLI: --platform facebook or ` +
      `--platform instagram); nothing was imported.`
  )
}

/** The platform evidence of a whole file, for the preview (Recognizer.platformOf). */
async function platformOf(x: Parameters<NonNullable<Recognizer['platformOf']>>[0]): Promise<PlatformEvidence> {
  const { blocks, reason } = await blocksOf({ ...x, accountHint: x.options.account, platformHint: x.options.platform })
  const loaded = blocks.filter((b) => b.metric !== null)
  const open = openBlock(blocks)
  if (open) {
    return {
      platform: null,
      platforms: META_PLATFORMS,
      reason: `the title${open.title ? ` "${open.title}"` : ''} names no platform`,
      open: true,
      loadsRows: true
    }
  }
  const platforms = [...new Set(loaded.map((b) => b.platform as Platform))]
  return {
    platform: platforms.length === 1 ? platforms[0] : null,
    platforms: platforms.length ? platforms : META_PLATFORMS,
    reason,
    open: false,
    loadsRows: loaded.length > 0
  }
}

/** A CASE over `_row` picking each row's block attribute. */
function byBlock(blocks: Block[], value: (b: Block) => string): string {
  const arms = [...blocks].reverse().map((b) => `WHEN _row >= ${b.from} THEN ${value(b)}`)
  return `(CASE ${arms.join(' ')} END)`
}

async function normalize(ctx: NormalizeContext): Promise<NormalizeOutput> {
  const dateCol = col(dateColumn(ctx.columns))
  const valueCol = col(valueColumn(ctx.columns))
  const found = await blocksOf({ ...ctx, source: ctx.raw })
  const open = openBlock(found.blocks)
  if (open) throw platformRequired(ctx.fileName, open.title)
  // A block without a metric loads nothing, so its platform does not matter (Facebook, Meta's default, for the report).
  const blocks: Block[] = found.blocks.map((b) => ({ ...b, platform: b.platform ?? 'facebook' }))
  await warnSpreadsheetErrors(ctx)
  const untitled = blocks.find((b) => b.metric !== null && !platformInTitle(b.title))
  if (untitled && found.reason) {
    ctx.warn(
      `The metric title${untitled.title ? ` "${untitled.title}"` : ''} does not name the platform; filed as ${untitled.platform} because ${found.reason}.`
    )
  }
  if (blocks.length > 1) {
    ctx.warn(
      `${blocks.length} stacked series were found (${blocks.map((b) => `${b.platform}: ${b.title ?? 'untitled'}`).join('; ')}); each was filed under its platform. Their title and header rows are not data and were skipped.`
    )
  }
  for (const b of blocks.filter((x) => x.metric === null)) {
    ctx.warn(
      `"${b.title ?? 'untitled'}" (${b.platform}) has no column in account_daily; it is kept in the raw table only.`
    )
  }
  const accounts = new Map<Platform, { id: string; handle: string }>()
  for (const b of blocks)
    if (b.metric && !accounts.has(b.platform)) accounts.set(b.platform, metaAccount(ctx, b.platform))
  const accountOf = (b: Block) => (accounts.has(b.platform) ? literal(accounts.get(b.platform)!.id) : 'NULL')
  const loaded = blocks.filter((b) => b.metric !== null)
  const accountsSql = [...accounts].map(
    ([platform, a]) =>
      `SELECT ${literal(a.id)} AS account_id, ${literal(platform)} AS platform, ${literal(a.handle)} AS handle, NULL AS display_name`
  )
  if (!loaded.length) return { accounts: NO_ACCOUNTS }
  const metric = byBlock(blocks, (b) => (b.metric ? literal(b.metric) : 'NULL'))
  const value = countSql(valueCol)
  const local = `try_strptime(trim(${dateCol}), ['%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M:%S', '%Y-%m-%d'])`
  const columns: DailyColumn[] = [...new Set(loaded.map((b) => b.metric!))]
  return {
    accounts: accountsSql.join(' UNION ALL '),
    daily: `SELECT _row,
        CASE WHEN ${local} IS NULL THEN 'unreadable date "' || coalesce(${dateCol}, '') || '"'
             WHEN NOT ${isBlankSql(valueCol)} AND ${value} IS NULL THEN 'unreadable value "' || ${valueCol} || '"' END AS _reject,
        ${byBlock(blocks, accountOf)} AS account_id,
        ${byBlock(blocks, (b) => literal(b.platform))} AS platform,
        CAST(${local} + INTERVAL 12 HOUR AS DATE) AS day,
        ${columns.map((c) => `CASE WHEN ${metric} = ${literal(c)} THEN ${value} END AS ${c}`).join(',\n        ')}
      FROM ${ctx.raw}
      -- Title rows (a new block) and repeated "Date","Primary" headers are structure, not data.
      WHERE ${metric} IS NOT NULL AND lower(trim(coalesce(${dateCol}, ''))) NOT IN (${DATE_NAMES.map((d) => literal(d.toLowerCase())).join(', ')})
        AND NOT (NOT regexp_matches(coalesce(${dateCol}, ''), ${DATE_LIKE}) AND ${isBlankSql(valueCol)})`
  }
}

export const metaBusinessSuiteDaily: Recognizer = {
  id: 'meta-business-suite-daily',
  label: 'Meta Business Suite daily metric',
  platform: 'facebook',
  needsAccount: true,
  accountInName: metaAccountInName,
  platformOf,
  detect: ({ columns, sample }) =>
    columns.length === 2 &&
    DATE_NAMES.some((d) => normalizeHeader(d) === normalizeHeader(columns[0])) &&
    PRIMARY_NAMES.some((p) => normalizeHeader(p) === normalizeHeader(columns[1])) &&
    sample.some((r) => /^\s*\d{4}-\d{2}-\d{2}/.test(r[0] ?? '')),
  normalize
}
