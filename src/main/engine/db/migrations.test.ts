import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Database } from './duckdb'
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate } from './migrations'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-mig-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('migration 4 (canonical tables without primary-key indexes)', () => {
  it('keeps every stored post and daily row of a version-3 workspace, and the tables lose their index', async () => {
    const db = await Database.open(join(dir, 'v3.duckdb'))
    try {
      expect(
        await migrate(
          db,
          MIGRATIONS.filter((m) => m.version <= 3)
        )
      ).toBe(3)
      await db.run(`INSERT INTO posts (account_id, platform, post_id, published_at, text, likes, import_id) VALUES
        ('x:a', 'x', '1', TIMESTAMPTZ '2024-01-01 10:00:00+00', 'hello', 5, 1),
        ('x:a', 'x', '2', NULL, NULL, NULL, 2)`)
      await db.run(
        `INSERT INTO account_daily (account_id, platform, day, followers, import_id) VALUES ('x:a', 'x', DATE '2024-01-01', 100, 1)`
      )
      const before = await db.all(`SELECT * FROM posts ORDER BY post_id`)
      const indexesBefore = await db.all(
        `SELECT count(*) AS n FROM duckdb_constraints() WHERE table_name IN ('posts', 'account_daily') AND constraint_type = 'PRIMARY KEY'`
      )
      expect(Number(indexesBefore[0].n)).toBe(2)

      expect(
        await migrate(
          db,
          MIGRATIONS.filter((m) => m.version <= 4)
        )
      ).toBe(4)
      expect(await db.all(`SELECT * FROM posts ORDER BY post_id`)).toEqual(before)
      expect(
        await db.all(`SELECT account_id, day::VARCHAR AS day, followers::INTEGER AS followers FROM account_daily`)
      ).toEqual([{ account_id: 'x:a', day: '2024-01-01', followers: 100 }])
      const indexesAfter = await db.all(
        `SELECT count(*) AS n FROM duckdb_constraints() WHERE table_name IN ('posts', 'account_daily') AND constraint_type = 'PRIMARY KEY'`
      )
      expect(Number(indexesAfter[0].n)).toBe(0)
      // NOT NULL survives the copy: a post without an id is still refused.
      await expect(
        db.run(`INSERT INTO posts (account_id, platform, post_id, import_id) VALUES ('x:a', 'x', NULL, 3)`)
      ).rejects.toThrow(/NOT NULL/)
    } finally {
      db.close()
    }
  })
})

describe('migration 5 (datasets may share a raw table)', () => {
  it('keeps every catalogue row, keeps ids coming from the sequence, and lets two datasets name one table', async () => {
    const db = await Database.open(join(dir, 'v4.duckdb'))
    try {
      expect(
        await migrate(
          db,
          MIGRATIONS.filter((m) => m.version <= 4)
        )
      ).toBe(4)
      await db.run(`INSERT INTO datasets (name, table_name, file_name, source_path, format, row_count, size_bytes, sha256, settings, warnings, recognized_format, rows_new)
                    VALUES ('a', 'ds_1', 'a.csv', '/a.csv', 'csv', 3, 10, 'abc', '{}', '[]', 'x-analytics', 3)`)
      const before = await db.all(`SELECT * FROM datasets`)
      await expect(
        db.run(`INSERT INTO datasets (name, table_name, file_name, source_path, format, row_count, size_bytes, sha256, settings, warnings)
                           VALUES ('b', 'ds_1', 'a.csv', '/a.csv', 'csv', 3, 10, 'abc', '{}', '[]')`)
      ).rejects.toThrow(/unique|duplicate/i)

      expect(
        await migrate(
          db,
          MIGRATIONS.filter((m) => m.version <= 5)
        )
      ).toBe(5)
      const after = await db.all(`SELECT * EXCLUDE (raw_key, canonical_key, report) FROM datasets`)
      expect(after).toEqual(before)
      await db.run(`INSERT INTO datasets (name, table_name, file_name, source_path, format, row_count, size_bytes, sha256, settings, warnings)
                    VALUES ('b', 'ds_1', 'a.csv', '/a.csv', 'csv', 3, 10, 'abc', '{}', '[]')`)
      // (The refused insert above used id 2.)
      expect(
        (await db.all(`SELECT id, table_name FROM datasets ORDER BY id`)).map((r) => [Number(r.id), r.table_name])
      ).toEqual([
        [1, 'ds_1'],
        [3, 'ds_1']
      ])
      expect(
        Number((await db.all(`SELECT count(*) AS n FROM duckdb_indexes() WHERE index_name = 'datasets_sha256'`))[0].n)
      ).toBe(1)
      // The public imports view reads the rebuilt table.
      expect(
        (await db.all(`SELECT import_id, format FROM imports ORDER BY import_id`)).map((r) => [
          Number(r.import_id),
          r.format
        ])
      ).toEqual([
        [1, 'x-analytics'],
        [3, 'csv']
      ])
      // The later migrations apply on top, and migrate() reports the latest version.
      expect(await migrate(db)).toBe(LATEST_SCHEMA_VERSION)
      expect(LATEST_SCHEMA_VERSION).toBeGreaterThan(5)
    } finally {
      db.close()
    }
  })
})

describe('migration 7 (post_days)', () => {
  it("fills the dashboard's day sums from the posts a version-6 workspace holds, on each account's local day", async () => {
    const db = await Database.open(join(dir, 'v6.duckdb'))
    try {
      await migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 6)
      )
      await db.run(`INSERT INTO accounts (account_id, platform, time_zone) VALUES ('x:ny', 'x', 'America/New_York')`)
      await db.run(`INSERT INTO posts (account_id, platform, post_id, published_at, interactions, reach, import_id) VALUES
        ('x:ny', 'x', '1', TIMESTAMPTZ '2024-01-02 03:00:00+00', 10, 100, 1),
        ('x:ny', 'x', '2', TIMESTAMPTZ '2024-01-02 15:00:00+00', 30, 0, 1),
        ('x:ny', 'x', '3', NULL, 5, NULL, 1)`)
      expect(await migrate(db)).toBe(LATEST_SCHEMA_VERSION)
      expect(
        await db.all(
          `SELECT day::VARCHAR AS day, posts::INTEGER AS posts, interactions_sum::INTEGER AS i, reach_n::INTEGER AS rn, h22::INTEGER AS h22, h10::INTEGER AS h10
           FROM post_days ORDER BY day`
        )
      ).toEqual([
        // 03:00 UTC is 22:00 the evening before in New York; the post without a time is on no day.
        { day: '2024-01-01', posts: 1, i: 10, rn: 1, h22: 1, h10: 0 },
        { day: '2024-01-02', posts: 1, i: 30, rn: 0, h22: 0, h10: 1 }
      ])
    } finally {
      db.close()
    }
  })
})
