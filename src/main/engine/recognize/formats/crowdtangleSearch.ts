/**
 * CrowdTangle "historical data" / search CSV export (<date>-<time>-<ZONE>-search-csv-export.csv), 41 columns, one row
 * per post of many Pages (or Instagram accounts: "Account" instead of "Page Name", "Description" instead of
 * "Message", "Views", only Likes and Comments; no "Care" before 2020). Quirks: "Total Interactions" uses '.' as THOUSANDS separator ("407.137" = 407137) while Likes
 * and Comments are plain; "Overperforming Score" uses ',' decimals (not canonical, kept in the raw table); "Post
 * Created" ends in a zone abbreviation ("2021-07-05 18:02:45 BRT", "... EDT").
 * account_id = '<platform>:<lower-case User Name>' (the Page's handle; the numeric Facebook Id when there is none);
 * platform from the post URL (instagram.com → instagram, else facebook).
 * post_id = the last id in the post URL (".../posts/345428873810280" → "345428873810280"), the same id
 * crowdtangle-post-history uses, so both files land on one post.
 * interactions = Total Interactions = reactions (Like, Love, Wow, Haha, Sad, Angry, Care) + comments + shares;
 * reactions = the sum of the seven reaction columns; likes = Like only.
 * views = Post Views for video posts only: CrowdTangle writes 0 for posts whose views it does not measure.
 * "Followers at Posting" goes to posts.followers_at_post and to account_daily.followers on the post's day (in the
 * import's zone); with several posts on one day the last post's value wins.
 * Generations: 2020 downloads name the post time "Created" (not "Post Created"), have no "Followers at Posting"
 * (only the Page's "Likes at Posting", older "Page Likes at Posting"), no score column, and write "Total
 * Interactions" with ',' thousands ("1,972,048") next to a "Total Interactions (weighted  —  …)" column.
 */
import { literal } from '../../db/sql'
import { findColumn, hasColumns, normalizeHeader } from '../headers'
import { ident } from '../../db/sql'
import { col, countSql, textSql, timestampSql } from '../parseSql'
import { storedText } from '../rawTypes'
import type { NormalizeContext, Recognizer } from '../types'

const REACTIONS = ['Likes', 'Love', 'Wow', 'Haha', 'Sad', 'Angry', 'Care']
/** The post time: "Post Created" from 2021, "Created" in 2018-2020 downloads (same "2020-04-16 09:48:29 EDT"). */
const CREATED = ['Post Created', 'Created']
/** The audience at posting: followers where the file has them, else the Page's likes (all 2020 downloads had). */
const AUDIENCE = ['Followers at Posting', 'Likes at Posting', 'Page Likes at Posting']
/** Who posted: a Page, an Instagram account, or a Group (Group exports name it "Group Name"). */
const DISPLAY_NAME = ['Page Name', 'Account', 'Group Name']

/** The post id in a Facebook/Instagram URL: "fbid=" / "story_fbid=" if present, else the last path segment. */
export function postIdFromUrlSql(url: string): string {
  // The patterns only run where they can match: most URLs have neither "fbid=" nor a query string, and each
  // regex pass costs a quarter of a second per million rows.
  const fbid = `CASE WHEN contains(${url}, 'fbid=') THEN regexp_extract(${url}, '[?&](?:story_)?fbid=(\\d+)', 1) END`
  const path = `CASE WHEN contains(${url}, '?') OR contains(${url}, '#') THEN regexp_replace(${url}, '[?#].*$', '') ELSE ${url} END`
  const last = `regexp_extract(${path}, '/([A-Za-z0-9_.-]+)/?$', 1)`
  return `coalesce(nullif(${fbid}, ''), nullif(${last}, ''))`
}

export function platformFromUrlSql(url: string): string {
  return `CASE WHEN contains(lower(${url}), 'instagram.com') THEN 'instagram' ELSE 'facebook' END`
}

/**
 * CrowdTangle names the score column after the weights chosen in the dashboard: "Overperforming Score (weighted  —
 * Likes 1x Shares 1x Comments 1x Love 1x … )" in most downloads (Instagram: "… Likes 1x Comments 1x )"); a plain
 * "Overperforming Score" where someone renamed it.
 */
const isScore = (name: string) => /^overperforming score(\s*\(weighted\b.*\))?$/i.test(normalizeHeader(name))
/** "Total Interactions (weighted  —  Likes 1x Shares 1x … )": next to the plain total in 2020 downloads. */
const isWeightedTotal = (name: string) => /^total interactions\s*\(weighted\b.*\)$/i.test(normalizeHeader(name))

/**
 * CrowdTangle's own columns, in every generation seen: the poster's "User Name", the post "URL" and "Type", its time,
 * and either an audience "at Posting" (a CrowdTangle term) or who posted (a Facebook Id, an Instagram Account) with a
 * CrowdTangle total or score.
 */
function isCrowdtangleSearch(columns: string[]): boolean {
  if (!hasColumns(columns, ['User Name', 'URL', 'Type']) || findColumn(columns, ...CREATED) === null) return false
  if (findColumn(columns, ...AUDIENCE) !== null) return true
  return (
    findColumn(columns, 'Facebook Id', 'Account') !== null &&
    (findColumn(columns, 'Total Interactions') !== null || columns.some(isScore) || columns.some(isWeightedTotal))
  )
}

/** The columns that add up to Total Interactions in this file: Facebook's reactions, comments and shares; an
 * Instagram export has only Likes and Comments, one from before 2020 no Care. A column a file lacks counts 0. */
const interactionParts = (columns: string[]) =>
  [...REACTIONS, 'Comments', 'Shares'].filter((r) => findColumn(columns, r) !== null)

function parsed(ctx: NormalizeContext): string {
  const { columns, timeZoneSql, stored } = ctx
  const hit = (names: string[]) => findColumn(columns, ...names)
  // The text of a column as the file wrote it (a number column of the raw table printed back, as ctx.raw has it).
  const c = (...names: string[]) => {
    const h = hit(names)
    return !h ? 'CAST(NULL AS VARCHAR)' : stored ? `(${storedText(h, stored.types.get(h))})::VARCHAR` : col(h)
  }
  // A count: a column the raw table stores as BIGINT is read as it is (its text is plain digits, which countSql reads
  // as that number): on a million rows, printing 20 such columns back to text to parse them cost about a second.
  const n = (...names: string[]) => {
    const h = hit(names)
    return h && stored?.types.get(h) === 'BIGINT' ? ident(h) : countSql(c(...names))
  }
  const raw = stored?.raw ?? ctx.raw
  const handle = `coalesce(${textSql(c('User Name'))}, ${textSql(c('Facebook Id'))})`
  const present = REACTIONS.filter((r) => findColumn(columns, r) !== null)
  const reactionSum = present.length ? present.map((r) => `coalesce(${n(r)}, 0)`).join(' + ') : 'NULL'
  const parts = interactionParts(columns)
  const partsSum = parts.length ? parts.map((r) => `coalesce(${n(r)}, 0)`).join(' + ') : 'NULL'
  // URL and Type feed several expressions: trimmed once in the inner SELECT, since DuckDB evaluates a repeated
  // expression inside CASE branches again for each use.
  return `SELECT _row,
      ${platformFromUrlSql('_url')} AS platform,
      ${handle} AS handle,
      ${textSql(c(...DISPLAY_NAME))} AS display_name,
      ${postIdFromUrlSql('_url')} AS post_id,
      ${timestampSql(c(...CREATED), timeZoneSql)} AS published_at,
      ${c(...CREATED)} AS published_text,
      _type AS post_type,
      ${c('Message', 'Description')} AS text,
      _url AS url,
      CASE WHEN contains(lower(_type), 'video') OR contains(lower(_type), 'igtv') OR contains(lower(_type), 'reel')
        THEN ${n('Post Views', 'Views')} END AS views,
      ${n('Likes')} AS likes,
      ${n('Comments')} AS comments,
      ${n('Shares')} AS shares,
      ${reactionSum} AS reactions,
      ${partsSum} AS interaction_parts,
      ${findColumn(columns, 'Total Interactions') ? n('Total Interactions') : partsSum} AS interactions,
      ${n(...AUDIENCE)} AS followers_at_post
    FROM (SELECT *, ${textSql(c('URL'))} AS _url, ${textSql(c('Type'))} AS _type FROM ${raw})`
}

export const crowdtangleSearch: Recognizer = {
  id: 'crowdtangle-search',
  label: 'CrowdTangle search / historical data export',
  platform: 'facebook',
  detect: ({ columns }) => isCrowdtangleSearch(columns),
  privacy: { text: ['Message', 'Image Text', 'Description', 'Link Text'] },
  async normalize(ctx) {
    const p = await ctx.materialize('crowdtangle_search', parsed(ctx))
    const audience = findColumn(ctx.columns, ...AUDIENCE)
    if (audience !== null && normalizeHeader(audience) !== 'followers at posting') {
      ctx.warn(
        `CrowdTangle search export: the file has no "Followers at Posting" (downloads before 2021 do not); the Page's "${audience}" was taken as its audience at posting and as its follower count on each post's day.`
      )
    }
    if (findColumn(ctx.columns, 'Total Interactions') === null) {
      ctx.warn(
        `CrowdTangle search export: the file has no "Total Interactions"; interactions are the sum of the ${interactionParts(ctx.columns).join(', ')} columns.`
      )
    }
    const account = `CASE WHEN handle IS NOT NULL THEN platform || ':' || lower(handle) END`
    // Total Interactions is CrowdTangle's own sum; a row where it is not reactions + comments + shares was misread.
    const check = (
      await ctx.conn.runAndReadAll(
        `SELECT count(*) AS n FROM ${p} WHERE interactions IS DISTINCT FROM interaction_parts AND interactions IS NOT NULL`
      )
    ).getRowObjectsJson()[0]
    if (Number(check.n) > 0) {
      ctx.warn(
        `CrowdTangle search export: on ${check.n} rows "Total Interactions" is not the sum of the ${interactionParts(ctx.columns).join(', ')} columns; the file's own total was kept.`
      )
    }
    return {
      accounts: `SELECT DISTINCT ON (account_id) ${account} AS account_id, platform, handle, display_name
                 FROM ${p} WHERE handle IS NOT NULL ORDER BY account_id, _row DESC`,
      posts: `SELECT _row,
          CASE WHEN published_at IS NULL THEN ${literal(`unreadable ${findColumn(ctx.columns, ...CREATED)} "`)} || coalesce(published_text, '') || '"'
               WHEN post_id IS NULL THEN 'no post id in URL' END AS _reject,
          ${account} AS account_id, platform, post_id, published_at, post_type, text, url, views, likes, comments, shares,
          reactions, interactions, followers_at_post
        FROM ${p}`,
      // One follower snapshot per account and day: the last post of that day that carries one. An aggregate, not a
      // window: no sort of every post (a second per million rows).
      daily: `SELECT arg_max(_row, (published_at, _row)) AS _row, account_id, any_value(platform) AS platform, day,
          arg_max(followers_at_post, (published_at, _row)) AS followers
        FROM (SELECT _row, ${account} AS account_id, platform, published_at, followers_at_post,
                     CAST(timezone(${ctx.timeZoneSql}, published_at) AS DATE) AS day
              FROM ${p}
              WHERE published_at IS NOT NULL AND followers_at_post IS NOT NULL AND handle IS NOT NULL)
        GROUP BY account_id, day`
    }
  }
}
