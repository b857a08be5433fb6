/**
 * CrowdTangle single-post history export (history_post_<post id>.csv): one row per snapshot of ONE post's counts,
 * newest first ("Score Date (GMT)", "Timestep"). Quirks: the header line carries the post's metadata after the
 * column names ("Post Date (GMT)", "<date>", "<post URL>"), so those three become column NAMES and the data rows
 * leave them empty; the ID cell has a trailing TAB ("3758007754304128\t"); scores are written "2.3x".
 * Canonical mapping: only the LATEST snapshot (greatest Score Date) updates the post; the older snapshots stay in the
 * raw table (a warning says how many). post_id, account and platform come from the URL in the header, so the post
 * matches the one a crowdtangle-search export loads (same post_id, account 'facebook:<lower-case handle in URL>').
 * interactions = Reactions (Like+Love+Wow+Haha+Sad+Angry+Care) + Comments + Shares, as in crowdtangle-search.
 * views = Post Views, NULL when 0 (CrowdTangle writes 0 for posts whose views it does not measure).
 */
import { literal } from '../../db/sql'
import { findColumn, hasColumns, normalizeHeader } from '../headers'
import { col, countSql, timestampSql } from '../parseSql'
import type { NormalizeContext, Recognizer } from '../types'
import { platformFromUrlSql, postIdFromUrlSql } from './crowdtangleSearch'

interface HeaderMeta {
  postDate: string | null
  url: string | null
}

/** The post date and URL written as column names after "Post Date (GMT)". */
export function headerMeta(columns: string[]): HeaderMeta {
  const i = columns.findIndex((c) => normalizeHeader(c) === 'post date (gmt)')
  if (i < 0) return { postDate: null, url: null }
  const rest = columns.slice(i + 1)
  return {
    postDate: rest.find((c) => /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(c.trim())) ?? null,
    url: rest.find((c) => /^https?:\/\//i.test(c.trim())) ?? null
  }
}

/** The handle (or numeric page id) in a Facebook/Instagram post URL: the first path segment. */
function handleFromUrl(url: string): string | null {
  const m = /^https?:\/\/(?:[a-z]+\.)?(?:facebook|instagram)\.com\/([^/?#]+)/i.exec(url.trim())
  return m && !/^(p|reel|photo\.php|permalink\.php|watch)$/i.test(m[1]) ? m[1] : null
}

const strip = (expr: string) => `nullif(regexp_replace(${expr}, '^\\s+|\\s+$', '', 'g'), '')`

export const crowdtangleHistory: Recognizer = {
  id: 'crowdtangle-post-history',
  label: 'CrowdTangle post history',
  platform: 'facebook',
  detect: ({ columns }) => hasColumns(columns, ['ID', 'Score Date (GMT)', 'Timestep', 'Reactions', 'Avg Reactions']),
  async normalize(ctx: NormalizeContext) {
    const { raw, columns, conn } = ctx
    const meta = headerMeta(columns)
    const url = meta.url ? literal(meta.url.trim()) : 'CAST(NULL AS VARCHAR)'
    const handle = meta.url ? handleFromUrl(meta.url) : null
    const platform = platformFromUrlSql(url)
    const account = handle ? `${platform} || ':' || ${literal(handle.toLowerCase())}` : 'CAST(NULL AS VARCHAR)'
    if (!handle)
      ctx.warn(
        'CrowdTangle post history: the header has no post URL naming the page, so the post cannot be filed under an account.'
      )
    const c = (name: string) => {
      const hit = findColumn(columns, name)
      return hit ? col(hit) : 'CAST(NULL AS VARCHAR)'
    }
    const scoreDate = timestampSql(c('Score Date (GMT)'), literal('UTC'))
    const snapshots = Number((await conn.runAndReadAll(`SELECT count(*) AS n FROM ${raw}`)).getRowObjectsJson()[0].n)
    if (snapshots > 1) {
      ctx.warn(
        `CrowdTangle post history: ${snapshots} snapshots of one post; the latest one updates the post's counts, the ${snapshots - 1} older ones stay in the raw table only.`
      )
    }
    const published = meta.postDate ? timestampSql(literal(meta.postDate), literal('UTC')) : 'CAST(NULL AS TIMESTAMPTZ)'
    const views = countSql(c('Post Views'))
    return {
      accounts: handle
        ? `SELECT ${account} AS account_id, ${platform} AS platform, ${literal(handle)} AS handle, NULL AS display_name`
        : `SELECT NULL AS account_id, NULL AS platform, NULL AS handle, NULL AS display_name WHERE false`,
      posts: `SELECT _row,
          CASE WHEN ${scoreDate} IS NULL THEN 'unreadable Score Date "' || coalesce(${c('Score Date (GMT)')}, '') || '"' END AS _reject,
          ${account} AS account_id, ${platform} AS platform,
          coalesce(${strip(c('ID'))}, ${postIdFromUrlSql(url)}) AS post_id,
          ${published} AS published_at, ${url} AS url,
          CASE WHEN ${views} <> 0 THEN ${views} END AS views,
          ${countSql(c('Likes'))} AS likes, ${countSql(c('Comments'))} AS comments, ${countSql(c('Shares'))} AS shares,
          ${countSql(c('Reactions'))} AS reactions,
          ${countSql(c('Reactions'))} + ${countSql(c('Comments'))} + ${countSql(c('Shares'))} AS interactions
        FROM ${raw}
        QUALIFY ${scoreDate} IS NULL OR row_number() OVER (ORDER BY ${scoreDate} DESC NULLS LAST, _row) = 1`
    }
  }
}
