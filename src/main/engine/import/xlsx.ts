/**
 * Spreadsheet workbooks (.xlsx; LinkedIn's ".xls" downloads are really .xlsx) enter the same import path as CSV: each
 * non-empty sheet is written as a UTF-8 CSV in the workspace's tmp folder and imported as its own dataset
 * ("<file> — <sheet>"), so recognition, privacy and the canonical tables work exactly as for a CSV download.
 * Cells become the text a CSV export would hold: numbers as written by JavaScript (shortest exact form), dates as
 * ISO "YYYY-MM-DD[ HH:MM:SS]" (Excel dates have no zone), formulas as their cached result, spreadsheet errors as
 * "#NAME?" etc. (the canonical parsers turn those into NULL with a warning). Legacy binary .xls is refused with a
 * specific message. Read fully in memory by exceljs: analytics workbooks are small.
 */
import { open, mkdir, rm, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
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

export type WorkbookKind = 'xlsx' | 'xls' | null

/** What kind of workbook the file is, by its first bytes: ZIP with a workbook part, or an OLE2 compound file. */
export async function sniffWorkbook(path: string): Promise<WorkbookKind> {
  let head: Buffer
  const fh = await open(path, 'r').catch(() => null)
  if (!fh) return null
  try {
    head = Buffer.alloc(8)
    const { bytesRead } = await fh.read(head, 0, 8, 0)
    head = head.subarray(0, bytesRead)
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
  return null
}

const pad = (n: number) => String(n).padStart(2, '0')

function dateText(d: Date): string {
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

/** The sheet as CSV lines; a title line above the table (one cell) is left unpadded so preamble detection sees it. */
export function sheetToCsv(ws: ExcelJS.Worksheet): { csv: string; rows: number } {
  const cells: string[][] = []
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[]
    const out: string[] = []
    for (let i = 1; i < values.length; i++) out[i - 1] = cellText(values[i])
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = ''
    while (out.length && out[out.length - 1].trim() === '') out.pop()
    if (out.length) cells.push(out)
  })
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
  const stem = fileName.replace(/\.[^.]+$/, '')
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.readFile(path)
  } catch (err) {
    throw new AppFailure('UNSUPPORTED_FILE', `${fileName} could not be read as an Excel workbook (${(err as Error).message}). Open it in a spreadsheet program and save it as .xlsx or CSV.`)
  }
  const dir = join(tmpDir, `xlsx-${randomUUID()}`)
  await mkdir(dir, { recursive: true })
  const cleanup = () => rm(dir, { recursive: true, force: true })
  const sheets: ConvertedSheet[] = []
  const emptySheets: string[] = []
  try {
    for (const ws of wb.worksheets) {
      const { csv, rows } = sheetToCsv(ws)
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
  return { fileName, sheets, emptySheets, order: wb.worksheets.map((w) => w.name), cleanup }
}

export function legacyXlsFailure(fileName: string): AppFailure {
  return new AppFailure(
    'UNSUPPORTED_FILE',
    `${fileName} is a legacy Excel 97-2003 workbook (.xls), which Socialbench cannot read. Open it in a spreadsheet program and save it as .xlsx or CSV, then import that file.`
  )
}
