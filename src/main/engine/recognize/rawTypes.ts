/**
 * A recognised export's raw table is what the user sees in the grid, and recognizers parse its text exactly. So
 * a column is stored as a number only where that loses nothing: every value prints back as exactly the text the
 * file had ("1204" as BIGINT; "0.25" as DOUBLE; never "007", "1,204", "1.50" or "12 %", which stay text). The
 * recognizers read the table through rawTextColumns, which prints the numbers back, so they see the same text as
 * before and the canonical rows do not change.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { WriteConn } from '../db/duckdb'
import { ident } from '../db/sql'

/** A DOUBLE as the text it was read from: whole numbers without ".0" (DuckDB prints 3.0 for "3"). */
const doubleText = (col: string) =>
  `CASE WHEN ${col} = trunc(${col}) AND abs(${col}) < 1e15 THEN CAST(CAST(${col} AS BIGINT) AS VARCHAR) ELSE CAST(${col} AS VARCHAR) END`

/** Whether a text value prints back exactly from `typed` (its TRY_CAST to BIGINT or DOUBLE); NULL where it cannot. */
function exactSql(text: string, typed: string, type: 'BIGINT' | 'DOUBLE'): string {
  return type === 'BIGINT'
    ? `CAST(${typed} AS VARCHAR) = ${text}`
    : // Plain decimals only: TRY_CAST also reads "nan", "inf" and "1e5", which would not be numbers in the grid.
      `regexp_full_match(${text}, '-?[0-9]+(\\.[0-9]+)?') AND ${doubleText(typed)} = ${text}`
}

/**
 * Create `table` from `source` (every column text) with the columns that look like numbers stored as numbers, in
 * the same pass that reads the file. Which columns: those whose first rows all print back exactly as BIGINT or DOUBLE
 * (typeRawColumns's rule, decided on a sample). Whether every later value does too is checked by the same pass: a
 * value that does not is kept, as written, in a companion column beside its number (NULL everywhere else, so
 * nearly free to store). No companion holds anything in an export whose number columns are numbers: they are
 * dropped. Otherwise the columns they belong to become text again, exactly as written, and typeRawColumns decides
 * them as before, with the columns empty in the sample; the columns the sample already ruled out are not scanned.
 * Before this, the table was written as text, scanned for the check and copied with the casts: on 300k CrowdTangle
 * rows 6.3-7.1 s of CPU against 3.3-3.7 s in one pass.
 */
export async function createTypedRawTable(
  conn: WriteConn,
  table: string,
  source: string,
  columns: { name: string; select: string }[],
  skip: Set<string>
): Promise<void> {
  // Only text can be a number written as text: a JSON source's STRUCT or LIST column (the X archive's "tweet") is
  // neither sampled nor cast, and regexp_full_match would refuse it (the whole import failed with a Binder Error).
  const described = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRowObjectsJson() as {
    column_name: string
    column_type: string
  }[]
  const text = new Set(described.filter((d) => d.column_type === 'VARCHAR').map((d) => d.column_name))
  const sampled = columns.filter((c) => !skip.has(c.name) && text.has(c.name))
  const kinds = new Map<string, 'BIGINT' | 'DOUBLE'>()
  const decided = new Set(skip)
  if (sampled.length) {
    const tests = sampled.flatMap((c, i) => {
      const q = ident(c.name)
      const exact = (type: 'BIGINT' | 'DOUBLE') =>
        `bool_and(${q} IS NULL OR coalesce(${exactSql(q, `TRY_CAST(${q} AS ${type})`, type)}, false))`
      return [`count(${q}) AS n${i}`, `${exact('BIGINT')} AS b${i}`, `${exact('DOUBLE')} AS d${i}`]
    })
    const row = (
      await conn.runAndReadAll(`SELECT ${tests.join(', ')} FROM (SELECT * FROM ${source} LIMIT ${SAMPLE_ROWS})`)
    ).getRowObjectsJson()[0]
    sampled.forEach((c, i) => {
      if (Number(row[`n${i}`]) === 0) return
      const type = row[`b${i}`] === true ? 'BIGINT' : row[`d${i}`] === true ? 'DOUBLE' : null
      if (type) kinds.set(c.name, type)
      // A value of the sample that does not print back rules the column out: no need to check it again below.
      else decided.add(c.name)
    })
  }
  const taken = new Set(columns.map((c) => c.name))
  const companions = new Map<string, string>()
  const list = columns.flatMap((c) => {
    const type = kinds.get(c.name)
    if (!type) return [c.select]
    let companion = `${c.name}__as_written`
    while (taken.has(companion)) companion += '_'
    taken.add(companion)
    companions.set(c.name, companion)
    const q = ident(c.name)
    const typed = `TRY_CAST(${q} AS ${type})`
    return [
      `${typed} AS ${q}`,
      `CASE WHEN ${q} IS NOT NULL AND NOT coalesce(${exactSql(q, typed, type)}, false) THEN ${q} END AS ${ident(companion)}`
    ]
  })
  await conn.run(`CREATE TABLE ${ident(table)} AS SELECT ${list.join(', ')} FROM ${source}`)
  if (companions.size) {
    const pairs = [...companions]
    const counts = (
      await conn.runAndReadAll(
        `SELECT ${pairs.map(([, comp], i) => `count(${ident(comp)}) AS c${i}`).join(', ')} FROM ${ident(table)}`
      )
    ).getRowObjectsJson()[0]
    const misfits = pairs.filter((_, i) => Number(counts[`c${i}`]) > 0)
    if (misfits.length) {
      // Back to the text as written: the companion where the number would not print it back, the number elsewhere.
      const back = misfits.map(([name, comp]) => {
        const q = ident(name)
        const text = kinds.get(name) === 'BIGINT' ? `CAST(${q} AS VARCHAR)` : doubleText(q)
        return `coalesce(${ident(comp)}, ${text}) AS ${q}`
      })
      const fixed = `${table}__text`
      await conn.run(
        `CREATE TABLE ${ident(fixed)} AS SELECT * EXCLUDE (${pairs.map(([, comp]) => ident(comp)).join(', ')}) REPLACE (${back.join(', ')}) FROM ${ident(table)}`
      )
      await conn.run(`DROP TABLE ${ident(table)}`)
      await conn.run(`ALTER TABLE ${ident(fixed)} RENAME TO ${ident(table)}`)
    } else {
      for (const [, comp] of pairs) await conn.run(`ALTER TABLE ${ident(table)} DROP COLUMN ${ident(comp)}`)
    }
  }
  await typeRawColumns(conn, table, decided)
}

/** Text columns that round-trip exactly through BIGINT or DOUBLE become that type (one scan of the new table). */
export async function typeRawColumns(conn: WriteConn, table: string, skip: Set<string>): Promise<void> {
  const columns = await candidates(
    conn,
    table,
    (await textColumns(conn, table)).filter((c) => !skip.has(c))
  )
  if (columns.length === 0) return
  // A failed TRY_CAST is NULL, and bool_and skips NULLs: each comparison is coalesced to false.
  const checks = columns.flatMap((c, i) => {
    const q = ident(c)
    const asDouble = `TRY_CAST(${q} AS DOUBLE)`
    return [
      `count(${q}) > 0 AND bool_and(${q} IS NULL OR coalesce(CAST(TRY_CAST(${q} AS BIGINT) AS VARCHAR) = ${q}, false)) AS b${i}`,
      // Plain decimals only: TRY_CAST also reads "nan", "inf" and "1e5", which would not be numbers in the grid.
      `count(${q}) > 0 AND bool_and(${q} IS NULL OR coalesce(regexp_full_match(${q}, '-?[0-9]+(\\.[0-9]+)?') AND ${doubleText(asDouble)} = ${q}, false)) AS d${i}`
    ]
  })
  const row = (await conn.runAndReadAll(`SELECT ${checks.join(', ')} FROM ${ident(table)}`)).getRowObjectsJson()[0]
  const casts = columns.flatMap((c, i) => {
    const type = row[`b${i}`] === true ? 'BIGINT' : row[`d${i}`] === true ? 'DOUBLE' : null
    return type ? [`CAST(${ident(c)} AS ${type}) AS ${ident(c)}`] : []
  })
  if (casts.length === 0) return
  // One copy of the table with every cast, not an ALTER ... TYPE per column: DuckDB rewrites the whole table for
  // each ALTER (20 number columns of a CrowdTangle export were 20 copies: 7 s of a 200k-row import, 12 s before).
  // SELECT * keeps the column order and, with insertion order preserved, the file's row order (rowid = file row).
  const typed = `${table}__typed`
  await conn.run(`CREATE TABLE ${ident(typed)} AS SELECT * REPLACE (${casts.join(', ')}) FROM ${ident(table)}`)
  await conn.run(`DROP TABLE ${ident(table)}`)
  await conn.run(`ALTER TABLE ${ident(typed)} RENAME TO ${ident(table)}`)
}

/** Rows read first to rule out columns holding any non-number (captions, links, names) before the full check. */
const SAMPLE_ROWS = 2048

/**
 * The columns whose first rows are all plain numbers (or empty). The full check below reads every value of every
 * column it is given, with casts and a pattern: on a 41-column CrowdTangle export that was 4.6 s of a 200k-row
 * import, most of it on text columns that their first rows already rule out. The full check still decides.
 */
async function candidates(conn: DuckDBConnection, table: string, columns: string[]): Promise<string[]> {
  if (columns.length === 0) return columns
  const tests = columns.map(
    (c, i) =>
      `coalesce(bool_and(${ident(c)} IS NULL OR regexp_full_match(${ident(c)}, '-?[0-9]+(\\.[0-9]+)?')), true) AS c${i}`
  )
  const row = (
    await conn.runAndReadAll(`SELECT ${tests.join(', ')} FROM (SELECT * FROM ${ident(table)} LIMIT ${SAMPLE_ROWS})`)
  ).getRowObjectsJson()[0]
  return columns.filter((_, i) => row[`c${i}`] === true)
}

/** The raw table's column types, in the table's order. */
export async function rawColumnTypes(conn: DuckDBConnection, table: string): Promise<Map<string, string>> {
  const rows = (
    await conn.runAndReadAll(
      `SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = $1 AND schema_name = 'main' ORDER BY column_index`,
      [table]
    )
  ).getRowObjectsJson() as { column_name: string; data_type: string }[]
  return new Map(rows.map((r) => [r.column_name, r.data_type]))
}

/** A stored raw column as the exact text of the file: a number printed back as it was written. */
export function storedText(name: string, type: string | undefined): string {
  const q = ident(name)
  if (type === 'BIGINT') return `CAST(${q} AS VARCHAR)`
  if (type === 'DOUBLE') return doubleText(q)
  return q
}

/** The raw table's columns as the exact text of the file: numbers printed back as they were written. */
export async function rawTextColumns(conn: DuckDBConnection, table: string): Promise<string[]> {
  return [...(await rawColumnTypes(conn, table))].map(([name, type]) =>
    type === 'BIGINT' || type === 'DOUBLE' ? `${storedText(name, type)} AS ${ident(name)}` : ident(name)
  )
}

async function textColumns(conn: DuckDBConnection, table: string): Promise<string[]> {
  const rows = (
    await conn.runAndReadAll(
      `SELECT column_name FROM duckdb_columns() WHERE table_name = $1 AND schema_name = 'main' AND data_type = 'VARCHAR' ORDER BY column_index`,
      [table]
    )
  ).getRowObjectsJson() as { column_name: string }[]
  return rows.map((r) => r.column_name)
}
