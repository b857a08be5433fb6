/**
 * LinkedIn Page analytics "All posts" (the per-post sheet of <page>_content_<ms>.xls, or a CSV of it), one row per
 * post: Post title, Post link, Post type (Organic / Sponsored), Campaign name, Posted by, Created date ("7/10/2026"),
 * Campaign start/end date, Audience, Impressions, Views (excluding off-site video views), Off-site views, Clicks,
 * Click through rate (CTR), Likes, Comments, Reposts, Follows, Engagement rate, Content Type. Before 2023 the
 * "Update title" / "Update link" / "Shares" names; pt and es UIs translate them (LINKEDIN_POSTS_FIELDS). Native
 * downloads have a title line above the header ("Relatório por publicação").
 * post_id = the number of the link's urn ("…/feed/update/urn:li:activity:7123…"), else the link itself; the page is
 * the import's account (rows do not name it). published_at = Created date (a day: midnight in the import's zone).
 * interactions = likes + comments + reposts (clicks are not interactions here, as in the daily sheet).
 */
import { literal } from '../../db/sql'
import { hasFields, resolveFields } from '../fields'
import { countSql, textSql, timestampSql } from '../parseSql'
import type { Recognizer } from '../types'
import { fixedAccountSql } from './fileAccount'
import { LINKEDIN_POSTED_BY, LINKEDIN_POSTS_FIELDS, linkedinAccount, linkedinAccountInName } from './linkedinCommon'

const CREATED_FORMATS = ['%m/%d/%Y', '%Y-%m-%d', '%Y-%m-%d %H:%M:%S', '%m/%d/%Y %H:%M:%S', '%m/%d/%Y %I:%M %p']

export const linkedinPosts: Recognizer = {
  id: 'linkedin-posts',
  label: 'LinkedIn Page posts',
  platform: 'linkedin',
  needsAccount: true,
  accountInName: linkedinAccountInName,
  fields: LINKEDIN_POSTS_FIELDS,
  detect: ({ columns }) => hasFields(LINKEDIN_POSTS_FIELDS, columns, ['title', 'link', 'created', 'impressions']),
  privacy: { text: [...LINKEDIN_POSTS_FIELDS.title.names], people: LINKEDIN_POSTED_BY },
  normalize(ctx) {
    const account = linkedinAccount(ctx)
    const f = resolveFields(LINKEDIN_POSTS_FIELDS, ctx.columns)
    const link = textSql(f.sql('link'))
    const id = `coalesce(nullif(regexp_extract(${link}, 'urn:li:[A-Za-z]+:(\\d+)', 1), ''), ${link})`
    const created = f.sql('created')
    const published = timestampSql(created, ctx.timeZoneSql, CREATED_FORMATS)
    const n = (field: 'impressions' | 'views' | 'clicks' | 'likes' | 'comments' | 'reposts') =>
      f.has(field) ? countSql(f.sql(field)) : 'NULL'
    return {
      accounts: fixedAccountSql(account, 'linkedin'),
      posts: `SELECT _row,
          CASE WHEN ${link} IS NULL THEN 'missing post link'
               WHEN ${published} IS NULL THEN 'unreadable created date "' || coalesce(${created}, '') || '"' END AS _reject,
          ${literal(account.id)} AS account_id, 'linkedin' AS platform,
          ${id} AS post_id,
          ${published} AS published_at,
          ${f.has('type') ? `lower(${textSql(f.sql('type'))})` : 'NULL'} AS post_type,
          ${f.sql('title')} AS text,
          ${link} AS url,
          ${n('impressions')} AS impressions,
          ${n('views')} AS views,
          ${n('clicks')} AS clicks,
          ${n('likes')} AS likes,
          ${n('comments')} AS comments,
          ${n('reposts')} AS shares,
          ${n('likes')} + ${n('comments')} + ${n('reposts')} AS interactions
        FROM ${ctx.raw}`
    }
  }
}
