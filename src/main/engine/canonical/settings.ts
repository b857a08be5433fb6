/** Workspace settings (the settings table, JSON values): the privacy default every import starts from. */
import { AppFailure } from '../../../shared/result'
import type { PrivacyOptions } from '../../../shared/types'
import type { Database } from '../db/duckdb'
import { DEFAULT_PRIVACY } from '../recognize/privacy'

const TEXT = ['keep', 'redact', 'drop']
const PEOPLE = ['keep', 'drop', 'hash']

export async function getPrivacyDefaults(db: Database): Promise<PrivacyOptions> {
  const rows = await db.all(`SELECT value FROM settings WHERE key = 'privacy'`)
  if (!rows.length) return { ...DEFAULT_PRIVACY }
  const v = JSON.parse(String(rows[0].value)) as Partial<PrivacyOptions>
  // A hand-edited or older value falls back field by field rather than failing every import.
  return {
    text: TEXT.includes(v.text as string) ? (v.text as PrivacyOptions['text']) : DEFAULT_PRIVACY.text,
    people: PEOPLE.includes(v.people as string) ? (v.people as PrivacyOptions['people']) : DEFAULT_PRIVACY.people
  }
}

export async function setPrivacyDefaults(db: Database, privacy: PrivacyOptions): Promise<PrivacyOptions> {
  if (!TEXT.includes(privacy.text) || !PEOPLE.includes(privacy.people))
    throw new AppFailure('BAD_INPUT', 'Unknown privacy option.')
  await db.write((conn) =>
    conn.run(`INSERT INTO settings VALUES ('privacy', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [
      JSON.stringify({ text: privacy.text, people: privacy.people })
    ])
  )
  return getPrivacyDefaults(db)
}
