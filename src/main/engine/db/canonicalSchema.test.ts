/**
 * The canonical spec (shared/canonical.ts) is what the migrations actually build: DESCRIBE of each canonical table
 * in a freshly migrated DuckDB file gives the spec's names, order, types and nullability. Staging casts to the
 * spec's types and the docs table is rendered from it, so a migration that changes a column fails here first.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CANONICAL_TABLES } from '../../../shared/canonical'
import { Database } from './duckdb'
import { migrate } from './migrations'

let dir: string
let db: Database
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-canon-'))
  db = await Database.open(join(dir, 'workspace.duckdb'))
  await migrate(db)
})
afterAll(async () => {
  db?.close()
  await rm(dir, { recursive: true, force: true })
})

describe('the canonical spec matches the migrated schema', () => {
  for (const [table, spec] of Object.entries(CANONICAL_TABLES)) {
    it(`DESCRIBE ${table} lists the spec's columns, types and nullability in order`, async () => {
      const described = await db.all(`DESCRIBE ${table}`)
      expect(described.map((c) => ({ name: c.column_name, type: c.column_type, nullable: c.null === 'YES' }))).toEqual(
        spec.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable }))
      )
    })
  }
})
