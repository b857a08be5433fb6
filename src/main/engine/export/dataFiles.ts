/**
 * A chart's data table as CSV, XLSX or Parquet. Numbers are written at full precision (JavaScript's shortest
 * round-trip form in CSV, IEEE doubles in XLSX and Parquet), so reading a file back gives the exact numbers drawn.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBDateValue, DuckDBInstance } from '@duckdb/node-api'
import { PROVENANCE_KEY, encodeProvenance, type Provenance } from '../../../shared/provenance'
import { ooxmlWithProvenance } from './provenance'
import { csvRecord } from '../../../shared/csv'
import type { DataFormat } from '../../../shared/export'
import { SAFE_OPTIONS } from '../db/duckdb'
import type { Cell, DataTable } from './chartData'
import { withXmlChars, xmlChars } from './xml'

/**
 * RFC 4180 CSV with a UTF-8 BOM (Excel otherwise misreads accents); empty field = null. Text cells that a
 * spreadsheet would run as formulas get a leading `'` (csvField); number columns are written as numbers.
 */
export function toCsv(t: DataTable, trailer: Cell[][] = []): string {
  const lines = [csvRecord(t.columns.map((c) => c.name)), ...t.rows.map(csvRecord)]
  // Notes under the data (a table's sources), after an empty line, through the same formula-safe fields.
  if (trailer.length) lines.push('', ...trailer.map(csvRecord))
  return `\ufeff${lines.join('\r\n')}\r\n`
}

/**
 * Excel's rules: at most 31 characters, none of \ / ? * [ ] :, no quote or space at either end (stripped together:
 * in " '&" the quote leads only once the space is trimmed), not empty, and not a name the workbook already uses or Excel
 * reserves ("Methodology" is the second sheet; "History" is protected), in any case. xmlChars: the cut may split an
 * emoji.
 */
function worksheetName(s: string): string {
  const name = xmlChars(s.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31)).replace(/^['\s]+|['\s]+$/g, '') || 'Data'
  return ['methodology', 'history'].includes(name.toLowerCase()) ? `${name.slice(0, 26)} data` : name
}

/** One sheet with the data (dates as real dates) and a second with the methodology lines. */
export async function toXlsx(raw: DataTable, rawSheetName: string, rawMethodology: string[]): Promise<Uint8Array> {
  // exceljs escapes `&` and `<` but writes U+FFFE/U+FFFF and lone surrogates as they are: malformed XML to Excel.
  const { t, sheetName, methodology } = withXmlChars({ t: raw, sheetName: rawSheetName, methodology: rawMethodology })
  // exceljs takes ~0.5 s to load: only an .xlsx export pays for it.
  const { default: Excel } = await import('exceljs')
  const wb = new Excel.Workbook()
  wb.creator = 'Socialbench'
  const ws = wb.addWorksheet(worksheetName(sheetName))
  ws.columns = t.columns.map((c) => ({
    header: c.name,
    key: c.name,
    width: c.type === 'text' ? 28 : 14,
    style: c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {}
  }))
  for (const r of t.rows) {
    ws.addRow(r.map((v, i) => (v !== null && t.columns[i].type === 'date' ? new Date(`${v}T00:00:00Z`) : v)))
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  const about = wb.addWorksheet('Methodology')
  for (const line of methodology) about.addRow([line])
  about.getColumn(1).width = 120
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

const DUCK_TYPE = { text: 'VARCHAR', date: 'DATE', number: 'DOUBLE' } as const

/** Parquet through DuckDB (statically linked): a typed in-memory table, then COPY ... TO (FORMAT parquet). */
export async function toParquet(t: DataTable, provenance?: Provenance): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'sb-parquet-'))
  const instance = await DuckDBInstance.create(':memory:', SAFE_OPTIONS)
  const conn = await instance.connect()
  try {
    const q = (n: string) => `"${n.replace(/"/g, '""')}"`
    await conn.run(`CREATE TABLE chart_data (${t.columns.map((c) => `${q(c.name)} ${DUCK_TYPE[c.type]}`).join(', ')})`)
    const app = await conn.createAppender('chart_data')
    for (const r of t.rows) {
      r.forEach((v, i) => {
        const type = t.columns[i].type
        if (v === null) app.appendNull()
        else if (type === 'number') app.appendDouble(Number(v))
        else if (type === 'date')
          app.appendDate(new DuckDBDateValue(Math.round(Date.parse(`${v}T00:00:00Z`) / 86_400_000)))
        else app.appendVarchar(String(v))
      })
      app.endRow()
    }
    app.closeSync()
    const file = join(dir, 'data.parquet')
    // The setup as the file's key-value metadata (ASCII JSON: only its quotes need doubling in the literal).
    const kv = provenance
      ? `, KV_METADATA {"${PROVENANCE_KEY}": '${encodeProvenance(provenance).replace(/'/g, "''")}'}`
      : ''
    await conn.run(`COPY chart_data TO '${file.replace(/'/g, "''")}' (FORMAT parquet${kv})`)
    return new Uint8Array(await readFile(file))
  } finally {
    conn.closeSync()
    instance.closeSync()
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * `provenance`: the setup to record, as the workbook's custom document property or the Parquet file's key-value
 * metadata. A CSV has nowhere to keep it that every reader ignores: its setup goes in a sidecar .provenance.json.
 */
export async function dataFile(
  t: DataTable,
  format: DataFormat,
  sheetName: string,
  methodology: string[],
  csvTrailer: Cell[][] = [],
  provenance?: Provenance
): Promise<Uint8Array> {
  if (format === 'csv') return new TextEncoder().encode(toCsv(t, csvTrailer))
  if (format === 'xlsx') {
    const xlsx = await toXlsx(t, sheetName, methodology)
    return provenance ? ooxmlWithProvenance(xlsx, provenance) : xlsx
  }
  return toParquet(t, provenance)
}
