/**
 * One user statement in the sandbox: refuse what is not a single read-only statement, bind parameters (values
 * never enter the SQL text), run it under a time limit, and keep up to `maxRows` rows (and `maxBytes` of memory) as JSON columns.
 */
import {
  DATE,
  DOUBLE,
  LIST,
  StatementType,
  VARCHAR,
  dateValue,
  listValue,
  type DuckDBConnection,
  type DuckDBPreparedStatement,
  type DuckDBType,
  type DuckDBTypeId,
  type DuckDBValue
} from '@duckdb/node-api'
import { type ParamDef, type ParamValue } from '../../../shared/queries'
import { AppFailure } from '../../../shared/result'
import { errorPosition, isRefusedByConfiguration, parserError } from '../db/duckdbMessages'
import { ResultBudget } from './resultBudget'
import { dedupeNames } from './results'
import { checkUserSql } from './sqlPolicy'

export interface RunOptions {
  values: Record<string, ParamValue>
  params: ParamDef[]
  timeoutMs: number
  maxRows: number
  /** Estimated memory the kept rows may hold (resultBudget.ts); past it the run fails with RESULT_TOO_LARGE. */
  maxBytes: number
  signal?: AbortSignal
}

export interface Materialized {
  columns: { name: string; type: string; typeId: DuckDBTypeId }[]
  /** Column-major JSON values, one array per column. */
  data: unknown[][]
  rowCount: number
  truncated: boolean
  /** Estimated memory the data holds. */
  bytes: number
  elapsedMs: number
  statementType: string
}

/**
 * Check (sqlPolicy.ts), then parse and prepare one user statement. Nothing is extracted, bound or run before the
 * check passes: extracting already runs PRAGMA rewrites and IMPORT DATABASE's reads, binding read_csv opens its file.
 */
export async function prepareUserSql(conn: DuckDBConnection, sql: string): Promise<DuckDBPreparedStatement> {
  const checked = await checkUserSql(conn, sql, (err, at) => sqlError(err, sql, at))
  const statements = await conn.extractStatements(checked.sql).catch((err) => {
    throw sqlError(err, sql)
  })
  if (statements.count !== 1) {
    throw new AppFailure(
      'READ_ONLY_SQL',
      `Exactly one statement can run at a time; this text holds ${statements.count}.`
    )
  }
  const prepared = await statements.prepare(0).catch((err) => {
    throw sqlError(err, sql)
  })
  const expected = checked.explain ? StatementType.EXPLAIN : StatementType.SELECT
  if (prepared.statementType !== expected) {
    // The policy let a describing PRAGMA through; DuckDB must agree that it became a SELECT.
    const kind = StatementType[prepared.statementType] ?? 'unknown'
    prepared.destroySync()
    throw new AppFailure('READ_ONLY_SQL', `Only read-only statements can run here; this one prepares as ${kind}.`)
  }
  return prepared
}

export async function runUserSql(conn: DuckDBConnection, sql: string, opts: RunOptions): Promise<Materialized> {
  const started = performance.now()
  const prepared = await prepareUserSql(conn, sql)
  try {
    bindParams(prepared, opts.values, opts.params)
    let stoppedBy: 'time' | 'cancel' | null = null
    const timer = setTimeout(() => ((stoppedBy = 'time'), conn.interrupt()), opts.timeoutMs)
    const onAbort = () => ((stoppedBy = 'cancel'), conn.interrupt())
    opts.signal?.addEventListener('abort', onAbort)
    try {
      if (opts.signal?.aborted) throw new AppFailure('CANCELLED', 'Query cancelled.')
      const result = await prepared.stream()
      const columns = dedupeNames(result.columnNames()).map((name, i) => {
        const type = result.columnType(i)
        return { name, type: type.toString(), typeId: type.typeId }
      })
      const data: unknown[][] = columns.map(() => [])
      const budget = new ResultBudget(opts.maxBytes)
      let rowCount = 0
      let truncated = false
      for (;;) {
        const chunk = await result.fetchChunk()
        if (!chunk || chunk.rowCount === 0) break
        const take = Math.min(chunk.rowCount, opts.maxRows - rowCount)
        columns.forEach((_, i) => {
          const values = chunk.convertColumnValues(i, budget.converter(take, rowCount))
          for (let r = 0; r < take; r++) data[i].push(values[r])
        })
        rowCount += take
        if (take < chunk.rowCount || rowCount >= opts.maxRows) {
          truncated = take < chunk.rowCount || (await result.fetchChunk().then((c) => !!c && c.rowCount > 0))
          break
        }
      }
      return {
        columns,
        data,
        rowCount,
        truncated,
        bytes: budget.used,
        elapsedMs: Math.round(performance.now() - started),
        statementType: StatementType[prepared.statementType]
      }
    } catch (err) {
      if (err instanceof AppFailure) throw err
      if (stoppedBy === 'time') {
        throw new AppFailure(
          'CANCELLED',
          `The query was stopped after the ${Math.round(opts.timeoutMs / 1000)} s time limit.`
        )
      }
      if (stoppedBy === 'cancel') throw new AppFailure('CANCELLED', 'Query cancelled.')
      throw sqlError(err, sql)
    } finally {
      clearTimeout(timer)
      opts.signal?.removeEventListener('abort', onAbort)
    }
  } finally {
    prepared.destroySync()
  }
}

/** Bind by name. Each value goes in typed from its definition, never as SQL text. */
export function bindParams(
  prepared: DuckDBPreparedStatement,
  values: Record<string, ParamValue>,
  defs: ParamDef[]
): void {
  const bound: Record<string, DuckDBValue> = {}
  const types: Record<string, DuckDBType> = {}
  for (let i = 1; i <= prepared.parameterCount; i++) {
    const name = prepared.parameterName(i)
    if (/^\d+$/.test(name))
      throw new AppFailure('BAD_INPUT', `Use named parameters ($from, $institution...), not $${name}.`)
    const def = defs.find((d) => d.name === name)
    const value = name in values ? values[name] : def?.default
    if (value === undefined) throw new AppFailure('BAD_INPUT', `No value for the parameter $${name}.`)
    const [v, t] = toDuckDB(name, def?.type ?? 'text', value)
    bound[name] = v
    types[name] = t
  }
  if (prepared.parameterCount > 0) prepared.bind(bound, types)
}

function toDuckDB(name: string, type: ParamDef['type'], value: ParamValue): [DuckDBValue, DuckDBType] {
  const bad = (what: string) => new AppFailure('BAD_INPUT', `$${name} needs ${what}.`)
  switch (type) {
    case 'number': {
      if (value === null || value === '') return [null, DOUBLE]
      const n = typeof value === 'number' ? value : Number(value)
      if (typeof value === 'object' || !Number.isFinite(n)) throw bad('a number')
      return [n, DOUBLE]
    }
    case 'date': {
      if (value === null || value === '') return [null, DATE]
      const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null
      if (!m) throw bad('a date written YYYY-MM-DD')
      const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))
      if (d.getUTCMonth() !== +m[2] - 1) throw bad('a real calendar date')
      return [dateValue(Math.round(d.getTime() / 86_400_000)), DATE]
    }
    case 'institutions': {
      const list =
        value === null
          ? []
          : Array.isArray(value)
            ? value
            : String(value)
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean)
      return [listValue(list), LIST(VARCHAR)]
    }
    default:
      if (Array.isArray(value)) throw bad('text')
      return [value === null ? null : String(value), VARCHAR]
  }
}

/** A DuckDB error as SQL_FAILED, with the line and column DuckDB points at when it does (`at` when the caller knows). */
export function sqlError(err: unknown, sql: string, at?: { line: number; column: number } | null): AppFailure {
  const message = err instanceof Error ? err.message : String(err)
  const pos = at ?? errorPosition(err, sql)
  const first = message.split('\n')[0]
  if (isRefusedByConfiguration(first)) {
    return new AppFailure('READ_ONLY_SQL', `Queries cannot read or write files or reach the network. (${first})`)
  }
  const parse = parserError(message)
  if (parse) return new AppFailure('SQL_FAILED', syntaxMessage(parse, pos), pos ?? undefined)
  // The position is in the text too, for the CLI, and in a field for the editor.
  return pos
    ? new AppFailure('SQL_FAILED', `${first} (line ${pos.line}, column ${pos.column})`, pos)
    : new AppFailure('SQL_FAILED', first)
}

/**
 * A parse error in the user's words, not DuckDB's ("Failed to extract statements: Parser Error: syntax error at or
 * near …"): what is wrong, near which token, and where (also in the text, for the CLI).
 */
function syntaxMessage(
  parse: NonNullable<ReturnType<typeof parserError>>,
  pos: { line: number; column: number } | null
): string {
  const where = pos ? ` at line ${pos.line}, column ${pos.column}` : ''
  if (parse.atEnd && /^syntax error$/i.test(parse.problem)) {
    return `Syntax error: the query ends before it is complete${where}. Is something missing at the end, such as a closing parenthesis or a table name?`
  }
  const problem = parse.problem.charAt(0).toUpperCase() + parse.problem.slice(1)
  const near = parse.near !== null ? ` near "${parse.near}"` : parse.atEnd ? ' at the end of the query' : ''
  return `${problem}${near}${where}.`
}
