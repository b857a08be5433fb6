/**
 * Spreadsheet workbooks (.xlsx; LinkedIn's ".xls" downloads are really .xlsx) enter the same import path as CSV: each
 * non-empty sheet is written as a UTF-8 CSV in the workspace's tmp folder and imported as its own dataset
 * ("<file> — <sheet>"), so recognition, privacy and the canonical tables work exactly as for a CSV download.
 * Cells become the text a CSV export would hold: numbers as written by JavaScript (shortest exact form), dates as
 * ISO "YYYY-MM-DD[ HH:MM:SS]" (Excel dates have no zone), formulas as their cached result, spreadsheet errors as
 * "#NAME?" etc. (the canonical parsers turn those into NULL with a warning). Read fully in memory by exceljs:
 * analytics workbooks are small. Legacy .xls (BIFF8) and Excel 2003 XML are read by SheetJS (legacyWorkbook.ts)
 * and written out the same way (writeSheets).
 */
import { open, mkdir, rm, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { randomUUID } from 'node:crypto'
import type ExcelJS from 'exceljs'
import { AppFailure } from '../../../shared/result'

export interface ConvertedSheet {
  name: string
  /** The CSV written for the sheet; its file name is "<workbook stem> — <sheet>.csv". */
  csvPath: string
  rows: number
}

export interface ConvertedWorkbook {
  fileName: string
  sheets: ConvertedSheet[]
  /** Sheets with no cells at all: reported, not imported. */
  emptySheets: string[]
  /** Every sheet name, in workbook order. */
  order: string[]
  cleanup(): Promise<void>
}

/** xlsx: Office Open XML (ZIP); xls: Excel 97-2003 binary (OLE2); spreadsheetml: Excel 2003 XML. */
export type WorkbookKind = 'xlsx' | 'xls' | 'spreadsheetml' | null

const SNIFF_BYTES = 4096

/**
 * What kind of workbook the file is, by its first bytes: ZIP with a workbook part, an OLE2 compound file, or an XML
 * document in the SpreadsheetML namespace (platforms save those as ".xls"; they are text, so the name alone would
 * send them down the CSV path).
 */
export async function sniffWorkbook(path: string): Promise<WorkbookKind> {
  let head: Buffer
  const fh = await open(path, 'r').catch(() => null)
  if (!fh) return null
  try {
    head = Buffer.alloc(SNIFF_BYTES)
    const { bytesRead } = await fh.read(head, 0, SNIFF_BYTES, 0)
    head = head.subarray(0, bytesRead)
  } catch {
    return null
  } finally {
    await fh.close()
  }
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    // Any ZIP: the name decides between an Office workbook and another archive, which the text path refuses.
    return /\.(xlsx|xlsm|xls)$/i.test(path) ? 'xlsx' : null
  }
  if (head.length >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    return /\.xls$/i.test(path) ? 'xls' : null
  }
  const text = head.toString('utf8').replace(/^\uFEFF/, '')
  if (
    /^\s*<\?xml[^>]*\?>/.test(text) &&
    /urn:schemas-microsoft-com:office:spreadsheet|progid="Excel\.Sheet"/i.test(text)
  )
    return 'spreadsheetml'
  return null
}

export const pad = (n: number) => String(n).padStart(2, '0')

export function dateText(d: Date): string {
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  const h = d.getUTCHours()
  const m = d.getUTCMinutes()
  const s = d.getUTCSeconds()
  return h || m || s ? `${day} ${pad(h)}:${pad(m)}:${pad(s)}` : day
}

/** A cell value as the text a CSV export would hold. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  if (typeof v === 'string') return v
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE'
  if (v instanceof Date) return dateText(v)
  if ('error' in v) return v.error
  if ('richText' in v) return v.richText.map((r) => r.text).join('')
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : cellText(v.text as ExcelJS.CellValue)
  if ('result' in v || 'formula' in v || 'sharedFormula' in v) {
    return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue)
  }
  return ''
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The text of each non-empty row of an exceljs sheet, trailing empty cells dropped. */
function sheetCells(ws: ExcelJS.Worksheet): string[][] {
  const cells: string[][] = []
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[]
    const out: string[] = []
    for (let i = 1; i < values.length; i++) out[i - 1] = cellText(values[i])
    cells.push(out)
  })
  return cells
}

/**
 * Rows of cell text as CSV lines; a title line above the table (one cell) is left unpadded so preamble detection
 * sees it. Holes become empty fields, trailing empty cells and empty rows are dropped.
 */
export function rowsToCsv(rows: string[][]): { csv: string; rows: number } {
  const cells: string[][] = []
  for (const row of rows) {
    const out = Array.from(row, (v) => v ?? '')
    while (out.length && out[out.length - 1].trim() === '') out.pop()
    if (out.length) cells.push(out)
  }
  const width = Math.max(0, ...cells.map((r) => r.length))
  const firstTable = cells.findIndex((r) => r.length > 1)
  const lines = cells.map((r, i) => {
    const full = i < firstTable && r.length === 1 ? r : [...r, ...Array<string>(width - r.length).fill('')]
    return full.map(csvField).join(',')
  })
  return { csv: lines.length ? `${lines.join('\n')}\n` : '', rows: cells.length }
}

export async function convertWorkbook(path: string, tmpDir: string): Promise<ConvertedWorkbook> {
  const fileName = basename(path)
  // exceljs takes ~0.5 s to load: only a workbook import pays for it.
  const { default: Excel } = await import('exceljs')
  const wb = new Excel.Workbook()
  try {
    await wb.xlsx.readFile(path)
  } catch (err) {
    throw new AppFailure(
      'UNSUPPORTED_FILE',
      `${fileName} could not be read as an Excel workbook (${(err as Error).message}). Open it in a spreadsheet program and save it as .xlsx or CSV.`
    )
  }
  return writeSheets(
    fileName,
    tmpDir,
    wb.worksheets.map((ws) => ({ name: ws.name, rows: sheetCells(ws) }))
  )
}

/** Write each non-empty sheet as "<workbook stem> — <sheet>.csv" in a fresh folder under tmpDir. */
export async function writeSheets(
  fileName: string,
  tmpDir: string,
  book: { name: string; rows: string[][] }[]
): Promise<ConvertedWorkbook> {
  const stem = fileName.replace(/\.[^.]+$/, '')
  const dir = join(tmpDir, `xlsx-${randomUUID()}`)
  await mkdir(dir, { recursive: true })
  const cleanup = () => rm(dir, { recursive: true, force: true })
  const sheets: ConvertedSheet[] = []
  const emptySheets: string[] = []
  try {
    for (const ws of book) {
      const { csv, rows } = rowsToCsv(ws.rows)
      if (rows === 0) {
        emptySheets.push(ws.name)
        continue
      }
      // Sheet names may hold characters no file system accepts (control characters included).
      const safe = [...ws.name].map((ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('')
      const csvPath = join(dir, `${stem} — ${safe}.csv`)
      await writeFile(csvPath, csv, 'utf8')
      sheets.push({ name: ws.name, csvPath, rows })
    }
  } catch (err) {
    await cleanup()
    throw err
  }
  if (sheets.length === 0) {
    await cleanup()
    throw new AppFailure('EMPTY_FILE', `${fileName} is a workbook whose sheets are all empty; nothing was imported.`)
  }
  return { fileName, sheets, emptySheets, order: book.map((w) => w.name), cleanup }
}
