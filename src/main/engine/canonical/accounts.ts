/** Accounts of the canonical model: what each holds (posts, days, period) and which institution owns it. */
import type { AccountSummary, AssignmentSuggestion } from '../../../shared/canonical'
import { AppFailure } from '../../../shared/result'
import type { Platform } from '../../../shared/types'
import type { UndoEntry } from '../../../shared/undo'
import type { Database, Row } from '../db/duckdb'
import type { UndoStack } from '../undo/stack'
import { getInstitution, listInstitutions } from './institutions'

const SELECT = `
  WITH p AS (SELECT account_id, count(*) AS n, min(published_at::DATE) AS f, max(published_at::DATE) AS t FROM posts GROUP BY account_id),
       d AS (SELECT account_id, count(*) AS n, min(day) AS f, max(day) AS t FROM account_daily GROUP BY account_id)
  SELECT a.account_id, a.platform, a.handle, a.display_name, a.institution_id,
         coalesce(p.n, 0) AS posts, coalesce(d.n, 0) AS days,
         CAST(least(p.f, d.f) AS VARCHAR) AS first_date, CAST(greatest(p.t, d.t) AS VARCHAR) AS last_date
  FROM accounts a LEFT JOIN p USING (account_id) LEFT JOIN d USING (account_id)`

function toAccount(r: Row): AccountSummary {
  return {
    accountId: String(r.account_id),
    platform: r.platform as Platform,
    handle: (r.handle as string | null) ?? null,
    displayName: (r.display_name as string | null) ?? null,
    institutionId: r.institution_id === null || r.institution_id === undefined ? null : Number(r.institution_id),
    posts: Number(r.posts),
    days: Number(r.days),
    firstDate: (r.first_date as string | null) ?? null,
    lastDate: (r.last_date as string | null) ?? null
  }
}

export async function listAccounts(db: Database): Promise<AccountSummary[]> {
  return (await db.all(`${SELECT} ORDER BY a.platform, lower(coalesce(a.handle, a.account_id))`)).map(toAccount)
}

export async function getAccount(db: Database, accountId: string): Promise<AccountSummary> {
  const rows = await db.all(`${SELECT} WHERE a.account_id = $1`, [accountId])
  if (!rows.length) throw new AppFailure('NOT_FOUND', `Account ${accountId} does not exist.`)
  return toAccount(rows[0])
}

/**
 * Put an account under an institution, or (null) take it out of any. A change is undoable (undo: null when the
 * account was already there); undo puts the account back where it was unless it was moved again since.
 */
export async function assignAccount(
  db: Database,
  undo: UndoStack,
  accountId: string,
  institutionId: number | null
): Promise<AccountSummary & { undo: UndoEntry | null }> {
  const before = await getAccount(db, accountId)
  const target = institutionId === null ? null : await getInstitution(db, institutionId)
  const previous = before.institutionId
  await db.write((conn) =>
    conn.run(`UPDATE accounts SET institution_id = $1 WHERE account_id = $2`, [institutionId, accountId])
  )
  const after = await getAccount(db, accountId)
  if (previous === institutionId) return { ...after, undo: null }
  const name = accountName(before)
  const from = previous === null ? null : (await listInstitutions(db)).find((i) => i.institutionId === previous)
  const entry = await undo.push({
    kind: 'assignAccount',
    label: target
      ? `Assigned ${name} to “${target.name}”`
      : `Unassigned ${name} from “${from?.name ?? 'its institution'}”`,
    subject: accountId,
    async restore(conn) {
      const now = (
        await conn.runAndReadAll(`SELECT institution_id FROM accounts WHERE account_id = $1`, [accountId])
      ).getRowObjectsJson()[0]
      if (!now) throw new AppFailure('NOT_FOUND', `Account ${name} no longer exists (it was merged since).`)
      const current = now.institution_id === null ? null : Number(now.institution_id)
      if (current !== institutionId) {
        throw new AppFailure('DUPLICATE', `${name} was assigned again since; assign it by hand.`)
      }
      if (previous !== null) {
        const exists = await conn.runAndReadAll(`SELECT 1 FROM institutions WHERE institution_id = $1`, [previous])
        if (!exists.getRowObjectsJson().length) {
          throw new AppFailure('NOT_FOUND', `The institution ${name} was in has been deleted since; undo that first.`)
        }
      }
      await conn.run(`UPDATE accounts SET institution_id = $1 WHERE account_id = $2`, [previous, accountId])
    }
  })
  return { ...after, undo: entry }
}

/** How an account is named in messages: its handle, else its id. */
export function accountName(a: { handle: string | null; accountId: string }): string {
  return a.handle ? `@${a.handle.replace(/^@/, '')}` : a.accountId
}

/** Words in institution names that say what it is, not which one: they never make a match on their own. */
const GENERIC = new Set([
  'the',
  'of',
  'and',
  'for',
  'st',
  'saint',
  'hospital',
  'hospitals',
  'clinic',
  'clinics',
  'medical',
  'medicine',
  'center',
  'centre',
  'health',
  'healthcare',
  'general',
  'university',
  'network',
  'community',
  'children',
  'childrens',
  'kids',
  'pharmacy',
  'institute',
  'foundation',
  'group',
  'official',
  'devices',
  'care',
  'inc',
  'ltd',
  'llc'
])

/** Lower-case word tokens; camelCase handles split at case changes ("StAureliaKids" → st, aurelia, kids). */
export function nameTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/'s\b/g, 's')
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0)
}

/**
 * The distinctive tokens of an institution name found in an account's handle or display name: a token counts when
 * it is one of the account's tokens or (for tokens of 4+ letters) part of its squashed handle ("halvernumc").
 */
export function sharedTokens(
  institutionName: string,
  account: { handle: string | null; displayName: string | null }
): string[] {
  const mine = new Set([...nameTokens(account.handle ?? ''), ...nameTokens(account.displayName ?? '')])
  const squashed = `${account.handle ?? ''} ${account.displayName ?? ''}`.toLowerCase().replace(/[^a-z0-9 ]/g, '')
  return [...new Set(nameTokens(institutionName))].filter(
    (t) => !GENERIC.has(t) && (mine.has(t) || (t.length >= 4 && squashed.includes(t)))
  )
}

/** For each unassigned account, the institution whose name shares the most distinctive tokens with it (ties: none). */
export async function suggestAssignments(db: Database): Promise<AssignmentSuggestion[]> {
  const institutions = await listInstitutions(db)
  const accounts = (await listAccounts(db)).filter((a) => a.institutionId === null)
  const out: AssignmentSuggestion[] = []
  for (const a of accounts) {
    const scored = institutions
      .map((i) => ({ i, matched: sharedTokens(i.name, a) }))
      .filter((s) => s.matched.length > 0)
      .sort((x, y) => y.matched.length - x.matched.length)
    if (!scored.length || (scored.length > 1 && scored[1].matched.length === scored[0].matched.length)) continue
    out.push({
      accountId: a.accountId,
      institutionId: scored[0].i.institutionId,
      institutionName: scored[0].i.name,
      matched: scored[0].matched
    })
  }
  return out
}
