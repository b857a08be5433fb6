/**
 * Facebook Page Insights post-level export with "Lifetime Post ..." metric names, as in the public UCI "Facebook
 * metrics" dataset (Moro et al. 2016; ';' delimited, or ',' with CR-only line ends). Categorical fields are
 * already encoded (Type, Category, Post Month/Weekday/Hour as integers, Paid 0/1).
 *
 * The rows carry NO post id, NO date (only month, weekday and hour, without a year) and no page name. Rejecting
 * them would lose the whole file, so they are loaded with honest NULLs instead:
 *   post_id = 'fbpi-<16 hex of an md5 of the row's values>' (plus '-2', '-3' for identical rows): the same post
 *             gets the same id in every copy of the data (the ';' and the CR-only variants hold the same rows),
 *             so a re-import or a second variant updates instead of doubling;
 *   published_at = NULL (a month and an hour without a year are not a time; they stay in the raw table);
 *   account = the one chosen for the import (the file names none: ACCOUNT_REQUIRED without it).
 * impressions = Lifetime Post Total Impressions, reach = Lifetime Post Total Reach, likes = like, comments =
 * comment, shares = share, followers_at_post = Page total likes (the page's fans when the data was taken).
 * interactions = "Total Interactions" (= like + comment + share in this dataset); reactions = NULL (not exported).
 */
import { literal } from '../../db/sql'
import { findColumn, hasColumns } from '../headers'
import { col, countSql, textSql } from '../parseSql'
import type { NormalizeContext, NormalizeOutput, Recognizer } from '../types'
import { fileAccount, fixedAccountSql } from './fileAccount'

function normalize(ctx: NormalizeContext): NormalizeOutput {
  const { raw, columns } = ctx
  const c = (name: string) => {
    const hit = findColumn(columns, name)
    return hit ? col(hit) : 'CAST(NULL AS VARCHAR)'
  }
  const n = (name: string) => countSql(c(name))
  const account = fileAccount(ctx, 'facebook')
  ctx.warn(
    'This Facebook post-level file has no post ids and no dates (only Post Month, Weekday and Hour): posts were given ids ' +
      'made from their values, and no publish time (NULL). The month, weekday and hour stay in the raw table.'
  )
  const rowText = `concat_ws('|', ${columns.map((x) => `coalesce(trim(${col(x)}), '')`).join(', ')})`
  return {
    accounts: fixedAccountSql(account, 'facebook'),
    posts: `SELECT _row, NULL AS _reject,
        ${literal(account.id)} AS account_id,
        'facebook' AS platform,
        'fbpi-' || left(md5(${rowText}), 16)
          || CASE WHEN row_number() OVER (PARTITION BY ${rowText} ORDER BY _row) > 1
               THEN '-' || row_number() OVER (PARTITION BY ${rowText} ORDER BY _row) ELSE '' END AS post_id,
        NULL AS published_at,
        lower(${textSql(c('Type'))}) AS post_type,
        ${n('Lifetime Post Total Impressions')} AS impressions,
        ${n('Lifetime Post Total Reach')} AS reach,
        ${n('like')} AS likes,
        ${n('comment')} AS comments,
        ${n('share')} AS shares,
        ${n('Total Interactions')} AS interactions,
        ${n('Page total likes')} AS followers_at_post
      FROM ${raw}`
  }
}

export const facebookPostInsights: Recognizer = {
  id: 'facebook-post-insights',
  label: 'Facebook Page Insights post metrics (Lifetime Post …)',
  platform: 'facebook',
  needsAccount: true,
  detect: ({ columns }) =>
    hasColumns(columns, ['Lifetime Post Total Reach', 'Lifetime Post Total Impressions', 'Type']) &&
    hasColumns(columns, ['Total Interactions']),
  normalize
}
