/**
 * Renaming and merging accounts. A merge is for one account that arrived under two ids (a handle typed two ways at
 * import, "Northfield GH" and "NorthfieldGH"): its posts and daily rows move to the account kept, in one
 * transaction, so a failure leaves both accounts as they were. The merged id stays as an alias of the kept account
 * (account_aliases), so re-importing its files lands on the kept account rather than bringing the merged one back.
 */
import { ACCOUNT_DAILY_COLUMNS, DAILY_METRICS, type AccountSummary } from '../../../shared/canonical'
import { AppFailure } from '../../../shared/result'
import type { Database } from '../db/duckdb'
import type { UndoEntry } from '../../../shared/undo'
import { recordCanonicalRun } from '../import/reimport'
import type { UndoStack } from '../undo/stack'
import { accountName, getAccount } from './accounts'
import { mergeCapture } from './mergeUndo'
import { refreshAccounts } from './postDays'

/** The name shown for an account (its display name); empty or null goes back to the handle. */
export async function renameAccount(
  db: Database,
  accountId: string,
  displayName: string | null
): Promise<AccountSummary> {
  await getAccount(db, accountId)
  const name = displayName?.trim() || null
  await db.write((conn) => conn.run(`UPDATE accounts SET display_name = $1 WHERE account_id = $2`, [name, accountId]))
  return getAccount(db, accountId)
}

/**
 * Move every post and daily row of `fromId` to `intoId` and delete `fromId`. A day both accounts have keeps the
 * kept account's values and takes the other's only where it has none. The kept account keeps its institution, or
 * takes the other's when it has none. Both must be of one platform. `fromId`, and every id already merged into it,
 * become aliases of `intoId`.
 */
export async function mergeAccounts(
  db: Database,
  undo: UndoStack,
  fromId: string,
  intoId: string
): Promise<AccountSummary & { undo: UndoEntry }> {
  if (fromId === intoId) throw new AppFailure('BAD_INPUT', `An account cannot be merged into itself (${fromId}).`)
  const from = await getAccount(db, fromId)
  const into = await getAccount(db, intoId)
  if (from.platform !== into.platform) {
    throw new AppFailure(
      'BAD_INPUT',
      `${fromId} is a ${from.platform} account and ${intoId} a ${into.platform} one; only accounts of one platform can be merged.`
    )
  }
  const metrics = DAILY_METRICS.map((m) => `${m} = coalesce(t.${m}, s.${m})`).join(', ')
  const columns = ACCOUNT_DAILY_COLUMNS.map((c) => c.name)
  const kept = mergeCapture(undo, fromId, intoId)
  await db.write(async (conn) => {
    await kept.capture(conn)
    await conn.run(
      `MERGE INTO account_daily AS t
       USING (SELECT * REPLACE ($2::VARCHAR AS account_id) FROM account_daily WHERE account_id = $1) AS s
       ON t.account_id = s.account_id AND t.day = s.day
       WHEN MATCHED THEN UPDATE SET ${metrics}
       WHEN NOT MATCHED THEN INSERT (${columns.join(', ')}) VALUES (${columns.map((c) => `s.${c}`).join(', ')})`,
      [fromId, intoId]
    )
    await conn.run(`DELETE FROM account_daily WHERE account_id = $1`, [fromId])
    await conn.run(`UPDATE posts SET account_id = $2 WHERE account_id = $1`, [fromId, intoId])
    await conn.run(
      `UPDATE accounts SET institution_id = coalesce(institution_id, $2), display_name = coalesce(display_name, $3) WHERE account_id = $1`,
      [intoId, from.institutionId, from.displayName]
    )
    await conn.run(`DELETE FROM accounts WHERE account_id = $1`, [fromId])
    // The merged account's posts are now the kept account's, on its time zone's days.
    await refreshAccounts(conn, [fromId, intoId])
    // Earlier merges into fromId follow it, so an alias always names an account that exists (no chains to walk).
    await conn.run(`UPDATE account_aliases SET account_id = $2 WHERE account_id = $1`, [fromId, intoId])
    await conn.run(
      `INSERT INTO account_aliases (alias_id, account_id) VALUES ($1, $2)
       ON CONFLICT (alias_id) DO UPDATE SET account_id = EXCLUDED.account_id, merged_at = now()::TIMESTAMP`,
      [fromId, intoId]
    )
    // Canonical rows changed without an import: a repeated import must run in full (import/reimport.ts), through
    // the alias.
    await recordCanonicalRun(conn, null)
  })
  const entry = await undo.push(kept.record(`Merged ${accountName(from)} into ${accountName(into)}`))
  return { ...(await getAccount(db, intoId)), undo: entry }
}
