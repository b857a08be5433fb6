/**
 * Runs a recognizer's SELECTs inside the import transaction: stage, reject unparseable rows (kept with their row
 * number and reason), upsert into the canonical tables, and count what was new, updated and unchanged.
 * Re-importing an overlapping export never double counts: posts are keyed by (platform, post_id) and daily
 * metrics by (account_id, day); a newer non-null value wins, a missing one keeps what was there.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { WriteConn } from '../db/duckdb'
import type { RecognitionReport, RowCounts, YearAssumption } from '../../../shared/types'
import { ACCOUNT_DAILY_COLUMNS, DAILY_METRICS, POST_VALUE_COLUMNS, POSTS_COLUMNS } from '../../../shared/canonical'
import { recordCanonicalRun } from '../import/reimport'
import { landingWarnings } from './landingWarnings'
import type { NormalizeContext, NormalizeInput, Recognizer, WriteObserver } from './types'
import { UnmappedFileError } from './fields'
import { missingFields } from './unmapped'
import { noteTouched, rebuildPostDays, refreshTouched } from '../canonical/postDays'
import { hashtagsSql, mentionsSql } from '../canonical/postTags'

const tagUpdates = [
  `hashtags = ${hashtagsSql('coalesce(s.text, t.text)')}`,
  `mentions = ${mentionsSql('coalesce(s.text, t.text)')}`
]

// The columns and their types come from the canonical spec (shared/canonical.ts), which the schema test pins to
// what the migrations created.
const POST_KEYS = POSTS_COLUMNS.filter((c) => c.role === 'key').map((c) => c.name)
const DAILY_KEYS = ACCOUNT_DAILY_COLUMNS.filter((c) => c.role === 'key').map((c) => c.name)
const TYPES: Record<string, string> = Object.fromEntries(
  [...POSTS_COLUMNS, ...ACCOUNT_DAILY_COLUMNS].map((c) => [c.name, c.type])
)

const REJECT_SAMPLE = 100

async function one<T>(conn: DuckDBConnection, sql: string): Promise<T> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJson()[0] as T
}

async function columnsOf(conn: DuckDBConnection, select: string): Promise<Set<string>> {
  // DESCRIBE plans the query without running it.
  const r = await conn.runAndReadAll(`DESCRIBE ${select}`)
  return new Set((r.getRowObjectsJson() as { column_name: string }[]).map((c) => c.column_name))
}

/**
 * Bring a recognizer's SELECT to the full canonical column list, typed, with NULL for what it does not give, in
 * one pass (`name`); `name`_ok holds the storable rows. Each pass over a million rows costs a second or more, so
 * the within-file de-duplication (a window over every row) only runs when the file has repeated keys.
 */
async function stage(
  conn: WriteConn,
  name: string,
  select: string,
  keys: string[],
  values: readonly string[],
  cheap: boolean,
  dayOf: string,
  aliases: boolean
): Promise<Staged> {
  const have = await columnsOf(conn, select)
  const list = [
    `CAST(_row AS BIGINT) AS _row`,
    ...keys.map((k) =>
      k === 'account_id' && aliases ? `${ACCOUNT_THROUGH_ALIAS} AS account_id` : `CAST(${k} AS ${TYPES[k]}) AS ${k}`
    ),
    ...values.map((v) => {
      const type = TYPES[v]
      return have.has(v) ? `CAST(${v} AS ${type}) AS ${v}` : `CAST(NULL AS ${type}) AS ${v}`
    })
  ]
  // Rows without a key cannot be stored: they are rejected with a reason rather than dropped.
  const keyCheck = keys.map((k) => `WHEN ${k} IS NULL THEN 'missing ${k.replace('_', ' ')}'`).join(' ')
  const reject = have.has('_reject') ? `CAST(_reject AS VARCHAR)` : `CAST(NULL AS VARCHAR)`
  // Over a materialized parse (ctx.materialize) the SELECT is casts and concatenations: a view costs less than a
  // copy of every row and its text. Otherwise the parse itself would run again on each use: copy once.
  await conn.run(`CREATE OR REPLACE TEMP ${cheap ? 'VIEW' : 'TABLE'} ${name} AS
    SELECT *, coalesce(_given_reject, CASE ${keyCheck} ELSE NULL END) AS _reject
    FROM (SELECT ${list.join(', ')}, ${reject} AS _given_reject FROM (${select}) AS _src)`)
  // Within one file the same key can appear twice (re-exported rows); the last one in the file wins (for daily
  // rows: per column, below).
  const dedupKeys = keys.filter((k) => k !== 'account_id' || name !== 'stage_posts')
  // The same pass gives the report's period and platforms (each extra pass over a view re-runs its casts).
  const summary = (from: string) =>
    `min(${dayOf})::VARCHAR AS f, max(${dayOf})::VARCHAR AS t, list(DISTINCT platform) FILTER (WHERE platform IS NOT NULL) AS platforms FROM ${from}`
  const dup = await one<{
    rows: number | string
    keys: number | string
    f: string | null
    t: string | null
    platforms: string[] | null
  }>(
    conn,
    `SELECT count(*) AS rows, (SELECT count(*) FROM (SELECT DISTINCT ${dedupKeys.join(', ')} FROM ${name} WHERE _reject IS NULL)) AS keys,
            ${summary(`${name} WHERE _reject IS NULL`)}`
  )
  const storable = `SELECT * EXCLUDE (_reject, _given_reject) FROM ${name} WHERE _reject IS NULL`
  if (Number(dup.rows) === Number(dup.keys)) {
    await conn.run(`CREATE OR REPLACE TEMP VIEW ${name}_ok AS ${storable}`)
    return { rows: Number(dup.keys), from: dup.f, to: dup.t, platforms: dup.platforms ?? [] }
  }
  if (name === 'stage_daily') {
    // A day's metrics can come from several rows: Meta stacks a Follows and an Unfollows block in one file, each
    // row filling one column. Merged per column, the last non-null value wins (as upsert does across imports), so
    // the Unfollows row's empty followers_gained never blanks the Follows row's value.
    const merged = values.map((v) => `arg_max(${v}, _row) FILTER (WHERE ${v} IS NOT NULL) AS ${v}`)
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${name}_ok AS
      SELECT max(_row) AS _row, ${dedupKeys.join(', ')}, ${merged.join(', ')}
      FROM (${storable}) GROUP BY ${dedupKeys.join(', ')}`)
  } else {
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${name}_ok AS ${storable}
      QUALIFY row_number() OVER (PARTITION BY ${dedupKeys.join(', ')} ORDER BY _row DESC) = 1`)
  }
  // A repeated key's dropped row may have had another day: summarise what is kept.
  const kept = await one<{ f: string | null; t: string | null; platforms: string[] | null }>(
    conn,
    `SELECT ${summary(`${name}_ok`)}`
  )
  return { rows: Number(dup.keys), from: kept.f, to: kept.t, platforms: kept.platforms ?? [] }
}

/**
 * A merged account's id becomes the kept account's (account_aliases, written by canonical/accountMerge.ts). Only
 * used when the workspace has aliases: most have none, and a big import's staging then costs nothing more.
 */
// _src is the recognizer's SELECT (stage): unqualified, account_id would be the alias table's own column.
const ACCOUNT_THROUGH_ALIAS = `coalesce((SELECT al.account_id FROM account_aliases al WHERE al.alias_id = CAST(_src.account_id AS VARCHAR)), CAST(_src.account_id AS VARCHAR))`

async function hasAliases(conn: DuckDBConnection): Promise<boolean> {
  return Number((await one<{ n: number | string }>(conn, `SELECT count(*) AS n FROM account_aliases`)).n) > 0
}

/** What stage() leaves for the report: the storable rows (one per key), their first and last day, their platforms. */
export { POST_KEYS }

interface Staged {
  rows: number
  from: string | null
  to: string | null
  platforms: string[]
}

/**
 * Upsert `name`_ok into a canonical table, counting new, updated and unchanged rows. Exported for the property test
 * of the dashboard's day sums (metrics/postDays.property.test.ts), which writes its random posts through it.
 */
export async function upsert(
  conn: WriteConn,
  name: string,
  target: string,
  keys: string[],
  values: readonly string[],
  importId: number,
  okRows: number,
  observer?: WriteObserver
): Promise<RowCounts> {
  const conflictKeys = target === 'posts' ? ['platform', 'post_id'] : ['account_id', 'day']
  const on = conflictKeys.map((k) => `t.${k} = s.${k}`).join(' AND ')
  const last = keys[keys.length - 1]
  const changed = [
    ...values.map((v) => `(s.${v} IS NOT NULL AND s.${v} IS DISTINCT FROM t.${v})`),
    // A post that moved to another account (a corrected handle) is an update too.
    ...(target === 'posts' ? ['s.account_id IS DISTINCT FROM t.account_id'] : [])
  ].join(' OR ')
  let result: RowCounts
  let source = `${name}_ok`
  let changedKeys: string | null = null
  const empty = Number((await one<{ n: number | string }>(conn, `SELECT count(*) AS n FROM ${target}`)).n) === 0
  if (empty) {
    // Nothing stored yet (a first import): every row is new, no comparison needed.
    result = { new: okRows, updated: 0, unchanged: 0 }
  } else {
    // One join with the stored rows gives the keys of the new and changed rows (narrow: keys and a flag). Counting
    // them and merging only them then needs no second pass over what is stored.
    const delta = `${name}_delta`
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${delta} AS
      SELECT ${conflictKeys.map((k) => `s.${k}`).join(', ')}, t.${last} IS NULL AS _new
      FROM ${name}_ok s LEFT JOIN ${target} t ON ${on} WHERE t.${last} IS NULL OR ${changed}`)
    const c = await one<{ new: number | string | null; updated: number | string | null }>(
      conn,
      `SELECT count(*) FILTER (WHERE _new) AS new, count(*) FILTER (WHERE NOT _new) AS updated FROM ${delta}`
    )
    result = { new: Number(c.new ?? 0), updated: Number(c.updated ?? 0), unchanged: 0 }
    result.unchanged = okRows - result.new - result.updated
    changedKeys = delta
    if (result.unchanged > 0) {
      source = `(SELECT s.* FROM ${name}_ok s SEMI JOIN ${delta} d ON ${conflictKeys.map((k) => `s.${k} = d.${k}`).join(' AND ')})`
    }
  }
  // Unchanged rows are not written again: re-importing an export that overlaps (or repeats) what is stored costs
  // a join, not a rewrite. They keep the import_id of the import that last changed them.
  if (result.new + result.updated === 0) return result
  const insertCols = [...new Set([...keys, ...values])]
  const updates = [
    ...values.map((v) => `${v} = coalesce(s.${v}, t.${v})`),
    ...(target === 'posts' ? ['account_id = s.account_id', ...tagUpdates] : []),
    `import_id = ${importId}`
  ]
  // Hashtags and mentions follow the text the row ends with (canonical/postTags.ts).
  const tagCols = target === 'posts' ? ', hashtags, mentions' : ''
  const tagValues = target === 'posts' ? `, ${hashtagsSql('s.text')}, ${mentionsSql('s.text')}` : ''
  // The dashboard's per-day sums of posts change with the posts, in this transaction (canonical/postDays.ts).
  // Over no stored posts, every day's sums come from this import's posts: built in one pass, with no spans to note.
  if (target === 'posts' && !empty) await noteTouched(conn, `${name}_ok`, changedKeys)
  await observer?.rows(
    target as 'posts' | 'account_daily',
    changedKeys ?? `(SELECT ${conflictKeys.join(', ')} FROM ${name}_ok)`
  )
  const insert = `(${insertCols.join(', ')}, import_id${tagCols})`
  const inserted = `${insertCols.map((c) => `s.${c}`).join(', ')}, ${importId}${tagValues}`
  if (empty) {
    // Into an empty table every row is new: a plain INSERT, without MERGE's join against the stored rows (300k
    // posts: 0.37-0.39 s of CPU against the MERGE's 0.41-0.61 s).
    await conn.run(`INSERT INTO ${target} ${insert} SELECT ${inserted} FROM ${source} AS s`)
  } else {
    // MERGE rather than INSERT ... ON CONFLICT: the canonical tables have no unique index to conflict on (migration
    // 4); the staged rows are unique per key (stage), so each key matches at most one stored row.
    await conn.run(
      `MERGE INTO ${target} AS t USING ${source} AS s ON ${on}
       WHEN MATCHED THEN UPDATE SET ${updates.join(', ')}
       WHEN NOT MATCHED THEN INSERT ${insert} VALUES (${inserted})`
    )
  }
  if (target === 'posts') await (empty ? rebuildPostDays(conn) : refreshTouched(conn))
  return result
}

/**
 * A file that adds no row (every row rejected, or only metrics without a column) creates no account: an empty
 * account would show in Institutions with 0 posts and 0 days and offer itself for assignment.
 */
async function removeEmptyNewAccounts(conn: WriteConn): Promise<void> {
  await conn.run(`DELETE FROM accounts a
    WHERE a.account_id IN (SELECT CAST(account_id AS VARCHAR) FROM stage_accounts)
      AND a.account_id NOT IN (SELECT account_id FROM stage_prior_accounts)
      AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.account_id = a.account_id)
      AND NOT EXISTS (SELECT 1 FROM account_daily d WHERE d.account_id = a.account_id)`)
}

/** The `_ok` sets are views or tables (see stage); DuckDB's DROP names the kind, so ask the catalogue. */
async function dropStaging(conn: WriteConn): Promise<void> {
  const found = (
    await conn.runAndReadAll(
      `SELECT table_name AS name, table_type AS kind FROM information_schema.tables
       WHERE table_schema = 'main' AND table_catalog = 'temp' AND table_name LIKE 'stage\\_%' ESCAPE '\\'`
    )
  ).getRowObjectsJson() as { name: string; kind: string }[]
  for (const t of found) await conn.run(`DROP ${t.kind === 'VIEW' ? 'VIEW' : 'TABLE'} IF EXISTS ${t.name}`)
}

/**
 * Stage, check and upsert one raw table's canonical rows. `runKey` names the input (import/reimport.ts,
 * canonicalKey) and is recorded as the workspace's last canonical run; null (a column mapping) is never repeated.
 */
export async function normalizeImport(
  recognizer: Recognizer,
  input: NormalizeInput,
  runKey: string | null = null
): Promise<RecognitionReport> {
  const { conn } = input
  // Checked before any SQL is built: a file of another generation is told apart from a broken mapping.
  const missing = missingFields(recognizer, input.columns)
  if (missing.length) throw new UnmappedFileError(missing)
  const temps: string[] = []
  let yearAssumed: YearAssumption | null = null
  const ctx: NormalizeContext = {
    ...input,
    assumeYear(a) {
      yearAssumed = a
    },
    async materialize(name, select) {
      const table = `parsed_${name.replace(/[^A-Za-z0-9_]/g, '_')}`
      await conn.run(`CREATE OR REPLACE TEMP TABLE ${table} AS ${select}`)
      temps.push(table)
      return table
    }
  }
  try {
    const report = await normalizeWith(recognizer, ctx, () => temps.length > 0)
    await recordCanonicalRun(conn, runKey)
    return { ...report, yearAssumed }
  } finally {
    // After a failure the transaction is rolled back, and the temp tables with it; drop what is left otherwise.
    for (const t of temps) await conn.run(`DROP TABLE IF EXISTS ${t}`).catch(() => undefined)
  }
}

async function normalizeWith(
  recognizer: Recognizer,
  ctx: NormalizeContext,
  materialized: () => boolean
): Promise<RecognitionReport> {
  const { conn } = ctx
  const out = await recognizer.normalize(ctx)
  const cheap = materialized()
  const rowsRead = Number((await one<{ n: number }>(conn, `SELECT count(*) AS n FROM ${ctx.raw}`)).n)

  // An account named by a merged id is the kept one, with the kept one's handle and name (the file's would
  // overwrite a name the user gave it).
  await conn.run(`CREATE OR REPLACE TEMP TABLE stage_accounts AS
    SELECT coalesce(al.account_id, CAST(s.account_id AS VARCHAR)) AS account_id, CAST(s.platform AS VARCHAR) AS platform,
           CASE WHEN al.account_id IS NULL THEN CAST(s.handle AS VARCHAR) ELSE kept.handle END AS handle,
           CASE WHEN al.account_id IS NULL THEN CAST(s.display_name AS VARCHAR) ELSE kept.display_name END AS display_name
    FROM (${out.accounts}) s
    LEFT JOIN account_aliases al ON al.alias_id = CAST(s.account_id AS VARCHAR)
    LEFT JOIN accounts kept ON kept.account_id = al.account_id`)
  const aliases = await hasAliases(conn)
  // The accounts that already exist: any other one this import names is new, and removed again below if no row lands on it.
  await conn.run(`CREATE OR REPLACE TEMP TABLE stage_prior_accounts AS
    SELECT account_id FROM accounts WHERE account_id IN (SELECT CAST(account_id AS VARCHAR) FROM stage_accounts)`)
  await ctx.observer?.accounts(
    `SELECT DISTINCT CAST(account_id AS VARCHAR) AS account_id FROM stage_accounts WHERE account_id IS NOT NULL`
  )
  await conn.run(`INSERT INTO accounts (account_id, platform, handle, display_name)
    SELECT DISTINCT ON (account_id) CAST(account_id AS VARCHAR), CAST(platform AS VARCHAR), CAST(handle AS VARCHAR), CAST(display_name AS VARCHAR)
    FROM stage_accounts WHERE account_id IS NOT NULL
    ON CONFLICT (account_id) DO UPDATE SET
      handle = coalesce(accounts.handle, EXCLUDED.handle),
      display_name = coalesce(EXCLUDED.display_name, accounts.display_name)`)

  let posts: RowCounts | null = null
  let daily: RowCounts | null = null
  const rejectSources: string[] = []
  const staged: Staged[] = []
  if (out.posts) {
    const st = await stage(
      conn,
      'stage_posts',
      out.posts,
      POST_KEYS,
      POST_VALUE_COLUMNS,
      cheap,
      'published_at::DATE',
      aliases
    )
    posts = await upsert(
      conn,
      'stage_posts',
      'posts',
      POST_KEYS,
      POST_VALUE_COLUMNS,
      ctx.importId,
      st.rows,
      ctx.observer
    )
    rejectSources.push(`SELECT _row, _reject FROM stage_posts WHERE _reject IS NOT NULL`)
    staged.push(st)
  }
  if (out.daily) {
    const st = await stage(conn, 'stage_daily', out.daily, DAILY_KEYS, DAILY_METRICS, false, 'day', aliases)
    daily = await upsert(
      conn,
      'stage_daily',
      'account_daily',
      DAILY_KEYS,
      DAILY_METRICS,
      ctx.importId,
      st.rows,
      ctx.observer
    )
    rejectSources.push(`SELECT _row, _reject FROM stage_daily WHERE _reject IS NOT NULL`)
    staged.push(st)
  }
  let rowsRejected = 0
  let rejects: RecognitionReport['rejects'] = []
  if (rejectSources.length) {
    // Collected once (a few rows at most, but finding them scans the staged rows), then stored, counted and sampled.
    await conn.run(`CREATE OR REPLACE TEMP TABLE stage_rejects AS ${rejectSources.join(' UNION ALL ')}`)
    await conn.run(`INSERT INTO import_rejects SELECT ${ctx.importId}, _row, _reject FROM stage_rejects`)
    rowsRejected = Number((await one<{ n: number }>(conn, `SELECT count(DISTINCT _row) AS n FROM stage_rejects`)).n)
    rejects = (
      (
        await conn.runAndReadAll(`SELECT _row, _reject FROM stage_rejects ORDER BY _row LIMIT ${REJECT_SAMPLE}`)
      ).getRowObjectsJson() as {
        _row: number | string | null
        _reject: string
      }[]
    ).map((r) => ({ row: r._row === null ? null : Number(r._row), reason: r._reject }))
  }
  await removeEmptyNewAccounts(conn)
  const days = staged
    .flatMap((st) => [st.from, st.to])
    .filter((d): d is string => d !== null)
    .sort()
  const period = { f: days[0] ?? null, t: days[days.length - 1] ?? null }
  const accounts = (
    (
      await conn.runAndReadAll(
        `SELECT DISTINCT ON (account_id) account_id, handle, display_name FROM stage_accounts
       WHERE account_id IS NOT NULL AND CAST(account_id AS VARCHAR) IN (SELECT account_id FROM accounts) ORDER BY account_id`
      )
    ).getRowObjectsJson() as { account_id: string; handle: string | null; display_name: string | null }[]
  ).map((a) => ({ accountId: a.account_id, handle: a.handle, displayName: a.display_name }))
  // The platform of the rows actually loaded: an Instagram-only Meta file is reported as Instagram.
  const platforms = [...new Set(staged.flatMap((st) => st.platforms))]
  // Only formats that map rows can fall short; a breakdown kept raw on purpose has no posts or daily SELECT.
  const landing = staged.length
    ? await landingWarnings(conn, { rowsRead, rowsRejected, rowsLanded: staged.reduce((n, st) => n + st.rows, 0) })
    : []
  await dropStaging(conn)
  return {
    format: recognizer.id,
    label: recognizer.label,
    platform: platforms.length === 1 ? (platforms[0] as RecognitionReport['platform']) : recognizer.platform,
    needsAccount: recognizer.needsAccount ?? false,
    accounts,
    period: { from: period.f, to: period.t },
    posts,
    daily,
    rowsRead,
    rowsRejected,
    rejects,
    redactions: [],
    landingWarnings: landing
  }
}
