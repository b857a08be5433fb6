/**
 * Workspaces on disk for the comparison statistics: institutions whose posts carry given interactions and reach, so
 * each per-post rate (interactions ÷ reach) is known exactly. The file is written before the engine opens it; the
 * tests then go through the front door only.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Database } from '../db/duckdb'
import { migrate } from '../db/migrations'
import { openEngine, type Engine } from '../engine'
import { workspacePaths } from '../workspace'

export interface FixtureInstitution {
  id: number
  name: string
  /** [interactions, reach] per post, published one hour apart from 2024-01-01 00:00 UTC. */
  posts: [number, number][]
}

/** A workspace whose canonical tables the given statements fill; the engine is opened on it afterwards. */
export async function workspaceFromSql(statements: string[]): Promise<{ engine: Engine; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-insight-'))
  const db = await Database.open(workspacePaths(dir).dbFile)
  await migrate(db)
  await db.write(async (c) => {
    for (const s of statements) await c.run(s)
  })
  db.close()
  return { engine: await openEngine(dir), dir }
}

export async function statsWorkspace(institutions: FixtureInstitution[]): Promise<{ engine: Engine; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-stats-'))
  const db = await Database.open(workspacePaths(dir).dbFile)
  await migrate(db)
  await db.write(async (c) => {
    for (const inst of institutions) {
      await c.run(`INSERT INTO institutions (institution_id, name, color) VALUES ($1, $2, '#0072B2')`, [inst.id, inst.name])
      await c.run(`INSERT INTO accounts (account_id, institution_id, platform, handle, time_zone) VALUES ($1, $2, 'x', $3, 'UTC')`, [
        `x:${inst.id}`, inst.id, `h${inst.id}`
      ])
      for (const [k, [interactions, reach]] of inst.posts.entries()) {
        await c.run(
          `INSERT INTO posts (account_id, platform, post_id, published_at, text, interactions, reach, import_id)
           VALUES ($1, 'x', $2, TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_hours($3::BIGINT), '', $4, $5, 0)`,
          [`x:${inst.id}`, `i${inst.id}-p${String(k).padStart(4, '0')}`, k, interactions, reach]
        )
      }
    }
  })
  db.close()
  return { engine: await openEngine(dir), dir }
}
