/**
 * What the SQL editor completes: the workspace's tables and views with their columns, and DuckDB's function names
 * (only those the sandbox policy, sqlPolicy.ts, lets a query call). Read from the engine's own catalog; no user SQL involved.
 */
import type { SqlSchema } from '../../../shared/queries'
import type { Database } from '../db/duckdb'
import { isCompletableFunction } from './sqlPolicy'

export async function sqlSchema(db: Database): Promise<SqlSchema> {
  const cols = await db.all(
    `SELECT c.table_name, t.table_type, c.column_name, c.data_type
     FROM information_schema.columns c
     JOIN information_schema.tables t USING (table_catalog, table_schema, table_name)
     WHERE c.table_schema = 'main' AND c.table_catalog = current_database()
       -- A deleted dataset's raw table, kept for undo until the workspace closes (undo/trash.ts), is not offered.
       AND NOT regexp_full_match(c.table_name, 'undo_ds_[0-9]+')
       -- post_days is the engine's own cache of posts for the dashboard (metrics/postDays): its shape may change
       -- with any release, so completion offers posts, the table a query should read (it stays queryable).
       AND c.table_name <> 'post_days'
     ORDER BY c.table_name, c.ordinal_position`
  )
  const tables = new Map<string, SqlSchema['tables'][number]>()
  for (const r of cols) {
    const name = String(r.table_name)
    if (!tables.has(name)) tables.set(name, { name, kind: r.table_type === 'VIEW' ? 'view' : 'table', columns: [] })
    tables.get(name)!.columns.push({ name: String(r.column_name), type: String(r.data_type) })
  }
  const fns = await db.all(
    `SELECT function_name, any_value(function_type) AS function_type, bool_or(coalesce(has_side_effects, false)) AS side_effects
     FROM duckdb_functions()
     WHERE function_type IN ('scalar', 'aggregate', 'table', 'macro', 'table_macro') AND NOT starts_with(function_name, '__')
     GROUP BY function_name ORDER BY 1`
  )
  return {
    tables: [...tables.values()],
    functions: fns
      .filter((f) => isCompletableFunction(String(f.function_name), String(f.function_type), f.side_effects === true))
      .map((f) => String(f.function_name))
      .filter((f) => /^[a-z_][a-z0-9_]*$/.test(f))
  }
}
