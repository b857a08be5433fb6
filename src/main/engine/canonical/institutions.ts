/**
 * Institutions: the organisations being benchmarked, each owning accounts on several platforms. Deleting one
 * leaves its accounts (and their posts) in place, unassigned.
 */
import { INSTITUTION_PALETTE, type Institution } from '../../../shared/canonical'
import { AppFailure } from '../../../shared/result'
import type { Database, Row } from '../db/duckdb'

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

export async function deleteInstitution(db: Database, id: number): Promise<{ deleted: boolean }> {
  return db.write(async (conn) => {
    await conn.run(`UPDATE accounts SET institution_id = NULL WHERE institution_id = $1`, [id])
    const r = await conn.runAndReadAll(`DELETE FROM institutions WHERE institution_id = $1 RETURNING institution_id`, [
      id
    ])
    return { deleted: r.getRowObjectsJson().length > 0 }
  })
}
