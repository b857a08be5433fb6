/**
 * Workspaces on disk for the comparison statistics: institutions whose posts carry given interactions and reach, so
 * each per-post rate (interactions ÷ reach) is known exactly. The file is written before the engine opens it; the
 * tests then go through the front door only.
 */
import { postDaysSelect, rebuildPostDays } from '../canonical/postDays'
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
      await c.run(`INSERT INTO institutions (institution_id, name, color) VALUES ($1, $2, '#0072B2')`, [
        inst.id,
        inst.name
      ])
      await c.run(
        `INSERT INTO accounts (account_id, institution_id, platform, handle, time_zone) VALUES ($1, $2, 'x', $3, 'UTC')`,
        [`x:${inst.id}`, inst.id, `h${inst.id}`]
      )
      for (const [k, [interactions, reach]] of inst.posts.entries()) {
        await c.run(
          `INSERT INTO posts (account_id, platform, post_id, published_at, text, interactions, reach, import_id)
           VALUES ($1, 'x', $2, TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_hours($3::BIGINT), '', $4, $5, 0)`,
          [`x:${inst.id}`, `i${inst.id}-p${String(k).padStart(4, '0')}`, k, interactions, reach]
        )
      }
    }
    // Written by SQL, not by an import: the dashboard's day sums are built as an import would.
    await rebuildPostDays(c)
  })
  db.close()
  return { engine: await openEngine(dir), dir }
}

/** The hand-computed workspace of vendorConventions.test.ts (its header comment has every expected rate). */
export const VENDOR_FIXTURE_SQL: string[] = [
  `INSERT INTO institutions (institution_id, name, color) VALUES (1, 'Alpha', '#111111'), (2, 'Beta', '#222222'), (3, 'Gamma', '#333333')`,
  `INSERT INTO accounts (account_id, institution_id, platform, handle, time_zone) VALUES
       ('facebook:a', 1, 'facebook', 'a', 'UTC'), ('instagram:a', 1, 'instagram', 'a', 'UTC'),
       ('instagram:b', 2, 'instagram', 'b', 'UTC'), ('instagram:g', 3, 'instagram', 'g', 'UTC')`,
  `INSERT INTO account_daily (account_id, platform, day, followers, import_id)
       SELECT 'facebook:a', 'facebook', DATE '2024-03-01' + i::INTEGER, 1000, 0 FROM range(4) t(i)`,
  `INSERT INTO account_daily (account_id, platform, day, followers, import_id) VALUES
       ('instagram:a', 'instagram', DATE '2024-03-01', 2000, 0), ('instagram:b', 'instagram', DATE '2024-03-01', 500, 0),
       ('instagram:g', 'instagram', DATE '2024-03-01', 1000, 0)`,
  `INSERT INTO posts (account_id, platform, post_id, published_at, text, reactions, likes, comments, shares, saves, interactions, reach, impressions, views, import_id) VALUES
       ('facebook:a', 'facebook', 'P1', TIMESTAMPTZ '2024-03-01 10:00:00+00', '', 10, NULL, 5, 5, NULL, 20, 400, 800, NULL, 0),
       ('facebook:a', 'facebook', 'P2', TIMESTAMPTZ '2024-03-03 10:00:00+00', '', 30, NULL, 0, 10, NULL, 40, 500, NULL, NULL, 0),
       ('instagram:a', 'instagram', 'P3', TIMESTAMPTZ '2024-03-02 10:00:00+00', '', NULL, 50, 10, NULL, 40, 100, NULL, NULL, NULL, 0),
       ('instagram:b', 'instagram', 'P4', TIMESTAMPTZ '2024-03-01 10:00:00+00', '', NULL, 5, 5, NULL, 0, 10, NULL, NULL, 200, 0),
       ('instagram:g', 'instagram', 'P5', TIMESTAMPTZ '2024-03-04 10:00:00+00', '', NULL, 30, NULL, NULL, NULL, 30, NULL, NULL, NULL, 0)`,
  // The dashboard's day sums, as an import would leave them.
  `INSERT INTO post_days ${postDaysSelect('true', null)}`
]
