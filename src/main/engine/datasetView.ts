/**
 * The grid's sort, filters and search as SQL over one raw table. Column names are checked against the dataset's
 * columns and quoted with ident(); values are bound parameters — or, for "Open as query", SQL literals built by
 * literal(), since the editor runs standalone text. Both come from the same builder, so the query a user opens is
 * the query the grid ran.
 */
import type { DuckDBValue } from '@duckdb/node-api'
import { AppFailure } from '../../shared/result'
import { columnKind, filterKindsFor, type ColumnFilter, type GridView } from '../../shared/gridView'
import type { ColumnInfo, DatasetSummary } from '../../shared/types'
import { ident, literal } from './db/sql'

/** Where a value goes: a `$n` placeholder (params collected) or an inline literal. */
interface Binder {
  text(value: string): string
  number(value: number): string
  date(value: string): string
}

export function paramBinder(): Binder & { params: DuckDBValue[] } {
  const params: DuckDBValue[] = []
  const push = (v: DuckDBValue) => {
    params.push(v)
    return `$${params.length}`
  }
  return { params, text: push, number: push, date: (v) => `CAST(${push(v)} AS DATE)` }
}

export function literalBinder(): Binder {
  return {
    text: literal,
    number: (v) => (Number.isFinite(v) ? String(v) : 'NULL'),
    date: (v) => `DATE ${literal(v)}`
  }
}

export interface ViewSql {
  /** `WHERE …` or '' */
  where: string
  /** `ORDER BY …` or '' */
  orderBy: string
}

/** Builds the clauses; throws BAD_INPUT naming the dataset and column for anything the dataset cannot answer. */
export function viewSql(d: DatasetSummary, view: GridView, bind: Binder, opts: { stableOrder: boolean }): ViewSql {
  const byName = new Map(d.columns.map((c) => [c.name, c]))
  const column = (name: string): ColumnInfo => {
    const c = byName.get(name)
    if (!c) throw new AppFailure('BAD_INPUT', `Dataset "${d.name}" has no column "${name}".`)
    return c
  }

  const conditions: string[] = []
  for (const f of view.filters ?? []) conditions.push(filterSql(d, column(f.column), f, bind))

  const search = view.search?.trim()
  if (search) {
    // Every column as the text the grid shows, case-insensitive for any script. Columns whose text cannot hold the
    // needle (a number column for "clinic") are left out: casting every number and timestamp of 10M rows to text is
    // most of a search's time. What DuckDB writes for a number, date, timestamp or boolean is already lower case
    // ("inf", "true"), so only text columns pay for lower(); and for a needle with no letters (digits, a date) not
    // even they do: lower() would change nothing it can match, and it doubles the cost of the scan.
    const columns = d.columns.filter((c) => canContain(columnKind(c.type), search))
    const caseless = !/[A-Za-z]|[^\p{ASCII}]/u.test(search)
    const needle = columns.length ? (caseless ? bind.text(search) : `lower(${bind.text(search)})`) : ''
    const text = (c: ColumnInfo) => {
      const asText = isVarchar(c) ? ident(c.name) : `CAST(${ident(c.name)} AS VARCHAR)`
      // A list, struct or JSON column (kind "text" too) can hold capitals; a number's text cannot.
      return caseless || columnKind(c.type) !== 'text' ? asText : `lower(${asText})`
    }
    conditions.push(
      columns.length ? `(${columns.map((c) => `contains(${text(c)}, ${needle})`).join(' OR ')})` : 'false'
    )
  }

  const order: string[] = []
  if (view.sort) {
    const c = column(view.sort.column)
    const dir = view.sort.direction === 'desc' ? 'DESC' : 'ASC'
    // Text sorts as a spreadsheet does (ignoring case), numbers and dates by their value; nulls last either way.
    order.push(`${ident(c.name)}${isVarchar(c) ? ' COLLATE NOCASE' : ''} ${dir} NULLS LAST`)
  }
  // rowid keeps equal values in file order, so pages never repeat or skip rows.
  if (opts.stableOrder && order.length) order.push('rowid')

  return {
    where: conditions.length ? `WHERE ${conditions.join('\n  AND ')}` : '',
    orderBy: order.length ? `ORDER BY ${order.join(', ')}` : ''
  }
}

/** Whether a column of this kind, written as DuckDB writes it as text, can contain the search text at all. */
function canContain(kind: ReturnType<typeof columnKind>, search: string): boolean {
  const s = search.toLowerCase()
  switch (kind) {
    case 'number':
      return /^[-+0-9.e]+$/.test(s) || 'infinity'.includes(s) || 'nan'.includes(s)
    case 'date':
      return /^[-0-9]+$/.test(s)
    case 'timestamp':
      return /^[-0-9 :.+]+$/.test(s)
    case 'boolean':
      return 'true'.includes(s) || 'false'.includes(s)
    case 'text':
      return true
    default: {
      const unhandled: never = kind
      return unhandled
    }
  }
}

const isVarchar = (c: ColumnInfo) => /^VARCHAR\b/i.test(c.type.trim())

function filterSql(d: DatasetSummary, c: ColumnInfo, f: ColumnFilter, bind: Binder): string {
  const kind = columnKind(c.type)
  if (!filterKindsFor(kind).includes(f.kind)) {
    throw new AppFailure(
      'BAD_INPUT',
      `Column "${c.name}" of dataset "${d.name}" is ${c.type}: it cannot be filtered by ${FILTER_LABEL[f.kind]}.`
    )
  }
  const col = ident(c.name)
  switch (f.kind) {
    case 'contains':
      return `contains(lower(CAST(${col} AS VARCHAR)), lower(${bind.text(f.text)}))`
    case 'numberRange': {
      if (f.min !== null && f.max !== null && f.min > f.max) {
        throw new AppFailure('BAD_INPUT', `The range for "${c.name}" starts at ${f.min}, after its end ${f.max}.`)
      }
      const parts = [`${col} IS NOT NULL`]
      if (f.min !== null) parts.push(`${col} >= ${bind.number(f.min)}`)
      if (f.max !== null) parts.push(`${col} <= ${bind.number(f.max)}`)
      return `(${parts.join(' AND ')})`
    }
    case 'dateRange': {
      if (f.from !== null && f.to !== null && f.from > f.to) {
        throw new AppFailure('BAD_INPUT', `The dates for "${c.name}" start on ${f.from}, after they end on ${f.to}.`)
      }
      // A timestamp is in range by its day (the engine's zone is UTC, db/duckdb.ts), so "to" includes that whole day.
      const day = `CAST(${col} AS DATE)`
      const parts = [`${col} IS NOT NULL`]
      if (f.from !== null) parts.push(`${day} >= ${bind.date(f.from)}`)
      if (f.to !== null) parts.push(`${day} <= ${bind.date(f.to)}`)
      return `(${parts.join(' AND ')})`
    }
    case 'empty':
      return isVarchar(c) ? `(${col} IS NULL OR ${col} = '')` : `${col} IS NULL`
    case 'notEmpty':
      return isVarchar(c) ? `(${col} IS NOT NULL AND ${col} <> '')` : `${col} IS NOT NULL`
    default: {
      const unhandled: never = f
      return unhandled
    }
  }
}

const FILTER_LABEL: Record<ColumnFilter['kind'], string> = {
  contains: 'text',
  numberRange: 'a number range',
  dateRange: 'a date range',
  empty: 'empty',
  notEmpty: 'not empty'
}

/** The view as a standalone SELECT for the SQL editor. */
export function viewQueryText(d: DatasetSummary, view: GridView): string {
  const { where, orderBy } = viewSql(d, view, literalBinder(), { stableOrder: false })
  const lines = [
    `-- ${d.name.replace(/[\r\n]+/g, ' ')}: the grid's sort and filters`,
    `SELECT *`,
    `FROM ${ident(d.tableName)}`
  ]
  if (where) lines.push(where)
  if (orderBy) lines.push(orderBy)
  return lines.join('\n') + '\n'
}
