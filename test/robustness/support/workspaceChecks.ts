/**
 * What "the workspace is intact" means, as SQL over a reopened workspace: the catalogue and the ds_ tables match
 * one to one, row counts agree, no canonical row belongs to an import the catalogue does not know, primary keys
 * hold, a checkpoint succeeds, and a content checksum of every dataset (and of its canonical rows) can be compared
 * before and after a crash.
 */
import { rmSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { expect } from 'vitest'
import { databaseForTests, openEngine, type Engine } from '../../../src/main/engine/engine'

export interface DatasetSnapshot {
  id: number
  name: string
  table: string
  rows: number
  /** Order-independent checksum of the dataset table's rows. */
  checksum: string
  /** Count and checksum of canonical rows (posts, account_daily, rejects) stamped with this import. */
  canonical: string
}

const CANONICAL = ['posts', 'account_daily', 'import_rejects'] as const

const q = (name: string) => `"${name.replace(/"/g, '""')}"`

async function one(engine: Engine, sql: string): Promise<Record<string, unknown>> {
  return (await databaseForTests(engine).all(sql))[0]
}

/** Every dataset with content checksums, in id order. */
export async function snapshot(engine: Engine): Promise<DatasetSnapshot[]> {
  const rows = await databaseForTests(engine).all(`SELECT id, name, table_name, row_count FROM datasets ORDER BY id`)
  const out: DatasetSnapshot[] = []
  for (const r of rows) {
    const table = String(r.table_name)
    const sum = await one(engine, `SELECT count(*) AS n, coalesce(sum(hash(t)), 0)::VARCHAR AS h FROM ${q(table)} t`)
    const canonical: string[] = []
    for (const c of CANONICAL) {
      const s = await one(
        engine,
        `SELECT count(*) AS n, coalesce(sum(hash(t)), 0)::VARCHAR AS h FROM ${c} t WHERE import_id = ${Number(r.id)}`
      )
      canonical.push(`${c}:${s.n}:${s.h}`)
    }
    out.push({
      id: Number(r.id),
      name: String(r.name),
      table,
      rows: Number(r.row_count),
      checksum: `${sum.n}:${sum.h}`,
      canonical: canonical.join(' ')
    })
  }
  return out
}

/** The structural invariants; throws (through expect) with the offending ids or tables. */
export async function expectWorkspaceValid(engine: Engine): Promise<void> {
  // Two datasets may share one raw table (a re-import of the same file): compare the distinct names.
  const catalogue = (
    await databaseForTests(engine).all(`SELECT DISTINCT table_name FROM datasets ORDER BY table_name`)
  ).map((r) => String(r.table_name))
  const tables = (
    await databaseForTests(engine).all(
      `SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'ds\\_%' ESCAPE '\\' ORDER BY table_name`
    )
  ).map((r) => String(r.table_name))
  expect(tables, 'ds_ tables match the datasets catalogue').toEqual(catalogue)

  const mismatched = await databaseForTests(engine).all(`SELECT id, table_name, row_count FROM datasets`)
  for (const r of mismatched) {
    const n = Number((await one(engine, `SELECT count(*) AS n FROM ${q(String(r.table_name))}`)).n)
    expect(n, `row count of ${r.table_name}`).toBe(Number(r.row_count))
  }
  for (const c of CANONICAL) {
    const orphans = await databaseForTests(engine).all(
      `SELECT DISTINCT import_id FROM ${c} WHERE import_id NOT IN (SELECT id FROM datasets)`
    )
    expect(
      orphans.map((o) => o.import_id),
      `${c} rows of imports missing from the catalogue`
    ).toEqual([])
  }
  const dupPosts = await one(engine, `SELECT count(*) - count(DISTINCT (platform, post_id)) AS d FROM posts`)
  expect(Number(dupPosts.d), 'duplicate post keys').toBe(0)
  const dupDaily = await one(engine, `SELECT count(*) - count(DISTINCT (account_id, day)) AS d FROM account_daily`)
  expect(Number(dupDaily.d), 'duplicate account-day keys').toBe(0)
  // Every live post must belong to a known account row (recognition writes accounts in the same transaction).
  const lostAccounts = await one(
    engine,
    `SELECT count(*) AS n FROM posts WHERE account_id IS NOT NULL AND account_id NOT IN (SELECT account_id FROM accounts)`
  )
  expect(Number(lostAccounts.n), 'posts whose account row is missing').toBe(0)
  await databaseForTests(engine).run(`CHECKPOINT`)
}

/** Reopen the workspace in this process, run `fn`, close. The engine's open also proves the lock was released. */
export async function withReopened<T>(workspace: string, fn: (engine: Engine) => Promise<T>): Promise<T> {
  const engine = await openEngine(workspace)
  try {
    return await fn(engine)
  } finally {
    engine.close()
  }
}

export async function tmpEntries(workspace: string): Promise<string[]> {
  return readdir(`${workspace}/tmp`).catch(() => [])
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}
