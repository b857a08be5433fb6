/**
 * Undo of an account merge (accountMerge.ts). Before the merge writes, its transaction keeps in the undo schema what
 * it is about to change: the merged-away account's daily rows, the kept account's rows on the days both had, the
 * keys of the posts that move, both accounts' rows, and the aliases it rewrites (account_aliases). Undo reverts exactly what the merge wrote, and leaves alone
 * what changed since: a daily row an import rewrote after the merge stays as the import left it (it is newer data),
 * and a day the merged-away account has again (its export re-imported) keeps the re-imported row, so every key stays
 * unique and nothing is counted twice.
 */
import { ACCOUNT_DAILY_COLUMNS, DAILY_METRICS } from '../../../shared/canonical'
import { AppFailure } from '../../../shared/result'
import type { WriteConn } from '../db/duckdb'
import { recordCanonicalRun } from '../import/reimport'
import type { UndoRecord, UndoStack } from '../undo/stack'
import { refreshAccounts } from './postDays'

export interface MergeCapture {
  /** Run inside the merge's transaction, before it writes. */
  capture(conn: WriteConn): Promise<void>
  record(label: string): UndoRecord
}

export function mergeCapture(undo: UndoStack, fromId: string, intoId: string): MergeCapture {
  const fromDaily = undo.table('from_daily')
  const intoDaily = undo.table('into_daily')
  const postKeys = undo.table('post_keys')
  const accounts = undo.table('accounts')
  const aliases = undo.table('aliases')
  const columns = ACCOUNT_DAILY_COLUMNS.map((c) => c.name)
  const same = (a: string, b: string) => columns.map((c) => `${a}.${c} IS NOT DISTINCT FROM ${b}.${c}`).join(' AND ')

  return {
    async capture(conn) {
      await conn.run(`CREATE TABLE ${fromDaily.sql} AS SELECT * FROM account_daily WHERE account_id = $1`, [fromId])
      await conn.run(
        `CREATE TABLE ${intoDaily.sql} AS SELECT * FROM account_daily
         WHERE account_id = $1 AND day IN (SELECT day FROM account_daily WHERE account_id = $2)`,
        [intoId, fromId]
      )
      await conn.run(`CREATE TABLE ${postKeys.sql} AS SELECT platform, post_id FROM posts WHERE account_id = $1`, [
        fromId
      ])
      await conn.run(`CREATE TABLE ${accounts.sql} AS SELECT * FROM accounts WHERE account_id IN ($1, $2)`, [
        fromId,
        intoId
      ])
      // The merge makes fromId an alias of intoId and moves fromId's own aliases to intoId (accountMerge.ts).
      await conn.run(`CREATE TABLE ${aliases.sql} AS SELECT * FROM account_aliases WHERE account_id = $1`, [fromId])
    },
    record: (label) => ({
      kind: 'mergeAccounts',
      label,
      subject: intoId,
      holds: [fromDaily.name, intoDaily.name, postKeys.name, accounts.name, aliases.name],
      async restore(conn) {
        const kept = await conn.runAndReadAll(`SELECT 1 FROM accounts WHERE account_id = $1`, [intoId])
        if (!kept.getRowObjectsJson().length) {
          throw new AppFailure('NOT_FOUND', `${intoId} was merged into another account since; undo that merge first.`)
        }
        // What the merge wrote on the kept account: the other's rows on days it lacked, combined rows on days both had.
        const coalesced = DAILY_METRICS.map((m) => `coalesce(i.${m}, f.${m}) AS ${m}`).join(', ')
        await conn.run(
          `CREATE OR REPLACE TEMP TABLE undo_merge_wrote AS
           SELECT f.* REPLACE ($1::VARCHAR AS account_id), false AS combined
             FROM ${fromDaily.sql} f ANTI JOIN ${intoDaily.sql} i ON i.day = f.day
           UNION ALL BY NAME
           SELECT i.* REPLACE (${coalesced}), true AS combined
             FROM ${intoDaily.sql} i JOIN ${fromDaily.sql} f ON f.day = i.day`,
          [intoId]
        )
        // Rows still as the merge left them (an import since would have changed them).
        await conn.run(
          `CREATE OR REPLACE TEMP TABLE undo_merge_revert AS
           SELECT w.day, w.combined FROM undo_merge_wrote w JOIN account_daily t ON ${same('t', 'w')}`
        )
        await conn.run(
          `DELETE FROM account_daily WHERE account_id = $1
             AND day IN (SELECT day FROM undo_merge_revert WHERE NOT combined)`,
          [intoId]
        )
        await conn.run(
          `UPDATE account_daily AS t SET ${DAILY_METRICS.map((m) => `${m} = i.${m}`).join(', ')}
           FROM ${intoDaily.sql} i
           WHERE t.account_id = $1 AND t.day = i.day AND i.day IN (SELECT day FROM undo_merge_revert WHERE combined)`,
          [intoId]
        )
        await conn.run(
          `INSERT INTO account_daily SELECT * FROM ${fromDaily.sql} f
           WHERE NOT EXISTS (SELECT 1 FROM account_daily d WHERE d.account_id = f.account_id AND d.day = f.day)`
        )
        await conn.run(`DROP TABLE undo_merge_revert`)
        await conn.run(`DROP TABLE undo_merge_wrote`)
        await conn.run(
          `UPDATE posts SET account_id = $1
           WHERE account_id = $2
             AND EXISTS (SELECT 1 FROM ${postKeys.sql} k WHERE k.platform = posts.platform AND k.post_id = posts.post_id)`,
          [fromId, intoId]
        )
        // The merged-away account comes back; if an import made it again since, that row keeps what it has.
        await conn.run(
          `INSERT INTO accounts SELECT * FROM ${accounts.sql} WHERE account_id = $1
           ON CONFLICT (account_id) DO UPDATE SET
             institution_id = coalesce(accounts.institution_id, EXCLUDED.institution_id),
             display_name = coalesce(accounts.display_name, EXCLUDED.display_name)`,
          [fromId]
        )
        // The kept account took the other's institution and display name only where it had none: give them back,
        // unless they were changed since.
        await conn.run(
          `UPDATE accounts AS a SET
             institution_id = CASE WHEN a.institution_id IS NOT DISTINCT FROM coalesce(i.institution_id, f.institution_id)
                                   THEN i.institution_id ELSE a.institution_id END,
             display_name = CASE WHEN a.display_name IS NOT DISTINCT FROM coalesce(i.display_name, f.display_name)
                                 THEN i.display_name ELSE a.display_name END
           FROM ${accounts.sql} i, ${accounts.sql} f
           WHERE a.account_id = $1 AND i.account_id = $1 AND f.account_id = $2`,
          [intoId, fromId]
        )
        // Imports naming fromId (or an id merged into it before) land on fromId again.
        await conn.run(`DELETE FROM account_aliases WHERE alias_id = $1`, [fromId])
        await conn.run(
          `UPDATE account_aliases SET account_id = $1
           WHERE account_id = $2 AND alias_id IN (SELECT alias_id FROM ${aliases.sql})`,
          [fromId, intoId]
        )
        // The dashboard's per-day post sums follow the posts back (postDays.ts).
        await refreshAccounts(conn, [fromId, intoId])
        // Canonical rows changed without an import: a repeated import must run in full (import/reimport.ts).
        await recordCanonicalRun(conn, null)
      }
    })
  }
}
