/**
 * A recognizer made from a column mapping the user saved for a header (the "Map columns…" dialog): the next file
 * with the same header signature is recognised by it, before any built-in format.
 * interactions = the mapped interactions column if any, else NULL (a hand-mapped file has no defined total).
 */
import { postLanguageSql } from '../canonical/postLanguage'
import { headerSignature, type ColumnMapping } from '../../../shared/canonical'
import { literal } from '../db/sql'
import { findColumn } from './headers'
import { col, countSql, daySql, textSql, timestampSql } from './parseSql'
import type { Platform } from '../../../shared/types'
import { accountRequired, isGenericName } from './accountIdentity'
import { chosenAccount } from './formats/fileAccount'
import type { NormalizeContext, Recognizer } from './types'

export const MAPPED_FORMAT = 'column-mapping'

/**
 * The account id for rows without an account column: the import's account, else a stable id from the file name
 * (with a warning) unless that name is generic ("export.csv"), which names no account: ACCOUNT_REQUIRED.
 */
function fallbackAccount(ctx: NormalizeContext, platform: Platform): { id: string; handle: string } {
  const chosen = chosenAccount(ctx.accountHint, platform)
  if (chosen) return chosen
  const stem = ctx.fileName
    .replace(/\.[^.]+$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  if (!stem || isGenericName(ctx.fileName)) throw accountRequired(ctx.fileName, platform)
  ctx.warn(
    `The mapping names no account column and no account was given; the rows were filed under "${platform}:${stem}" from the file name.`
  )
  return { id: `${platform}:${stem}`, handle: stem }
}

export function mappedRecognizer(signature: string, mapping: ColumnMapping): Recognizer {
  const { platform } = mapping
  return {
    id: MAPPED_FORMAT,
    label: `Saved column mapping (${platform}, ${mapping.kind})`,
    platform,
    needsAccount: !mapping.account,
    detect: ({ columns }) => headerSignature(columns) === signature,
    privacy: { text: mapping.text ? [mapping.text] : [], people: mapping.people ?? [] },
    normalize(ctx) {
      // Columns are looked up again in this file, so a saved name survives case or spacing changes.
      const c = (name: string | null | undefined): string | null => {
        const hit = name ? findColumn(ctx.columns, name) : null
        return hit === null ? null : col(hit)
      }
      const p = literal(platform)
      const fixed = mapping.account && c(mapping.account) ? null : fallbackAccount(ctx, platform)
      const handle = fixed
        ? literal(fixed.handle)
        : `regexp_replace(${textSql(c(mapping.account) as string)}, '^@', '')`
      const accountId = fixed ? literal(fixed.id) : `${p} || ':' || lower(${handle})`
      const metric = (m: string) => {
        const e = c(mapping.metrics[m])
        return e ? `${countSql(e)} AS ${m}` : null
      }
      const accounts = `SELECT DISTINCT ${accountId} AS account_id, ${p} AS platform, ${handle} AS handle, NULL AS display_name
        FROM ${ctx.raw} WHERE ${handle} IS NOT NULL`
      if (mapping.kind === 'daily') {
        const day = daySql(c(mapping.day) as string, ctx.timeZoneSql)
        const metrics = Object.keys(mapping.metrics).map(metric).filter(Boolean)
        return {
          accounts,
          daily: `SELECT _row,
              CASE WHEN ${day} IS NULL THEN 'unreadable day "' || coalesce(${c(mapping.day)}, '') || '"' END AS _reject,
              ${accountId} AS account_id, ${p} AS platform, ${day} AS day${metrics.map((m) => `, ${m}`).join('')}
            FROM ${ctx.raw}`
        }
      }
      const published = c(mapping.publishedAt)
        ? timestampSql(c(mapping.publishedAt) as string, ctx.timeZoneSql)
        : 'CAST(NULL AS TIMESTAMPTZ)'
      const extras = [
        `${published} AS published_at`,
        c(mapping.text) ? `${c(mapping.text)} AS text` : null,
        c(mapping.url) ? `${textSql(c(mapping.url) as string)} AS url` : null,
        c(mapping.postType) ? `${textSql(c(mapping.postType) as string)} AS post_type` : null,
        c(mapping.language) ? `${postLanguageSql(textSql(c(mapping.language) as string))} AS language` : null,
        ...Object.keys(mapping.metrics).map(metric)
      ].filter(Boolean)
      const badTime = c(mapping.publishedAt)
        ? `WHEN ${c(mapping.publishedAt)} IS NOT NULL AND trim(${c(mapping.publishedAt)}) <> '' AND ${published} IS NULL
             THEN 'unreadable time "' || ${c(mapping.publishedAt)} || '"'`
        : ''
      return {
        accounts,
        posts: `SELECT _row,
            CASE ${badTime} WHEN ${accountId} IS NULL THEN 'missing account' ELSE NULL END AS _reject,
            ${accountId} AS account_id, ${p} AS platform, ${textSql(c(mapping.postId) as string)} AS post_id, ${extras.join(', ')}
          FROM ${ctx.raw}`
      }
    }
  }
}
