/**
 * Undo of a column mapping applied to a dataset (mappings.ts, applyMapping). Its transaction keeps, in the undo
 * schema, what it is about to change, while it is still as it was: the saved mapping for the header, the dataset's
 * catalogue row (its report), its rejected rows, and, told by the canonical step before each write
 * (recognize/types.ts WriteObserver), the keys of the posts and daily rows it writes with the rows they replace and
 * the accounts it inserts or updates. Undo deletes what the mapping wrote, puts back what it replaced, and
 * recomputes the dashboard's per-day post sums of the accounts involved (post_days, from posts), so the workspace is
 * as it was before. A row an import rewrote since (it carries that import's id) is newer data and stays.
 */
import { AppFailure } from '../../../shared/result'
import type { WriteConn } from '../db/duckdb'
import { recordCanonicalRun } from '../import/reimport'
import type { WriteObserver } from '../recognize/types'
import type { UndoRecord, UndoStack } from '../undo/stack'
import { refreshAccounts } from './postDays'

export interface MappingCapture {
  /** Run inside the apply's transaction, before it writes anything. */
  capture(conn: WriteConn): Promise<void>
  /** For the canonical step (normalizeImport's observer), inside the same transaction. */
  observer(conn: WriteConn): WriteObserver
  record(label: string): UndoRecord
}

const TARGET_KEYS = { posts: ['platform', 'post_id'], account_daily: ['account_id', 'day'] } as const

/** The subject of a mapping's record: a later mapping of the same dataset must be undone first. */
const subjectOf = (datasetId: number) => `dataset:${datasetId}`

export function mappingCapture(undo: UndoStack, datasetId: number, signature: string): MappingCapture {
  const t = {
    dataset: undo.table('dataset'),
    rejects: undo.table('rejects'),
    mapping: undo.table('mapping'),
    postKeys: undo.table('post_keys'),
    posts: undo.table('posts'),
    dailyKeys: undo.table('daily_keys'),
    daily: undo.table('daily'),
    accountIds: undo.table('account_ids'),
    accounts: undo.table('accounts')
  }
  const written = {
    posts: { keys: t.postKeys, before: t.posts },
    account_daily: { keys: t.dailyKeys, before: t.daily }
  }
  const on = (target: keyof typeof TARGET_KEYS, a: string, b: string) =>
    TARGET_KEYS[target].map((k) => `${a}.${k} = ${b}.${k}`).join(' AND ')

  return {
    async capture(conn) {
      await conn.run(`CREATE TABLE ${t.dataset.sql} AS SELECT * FROM datasets WHERE id = $1`, [datasetId])
      await conn.run(`CREATE TABLE ${t.rejects.sql} AS SELECT * FROM import_rejects WHERE import_id = $1`, [datasetId])
      await conn.run(`CREATE TABLE ${t.mapping.sql} AS SELECT * FROM column_mappings WHERE header_signature = $1`, [
        signature
      ])
      for (const target of ['posts', 'account_daily'] as const) {
        const w = written[target]
        await conn.run(`CREATE TABLE ${w.keys.sql} AS SELECT ${TARGET_KEYS[target].join(', ')} FROM ${target} LIMIT 0`)
        await conn.run(`CREATE TABLE ${w.before.sql} AS SELECT * FROM ${target} LIMIT 0`)
      }
      await conn.run(`CREATE TABLE ${t.accountIds.sql} AS SELECT account_id FROM accounts LIMIT 0`)
      await conn.run(`CREATE TABLE ${t.accounts.sql} AS SELECT * FROM accounts LIMIT 0`)
    },
    observer: (conn) => ({
      async accounts(ids) {
        await conn.run(`INSERT INTO ${t.accountIds.sql} ${ids}`)
        await conn.run(`INSERT INTO ${t.accounts.sql} SELECT * FROM accounts WHERE account_id IN (${ids})`)
      },
      async rows(target, keys) {
        const w = written[target]
        const cols = TARGET_KEYS[target].join(', ')
        await conn.run(`INSERT INTO ${w.keys.sql} SELECT ${cols} FROM ${keys}`)
        await conn.run(
          `INSERT INTO ${w.before.sql} SELECT t.* FROM ${target} t SEMI JOIN ${keys} k ON ${on(target, 't', 'k')}`
        )
      }
    }),
    record: (label) => ({
      kind: 'applyMapping',
      label,
      subject: subjectOf(datasetId),
      holds: Object.values(t).map((x) => x.name),
      async restore(conn, later) {
        if (later.some((r) => r.subject === subjectOf(datasetId))) {
          throw new AppFailure('DUPLICATE', `Dataset ${datasetId} was mapped again since; undo that mapping first.`)
        }
        const live = await conn.runAndReadAll(`SELECT 1 FROM datasets WHERE id = $1`, [datasetId])
        if (!live.getRowObjectsJson().length) {
          throw new AppFailure('NOT_FOUND', `Dataset ${datasetId} was deleted since; undo that delete first.`)
        }
        // The accounts whose posts move: their post_days rows are recomputed once the posts are back.
        const touched = (
          await conn.runAndReadAll(
            `SELECT DISTINCT account_id FROM (
               SELECT p.account_id FROM posts p SEMI JOIN ${t.postKeys.sql} k ON ${on('posts', 'p', 'k')}
               UNION ALL SELECT account_id FROM ${t.posts.sql}) WHERE account_id IS NOT NULL`
          )
        ).getRowObjectsJson() as { account_id: string }[]
        for (const target of ['posts', 'account_daily'] as const) {
          const w = written[target]
          // Only rows still as this mapping left them (carrying its dataset's id) are reverted.
          await conn.run(
            `DELETE FROM ${target} AS x USING ${w.keys.sql} AS k WHERE ${on(target, 'x', 'k')} AND x.import_id = $1`,
            [datasetId]
          )
          await conn.run(
            `INSERT INTO ${target} SELECT b.* FROM ${w.before.sql} b
             WHERE NOT EXISTS (SELECT 1 FROM ${target} x WHERE ${on(target, 'x', 'b')})`
          )
        }
        await refreshAccounts(
          conn,
          touched.map((r) => String(r.account_id))
        )
        // Accounts the mapping created go again when nothing is left on them; the others get back the handle and
        // name the file's rows overwrote. Their institution is left alone: an assignment since is the user's.
        await conn.run(
          `DELETE FROM accounts a WHERE a.account_id IN (SELECT account_id FROM ${t.accountIds.sql})
             AND a.account_id NOT IN (SELECT account_id FROM ${t.accounts.sql})
             AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.account_id = a.account_id)
             AND NOT EXISTS (SELECT 1 FROM account_daily d WHERE d.account_id = a.account_id)`
        )
        await conn.run(
          `UPDATE accounts AS a SET handle = b.handle, display_name = b.display_name
           FROM ${t.accounts.sql} b WHERE a.account_id = b.account_id`
        )
        await conn.run(`DELETE FROM import_rejects WHERE import_id = $1`, [datasetId])
        await conn.run(`INSERT INTO import_rejects SELECT * FROM ${t.rejects.sql}`)
        // The report columns applyMapping writes; a rename since stays.
        await conn.run(
          `UPDATE datasets AS d SET recognized_format = b.recognized_format, platform = b.platform,
             rows_read = b.rows_read, rows_loaded = b.rows_loaded, rows_rejected = b.rows_rejected,
             rows_new = b.rows_new, rows_updated = b.rows_updated, rows_unchanged = b.rows_unchanged,
             warnings = b.warnings
           FROM ${t.dataset.sql} b WHERE d.id = b.id`
        )
        await conn.run(`DELETE FROM column_mappings WHERE header_signature = $1`, [signature])
        await conn.run(`INSERT INTO column_mappings SELECT * FROM ${t.mapping.sql}`)
        // Canonical rows changed without an import: a repeated import must run in full (import/reimport.ts).
        await recordCanonicalRun(conn, null)
      }
    })
  }
}
