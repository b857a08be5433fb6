/**
 * Legacy workbooks: Excel 97-2003 binary (.xls, BIFF8 in an OLE2 file) and Excel 2003 XML (SpreadsheetML, which
 * analytics tools also save as ".xls"). Read by SheetJS, which is loaded only when such a file is imported (it is
 * large, and most imports are CSV). Cells become the same text as an .xlsx sheet's (xlsx.ts): numbers in shortest
 * exact form, date-formatted cells as ISO "YYYY-MM-DD[ HH:MM:SS]" read from the serial itself (no time zone gets
 * involved), booleans TRUE/FALSE, errors "#N/A" etc.
 */
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx'
import { AppFailure } from '../../../shared/result'
import { pad, writeSheets, type ConvertedWorkbook } from './xlsx'

type SheetJs = typeof import('@e965/xlsx')

let sheetJs: Promise<SheetJs> | null = null
const loadSheetJs = (): Promise<SheetJs> => (sheetJs ??= import('@e965/xlsx'))

function serialText(x: SheetJs, serial: number, date1904: boolean): string {
  const d = x.SSF.parse_date_code(serial, { date1904 })
  const day = `${d.y}-${pad(d.m)}-${pad(d.d)}`
  return d.H || d.M || d.S ? `${day} ${pad(d.H)}:${pad(d.M)}:${pad(d.S)}` : day
}

/** A SheetJS cell as the text a CSV export would hold. */
export function legacyCellText(x: SheetJs, cell: CellObject | undefined, date1904: boolean): string {
  if (!cell || cell.v === undefined || cell.v === null) return ''
  switch (cell.t) {
    case 'n': {
      const v = cell.v as number
      if (!Number.isFinite(v)) return ''
      return cell.z !== undefined && x.SSF.is_date(cell.z) ? serialText(x, v, date1904) : String(v)
    }
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE'
    case 'e':
      return cell.w ?? '#N/A'
    case 'd':
      return cell.v instanceof Date ? serialText(x, dateSerial(cell.v), false) : String(cell.v)
    default:
      return String(cell.v)
  }
}

/** A JS Date (as SheetJS gives for 'd' cells, in UTC) to an Excel 1900 serial. */
function dateSerial(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569
}

function sheetRows(x: SheetJs, ws: WorkSheet, date1904: boolean): string[][] {
  const ref = ws['!ref']
  if (!ref) return []
  const range = x.utils.decode_range(ref)
  const rows: string[][] = []
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: string[] = []
    for (let c = range.s.c; c <= range.e.c; c++)
      row.push(legacyCellText(x, ws[x.utils.encode_cell({ r, c })] as CellObject | undefined, date1904))
    rows.push(row)
  }
  return rows
}

export async function convertLegacyWorkbook(path: string, tmpDir: string): Promise<ConvertedWorkbook> {
  const fileName = basename(path)
  const x = await loadSheetJs()
  let wb: WorkBook
  try {
    // cellNF keeps each cell's number format, which is how a date is told from a number.
    wb = x.read(await readFile(path), {
      type: 'buffer',
      cellNF: true,
      cellDates: false,
      cellFormula: false,
      cellHTML: false
    })
  } catch (err) {
    // SheetJS's own words ("Unsupported ZIP encryption" for a damaged OLE file) mislead more than they help: logged only.
    console.error(`reading ${fileName} with SheetJS:`, err)
    throw new AppFailure(
      'UNSUPPORTED_FILE',
      `${fileName} could not be read as an Excel 97-2003 or Excel 2003 XML workbook: it is damaged or not a workbook. ` +
        'Open it in a spreadsheet program and save it as .xlsx or CSV.'
    )
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904)
  return writeSheets(
    fileName,
    tmpDir,
    wb.SheetNames.map((name) => ({ name, rows: sheetRows(x, wb.Sheets[name], date1904) }))
  )
}
