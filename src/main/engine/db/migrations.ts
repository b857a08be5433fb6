/**
 * Ordered schema migrations. Each runs once, in its own transaction, and bumps schema_version.
 * Append new migrations at the end; never edit one that has shipped.
 */
import type { Database } from './duckdb'
import { POST_DAYS_DDL, postDaysSelect } from '../canonical/postDays'
import { postLanguageSql } from '../canonical/postLanguage'
import { hashtagsSql, mentionsSql } from '../canonical/postTags'

export interface Migration {
  version: number
  name: string
  sql: string[]
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'datasets catalogue',
    sql: [
      `CREATE SEQUENCE dataset_id_seq START 1`,
      `CREATE TABLE datasets (
         id INTEGER PRIMARY KEY DEFAULT nextval('dataset_id_seq'),
         name VARCHAR NOT NULL,
         table_name VARCHAR NOT NULL UNIQUE,
         file_name VARCHAR NOT NULL,
         source_path VARCHAR NOT NULL,
         format VARCHAR NOT NULL,
         row_count BIGINT NOT NULL,
         size_bytes BIGINT NOT NULL,
         sha256 VARCHAR NOT NULL,
         imported_at TIMESTAMP NOT NULL DEFAULT (now()::TIMESTAMP),
         settings JSON NOT NULL,
         warnings JSON NOT NULL
       )`,
      `CREATE INDEX datasets_sha256 ON datasets (sha256)`
    ]
  },
  {
    version: 2,
    name: 'canonical benchmark model',
    sql: [
      // DuckDB cannot ALTER a table that has an index: drop it, add the recognition columns, put it back.
      `DROP INDEX datasets_sha256`,
      `ALTER TABLE datasets ADD COLUMN recognized_format VARCHAR`,
      `ALTER TABLE datasets ADD COLUMN platform VARCHAR`,
      `ALTER TABLE datasets ADD COLUMN rows_read BIGINT`,
      `ALTER TABLE datasets ADD COLUMN rows_loaded BIGINT`,
      `ALTER TABLE datasets ADD COLUMN rows_rejected BIGINT`,
      `ALTER TABLE datasets ADD COLUMN rows_new BIGINT`,
      `ALTER TABLE datasets ADD COLUMN rows_updated BIGINT`,
      `ALTER TABLE datasets ADD COLUMN rows_unchanged BIGINT`,
      `CREATE INDEX datasets_sha256 ON datasets (sha256)`,
      `CREATE SEQUENCE institution_id_seq START 1`,
      `CREATE TABLE institutions (
         institution_id INTEGER PRIMARY KEY DEFAULT nextval('institution_id_seq'),
         name VARCHAR NOT NULL UNIQUE,
         color VARCHAR NOT NULL,
         kind VARCHAR
       )`,
      `CREATE TABLE accounts (
         account_id VARCHAR PRIMARY KEY,
         institution_id INTEGER,
         platform VARCHAR NOT NULL,
         handle VARCHAR,
         display_name VARCHAR,
         time_zone VARCHAR NOT NULL DEFAULT 'UTC'
       )`,
      `CREATE TABLE posts (
         account_id VARCHAR NOT NULL,
         platform VARCHAR NOT NULL,
         post_id VARCHAR NOT NULL,
         published_at TIMESTAMPTZ,
         post_type VARCHAR,
         text VARCHAR,
         url VARCHAR,
         impressions BIGINT, reach BIGINT, views BIGINT, likes BIGINT, comments BIGINT, shares BIGINT,
         saves BIGINT, reactions BIGINT, clicks BIGINT, interactions BIGINT,
         followers_at_post BIGINT,
         import_id INTEGER NOT NULL,
         PRIMARY KEY (platform, post_id)
       )`,
      `CREATE TABLE account_daily (
         account_id VARCHAR NOT NULL,
         platform VARCHAR NOT NULL,
         day DATE NOT NULL,
         followers BIGINT, followers_gained BIGINT, followers_lost BIGINT,
         impressions BIGINT, reach BIGINT, views BIGINT, profile_visits BIGINT,
         import_id INTEGER NOT NULL,
         PRIMARY KEY (account_id, day)
       )`,
      `CREATE TABLE import_rejects (import_id INTEGER NOT NULL, row_number BIGINT, reason VARCHAR NOT NULL)`,
      `CREATE TABLE column_mappings (
         header_signature VARCHAR PRIMARY KEY,
         mapping JSON NOT NULL,
         updated_at TIMESTAMP NOT NULL DEFAULT (now()::TIMESTAMP)
       )`,
      `CREATE TABLE settings (key VARCHAR PRIMARY KEY, value JSON NOT NULL)`,
      `CREATE VIEW imports AS
         SELECT id AS import_id, file_name, sha256 AS file_sha256, coalesce(recognized_format, format) AS format,
                platform, coalesce(rows_read, row_count) AS rows_read, coalesce(rows_loaded, row_count) AS rows_loaded,
                coalesce(rows_rejected, 0) AS rows_rejected, imported_at, warnings
         FROM datasets`
    ]
  },
  {
    version: 3,
    name: 'saved queries',
    sql: [
      `CREATE SEQUENCE saved_query_id_seq START 1`,
      // Soft delete (deleted_at) so a delete can be undone; tags, params and chart are JSON text.
      `CREATE TABLE saved_queries (
         id INTEGER PRIMARY KEY DEFAULT nextval('saved_query_id_seq'),
         name VARCHAR NOT NULL,
         description VARCHAR NOT NULL DEFAULT '',
         tags JSON NOT NULL,
         sql VARCHAR NOT NULL,
         params JSON NOT NULL,
         chart JSON,
         starter BOOLEAN NOT NULL DEFAULT false,
         created_at TIMESTAMP NOT NULL DEFAULT (now()::TIMESTAMP),
         updated_at TIMESTAMP NOT NULL DEFAULT (now()::TIMESTAMP),
         deleted_at TIMESTAMP
       )`,
      // One row once the starter queries were seeded, so deleting them all does not bring them back.
      `CREATE TABLE saved_query_seeds (version INTEGER NOT NULL, seeded_at TIMESTAMP NOT NULL)`
    ]
  },
  {
    version: 4,
    name: 'canonical tables without primary-key indexes',
    // The import upserts with MERGE on (platform, post_id) and (account_id, day) after de-duplicating each file,
    // so the keys stay unique without an index; maintaining the ART index cost 3 s of every million-row import
    // (npm run bench). DuckDB cannot drop a primary key in place: copy, drop, rename.
    sql: [
      `CREATE TABLE posts_v4 (
         account_id VARCHAR NOT NULL,
         platform VARCHAR NOT NULL,
         post_id VARCHAR NOT NULL,
         published_at TIMESTAMPTZ,
         post_type VARCHAR,
         text VARCHAR,
         url VARCHAR,
         impressions BIGINT, reach BIGINT, views BIGINT, likes BIGINT, comments BIGINT, shares BIGINT,
         saves BIGINT, reactions BIGINT, clicks BIGINT, interactions BIGINT,
         followers_at_post BIGINT,
         import_id INTEGER NOT NULL
       )`,
      `INSERT INTO posts_v4 SELECT * FROM posts`,
      `DROP TABLE posts`,
      `ALTER TABLE posts_v4 RENAME TO posts`,
      `CREATE TABLE account_daily_v4 (
         account_id VARCHAR NOT NULL,
         platform VARCHAR NOT NULL,
         day DATE NOT NULL,
         followers BIGINT, followers_gained BIGINT, followers_lost BIGINT,
         impressions BIGINT, reach BIGINT, views BIGINT, profile_visits BIGINT,
         import_id INTEGER NOT NULL
       )`,
      `INSERT INTO account_daily_v4 SELECT * FROM account_daily`,
      `DROP TABLE account_daily`,
      `ALTER TABLE account_daily_v4 RENAME TO account_daily`
    ]
  },
  {
    version: 5,
    name: 'datasets may share a raw table',
    // Importing the same bytes again ("Import anyway") stores no second copy: the new dataset points at the raw table
    // of the earlier one, so table_name stops being unique. raw_key says what shaped a raw table (file hash, read
    // settings, recognizer, privacy); report keeps the import's RecognitionReport for such a re-import to restate.
    // DuckDB cannot drop a UNIQUE constraint in place: copy, drop, rename (the index goes first).
    sql: [
      `DROP INDEX datasets_sha256`,
      `CREATE TABLE datasets_v5 (
         id INTEGER PRIMARY KEY DEFAULT nextval('dataset_id_seq'),
         name VARCHAR NOT NULL,
         table_name VARCHAR NOT NULL,
         file_name VARCHAR NOT NULL,
         source_path VARCHAR NOT NULL,
         format VARCHAR NOT NULL,
         row_count BIGINT NOT NULL,
         size_bytes BIGINT NOT NULL,
         sha256 VARCHAR NOT NULL,
         imported_at TIMESTAMP NOT NULL DEFAULT (now()::TIMESTAMP),
         settings JSON NOT NULL,
         warnings JSON NOT NULL,
         recognized_format VARCHAR,
         platform VARCHAR,
         rows_read BIGINT, rows_loaded BIGINT, rows_rejected BIGINT, rows_new BIGINT, rows_updated BIGINT, rows_unchanged BIGINT,
         raw_key VARCHAR,
         canonical_key VARCHAR,
         report JSON
       )`,
      `INSERT INTO datasets_v5 SELECT *, NULL, NULL, NULL FROM datasets`,
      `DROP TABLE datasets`,
      `ALTER TABLE datasets_v5 RENAME TO datasets`,
      `CREATE INDEX datasets_sha256 ON datasets (sha256)`
    ]
  },
  {
    version: 6,
    name: 'events',
    // Events drawn on time charts. institution_id has no foreign key: deleting an institution (or undoing that)
    // must not touch events, which then read as concerning everyone. observance_key marks one made from the
    // built-in calendar, so switching it on again adds only what is missing, even after the user edited some.
    sql: [
      `CREATE SEQUENCE event_id_seq START 1`,
      `CREATE TABLE events (
         event_id INTEGER PRIMARY KEY DEFAULT nextval('event_id_seq'),
         start_day DATE NOT NULL,
         end_day DATE,
         title VARCHAR NOT NULL,
         kind VARCHAR NOT NULL,
         institution_id INTEGER,
         source VARCHAR,
         notes VARCHAR,
         observance_key VARCHAR UNIQUE,
         created_at TIMESTAMP NOT NULL DEFAULT (now()::TIMESTAMP),
         updated_at TIMESTAMP NOT NULL DEFAULT (now()::TIMESTAMP),
         CHECK (end_day IS NULL OR end_day >= start_day)
       )`
    ]
  },
  {
    version: 7,
    name: 'post_days: the dashboard reads per-account-day sums of posts',
    // Kept by every write to posts from now on (canonical/postDays.ts); filled once here from the stored posts.
    sql: [POST_DAYS_DDL, `INSERT INTO post_days ${postDaysSelect('true', null)}`]
  },
  {
    version: 8,
    name: 'account_aliases',
    // A merged account's id, and the account it was merged into: a later import naming the old id lands on the
    // kept account instead of bringing the merged one back (canonical/accountMerge.ts, recognize/normalize.ts).
    sql: [
      `CREATE TABLE account_aliases (
         alias_id VARCHAR PRIMARY KEY,
         account_id VARCHAR NOT NULL,
         merged_at TIMESTAMP NOT NULL DEFAULT (now()::TIMESTAMP)
       )`
    ]
  },
  {
    version: 9,
    name: 'hashtags and mentions on posts; topics as keyword rules',
    // The columns are filled by every write to posts from now on (recognize/normalize.ts) and here, once, for the
    // stored posts. A topic is a name and its keywords, matched case- and accent-insensitively (metrics/topics.ts).
    sql: [
      `ALTER TABLE posts ADD COLUMN hashtags VARCHAR[]`,
      `ALTER TABLE posts ADD COLUMN mentions VARCHAR[]`,
      `UPDATE posts SET hashtags = ${hashtagsSql('text')}, mentions = ${mentionsSql('text')} WHERE text IS NOT NULL`,
      `CREATE SEQUENCE topic_id_seq START 1`,
      `CREATE TABLE topics (
         topic_id INTEGER PRIMARY KEY DEFAULT nextval('topic_id_seq'),
         name VARCHAR NOT NULL UNIQUE,
         keywords VARCHAR[] NOT NULL,
         language VARCHAR,
         created_at TIMESTAMP NOT NULL DEFAULT (now()::TIMESTAMP)
       )`
    ]
  },
  {
    version: 10,
    name: 'post language; topic keywords per language',
    // A post's language is filled by the recognizers whose export gives one (NULL for the stored posts until they
    // are imported again). A topic's language was a label on all its keywords; they become that language's keywords,
    // which changes no match for the stored posts (a post without a language meets every language's keywords).
    sql: [
      `ALTER TABLE posts ADD COLUMN language VARCHAR`,
      // Rebuilt rather than updated: DuckDB's UPDATE of a list column on a table with a unique index can collide
      // with itself ("duplicate key") inside one transaction.
      `CREATE TABLE topics_v10 (
         topic_id INTEGER PRIMARY KEY DEFAULT nextval('topic_id_seq'),
         name VARCHAR NOT NULL UNIQUE,
         keywords VARCHAR[] NOT NULL,
         created_at TIMESTAMP NOT NULL DEFAULT (now()::TIMESTAMP),
         languages STRUCT(language VARCHAR, keywords VARCHAR[])[] NOT NULL DEFAULT []
       )`,
      // A label that is no language code ("Spanish") leaves its keywords for every language, as they matched until now.
      `INSERT INTO topics_v10 (topic_id, name, keywords, created_at, languages)
         SELECT topic_id, name, CASE WHEN code IS NULL THEN keywords ELSE [] END, created_at,
                CASE WHEN code IS NULL THEN [] ELSE [{'language': code, 'keywords': keywords}] END
         FROM (SELECT *, ${postLanguageSql('language')} AS code FROM topics)`,
      `DROP TABLE topics`,
      `ALTER TABLE topics_v10 RENAME TO topics`
    ]
  }
]

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version

/** Bring the database up to the latest schema; returns the version it ended at. */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  await db.run(
    `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)`
  )
  const rows = await db.all(`SELECT coalesce(max(version), 0) AS v FROM schema_version`, [], db.writer)
  let current = Number(rows[0].v)
  for (const m of migrations) {
    if (m.version <= current) continue
    await db.write(async (conn) => {
      for (const statement of m.sql) await conn.run(statement)
      await conn.run(`INSERT INTO schema_version VALUES ($1, $2, now()::TIMESTAMP)`, [m.version, m.name])
    })
    current = m.version
  }
  return current
}
