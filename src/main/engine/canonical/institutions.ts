/**
 * Institutions: the organisations being benchmarked, each owning accounts on several platforms. Deleting one
 * leaves its accounts (and their posts) in place, unassigned.
 */
import { INSTITUTION_PALETTE, type Institution } from '../../../shared/canonical'
import { AppFailure } from '../../../shared/result'
import type { Database, Row } from '../db/duckdb'
import type { UndoStack } from '../undo/stack'
import type { DeleteAnswer } from '../../../shared/undo'

const SELECT = `
  SELECT i.institution_id, i.name, i.color, i.kind,
         (SELECT count(*) FROM accounts a WHERE a.institution_id = i.institution_id) AS account_count
  FROM institutions i`

function toInstitution(r: Row): Institution {
  return {
    institutionId: Number(r.institution_id),
    name: String(r.name),
    color: String(r.color),
    kind: (r.kind as string | null) ?? null,
    accountCount: Number(r.account_count)
  }
}

export async function listInstitutions(db: Database): Promise<Institution[]> {
  return (await db.all(`${SELECT} ORDER BY lower(i.name)`)).map(toInstitution)
}

export async function getInstitution(db: Database, id: number): Promise<Institution> {
  const rows = await db.all(`${SELECT} WHERE i.institution_id = $1`, [id])
  if (!rows.length) throw new AppFailure('NOT_FOUND', `Institution ${id} does not exist (it may have been deleted).`)
  return toInstitution(rows[0])
}

export async function findInstitutionByName(db: Database, name: string): Promise<Institution | null> {
  const rows = await db.all(`${SELECT} WHERE lower(i.name) = lower($1)`, [name.trim()])
  return rows.length ? toInstitution(rows[0]) : null
}

/** The first palette colour no institution uses yet, so colours stay distinct as long as the palette lasts. */
async function nextColor(db: Database): Promise<string> {
  const used = new Set((await db.all(`SELECT upper(color) AS c FROM institutions`)).map((r) => String(r.c)))
  const free = INSTITUTION_PALETTE.find((c) => !used.has(c.toUpperCase()))
  return free ?? INSTITUTION_PALETTE[used.size % INSTITUTION_PALETTE.length]
}

async function assertNameFree(db: Database, name: string, exceptId: number | null): Promise<void> {
  const clash = await findInstitutionByName(db, name)
  if (clash && clash.institutionId !== exceptId) {
    throw new AppFailure('BAD_INPUT', `An institution called "${clash.name}" already exists.`)
  }
}

export async function createInstitution(
  db: Database,
  input: { name: string; color?: string; kind?: string | null }
): Promise<Institution> {
  const name = input.name.trim()
  await assertNameFree(db, name, null)
  const color = input.color ?? (await nextColor(db))
  const id = await db.write(async (conn) => {
    const r = await conn.runAndReadAll(
      `INSERT INTO institutions (name, color, kind) VALUES ($1, $2, $3) RETURNING institution_id`,
      [name, color, input.kind || null]
    )
    return Number(r.getRowObjectsJson()[0].institution_id)
  })
  return getInstitution(db, id)
}

export async function updateInstitution(
  db: Database,
  input: { institutionId: number; name?: string; color?: string; kind?: string | null }
): Promise<Institution> {
  const current = await getInstitution(db, input.institutionId)
  const name = input.name?.trim() ?? current.name
  if (name.toLowerCase() !== current.name.toLowerCase()) await assertNameFree(db, name, current.institutionId)
  const kind = input.kind === undefined ? current.kind : input.kind || null
  await db.write((conn) =>
    conn.run(`UPDATE institutions SET name = $1, color = $2, kind = $3 WHERE institution_id = $4`, [
      name,
      input.color ?? current.color,
      kind,
      current.institutionId
    ])
  )
  return getInstitution(db, current.institutionId)
}

/**
 * Delete an institution, undoably: its row moves to the undo schema with the list of its accounts, which stay,
 * unassigned. Undo puts it back with its id and colour and re-assigns the accounts nobody has assigned since.
 * Events keep its id (no foreign key, migration 6), so they concern it again once it is back.
 */
export async function deleteInstitution(db: Database, undo: UndoStack, id: number): Promise<DeleteAnswer> {
  const institution = await getInstitution(db, id)
  const saved = undo.table('institution')
  const accounts = await db.write(async (conn) => {
    const owned = (
      await conn.runAndReadAll(`SELECT account_id FROM accounts WHERE institution_id = $1 ORDER BY account_id`, [id])
    ).getRowObjectsJson() as { account_id: string }[]
    await conn.run(`CREATE TABLE ${saved.sql} AS SELECT * FROM institutions WHERE institution_id = $1`, [id])
    await conn.run(`UPDATE accounts SET institution_id = NULL WHERE institution_id = $1`, [id])
    await conn.run(`DELETE FROM institutions WHERE institution_id = $1`, [id])
    return owned.map((a) => a.account_id)
  })
  const entry = await undo.push({
    kind: 'deleteInstitution',
    label: `Deleted institution “${institution.name}”`,
    holds: [saved.name],
    async restore(conn) {
      const clash = (
        await conn.runAndReadAll(`SELECT name FROM institutions WHERE lower(name) = lower($1)`, [institution.name])
      ).getRowObjectsJson()
      if (clash.length) {
        throw new AppFailure(
          'DUPLICATE',
          `An institution called “${String(clash[0].name)}” was created since; rename it, then undo the delete of “${institution.name}”.`
        )
      }
      await conn.run(`INSERT INTO institutions SELECT * FROM ${saved.sql}`)
      if (accounts.length) {
        await conn.run(
          `UPDATE accounts SET institution_id = $1
           WHERE institution_id IS NULL AND account_id IN (SELECT unnest(from_json($2, '["VARCHAR"]')))`,
          [id, JSON.stringify(accounts)]
        )
      }
    }
  })
  return { deleted: true, undo: entry }
}
