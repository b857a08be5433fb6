/**
 * A page of rows as Arrow IPC bytes: columnar, typed and compact across IPC. Numbers stay numbers;
 * everything else travels as display text, since the grid only shows it.
 */
import { Bool, Float64, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow'
import { DuckDBTypeId, type DuckDBResultReader } from '@duckdb/node-api'

const NUMERIC = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.BIGINT, DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT, DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.DECIMAL
])

export function rowsToArrowIpc(reader: DuckDBResultReader): Uint8Array {
  const types = reader.columnTypes().map((t) => t.typeId)
  return columnsToArrowIpc(reader.columnNames(), types, reader.getColumnsJson() as unknown[][])
}

/** Column-major JSON values (as DuckDB's JSON converter gives them) to Arrow IPC; saved-query results use it too. */
export function columnsToArrowIpc(names: string[], typeIds: DuckDBTypeId[], columns: unknown[][]): Uint8Array {
  const vectors: Record<string, Vector> = {}
  names.forEach((name, i) => {
    const values = columns[i] ?? []
    const typeId = typeIds[i]
    if (NUMERIC.has(typeId)) {
      vectors[name] = vectorFromArray(values.map((v) => (v === null ? null : Number(v))), new Float64())
    } else if (typeId === DuckDBTypeId.BOOLEAN) {
      vectors[name] = vectorFromArray(values as (boolean | null)[], new Bool())
    } else {
      vectors[name] = vectorFromArray(
        values.map((v) => (v === null ? null : typeof v === 'object' ? JSON.stringify(v) : String(v))),
        new Utf8()
      )
    }
  })
  return tableToIPC(new Table(vectors), 'stream')
}
