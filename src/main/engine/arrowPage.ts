/**
 * A page of rows as Arrow IPC bytes: columnar, typed and compact across IPC. Numbers stay numbers;
 * everything else travels as display text, since the grid only shows it.
 */
import {
  Bool,
  Dictionary,
  Float64,
  Int32,
  Table,
  Utf8,
  makeData,
  makeVector,
  tableToIPC,
  vectorFromArray,
  type Vector
} from 'apache-arrow'
import {
  DuckDBTypeId,
  JsonDuckDBValueConverter,
  type DuckDBDateValue,
  type DuckDBResultReader,
  type DuckDBValueConverter
} from '@duckdb/node-api'

const NUMERIC = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DOUBLE,
  DuckDBTypeId.DECIMAL
])

export interface ArrowOptions {
  /**
   * Text columns as Arrow dictionaries (each distinct value once, rows as int32 keys). Chart series repeat a few
   * institutions, platforms and days over 100k+ rows: a dictionary makes them several times smaller and lets the
   * reader decode each value once. Off for grid pages and query results, whose text is mostly distinct.
   */
  dictionary?: boolean
}

export function rowsToArrowIpc(reader: DuckDBResultReader, opts: ArrowOptions = {}): Uint8Array {
  const types = reader.columnTypes().map((t) => t.typeId)
  const columns = opts.dictionary ? reader.convertColumns(seriesConverter()) : reader.getColumnsJson()
  return columnsToArrowIpc(reader.columnNames(), types, columns as unknown[][], opts)
}

/**
 * The values columnsToArrowIpc makes of getColumnsJson's, without the detour through text where it can: numbers
 * as numbers (JSON gives a BIGINT as text, which Number() then parses back) and each day's text made once (chart
 * series repeat every day for each line). Anything else as the JSON converter gives it.
 */
function seriesConverter(): DuckDBValueConverter<unknown> {
  const days = new Map<number, string>()
  return (value, type) => {
    if (value === null) return null
    switch (type.typeId) {
      case DuckDBTypeId.BIGINT:
      case DuckDBTypeId.INTEGER:
      case DuckDBTypeId.SMALLINT:
      case DuckDBTypeId.TINYINT:
      case DuckDBTypeId.DOUBLE:
        return Number(value)
      case DuckDBTypeId.DATE: {
        const d = (value as DuckDBDateValue).days
        let text = days.get(d)
        if (text === undefined) days.set(d, (text = String(value)))
        return text
      }
      default:
        return JsonDuckDBValueConverter(value, type, JsonDuckDBValueConverter)
    }
  }
}

const asText = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v)

/** Column-major JSON values (as DuckDB's JSON converter gives them) to Arrow IPC; saved-query results use it too. */
export function columnsToArrowIpc(
  names: string[],
  typeIds: DuckDBTypeId[],
  columns: unknown[][],
  opts: ArrowOptions = {}
): Uint8Array {
  const vectors: Record<string, Vector> = {}
  names.forEach((name, i) => {
    const values = columns[i] ?? []
    const typeId = typeIds[i]
    if (NUMERIC.has(typeId)) {
      vectors[name] = vectorFromArray(
        values.map((v) => (v === null ? null : Number(v))),
        new Float64()
      )
    } else if (typeId === DuckDBTypeId.BOOLEAN) {
      vectors[name] = vectorFromArray(values as (boolean | null)[], new Bool())
    } else if (opts.dictionary) {
      vectors[name] = dictionaryVector(values.map(asText))
    } else {
      vectors[name] = vectorFromArray(values.map(asText), new Utf8())
    }
  })
  return tableToIPC(new Table(vectors), 'stream')
}

/** Text values as a Dictionary<Int32, Utf8> vector, NULLs in the validity bitmap. */
export function dictionaryVector(values: (string | null)[]): Vector {
  const index = new Map<string, number>()
  const distinct: string[] = []
  const keys = new Int32Array(values.length)
  const validity = new Uint8Array((values.length + 7) >> 3)
  let nulls = 0
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (v === null) {
      nulls++
      continue
    }
    let k = index.get(v)
    if (k === undefined) {
      k = distinct.length
      distinct.push(v)
      index.set(v, k)
    }
    keys[i] = k
    validity[i >> 3] |= 1 << (i & 7)
  }
  return makeVector(
    makeData({
      type: new Dictionary(new Utf8(), new Int32()),
      length: values.length,
      nullCount: nulls,
      nullBitmap: nulls ? validity : null,
      data: keys,
      dictionary: vectorFromArray(distinct, new Utf8())
    })
  )
}
