/**
 * What user SQL may contain, decided from DuckDB's own parse of it rather than from the text: the statement must
 * parse as one SELECT (WITH, PIVOT, DESCRIBE, SUMMARIZE, SHOW and FROM-first all do), an allowed PRAGMA, or an
 * EXPLAIN of such a statement, and every table function, function and table it names must be on an allow-list.
 *
 * `json_serialize_sql` gives the parsed tree of a SELECT without binding or running anything (binding alone can
 * run code: read_csv sniffs its file while the statement is prepared), so the whole check runs before `prepare`.
 * A block-list of names failed twice (json_execute_serialized_sql ran a serialized enable_logging() past it;
 * EXPLAIN ANALYZE ran CHECKPOINT, SET VARIABLE and CREATE TEMP TABLE): what is not listed here is refused.
 *
 * The sandbox (sandbox.ts) stays the second wall: external access off and the configuration locked.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import { codeOnly } from '../../../shared/queries'
import { AppFailure } from '../../../shared/result'
import { literal } from '../db/sql'
import { positionAtOffset } from '../db/duckdbMessages'

/**
 * Table functions a query may read from: generated rows, list and JSON expansion, and the catalog of the attached
 * workspace. Everything else DuckDB offers reads files (read_*, glob, parquet_*, sniff_csv), runs SQL held in a
 * string (query, query_table, json_execute_serialized_sql) or changes the engine (logging, profiling, checkpoint).
 */
export const ALLOWED_TABLE_FUNCTIONS: ReadonlySet<string> = new Set([
  'range',
  'generate_series',
  'unnest',
  'json_each',
  'json_tree',
  'repeat',
  'repeat_row',
  'duckdb_tables',
  'duckdb_columns',
  'duckdb_views',
  'duckdb_schemas',
  'duckdb_types',
  'duckdb_functions',
  'duckdb_keywords',
  'duckdb_constraints',
  'duckdb_indexes',
  'pragma_table_info',
  'pragma_show',
  'pragma_version',
  'pg_timezone_names',
  'icu_calendar_names'
])

/** `PRAGMA name` / `PRAGMA name(args)` forms that only describe the workspace (DuckDB rewrites them to a SELECT). */
export const ALLOWED_PRAGMAS: ReadonlySet<string> = new Set([
  'table_info',
  'show',
  'show_tables',
  'show_tables_expanded',
  'version',
  'platform',
  'collations',
  'functions',
  'storage_info',
  'database_size',
  'user_agent'
])

/**
 * Built-in functions refused although DuckDB marks them free of side effects: they read the engine's configuration
 * or variables (home directory, temp directory), or turn SQL into a tree and back, the way the serialized-SQL
 * escape worked.
 */
const REFUSED_FUNCTIONS: ReadonlySet<string> = new Set([
  'current_setting',
  'getvariable',
  'json_serialize_sql',
  'json_deserialize_sql',
  'json_execute_serialized_sql',
  'parse_duckdb_log_message'
])

/** Functions DuckDB marks as having side effects that only make values (random numbers, ids) or raise an error. */
const VETTED_VOLATILE: ReadonlySet<string> = new Set(['random', 'uuid', 'uuidv4', 'uuidv7', 'gen_random_uuid', 'error'])

/** Expanded by the binder rather than looked up in the catalog as scalars. */
const SPECIAL_FUNCTIONS: ReadonlySet<string> = new Set(['unnest', 'unlist', 'grouping', 'grouping_id'])

interface FunctionCatalog {
  /** Built-in scalar, aggregate, window and macro names a query may call. */
  allowed: Set<string>
}

/** The same for every sandbox of one DuckDB build, so it is read once per process. */
let catalog: Promise<FunctionCatalog> | null = null

function functionCatalog(conn: DuckDBConnection): Promise<FunctionCatalog> {
  catalog ??= conn
    .runAndReadAll(
      `SELECT function_name, bool_or(coalesce(has_side_effects, false)) AS side_effects FROM duckdb_functions()
       WHERE database_name = 'system' AND function_type IN ('scalar', 'aggregate', 'macro') GROUP BY function_name`
    )
    .then((r) => {
      const allowed = new Set(SPECIAL_FUNCTIONS)
      for (const [name, sideEffects] of r.getRows() as [string, boolean][]) {
        if (REFUSED_FUNCTIONS.has(name)) continue
        if (!sideEffects || VETTED_VOLATILE.has(name)) allowed.add(name)
      }
      return { allowed }
    })
    .catch((err) => {
      catalog = null
      throw err
    })
  return catalog
}

/** For the editor's completion list: names the policy would let through. */
export function isCompletableFunction(name: string, type: string, sideEffects: boolean): boolean {
  if (type === 'table' || type === 'table_macro') return ALLOWED_TABLE_FUNCTIONS.has(name)
  return !REFUSED_FUNCTIONS.has(name) && (!sideEffects || VETTED_VOLATILE.has(name))
}

/** How the caller turns a DuckDB error (and the place it knows, if any) into the failure the user sees. */
export type SqlErrorOf = (err: unknown, at?: { line: number; column: number } | null) => AppFailure

const refuse = (message: string) => new AppFailure('READ_ONLY_SQL', message)

/**
 * Check one user statement and return the text to prepare: the same text, or an EXPLAIN rebuilt around the inner
 * statement that was checked, so what runs is what was checked. Throws READ_ONLY_SQL naming what was refused, or SQL_FAILED for a parse error.
 */
export async function checkUserSql(
  conn: DuckDBConnection,
  sql: string,
  toSqlError: SqlErrorOf
): Promise<{ sql: string; explain: boolean }> {
  const explain = explainPrefix(sql)
  if (explain) {
    const inner = sql.slice(explain.length)
    if (explainPrefix(inner)) throw refuse('EXPLAIN of an EXPLAIN cannot run here.')
    return { sql: explain.keyword + (await checkSelect(conn, inner, toSqlError)), explain: true }
  }
  return { sql: await checkSelect(conn, sql, toSqlError), explain: false }
}

async function checkSelect(conn: DuckDBConnection, sql: string, toSqlError: SqlErrorOf): Promise<string> {
  const tree = await serialize(conn, sql, toSqlError)
  const count = tree ? tree.statements.length : statementCount(sql)
  if (count === 0) throw new AppFailure('BAD_INPUT', 'There is no statement to run.')
  if (count > 1) {
    const pivotHint = /\bpivot\b/i.test(sql)
      ? ` A PIVOT without an IN list counts as two: list its values, e.g. PIVOT posts ON platform IN ('x', 'facebook').`
      : ''
    throw refuse(`Exactly one statement can run at a time; this text holds ${count}.${pivotHint}`)
  }
  if (!tree) {
    // Not a SELECT in DuckDB's parse: only the describing PRAGMAs pass (the caller checks they prepare as SELECT).
    const pragma = /^\s*PRAGMA\s+([A-Za-z_][A-Za-z0-9_]*)\s*(\([^;]*\))?\s*;?\s*$/i.exec(codeOnly(sql))
    if (pragma && ALLOWED_PRAGMAS.has(pragma[1].toLowerCase())) return sql
    const kind = pragma ? `PRAGMA ${pragma[1]}` : statementKeyword(sql)
    if (kind === 'PIVOT') {
      throw refuse(
        `A PIVOT without an IN list runs as two statements and cannot run here: list its values, e.g. PIVOT posts ON platform IN ('x', 'facebook').`
      )
    }
    throw refuse(
      `Only read-only statements (SELECT, WITH, PIVOT, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN) can run here; this is ${/^[AEIOU]/i.test(kind) ? 'an' : 'a'} ${kind} statement, which could change the workspace, the engine or its settings.`
    )
  }
  const { allowed } = await functionCatalog(conn)
  for (const ref of references(tree)) {
    if (ref.kind === 'table function' && !ALLOWED_TABLE_FUNCTIONS.has(ref.name)) {
      throw refuse(`The table function ${ref.name}() is not allowed in queries: ${tableFunctionReason(ref.name)}.`)
    }
    if (ref.kind === 'function' && !allowed.has(ref.name)) {
      throw refuse(`The function ${ref.name}() is not allowed in queries: ${functionReason(ref.name)}.`)
    }
    if (ref.kind === 'table' && looksLikeFile(ref.name)) {
      throw refuse(
        `Queries cannot read files or reach the network: '${ref.name}' is a path, not a table of the workspace.`
      )
    }
  }
  return sql
}

/** `EXPLAIN`, `EXPLAIN ANALYZE` or `EXPLAIN (options)` at the start, and the keyword text to run it with. */
function explainPrefix(sql: string): { length: number; keyword: string } | null {
  const code = codeOnly(sql)
  const m =
    /^\s*EXPLAIN\b\s*(ANALY[SZ]E\b\s*|\(\s*(?:ANALY[SZ]E|FORMAT\s+[A-Za-z]+)(?:\s*,\s*(?:ANALY[SZ]E|FORMAT\s+[A-Za-z]+))*\s*\)\s*)?/i.exec(
      code
    )
  if (!m) return null
  return { length: m[0].length, keyword: `EXPLAIN ${m[1] ? m[1].trim() : ''} `.replace(/\s+/g, ' ') }
}

/**
 * The parsed tree of SELECTs, or null when DuckDB says a statement is of another kind. This is DuckDB's parser
 * alone: extractStatements is not, it already runs IMPORT DATABASE's file reads and PRAGMA rewrites.
 */
async function serialize(
  conn: DuckDBConnection,
  sql: string,
  toSqlError: SqlErrorOf
): Promise<{ statements: unknown[] } | null> {
  if (sql.includes('\0')) throw new AppFailure('BAD_INPUT', 'The query holds a NUL character; remove it and try again.')
  // json_serialize_sql takes a constant only, not a parameter; literal() doubles the quotes.
  const reader = await conn.runAndReadAll(`SELECT json_serialize_sql(${literal(sql)})`)
  const tree = JSON.parse(String(reader.getRows()[0][0])) as {
    error?: boolean
    error_type?: string
    error_message?: string
    position?: string
    statements?: unknown[]
  }
  if (!tree.error) return { statements: tree.statements ?? [] }
  if (tree.error_type === 'not implemented') return null
  // A syntax error. Its place is the tree's position (the caret of DuckDB's message is off on non-ASCII lines and
  // missing at the end of the text); its message is extractStatements' (nothing parsed, nothing runs).
  const at = tree.position === undefined ? null : positionAtOffset(sql, Number(tree.position))
  await conn.extractStatements(sql).catch((err) => {
    throw toSqlError(err, at)
  })
  const message = tree.error_message ?? 'The query could not be read.'
  throw toSqlError(new Error(tree.error_type === 'parser' ? `Parser Error: ${message}` : message), at)
}

interface Reference {
  kind: 'table function' | 'function' | 'table'
  name: string
}

/** Every table function, function (scalar, aggregate, window) and base table named anywhere in the tree. */
export function references(tree: unknown): Reference[] {
  const out: Reference[] = []
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit)
      return
    }
    if (!node || typeof node !== 'object') return
    const n = node as Record<string, unknown>
    if (n.type === 'TABLE_FUNCTION' && n.function && typeof n.function === 'object') {
      const fn = n.function as Record<string, unknown>
      out.push({ kind: 'table function', name: String(fn.function_name).toLowerCase() })
      // Its arguments may hold subqueries and calls of their own; the function itself is not a scalar.
      for (const [k, v] of Object.entries(fn)) if (k !== 'function_name') visit(v)
      for (const [k, v] of Object.entries(n)) if (k !== 'function') visit(v)
      return
    }
    if (typeof n.function_name === 'string') out.push({ kind: 'function', name: n.function_name.toLowerCase() })
    if (n.type === 'BASE_TABLE' && typeof n.table_name === 'string') out.push({ kind: 'table', name: n.table_name })
    for (const v of Object.values(n)) visit(v)
  }
  visit(tree)
  return out
}

/** A quoted "table" DuckDB would read as a file through a replacement scan: '/etc/passwd', 'x.csv', 'https://…'. */
const looksLikeFile = (name: string): boolean => /[/\\:]|\.[A-Za-z0-9]{1,8}$/.test(name)

function tableFunctionReason(name: string): string {
  if (/^(read_|parquet_|sniff_csv|glob|arrow_scan|seq_scan)/.test(name)) return 'it reads files or the network'
  if (/^(query|query_table|json_execute_serialized_sql)$/.test(name)) return 'it runs SQL held in a string'
  if (/logging|logs|profil|checkpoint|peg_parser/.test(name)) return 'it changes the engine'
  if (/secret|setting|variable|database|extension|memory|temporary|prepared|file/.test(name)) {
    return "it shows the engine's configuration or files"
  }
  return 'queries read the workspace tables and generated rows (range, unnest, json_each...) only'
}

function functionReason(name: string): string {
  if (/serial/.test(name)) return 'it turns SQL into data and back, which would hide what runs'
  if (name === 'current_setting' || name === 'getvariable') return "it reads the engine's configuration"
  if (/log|nextval|currval|setseed|sleep/.test(name)) return 'it changes the engine or its state'
  return "it is not one of DuckDB's built-in functions without side effects"
}

/** How many statements the text holds, for the message when DuckDB would not serialize them (one is not a SELECT). */
function statementCount(sql: string): number {
  return codeOnly(sql)
    .split(';')
    .filter((part) => part.trim() !== '').length
}

/** The statement's first keyword(s), for the message only: the decision above is DuckDB's parse. */
function statementKeyword(sql: string): string {
  const words = codeOnly(sql)
    .trim()
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w.toUpperCase().replace(/[^A-Z_]/g, ''))
  return ['CREATE', 'FORCE', 'EXPORT', 'IMPORT'].includes(words[0]) && words[1]
    ? `${words[0]} ${words[1]}`
    : words[0] || 'unknown'
}
