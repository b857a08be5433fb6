/** The only places where SQL text is escaped. Values are bound with $1 placeholders everywhere else. */

/** Quote an identifier (table or column name) for DuckDB. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

/** Quote a string literal, for the few places DuckDB cannot bind a value (table-function options). */
export function literal(value: string): string {
  if (value.includes('\0')) throw new Error('NUL byte in SQL literal')
  return `'${value.replace(/'/g, "''")}'`
}
