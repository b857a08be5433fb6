/**
 * Field tables: an export family's canonical fields, each with every header name it has had across generations and
 * UI languages ("likes" in 2016+ tweet activity, "favorites" before). Recognizers look columns up through a table
 * instead of naming them in SQL, so a file of another generation either maps, or says exactly which field it lacks;
 * a column the file does not have is never referenced (DuckDB would refuse the whole SELECT). The names and their
 * sources are listed per family in docs/export-families.md.
 */
import { findColumn } from './headers'
import { col } from './parseSql'

export interface Field {
  /** Header names for this field, in the order tried (case and spacing do not matter). */
  names: readonly string[]
  /** Without it the family cannot be mapped: the file lands as a plain table and the report names the field. */
  required?: boolean
}

export type FieldTable = Record<string, Field>

/** One field the file does not have: its canonical name and the header names that were looked for. */
export interface MissingField {
  field: string
  names: string[]
}

export interface ResolvedFields<T extends FieldTable> {
  /** The file's own column name for each field, or null. */
  column: { [K in keyof T]: string | null }
  /** Required fields that were not found, in table order. */
  missing: MissingField[]
  /** The field as SQL text (col()), or `fallback` (default a typed NULL) when the file lacks it. */
  sql(field: keyof T & string, fallback?: string): string
  has(field: keyof T & string): boolean
}

export function resolveFields<T extends FieldTable>(table: T, columns: string[]): ResolvedFields<T> {
  const column = {} as { [K in keyof T]: string | null }
  const missing: MissingField[] = []
  for (const [field, spec] of Object.entries(table) as [keyof T & string, Field][]) {
    column[field] = findColumn(columns, ...spec.names)
    if (column[field] === null && spec.required) missing.push({ field, names: [...spec.names] })
  }
  return {
    column,
    missing,
    sql: (field, fallback = 'CAST(NULL AS VARCHAR)') => {
      const hit = column[field]
      return hit === null ? fallback : col(hit)
    },
    has: (field) => column[field] !== null
  }
}

/** True when the file has every one of `fields` (under any of its names): the family's signature, for detect(). */
export function hasFields<T extends FieldTable>(
  table: T,
  columns: string[],
  fields: readonly (keyof T & string)[]
): boolean {
  return fields.every((f) => findColumn(columns, ...table[f].names) !== null)
}

/**
 * A recognizer cannot map this file: required fields are missing (or its mapping failed). The import catches it,
 * keeps the file as a plain dataset and reports `missing`; nothing of the cause's text reaches the user unvetted.
 */
export class UnmappedFileError extends Error {
  constructor(
    readonly missing: MissingField[],
    readonly reason: string | null = null
  ) {
    super(reason ?? `missing ${missing.map((m) => m.field).join(', ')}`)
    this.name = 'UnmappedFileError'
  }
}

/** "likes" (looked for as "likes" or "favorites") — how a missing field is named to the user. */
export function describeMissing(m: MissingField): string {
  const names = m.names.map((n) => `"${n}"`)
  const tried = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`
  return `${m.field.replace(/_/g, ' ')} (a column named ${tried})`
}
